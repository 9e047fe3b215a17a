import type { ServerConfig } from '../config/server-config.js';
import { Database } from '../database/database.js';
import { AuditLog, type ChainVerdict } from './audit-log.js';

/**
 * `npm run audit:verify`: recomputes the audit chain straight from the database the server is
 * configured for (DATA_DIR / DATABASE_URL), prints the verdict, and answers the exit code: 0 when
 * the chain is whole, 1 when an entry is broken.
 */
export async function runAuditVerify(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, print: (line: string) => void): Promise<number> {
  const database = await Database.open(config);
  try {
    const verdict: ChainVerdict = await new AuditLog(database).verify();
    if (verdict.ok) {
      print(`audit chain intact: ${verdict.entries} entries, head ${verdict.headHash}`);
      return 0;
    }
    const broken = verdict.firstBroken!;
    print(`audit chain BROKEN at entry ${broken.seq}: ${broken.reason} (${verdict.entries} entries verified before it)`);
    return 1;
  } finally {
    await database.close();
  }
}
