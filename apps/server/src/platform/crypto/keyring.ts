import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldCipher } from './field-cipher.js';

/**
 * Where the keys come from. Production: `BANKFORGE_DATA_KEY` (the current key, base64 of 32
 * bytes), `BANKFORGE_OLD_DATA_KEYS` (comma-separated earlier keys, still needed to read values
 * not yet rotated) and `BANKFORGE_INDEX_KEY` (the blind-index key, which never rotates with the
 * data keys, or lookups would break). Without them, the embedded default keeps a generated
 * keyring file in DATA_DIR, with a loud warning: a file beside the data protects nothing from
 * whoever copies the whole folder.
 */
export interface KeySources {
  dataDir: string;
  dataKey?: string;
  oldDataKeys?: string;
  indexKey?: string;
}

interface KeyringFile {
  current: string;
  keys: Record<string, string>;
  indexKey: string;
}

export const KEYRING_FILE = 'keyring.json';

function decodeKey(text: string, name: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must be the base64 of 32 random bytes (e.g. openssl rand -base64 32)`);
  return key;
}

/** A key's id: a digest of it, so the same key always has the same id on every replica. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function readKeyringFile(path: string): KeyringFile {
  return JSON.parse(readFileSync(path, 'utf8')) as KeyringFile;
}

function writeKeyringFile(path: string, keyring: KeyringFile): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(keyring, null, 2), { mode: 0o600 });
  renameSync(temporary, path);
}

function fileKeys(keyring: KeyringFile): { keys: Map<string, Buffer>; current: string } {
  return { keys: new Map(Object.entries(keyring.keys).map(([id, key]) => [id, decodeKey(key, `keyring key ${id}`)])), current: keyring.current };
}

export interface LoadedCipher {
  cipher: FieldCipher;
  /** Why the operator should act, when the keys are not production-grade. */
  warning?: string;
}

export function loadFieldCipher(sources: KeySources): LoadedCipher {
  const path = join(sources.dataDir, KEYRING_FILE);
  if (sources.dataKey) {
    const current = decodeKey(sources.dataKey, 'BANKFORGE_DATA_KEY');
    const keys = new Map<string, Buffer>([[keyIdOf(current), current]]);
    for (const old of (sources.oldDataKeys ?? '').split(',').filter((k) => k.trim())) {
      const key = decodeKey(old, 'BANKFORGE_OLD_DATA_KEYS');
      keys.set(keyIdOf(key), key);
    }
    if (!sources.indexKey) throw new Error('BANKFORGE_INDEX_KEY is required with BANKFORGE_DATA_KEY: the blind index must not change when data keys rotate');
    return { cipher: new FieldCipher(keys, keyIdOf(current), decodeKey(sources.indexKey, 'BANKFORGE_INDEX_KEY')) };
  }
  let created = false;
  if (!existsSync(path)) {
    mkdirSync(sources.dataDir, { recursive: true });
    const key = randomBytes(32);
    writeKeyringFile(path, { current: keyIdOf(key), keys: { [keyIdOf(key)]: key.toString('base64') }, indexKey: randomBytes(32).toString('base64') });
    created = true;
  }
  const keyring = readKeyringFile(path);
  const { keys, current } = fileKeys(keyring);
  return {
    cipher: new FieldCipher(keys, current, sources.indexKey ? decodeKey(sources.indexKey, 'BANKFORGE_INDEX_KEY') : decodeKey(keyring.indexKey, 'keyring indexKey'), () =>
      fileKeys(readKeyringFile(path)),
    ),
    warning: `${created ? 'generated ' : ''}the data keys are kept in ${path}, beside the data: set BANKFORGE_DATA_KEY and BANKFORGE_INDEX_KEY from the bank's key store in production`,
  };
}

/** Adds a fresh key to the keyring file and makes it current (the embedded default's rotation). */
export function addKeyToKeyringFile(dataDir: string): string {
  const path = join(dataDir, KEYRING_FILE);
  const keyring = readKeyringFile(path);
  const key = randomBytes(32);
  const id = keyIdOf(key);
  writeKeyringFile(path, { ...keyring, current: id, keys: { ...keyring.keys, [id]: key.toString('base64') } });
  return id;
}
