import type { ServerConfig } from '../../platform/config/server-config.js';
import { Database } from '../../platform/database/database.js';
import { AuditLog, type ChainVerdict } from './audit-log.js';

type BreakReason = NonNullable<ChainVerdict['firstBroken']>['reason'];

/** What each way of breaking the chain means, for the person reading the verdict. */
const MEANINGS: Record<BreakReason, string> = {
  hashMismatch: 'its contents no longer match its hash',
  prevHashMismatch: 'it does not follow the entry before it',
  missingEntry: 'an entry is missing here',
  unexpectedEntry: 'an entry was inserted past the head',
  headMismatch: 'the recorded head does not match the last entry',
  detailNotJson: 'its detail is not JSON, so it was edited outside BankForge',
};

/**
 * `npm run audit:verify`: recomputes the audit chain straight from the database the server is
 * configured for (DATA_DIR / DATABASE_URL), prints the verdict, and answers the exit code: 0 when
 * the chain is whole, 1 when an entry is broken, 2 when the check could not run (the database
 * unreachable, say), with one line saying why instead of a stack trace.
 */
export async function runAuditVerify(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, print: (line: string) => void): Promise<number> {
  let database: Database | undefined;
  try {
    database = await Database.open(config);
    const verdict: ChainVerdict = await new AuditLog(database).verify();
    if (verdict.ok) {
      print(`audit chain intact: ${verdict.entries} entries, head ${verdict.headHash}`);
      return 0;
    }
    const broken = verdict.firstBroken!;
    print(`audit chain BROKEN at entry ${broken.seq}: ${broken.reason}, ${MEANINGS[broken.reason]} (${verdict.entries} entries verified before it)`);
    return 1;
  } catch (error) {
    print(`audit chain NOT VERIFIED: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await database?.close();
  }
}
