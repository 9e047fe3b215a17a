import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { positiveInteger } from '../../platform/config/server-config.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { LeasePoller } from '../../platform/leases/lease-poller.js';
import { failureReason } from '../../platform/problem/failure-reason.js';
import type { Actor } from '../access/actor.js';
import { DomainEventSubscribers } from './domain-event-subscribers.js';
import type { DomainEvent, DomainEventType, FieldChange } from './domain-events.js';

/** How long a claimed event is this replica's: after it, another replica delivers it again. */
const LEASE_SECONDS = 60;
const BATCH = 50;
const DEFAULT_POLL_MS = 1000;
/** Deliveries of one event before it is given up (`failed`). */
export const EVENT_MAX_ATTEMPTS = 5;
const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** Rows deleted per statement: a large purge never holds its locks for long. */
const PURGE_BATCH = 1000;

/** The wait after failed delivery n: 2 s, 8 s, 32 s, 128 s. */
export function eventRetrySeconds(attempts: number): number {
  return 2 * 4 ** Math.max(0, attempts - 1);
}

interface ClaimedRow {
  seq: number | string;
  id: string;
  type: string;
  entity: string;
  record_id: string;
  changes: string;
  actor_id: string | null;
  actor_kind: string;
  occurred_at: string;
  attempts: number | string;
}

const RETURNED = 'seq, id, type, entity, record_id, changes, actor_id, actor_kind, occurred_at, attempts';

/**
 * Hands the domain events to the subscribers after their changes committed: at least once, and
 * each record's in the order they were written. Modelled on the flows' outbox: a replica claims
 * due events with a lease on the database's clock (MySQL/MariaDB `FOR UPDATE SKIP LOCKED`; SQLite
 * one `UPDATE … RETURNING`), only the oldest pending event of each record, so the events of a
 * batch belong to different records and are delivered side by side. An event whose replica died
 * is claimed again when its lease runs out. Delivered events are deleted after their retention.
 */
@Injectable()
export class DomainEventDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller = new LeasePoller(() => this.dispatchBatch());
  /** This replica's name on its leases. */
  readonly owner = this.poller.owner;
  readonly retentionDays = positiveInteger('BANKFORGE_EVENT_RETENTION_DAYS', process.env.BANKFORGE_EVENT_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS;
  private purgedAt = 0;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(DomainEventSubscribers) private readonly subscribers: DomainEventSubscribers,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(Number(process.env.BANKFORGE_EVENT_POLL_MS ?? DEFAULT_POLL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Claims and delivers the events due now, batch after batch; answers how many were delivered. */
  dispatchDue(): Promise<number> {
    return this.poller.drain();
  }

  /** One claimed batch delivered; undefined when nothing was due (then, once an hour, the purge). */
  private async dispatchBatch(): Promise<number | undefined> {
    const claimed = await this.claim();
    if (claimed.length === 0) {
      if (Date.now() - this.purgedAt >= PURGE_EVERY_MS) {
        this.purgedAt = Date.now();
        await this.purgeDelivered();
      }
      return undefined;
    }
    const outcomes = await Promise.all(claimed.map(async (event) => ({ event, failure: await this.deliver(event) })));
    const delivered = outcomes.filter((o) => o.failure === undefined).map((o) => o.event.seq);
    if (delivered.length > 0) {
      await this.database.single((sql) =>
        sql.execute(`UPDATE bf_domain_event SET state = 'done', lease_owner = NULL, lease_until = NULL WHERE state = 'pending' AND seq IN (${delivered.map(() => '?').join(', ')})`, delivered),
      );
    }
    for (const { event, failure } of outcomes) if (failure !== undefined) await this.failed(event, failure);
    return delivered.length;
  }

  /** Claims up to a batch of events, each the oldest pending one of its record. */
  async claim(): Promise<DomainEvent[]> {
    if (this.database.dialect === 'sqlite') {
      const rows = await this.database.transaction((sql) =>
        sql.rows<ClaimedRow>(
          `UPDATE bf_domain_event SET ${this.leaseSet(sql)}
            WHERE seq IN (SELECT e.seq FROM bf_domain_event e WHERE ${claimable(databaseNow(sql))} ORDER BY e.due_at, e.seq LIMIT ${BATCH})
            RETURNING ${RETURNED}`,
          [this.owner],
        ),
      );
      return rows.map(eventOf).sort((a, b) => a.seq - b.seq);
    }
    return this.database.transaction(async (sql) => {
      const rows = await sql.rows<ClaimedRow>(
        `SELECT ${RETURNED.split(', ').map((c) => `e.${c}`).join(', ')} FROM bf_domain_event e WHERE ${claimable(databaseNow(sql))} ORDER BY e.due_at, e.seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length > 0) await sql.execute(`UPDATE bf_domain_event SET ${this.leaseSet(sql)} WHERE seq IN (${rows.map(() => '?').join(', ')})`, [this.owner, ...rows.map((r) => Number(r.seq))]);
      return rows.map((r) => eventOf({ ...r, attempts: Number(r.attempts) + 1 }));
    });
  }

  /** Deletes delivered events whose last delivery was due before the retention period; answers how many. */
  async purgeDelivered(now: number = Date.now()): Promise<number> {
    const cutoff = toStoredDatetime(new Date(now - this.retentionDays * DAY_MS).toISOString());
    // MySQL deletes in order with a limit; SQLite (without that build option) through the primary key.
    const statement =
      this.database.dialect === 'mysql'
        ? `DELETE FROM bf_domain_event WHERE state = 'done' AND due_at < ? ORDER BY due_at LIMIT ${PURGE_BATCH}`
        : `DELETE FROM bf_domain_event WHERE seq IN (SELECT seq FROM bf_domain_event WHERE state = 'done' AND due_at < ? LIMIT ${PURGE_BATCH})`;
    let purged = 0;
    for (;;) {
      const deleted = await this.database.single((sql) => sql.execute(statement, [cutoff]));
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  }

  private leaseSet(sql: SqlExecutor): string {
    return `lease_owner = ?, lease_until = ${databaseNow(sql, LEASE_SECONDS)}, attempts = attempts + 1`;
  }

  /** Hands one event to the subscribers; answers why it failed, or undefined when it was delivered. */
  private async deliver(event: DomainEvent): Promise<string | undefined> {
    try {
      await this.subscribers.deliver(event);
      return undefined;
    } catch (error) {
      return failureReason(error);
    }
  }

  /** A failed delivery: tried again after a backoff (the record's later events wait), given up after the last attempt (they then go on). */
  private async failed(event: DomainEvent, reason: string): Promise<void> {
    const last = event.attempt >= EVENT_MAX_ATTEMPTS;
    try {
      await this.database.single((sql) =>
        sql.execute(
          `UPDATE bf_domain_event SET state = ?, due_at = ${databaseNow(sql, last ? 0 : eventRetrySeconds(event.attempt))}, lease_owner = NULL, lease_until = NULL, last_error = ? WHERE seq = ? AND state = 'pending'`,
          [last ? 'failed' : 'pending', reason.slice(0, 500), event.seq],
        ),
      );
    } catch {
      // The lease runs out and a replica delivers it again.
    }
  }
}

/** Pending, due, not leased, and the oldest pending event of its record. */
function claimable(now: string): string {
  return `e.state = 'pending' AND e.due_at <= ${now} AND (e.lease_until IS NULL OR e.lease_until < ${now})
    AND NOT EXISTS (SELECT 1 FROM bf_domain_event p WHERE p.entity = e.entity AND p.record_id = e.record_id AND p.state = 'pending' AND p.seq < e.seq)`;
}

function eventOf(row: ClaimedRow): DomainEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as DomainEventType,
    entity: row.entity,
    recordId: row.record_id,
    changes: JSON.parse(row.changes) as Record<string, FieldChange>,
    actor: { id: row.actor_id, kind: row.actor_kind as Actor['kind'] },
    occurredAt: fromStoredDatetime(row.occurred_at)!,
    attempt: Number(row.attempts),
  };
}
