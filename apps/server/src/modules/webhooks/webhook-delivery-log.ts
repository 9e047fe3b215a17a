import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime } from '@bankforge/data-model';
import type { WebhookDelivery, WebhookDeliveryPage, WebhookDeliveryState } from '@bankforge/client';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { WebhookStore } from './webhook-store.js';

interface DeliveryRow {
  id: string;
  subscription_key: string;
  event_id: string;
  event_type: string;
  state: WebhookDeliveryState;
  attempts: number | string;
  next_attempt_at: string;
  last_status: number | string | null;
  last_error: string | null;
  created_at: string;
  last_attempt_at: string | null;
  delivered_at: string | null;
}

const COLUMNS = 'id, subscription_key, event_id, event_type, state, attempts, next_attempt_at, last_status, last_error, created_at, last_attempt_at, delivered_at';

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  const at = (value: string | null): string | undefined => fromStoredDatetime(value) ?? undefined;
  const nextAttemptAt = row.state === 'pending' ? at(row.next_attempt_at) : undefined;
  const lastAttemptAt = at(row.last_attempt_at);
  const deliveredAt = at(row.delivered_at);
  return {
    id: row.id,
    subscription: row.subscription_key,
    eventId: row.event_id,
    eventType: row.event_type,
    state: row.state,
    attempts: Number(row.attempts),
    ...(nextAttemptAt ? { nextAttemptAt } : {}),
    ...(row.last_status !== null ? { lastStatus: Number(row.last_status) } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    createdAt: at(row.created_at)!,
    ...(lastAttemptAt ? { lastAttemptAt } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
  };
}

/** The deliveries administrators read per subscription, and replay. */
@Injectable()
export class WebhookDeliveryLog {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(WebhookStore) private readonly store: WebhookStore,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Newest first. */
  async list(key: string, query: { state?: WebhookDeliveryState; limit: number }): Promise<WebhookDeliveryPage> {
    await this.store.get(key);
    const rows = await this.database.read((sql) =>
      sql.rows<DeliveryRow>(
        `SELECT ${COLUMNS} FROM bf_webhook_delivery WHERE subscription_key = ?${query.state ? ' AND state = ?' : ''} ORDER BY created_at DESC, id DESC LIMIT ${query.limit}`,
        query.state ? [key, query.state] : [key],
      ),
    );
    return { items: rows.map(deliveryOf) };
  }

  /**
   * One more attempt, due now, with the same webhook-id (a receiver that kept it drops the repeat).
   * A pending delivery is only brought forward; a finished one gets one attempt and no schedule.
   */
  async replay(id: string, actor: Actor): Promise<WebhookDelivery> {
    await this.database.transaction(async (sql) => {
      const row = await this.lockedRow(sql, id);
      const subscription = await this.store.lockedRow(sql, row.subscription_key).catch(() => undefined);
      if (!subscription) throw deliveryNotFound(id);
      if (Number(subscription.enabled) !== 1) {
        throw ProblemError.conflict('webhookDisabled', `The webhook subscription ${row.subscription_key} is disabled; enable it to replay its deliveries.`);
      }
      const larger = sql.dialect === 'mysql' ? 'GREATEST' : 'MAX';
      await sql.execute(`UPDATE bf_webhook_delivery SET state = 'pending', next_attempt_at = ${databaseNow(sql)}, max_attempts = ${larger}(max_attempts, attempts + 1), delivered_at = NULL WHERE id = ?`, [id]);
      await this.audit.append(sql, actor, { action: 'webhook', recordId: row.subscription_key, detail: { change: 'replayed', webhook: row.subscription_key, delivery: id, event: row.event_id, was: row.state } });
    });
    const [row] = await this.database.read((sql) => sql.rows<DeliveryRow>(`SELECT ${COLUMNS} FROM bf_webhook_delivery WHERE id = ?`, [id]));
    return deliveryOf(row!);
  }

  private async lockedRow(sql: SqlExecutor, id: string): Promise<DeliveryRow> {
    const [row] = await sql.rows<DeliveryRow>(`SELECT ${COLUMNS} FROM bf_webhook_delivery WHERE id = ?${sql.dialect === 'mysql' ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw deliveryNotFound(id);
    return row;
  }
}

function deliveryNotFound(id: string): ProblemError {
  return ProblemError.notFound('webhookDeliveryNotFound', `There is no webhook delivery ${id.slice(0, 64)}.`);
}
