import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit viewer searches the log by who acted, by action and by time, newest first: each
 * search walks one index backwards by sequence instead of reading the whole log.
 */
export class AuditSearch1700000000012 implements MigrationInterface {
  name = 'AuditSearch1700000000012';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('bf_audit', new TableIndex({ name: 'ix_bf_audit_actor', columnNames: ['actor_name', 'seq'] }));
    await runner.createIndex('bf_audit', new TableIndex({ name: 'ix_bf_audit_action', columnNames: ['action', 'seq'] }));
    await runner.createIndex('bf_audit', new TableIndex({ name: 'ix_bf_audit_at', columnNames: ['at'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['ix_bf_audit_at', 'ix_bf_audit_action', 'ix_bf_audit_actor']) await runner.dropIndex('bf_audit', name);
  }
}
