import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A rollback acts as whoever asked for it (`rollback_requested_by`: a user's or an API key's id),
 * and one that fails is tried again later rather than on every poll: its failed attempts in a row
 * are counted (a batch done resets them; after the last the job ends rollbackFailed) and it is due
 * again at `rollback_due_at`, its own due time (`created_at` is the upload's). A rollback already
 * asked for was asked by the importer, the only one who may, and is due at once.
 */
export class ImportRollbackAttempts1700000000029 implements MigrationInterface {
  name = 'ImportRollbackAttempts1700000000029';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('bf_import_job', [
      new TableColumn({ name: 'rollback_requested_by', type: 'varchar', length: '128', isNullable: true }),
      new TableColumn({ name: 'rollback_failures', type: 'int', default: 0 }),
      new TableColumn({ name: 'rollback_due_at', type: 'datetime', precision: 6, isNullable: true }),
    ]);
    await runner.query('UPDATE bf_import_job SET rollback_requested_by = created_by, rollback_due_at = created_at WHERE rollback_total IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['rollback_due_at', 'rollback_failures', 'rollback_requested_by']) await runner.dropColumn('bf_import_job', name);
  }
}
