import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import type { EntityDefinition } from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { RoleDefinition } from '../access/role.js';
import { DirectoryService } from '../auth/directory.service.js';
import { DomainEventSubscribers } from '../events/domain-event-subscribers.js';
import type { DomainEvent } from '../events/domain-events.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { passesFilter, selectsType } from './webhook-match.js';
import { carefulReader, eventAsRead, rolesReader, type WebhookReader } from './webhook-reader.js';
import { WEBHOOK_MAX_ATTEMPTS } from './webhook-schedule.js';
import { rolesOf, WebhookStore, type SubscriptionRow } from './webhook-store.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

/**
 * The body a receiver is sent, Standard Webhooks' `{ type, timestamp, data }`: the event as its
 * subscription's reader may see it (`eventAsRead`; sensitive fields by name only, `{ masked: true }`).
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
 * types match and whose filter passes the event as the subscription's reader sees it (a filter on
 * a field it may not read must not tell the receiver its value). Each payload is built through that
 * reader and stored as it is signed and sent. The delivery is unique per subscription and event, so
 * an event heard twice (at-least-once) is sent once.
 */
/** How long the enabled subscriptions read once serve the events that follow. */
const ENABLED_TTL_MS = 1000;

type EnabledSubscription = SubscriptionRow & { types: string[] };

@Injectable()
export class WebhookIntake implements OnModuleInit {
  private enabled: { rows: Promise<EnabledSubscription[]>; readAt: number; generation: number } | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(DomainEventSubscribers) private readonly subscribers: DomainEventSubscribers,
    @Inject(WebhookStore) private readonly store: WebhookStore,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
    @Inject(MetadataService) private readonly metadata: MetadataService,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe(
      'webhooks',
      (event) => this.take(event),
      async (event) => (await this.typed(event)).length > 0,
    );
  }

  async take(event: DomainEvent): Promise<void> {
    const typed = await this.typed(event);
    if (typed.length === 0) return;
    const roles = await this.directory.roles();
    const entity = event.type.startsWith('record.') ? await this.definition(event.entity) : undefined;
    const deliveries: { subscription: string; payload: string }[] = [];
    for (const row of typed) {
      const seen = eventAsRead(event, readerOf(row, roles), entity);
      if (seen && passesFilter(row.event_filter, seen)) deliveries.push({ subscription: row.subscription_key, payload: webhookPayload(seen) });
    }
    if (deliveries.length === 0) return;
    await this.database.transaction(async (sql) => {
      for (const { subscription, payload } of deliveries) await insertDelivery(sql, subscription, event, payload);
    });
  }

  /** The enabled subscriptions to the event's type. */
  private async typed(event: Pick<DomainEvent, 'type'>): Promise<EnabledSubscription[]> {
    return (await this.enabledRows()).filter((row) => selectsType(row.types, event.type));
  }

  /**
   * The enabled subscriptions, read once for the events of the next second rather than once per
   * event (an import's million events each read them). A change made on this replica is seen at
   * once (the store's generation); one made on another replica, or a subscription the sender
   * disabled, within the second.
   */
  private enabledRows(): Promise<EnabledSubscription[]> {
    const now = Date.now();
    const cached = this.enabled;
    if (cached && cached.generation === this.store.generation && now - cached.readAt < ENABLED_TTL_MS) return cached.rows;
    const rows = this.database.read((sql) => this.store.enabledRows(sql)).then((found) => found.map((row) => ({ ...row, types: JSON.parse(row.event_types) as string[] })));
    this.enabled = { rows, readAt: now, generation: this.store.generation };
    // A failed read is not kept: the next event reads again.
    rows.catch(() => {
      if (this.enabled?.rows === rows) this.enabled = undefined;
    });
    return rows;
  }

  /** The entity as published now; undefined once it is no longer (its events then carry no values). */
  private async definition(key: string): Promise<EntityDefinition | undefined> {
    try {
      return (await this.metadata.entity(key)).definition;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }
}

/** The subscription's roles as they are now (a role since deleted grants nothing); none named: the careful reader. */
function readerOf(row: SubscriptionRow, roles: readonly RoleDefinition[]): WebhookReader {
  const named = rolesOf(row);
  return named.length === 0 ? carefulReader(roles) : rolesReader(roles.filter((role) => named.includes(role.key)));
}

async function insertDelivery(sql: SqlExecutor, subscription: string, event: DomainEvent, payload: string): Promise<void> {
  const now = databaseNow(sql);
  // A repeat of the event meets the unique (subscription, event) and changes nothing.
  const onRepeat = sql.dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (subscription_key, event_id) DO NOTHING';
  await sql.execute(
    `INSERT INTO bf_webhook_delivery (id, subscription_key, event_id, event_type, payload, state, attempts, max_attempts, next_attempt_at, lease_owner, lease_until, last_status, last_error, created_at, last_attempt_at, delivered_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ${now}, NULL, NULL, NULL, NULL, ${now}, NULL, NULL) ${onRepeat}`,
    [`msg_${timeOrderedId()}`, subscription, event.id, event.type, payload, WEBHOOK_MAX_ATTEMPTS],
  );
}
