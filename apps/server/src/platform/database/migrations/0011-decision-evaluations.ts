import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * The decisions' evaluation log: every evaluation through the API or a flow, with its inputs
 * (sensitive ones masked) and outputs, kept for BANKFORGE_DECISION_LOG_DAYS and purged by age.
 */
export class DecisionEvaluations1700000000011 implements MigrationInterface {
  name = 'DecisionEvaluations1700000000011';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_decision_evaluation',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'decision_key', type: 'varchar', length: '64' },
          { name: 'version', type: 'int' },
          timestamp('evaluated_at'),
          // The user's or API key's name (`system` for a timer's command).
          { name: 'caller', type: 'varchar', length: '128' },
          // api or flow; a flow's evaluation names its case.
          { name: 'source', type: 'varchar', length: '8' },
          { name: 'case_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'inputs', type: documentType(runner) },
          { name: 'outputs', type: documentType(runner) },
          { name: 'duration_us', type: 'int' },
        ],
        indices: [
          // A decision's log, newest first (keyset pages, backtests).
          { name: 'ix_bf_decision_evaluation_key', columnNames: ['decision_key', 'evaluated_at', 'id'] },
          // The purge deletes by age.
          { name: 'ix_bf_decision_evaluation_at', columnNames: ['evaluated_at'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_decision_evaluation');
  }
}
