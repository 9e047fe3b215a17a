import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/** The platform's own tables: artifacts, their versions, physical entity tables, migrations. */
export class SystemTables1700000000001 implements MigrationInterface {
  name = 'SystemTables1700000000001';

  async up(runner: QueryRunner): Promise<void> {
    const doc = documentType(runner);
    await runner.createTable(
      new Table({
        name: 'bf_artifact',
        columns: [
          { name: 'kind', type: 'varchar', length: '16', isPrimary: true },
          { name: 'artifact_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'title', type: 'varchar', length: '255' },
          { name: 'draft', type: doc },
          { name: 'revision', type: 'int' },
          { name: 'latest_version', type: 'int', isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
          { name: 'updated_by', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_artifact_version',
        columns: [
          { name: 'kind', type: 'varchar', length: '16', isPrimary: true },
          { name: 'artifact_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'int', isPrimary: true },
          { name: 'document', type: doc },
          timestamp('published_at'),
          { name: 'published_by', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_entity_table',
        columns: [
          { name: 'entity_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'table_name', type: 'varchar', length: '64' },
          { name: 'entity_version', type: 'int' },
          { name: 'layout', type: doc },
          timestamp('updated_at'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_migration',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'entity_key', type: 'varchar', length: '64' },
          { name: 'from_version', type: 'int', isNullable: true },
          { name: 'to_version', type: 'int' },
          { name: 'plan', type: doc },
          { name: 'backup_table', type: 'varchar', length: '64', isNullable: true },
          timestamp('applied_at'),
          { name: 'applied_by', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [{ name: 'ix_bf_migration_entity', columnNames: ['entity_key', 'applied_at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['bf_migration', 'bf_entity_table', 'bf_artifact_version', 'bf_artifact']) {
      await runner.dropTable(table);
    }
  }
}
