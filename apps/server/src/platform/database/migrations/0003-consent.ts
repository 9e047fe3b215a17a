import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from './columns.js';

/** The customer's consent per record and purpose (PIPL); its history is in the audit log. */
export class Consent1700000000003 implements MigrationInterface {
  name = 'Consent1700000000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_consent',
        columns: [
          { name: 'entity_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'record_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'purpose', type: 'varchar', length: '64', isPrimary: true },
          timestamp('granted_at', true),
          timestamp('withdrawn_at', true),
          { name: 'evidence', type: 'varchar', length: '500' },
          { name: 'recorded_by', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_consent');
  }
}
