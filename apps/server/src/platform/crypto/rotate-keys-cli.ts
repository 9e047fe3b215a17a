import { readServerConfig } from '../config/server-config.js';
import { Database } from '../database/database.js';
import { MetadataService } from '../../modules/metadata/metadata.service.js';
import { addKeyToKeyringFile, loadFieldCipher } from './keyring.js';
import { rotateDataKeys } from './rotate-keys.js';

// `npm run keys:rotate`. With BANKFORGE_DATA_KEY: that key is the new one, and the keys it replaces
// are in BANKFORGE_OLD_DATA_KEYS (deploy both to every server first). Without it: a new key is
// added to the keyring file, and running servers pick it up when they first read a value it wrote.
const config = readServerConfig();
if (!config.dataKey) console.log(`new data key ${addKeyToKeyringFile(config.dataDir)} added to the keyring file`);
const { cipher } = loadFieldCipher(config);
const database = await Database.open(config);
try {
  const result = await rotateDataKeys(database, new MetadataService(database, cipher), cipher);
  console.log(`re-encrypted ${result.reencrypted} values of ${result.fields.join(', ') || 'no encrypted fields'} under key ${result.keyId}`);
} finally {
  await database.close();
}
