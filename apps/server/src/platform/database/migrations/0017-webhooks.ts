import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { documentType, timestamp } from './columns.js';

/**
 * Outbound webhooks: the subscriptions administrators manage (secrets encrypted with the field
 * cipher) and one delivery per event and subscription, sent and retried by a leased dispatcher.
 */
export class Webhooks1700000000017 implements MigrationInterface {
  name = 'Webhooks1700000000017';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'bf_webhook_subscription',
        columns: [
          { name: 'subscription_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name_en', type: 'varchar', length: '200' },
          { name: 'name_zh', type: 'varchar', length: '200' },
          { name: 'url', type: 'varchar', length: '2000' },
          // A JSON list of event types and family prefixes (`record.*`).
          { name: 'event_types', type: 'text' },
          { name: 'event_filter', type: 'text', isNullable: true },
          // `v1.<keyId>.<iv>.<ciphertext>` of the `whsec_` secret; the previous one signs too until previous_until.
          { name: 'secret', type: 'text' },
          { name: 'previous_secret', type: 'text', isNullable: true },
          timestamp('previous_until', true),
          { name: 'enabled', type: 'int' },
          { name: 'disabled_reason', type: 'varchar', length: '500', isNullable: true },
          timestamp('disabled_at', true),
          { name: 'consecutive_failures', type: 'int' },
          { name: 'version', type: 'int' },
          timestamp('created_at'),
          { name: 'created_by', type: 'varchar', length: '128' },
          timestamp('updated_at'),
          { name: 'updated_by', type: 'varchar', length: '128' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'bf_webhook_delivery',
        columns: [
          // The `webhook-id` header: the same on every attempt and replay.
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'subscription_key', type: 'varchar', length: '64' },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'event_type', type: 'varchar', length: '32' },
          // The body exactly as signed and sent: the event with its masked changes only.
          { name: 'payload', type: documentType(runner) },
          // pending, delivered or failed.
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'int' },
          // Attempts allowed before the delivery fails: the schedule's, or one more after a replay.
          { name: 'max_attempts', type: 'int' },
          { name: 'next_attempt_at', type: 'datetime', precision: 6 },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_until', type: 'datetime', precision: 6, isNullable: true },
          { name: 'last_status', type: 'int', isNullable: true },
          // A status or a refusal's reason and detail, never an answer's body.
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          timestamp('created_at'),
          timestamp('last_attempt_at', true),
          timestamp('delivered_at', true),
        ],
        uniques: [{ name: 'uq_bf_webhook_delivery_event', columnNames: ['subscription_key', 'event_id'] }],
        indices: [
          { name: 'ix_bf_webhook_delivery_due', columnNames: ['state', 'next_attempt_at'] },
          { name: 'ix_bf_webhook_delivery_log', columnNames: ['subscription_key', 'created_at'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bf_webhook_delivery');
    await runner.dropTable('bf_webhook_subscription');
  }
}
