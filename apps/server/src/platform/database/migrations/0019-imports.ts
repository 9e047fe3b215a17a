import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * Bulk imports: one job per uploaded file (the file itself stays under DATA_DIR), the first of its
 * row problems, and one change per record a committed run wrote, so that a rollback knows what it
 * created and what the records it updated held before (encrypted with the field cipher).
 */
export class Imports1700000000019 implements MigrationInterface {
  name = 'Imports1700000000019';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_import_job',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'entity_key', type: 'varchar', length: '64' },
          // Relative to DATA_DIR/imports: never a path a request named.
          { name: 'file_path', type: 'varchar', length: '200' },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'format', type: 'varchar', length: '8' },
          { name: 'size_bytes', type: 'bigint' },
          // [{ header, field }] in the file's column order.
          { name: 'columns_json', type: documentType(runner) },
          { name: 'match_json', type: 'text', isNullable: true },
          // dryRun or commit; null until a run is asked for.
          { name: 'mode', type: 'varchar', length: '8', isNullable: true },
          // uploaded, queued, running, done, failed, rolledBack.
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'rows_total', type: 'bigint', isNullable: true },
          { name: 'rows_done', type: 'bigint' },
          { name: 'rows_created', type: 'bigint' },
          { name: 'rows_updated', type: 'bigint' },
          { name: 'rows_skipped', type: 'bigint' },
          { name: 'rows_failed', type: 'bigint' },
          { name: 'problem_count', type: 'bigint' },
          // Where a resumed run starts: the data rows done and, for CSV, the byte after the last of them.
          { name: 'checkpoint_row', type: 'bigint' },
          { name: 'checkpoint_byte', type: 'bigint' },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', precision: 6, isNullable: true },
          { name: 'error_en', type: 'varchar', length: '500', isNullable: true },
          { name: 'error_zh', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '128' },
          timestamp('created_at'),
          timestamp('started_at', true),
          timestamp('finished_at', true),
          { name: 'version', type: 'int' },
        ],
        indices: [new TableIndex({ name: 'ix_bf_import_job_creator', columnNames: ['created_by', 'created_at'] }), new TableIndex({ name: 'ix_bf_import_job_status', columnNames: ['status'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_import_problem',
        columns: [
          { name: 'job_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'int', isPrimary: true },
          { name: 'row_no', type: 'bigint' },
          { name: 'path', type: 'varchar', length: '200' },
          { name: 'code', type: 'varchar', length: '64' },
          // The validators' messages: they name fields and rules, never the value.
          { name: 'message_en', type: 'varchar', length: '500' },
          { name: 'message_zh', type: 'varchar', length: '500' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_import_change',
        columns: [
          { name: 'job_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'record_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'row_no', type: 'bigint' },
          // created or updated.
          { name: 'kind', type: 'varchar', length: '8' },
          // The record's version after the import's write: a rollback leaves a record changed since then alone.
          { name: 'version_after', type: 'int' },
          // Updated only: the changed fields' previous values as JSON, encrypted whole with the field cipher.
          { name: 'prior_values', type: documentType(runner), isNullable: true },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_import_change');
    await runner.dropTable('bf_import_problem');
    await runner.dropTable('bf_import_job');
  }
}
