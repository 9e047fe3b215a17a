import { Inject, Injectable } from '@nestjs/common';
import { toStoredDatetime } from '@bankforge/data-model';
import { positiveInteger } from '../../platform/config/server-config.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database } from '../../platform/database/database.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { guardedFetch, type OutboundPolicy } from '../../platform/outbound-http/guarded-fetch.js';
import { signWebhook } from '../../platform/outbound-http/webhook-signature.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { ConnectorStore } from '../connectors/connector-store.js';
import { Notifications } from '../notifications/notifications.js';
import { WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES, webhookRetryDelaySeconds } from './webhook-schedule.js';
import { WebhookStore, type SendingSubscription } from './webhook-store.js';

/** How long a claimed delivery is this replica's: longer than a send may take. */
const LEASE_SECONDS = 60;
const BATCH = 20;
const DEFAULT_POLL_MS = 1000;
const SEND_TIMEOUT_MS = 15_000;
/** A receiver's answer is read only for its status; a little of the body is allowed, then refused. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Finished deliveries stay in the log this long (`BANKFORGE_WEBHOOK_RETENTION_DAYS`), then are deleted. */
const DEFAULT_RETENTION_DAYS = 30;

interface ClaimedDelivery {
  id: string;
  subscription_key: string;
  payload: string;
  attempts: number | string;
  max_attempts: number | string;
}

/** One attempt's outcome. */
type Outcome = { delivered: true; status: number } | { delivered: false; status: number | null; error: string; retry: boolean };

/**
 * Sends the pending webhook deliveries: claimed with leases (`LeasedQueue`: several replicas
 * cooperate; one whose replica died is claimed again after its lease), POSTed through
 * `guardedFetch` with the administrator's allow-list, signed with each active secret. A 2xx answer
 * delivers; another answer or a retryable refusal is tried again on the schedule; the last attempt
 * or a refusal that would only repeat (a private address) fails the delivery, and enough failed in
 * a row disable the subscription.
 */
@Injectable()
export class WebhookDeliveries extends LeasedQueueWorker<ClaimedDelivery> {
  readonly retentionDays: number;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(WebhookStore) private readonly store: WebhookStore,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(ConnectorStore) private readonly connectors: ConnectorStore,
  ) {
    const retentionDays = positiveInteger('BANKFORGE_WEBHOOK_RETENTION_DAYS', process.env.BANKFORGE_WEBHOOK_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS;
    super(
      database,
      {
        table: 'bf_webhook_delivery',
        key: 'id',
        waiting: { column: 'state', values: ['pending'] },
        due: 'next_attempt_at',
        columns: ['id', 'subscription_key', 'payload', 'attempts', 'max_attempts'],
        order: ['next_attempt_at'],
        batch: BATCH,
        leaseSeconds: LEASE_SECONDS,
        countsAttempts: true,
        onClaim: (on) => `last_attempt_at = ${databaseNow(on)}`,
        purge: { finished: "state <> 'pending'", olderThan: 'created_at', retentionDays },
      },
      { env: 'BANKFORGE_WEBHOOK_POLL_MS', defaultMs: DEFAULT_POLL_MS },
    );
    this.retentionDays = retentionDays;
  }

  /** Sends what is due now, batch after batch; answers how many attempts were made. */
  dispatchDue(): Promise<number> {
    return this.queue.drain();
  }

  /** One claimed batch, due pending deliveries of enabled subscriptions, sent; undefined when nothing was due. */
  protected async nextBatch(): Promise<number | undefined> {
    const subscriptions = await this.store.sending();
    const claimed = subscriptions.size === 0 ? [] : await this.queue.claim({ column: 'subscription_key', values: [...subscriptions.keys()] });
    if (claimed.length === 0) return undefined;
    const policy = await this.policy();
    await Promise.all(claimed.map((delivery) => this.attempt(delivery, subscriptions.get(delivery.subscription_key)!, policy)));
    return claimed.length;
  }

  /** Deletes delivered and failed deliveries created before the retention period; answers how many. */
  purgeFinished(now: number = Date.now()): Promise<number> {
    return this.queue.purge(now);
  }

  /** The allow-list administrators keep for connectors: webhook targets on the bank's own network need the same permission. */
  private async policy(): Promise<OutboundPolicy> {
    // No redirects: a receiver that moved is reconfigured by the administrator, not followed.
    return { allowedHosts: new Set(await this.connectors.allowedHosts()), timeoutMs: SEND_TIMEOUT_MS, maxRedirects: 0, maxAnswerBytes: MAX_ANSWER_BYTES };
  }

  private async attempt(delivery: ClaimedDelivery, subscription: SendingSubscription, policy: OutboundPolicy): Promise<void> {
    const outcome = await send(delivery, subscription, policy);
    const attempts = Number(delivery.attempts);
    try {
      if (outcome.delivered) return await this.delivered(delivery, outcome.status);
      const wait = attempts < Number(delivery.max_attempts) && outcome.retry ? webhookRetryDelaySeconds(attempts) : undefined;
      if (wait !== undefined) return await this.retryLater(delivery, outcome, wait);
      await this.failed(delivery, outcome);
    } catch {
      // The lease runs out and a replica sends it again; the receiver drops the repeat by its webhook-id.
    }
  }

  private async delivered(delivery: ClaimedDelivery, status: number): Promise<void> {
    await this.database.transaction(async (sql) => {
      const changed = await this.queue.change(sql, [delivery.id], {
        set: `state = 'delivered', delivered_at = ${databaseNow(sql)}, last_status = ?, last_error = NULL`,
        params: [status],
        lease: 'release',
        while: { leasedTo: this.owner },
      });
      if (changed > 0) await sql.execute('UPDATE bf_webhook_subscription SET consecutive_failures = 0 WHERE subscription_key = ? AND consecutive_failures <> 0', [delivery.subscription_key]);
    });
  }

  private async retryLater(delivery: ClaimedDelivery, outcome: Extract<Outcome, { delivered: false }>, waitSeconds: number): Promise<void> {
    await this.database.single((sql) =>
      this.queue.change(sql, [delivery.id], { set: 'last_status = ?, last_error = ?', params: [outcome.status, outcome.error], dueInSeconds: waitSeconds, lease: 'release', while: { leasedTo: this.owner } }),
    );
  }

  /** The delivery gives up; a subscription failing persistently is disabled, with an audit entry and a notification to every administrator. */
  private async failed(delivery: ClaimedDelivery, outcome: Extract<Outcome, { delivered: false }>): Promise<void> {
    let disabled = false;
    await this.database.transaction(async (sql) => {
      const changed = await this.queue.change(sql, [delivery.id], {
        set: "state = 'failed', last_status = ?, last_error = ?",
        params: [outcome.status, outcome.error],
        lease: 'release',
        while: { leasedTo: this.owner },
      });
      if (changed === 0) return;
      const row = await this.store.lockedRow(sql, delivery.subscription_key);
      const failures = Number(row.consecutive_failures) + 1;
      const disable = Number(row.enabled) === 1 && failures >= WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES;
      const reason = `Disabled after ${failures} deliveries in a row failed; the last: ${outcome.error}`.slice(0, 500);
      await sql.execute(
        `UPDATE bf_webhook_subscription SET consecutive_failures = ?${disable ? `, enabled = 0, disabled_reason = ?, disabled_at = ${databaseNow(sql)}, version = version + 1` : ''} WHERE subscription_key = ?`,
        disable ? [failures, reason, delivery.subscription_key] : [failures, delivery.subscription_key],
      );
      if (disable) {
        disabled = true;
        await this.audit.append(sql, SYSTEM_ACTOR, { action: 'webhook', recordId: delivery.subscription_key, detail: { change: 'disabled', webhook: delivery.subscription_key, reason, consecutiveFailures: failures } });
        const text = {
          en: `Webhook ${delivery.subscription_key} was turned off: ${failures} deliveries in a row failed (the last: ${outcome.error}). Re-enable it under Administration › Webhooks once the receiver is back.`,
          'zh-CN': `Webhook ${delivery.subscription_key} 已停用：连续 ${failures} 次投递失败（最后一次：${outcome.error}）。接收方恢复后，请在“管理 › Webhooks”中重新启用。`,
        };
        await Notifications.write(sql, await Notifications.administrators(sql), { kind: 'webhookDisabled', text }, toStoredDatetime(new Date().toISOString()));
      }
    });
    // Committed: the intake stops matching new events to it at once.
    if (disabled) this.store.changed();
  }
}

/** One POST of the delivery, signed with each active secret; a fresh timestamp each attempt, the same webhook-id. */
async function send(delivery: ClaimedDelivery, subscription: SendingSubscription, policy: OutboundPolicy): Promise<Outcome> {
  const signed = signWebhook({ id: delivery.id, timestamp: new Date(), body: delivery.payload, secrets: subscription.secrets });
  const result = await guardedFetch(
    subscription.url,
    { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'BankForge-Webhooks/1', ...signed }, body: delivery.payload },
    policy,
  );
  if (!result.ok) return { delivered: false, status: null, error: `${result.reason}: ${result.detail}`.slice(0, 500), retry: result.retry };
  if (result.status >= 200 && result.status < 300) return { delivered: true, status: result.status };
  // Any other answer may be a receiver mid-deploy: tried again on the schedule. Its body is never kept.
  return { delivered: false, status: result.status, error: `HTTP ${result.status}`, retry: true };
}
