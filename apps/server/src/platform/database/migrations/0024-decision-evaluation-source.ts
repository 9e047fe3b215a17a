import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation log's `source` takes `automation` (an automation's evaluateDecision) besides `api`
 * and `flow`: widened on MySQL/MariaDB; SQLite does not hold a varchar to its length.
 */
export class DecisionEvaluationSource1700000000024 implements MigrationInterface {
  name = 'DecisionEvaluationSource1700000000024';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'mysql') await runner.query('ALTER TABLE bf_decision_evaluation MODIFY source varchar(16) NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'mysql') await runner.query('ALTER TABLE bf_decision_evaluation MODIFY source varchar(8) NOT NULL');
  }
}
