import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * Segments: saved list filters of an entity (the records query's filter and sort, as JSON),
 * owned by a user and shared with no one, their reporting line or their branch. Only a filter is
 * kept: running one is a records query in the reader's own scope.
 */
export class Segments1700000000014 implements MigrationInterface {
  name = 'Segments1700000000014';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_segment',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'entity_key', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'filter', type: documentType(runner) },
          { name: 'sort', type: 'text' },
          { name: 'sharing', type: 'varchar', length: '8' },
          { name: 'owner_id', type: 'varchar', length: '36' },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
      }),
    );
    // One name per owner and entity, so a picker never shows two the same from one person.
    await runner.createIndex('bf_segment', new TableIndex({ name: 'bf_segment_owner_name', columnNames: ['owner_id', 'entity_key', 'name'], isUnique: true }));
    await runner.createIndex('bf_segment', new TableIndex({ name: 'bf_segment_entity', columnNames: ['entity_key', 'sharing'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_segment');
  }
}
