import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/** The first answer to each `Idempotency-Key` of each caller, so a repeated request gets it again instead of acting twice. */
export class Idempotency1700000000006 implements MigrationInterface {
  name = 'Idempotency1700000000006';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_idempotency',
        columns: [
          { name: 'caller', type: 'varchar', length: '64', isPrimary: true },
          { name: 'idem_key', type: 'varchar', length: '128', isPrimary: true },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          // Null while the first request is still being answered.
          { name: 'status', type: 'int', isNullable: true },
          { name: 'answer', type: documentType(runner), isNullable: true },
          timestamp('created_at'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_idempotency');
  }
}
