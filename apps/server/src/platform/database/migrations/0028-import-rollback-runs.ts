import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A rollback is a background run of its import job (status rollingBack, leased like the run): the
 * job counts the changes it has to undo and what it has undone so far, so its progress shows and a
 * replica that takes it over after a crash goes on counting. Null until a rollback is asked for.
 */
export class ImportRollbackRuns1700000000028 implements MigrationInterface {
  name = 'ImportRollbackRuns1700000000028';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('bf_import_job', [
      new TableColumn({ name: 'rollback_total', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'rollback_removed', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'rollback_restored', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'rollback_changed_since', type: 'bigint', isNullable: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of ['rollback_changed_since', 'rollback_restored', 'rollback_removed', 'rollback_total']) await runner.dropColumn('bf_import_job', name);
  }
}
