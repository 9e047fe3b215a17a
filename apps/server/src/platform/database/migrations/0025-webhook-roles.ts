import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A webhook subscription may name the roles its receiving system reads through, as an API key
 * does: deliveries then carry what those roles may see. Null (every subscription made before):
 * fields any role masks or hides are sent masked.
 */
export class WebhookRoles1700000000025 implements MigrationInterface {
  name = 'WebhookRoles1700000000025';

  async up(runner: QueryRunner): Promise<void> {
    // A JSON list of role keys.
    await runner.addColumn('bf_webhook_subscription', new TableColumn({ name: 'roles', type: 'text', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('bf_webhook_subscription', 'roles');
  }
}
