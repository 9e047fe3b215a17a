import type { MigrationInterface, QueryRunner } from 'typeorm';

export const AUDIT_CHAIN_MOVED = 'audit chain head moved';

/**
 * The database keeps the chain's head itself: an entry is accepted only if it follows the head
 * (next seq, the head's hash as its prev_hash), and then becomes the head, in the same statement.
 * Writers therefore append with one round trip, concurrent writers queue on the head row, and
 * even a hand-written INSERT cannot fork the chain.
 */
export function auditChainTriggerSql(dialect: 'mysql' | 'sqlite'): string {
  return dialect === 'mysql'
    ? // One locking UPDATE that moves the head only from the entry's predecessor: it waits for a concurrent writer, then sees its head.
      `CREATE TRIGGER bf_audit_chain BEFORE INSERT ON bf_audit FOR EACH ROW
BEGIN
  UPDATE bf_audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1 AND seq = NEW.seq - 1 AND hash = NEW.prev_hash;
  IF ROW_COUNT() = 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${AUDIT_CHAIN_MOVED}';
  END IF;
END`
    : `CREATE TRIGGER bf_audit_chain BEFORE INSERT ON bf_audit FOR EACH ROW
BEGIN
  SELECT RAISE(ABORT, '${AUDIT_CHAIN_MOVED}') FROM bf_audit_head WHERE id = 1 AND (NEW.seq <> seq + 1 OR NEW.prev_hash <> hash);
  UPDATE bf_audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
END`;
}

export class AuditChainTrigger1700000000004 implements MigrationInterface {
  name = 'AuditChainTrigger1700000000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(auditChainTriggerSql(runner.connection.options.type === 'mysql' ? 'mysql' : 'sqlite'));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER bf_audit_chain');
  }
}
