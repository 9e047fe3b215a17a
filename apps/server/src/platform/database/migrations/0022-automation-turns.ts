import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Whose turn it is: the last turn an automation's round-robin action gave out, per team (role and branch). */
export class AutomationTurns1700000000022 implements MigrationInterface {
  name = 'AutomationTurns1700000000022';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_automation_turn',
        columns: [
          { name: 'automation_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'action_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'team', type: 'varchar', length: '200', isPrimary: true },
          { name: 'last_value', type: 'bigint' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_automation_turn');
  }
}
