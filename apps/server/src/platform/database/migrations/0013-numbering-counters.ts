import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The counters behind auto-numbered fields: the last number given per entity, field (its stable
 * id, so a renamed field keeps counting) and period (`202607` for a monthly sequence, `` for one
 * that never restarts). A record's insert takes the next number in its own transaction: the row
 * stays locked until the insert commits, and a failed insert rolls its number back, so numbers
 * have no gaps and no two records share one.
 */
export class NumberingCounters1700000000013 implements MigrationInterface {
  name = 'NumberingCounters1700000000013';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_numbering_counter',
        columns: [
          { name: 'entity_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'field_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'period', type: 'varchar', length: '8', isPrimary: true },
          { name: 'last_value', type: 'bigint' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_numbering_counter');
  }
}
