import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime } from '@bankforge/data-model';
import { positiveInteger } from '../../platform/config/server-config.js';
import { Database } from '../../platform/database/database.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { failureReason } from '../../platform/problem/failure-reason.js';
import type { Actor } from '../access/actor.js';
import { DomainEventSubscribers } from './domain-event-subscribers.js';
import type { DomainEvent, DomainEventType, FieldChange } from './domain-events.js';

/** How long a claimed event is this replica's: after it, another replica delivers it again. */
const LEASE_SECONDS = 60;
/**
 * Events claimed at once: an import writes a thousand a second, and each claim and its settlement
 * cost the same statements however many events they carry (one claim, one UPDATE of the delivered).
 */
const BATCH = 250;
const DEFAULT_POLL_MS = 1000;
/** Deliveries of one event before it is given up (`failed`). */
export const EVENT_MAX_ATTEMPTS = 5;
const DEFAULT_RETENTION_DAYS = 30;

/** The wait after failed delivery n: 2 s, 8 s, 32 s, 128 s. */
export function eventRetrySeconds(attempts: number): number {
  return 2 * 4 ** Math.max(0, attempts - 1);
}

/** A due event's row without its changes (an event no subscriber wants is settled without them being read). */
interface EventHeaderRow {
  seq: number | string;
  id: string;
  type: string;
  entity: string;
  record_id: string;
  actor_id: string | null;
  actor_kind: string;
  occurred_at: string;
  attempts: number | string;
}

type ClaimedRow = EventHeaderRow & { changes: string };

const HEADER_COLUMNS = ['seq', 'id', 'type', 'entity', 'record_id', 'actor_id', 'actor_kind', 'occurred_at', 'attempts'];

/**
 * Hands the domain events to the subscribers after their changes committed: at least once, and
 * each record's in the order they were written. A replica claims due events with a lease
 * (`LeasedQueue`), only the oldest pending event of each record, so the events of a batch belong
 * to different records and are delivered side by side. An event whose replica died is claimed
 * again when its lease runs out. An event no subscriber wants is settled without a claim: it costs
 * the outbox its row and one shared UPDATE. Delivered events are deleted after their retention.
 */
@Injectable()
export class DomainEventDispatcher extends LeasedQueueWorker<ClaimedRow> {
  readonly retentionDays: number;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(DomainEventSubscribers) private readonly subscribers: DomainEventSubscribers,
  ) {
    const retentionDays = positiveInteger('BANKFORGE_EVENT_RETENTION_DAYS', process.env.BANKFORGE_EVENT_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS;
    super(
      database,
      {
        table: 'bf_domain_event',
        key: 'seq',
        waiting: { column: 'state', values: ['pending'] },
        due: 'due_at',
        columns: [...HEADER_COLUMNS, 'changes'],
        order: ['due_at', 'seq'],
        inTurn: { group: ['entity', 'record_id'], position: ['seq'] },
        batch: BATCH,
        leaseSeconds: LEASE_SECONDS,
        countsAttempts: true,
        retry: { maxAttempts: EVENT_MAX_ATTEMPTS, delaySeconds: eventRetrySeconds },
        // A delivered event's last delivery was due at `due_at`.
        purge: { finished: "state = 'done'", olderThan: 'due_at', retentionDays },
      },
      { env: 'BANKFORGE_EVENT_POLL_MS', defaultMs: DEFAULT_POLL_MS },
    );
    this.retentionDays = retentionDays;
  }

  /** Claims and delivers the events due now, batch after batch; answers how many were delivered. */
  dispatchDue(): Promise<number> {
    return this.queue.drain();
  }

  /**
   * One batch of due events: those no subscriber wants settled at once, without a lease or a
   * delivery (one statement for them all); the others claimed and handed to the subscribers that
   * want them. Answers how many were settled or delivered; undefined when nothing was due.
   */
  protected async nextBatch(): Promise<number | undefined> {
    const due = (await this.queue.peek<EventHeaderRow>(HEADER_COLUMNS)).map(headerOf);
    if (due.length === 0) return undefined;
    const wanting = new Map<number, string[]>();
    const unwanted: number[] = [];
    for (const event of due) {
      const names = await this.subscribers.wanting(event);
      if (names.length > 0) wanting.set(event.seq, names);
      else unwanted.push(event.seq);
    }
    // An event another replica claimed meanwhile (a subscriber it has wants it) is left to it.
    const settled = unwanted.length === 0 ? 0 : await this.database.single((sql) => this.queue.change(sql, unwanted, { set: "state = 'done'", lease: 'release', while: 'unleased' }));
    if (wanting.size === 0) return settled;
    const claimed = await this.claim([...wanting.keys()]);
    const outcomes = await Promise.all(claimed.map(async (event) => ({ event, failure: await this.deliver(event, wanting.get(event.seq) ?? []) })));
    const delivered = outcomes.filter((o) => o.failure === undefined).map((o) => o.event.seq);
    if (delivered.length > 0) await this.database.single((sql) => this.queue.change(sql, delivered, { set: "state = 'done'", lease: 'release', while: 'waiting' }));
    for (const { event, failure } of outcomes) if (failure !== undefined) await this.failed(event, failure);
    return settled + delivered.length;
  }

  /** Claims up to a batch of due events (`only`: of these), each the oldest pending one of its record, with their changes. */
  async claim(only?: readonly number[]): Promise<DomainEvent[]> {
    const rows = await this.queue.claim(only ? { column: 'seq', values: only } : undefined);
    return rows.map((row) => ({ ...headerOf(row), changes: JSON.parse(row.changes) as Record<string, FieldChange> })).sort((a, b) => a.seq - b.seq);
  }

  /** Deletes delivered events whose last delivery was due before the retention period; answers how many. */
  purgeDelivered(now: number = Date.now()): Promise<number> {
    return this.queue.purge(now);
  }

  /** Hands one event to the subscribers that want it; answers why it failed, or undefined when it was delivered. */
  private async deliver(event: DomainEvent, to: readonly string[]): Promise<string | undefined> {
    try {
      await this.subscribers.deliver(event, to);
      return undefined;
    } catch (error) {
      return failureReason(error);
    }
  }

  /** A failed delivery: tried again after a backoff (the record's later events wait), given up after the last attempt (they then go on). */
  private async failed(event: DomainEvent, reason: string): Promise<void> {
    const wait = this.queue.retryDelay(event.attempt);
    try {
      await this.database.single((sql) =>
        this.queue.change(sql, [event.seq], { set: 'state = ?, last_error = ?', params: [wait === undefined ? 'failed' : 'pending', reason.slice(0, 500)], dueInSeconds: wait ?? 0, lease: 'release', while: 'waiting' }),
      );
    } catch {
      // The lease runs out and a replica delivers it again.
    }
  }
}

function headerOf(row: EventHeaderRow): Omit<DomainEvent, 'changes'> {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as DomainEventType,
    entity: row.entity,
    recordId: row.record_id,
    actor: { id: row.actor_id, kind: row.actor_kind as Actor['kind'] },
    occurredAt: fromStoredDatetime(row.occurred_at)!,
    attempt: Number(row.attempts),
  };
}
