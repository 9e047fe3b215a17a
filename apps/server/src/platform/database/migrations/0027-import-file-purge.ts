import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from './columns.js';

/**
 * An import's uploaded file holds customers' data in clear: it is deleted once its job is finished
 * (or abandoned past the retention), and the job records when, so that a deletion cut short by a
 * crash is finished by the next sweep and a purged job is never read again.
 */
export class ImportFilePurge1700000000027 implements MigrationInterface {
  name = 'ImportFilePurge1700000000027';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('bf_import_job', new TableColumn(timestamp('file_purged_at', true)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('bf_import_job', 'file_purged_at');
  }
}
