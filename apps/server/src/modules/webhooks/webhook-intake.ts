import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { DomainEventSubscribers } from '../events/domain-event-subscribers.js';
import type { DomainEvent } from '../events/domain-events.js';
import { passesFilter, selectsType } from './webhook-match.js';
import { WEBHOOK_MAX_ATTEMPTS } from './webhook-schedule.js';
import { WebhookStore } from './webhook-store.js';

/**
 * The body a receiver is sent, Standard Webhooks' `{ type, timestamp, data }`: the event with its
 * changes as the event store holds them (sensitive fields by name only, `{ masked: true }`).
 */
export function webhookPayload(event: DomainEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt,
    data: { id: event.id, type: event.type, entity: event.entity, recordId: event.recordId, changes: event.changes, actor: event.actor, occurredAt: event.occurredAt },
  });
}

/**
 * Hears the domain events after commit and leaves one delivery per enabled subscription whose
 * types and filter match. The delivery is unique per subscription and event, so an event heard
 * twice (at-least-once) is sent once.
 */
@Injectable()
export class WebhookIntake implements OnModuleInit {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(DomainEventSubscribers) private readonly subscribers: DomainEventSubscribers,
    @Inject(WebhookStore) private readonly store: WebhookStore,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe('webhooks', (event) => this.take(event));
  }

  async take(event: DomainEvent): Promise<void> {
    const rows = await this.database.read((sql) => this.store.enabledRows(sql));
    const matched = rows.filter((row) => selectsType(JSON.parse(row.event_types) as string[], event.type) && passesFilter(row.event_filter, event));
    if (matched.length === 0) return;
    const payload = webhookPayload(event);
    await this.database.transaction(async (sql) => {
      for (const row of matched) await insertDelivery(sql, row.subscription_key, event, payload);
    });
  }
}

async function insertDelivery(sql: SqlExecutor, subscription: string, event: DomainEvent, payload: string): Promise<void> {
  const now = databaseNow(sql);
  // A repeat of the event meets the unique (subscription, event) and changes nothing.
  const onRepeat = sql.dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (subscription_key, event_id) DO NOTHING';
  await sql.execute(
    `INSERT INTO bf_webhook_delivery (id, subscription_key, event_id, event_type, payload, state, attempts, max_attempts, next_attempt_at, lease_owner, lease_until, last_status, last_error, created_at, last_attempt_at, delivered_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ${now}, NULL, NULL, NULL, NULL, ${now}, NULL, NULL) ${onRepeat}`,
    [`msg_${uuidv7()}`, subscription, event.id, event.type, payload, WEBHOOK_MAX_ATTEMPTS],
  );
}
