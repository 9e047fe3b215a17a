import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_MOVED, auditChainTriggerSql } from './0004-audit-chain-trigger.js';

/** The session variables of a run of entries: the seq and hash of the last entry the run appended. */
export const AUDIT_RUN_SEQ = '@bf_audit_run_seq';
export const AUDIT_RUN_HASH = '@bf_audit_run_hash';

/**
 * The chain's guard as it stands. On MariaDB a writer that holds the head row's lock (an import's
 * batch) may append a run of entries and move the head once at its end: while the session's run
 * variables are set, each entry must follow the run's last entry (checked in memory, no head
 * update per row); the writer then moves the head to the run's end, from where the run started.
 * Any other INSERT (a hand-written one too) still follows and moves the head itself, so no path
 * can fork the chain, and both leave the same chain for the verifier.
 */
export function currentAuditChainTriggerSql(dialect: 'mysql' | 'sqlite'): string {
  if (dialect === 'sqlite') return auditChainTriggerSql('sqlite');
  return `CREATE TRIGGER bf_audit_chain BEFORE INSERT ON bf_audit FOR EACH ROW
BEGIN
  IF ${AUDIT_RUN_SEQ} IS NULL THEN
    UPDATE bf_audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1 AND seq = NEW.seq - 1 AND hash = NEW.prev_hash;
    IF ROW_COUNT() = 0 THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${AUDIT_CHAIN_MOVED}';
    END IF;
  ELSE
    IF NEW.seq <> ${AUDIT_RUN_SEQ} + 1 OR BINARY NEW.prev_hash <> BINARY ${AUDIT_RUN_HASH} THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${AUDIT_CHAIN_MOVED}';
    END IF;
    SET ${AUDIT_RUN_SEQ} = NEW.seq, ${AUDIT_RUN_HASH} = NEW.hash;
  END IF;
END`;
}

export class AuditChainRuns1700000000023 implements MigrationInterface {
  name = 'AuditChainRuns1700000000023';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'mysql') return;
    await runner.query('DROP TRIGGER IF EXISTS bf_audit_chain');
    await runner.query(currentAuditChainTriggerSql('mysql'));
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'mysql') return;
    await runner.query('DROP TRIGGER IF EXISTS bf_audit_chain');
    await runner.query(auditChainTriggerSql('mysql'));
  }
}
