import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A run's error as a code and values (JSON `{ code, params }`) beside its English text, so a screen
 * says it in its reader's language. Null on runs without an error and on those failed before it.
 */
export class AutomationRunErrorMessage1700000000026 implements MigrationInterface {
  name = 'AutomationRunErrorMessage1700000000026';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('bf_automation_run', new TableColumn({ name: 'error_message', type: 'text', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('bf_automation_run', 'error_message');
  }
}
