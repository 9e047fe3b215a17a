import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Database } from '../../platform/database/database.js';
import { LeasePoller } from '../../platform/leases/lease-poller.js';
import { failureReason } from '../../platform/problem/failure-reason.js';
import { FlowOutboxDeliveries, type ClaimedEntry } from './flow-outbox-deliveries.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import { FlowOutbox, OUTBOX_MAX_ATTEMPTS } from './flow-outbox.js';

/** How long a claimed entry is this replica's: after it, another replica may send it (a call times out after 10 s). */
const LEASE_SECONDS = 60;
const BATCH = 20;
const DEFAULT_POLL_MS = 5000;

/**
 * Sends what commands left in the outbox, after they committed: at least once (a remote system
 * sees the entry's id as `Idempotency-Key`; a case answered twice changes nothing twice), and in
 * the order each case wrote its entries. Modelled on `FlowTimers`: a replica claims due entries with
 * a lease, on the database's clock (MySQL/MariaDB: `FOR UPDATE SKIP LOCKED`; SQLite: one
 * `UPDATE … RETURNING`), only the first pending entry of each case; the entries of a batch belong
 * to different cases and are sent side by side.
 */
@Injectable()
export class FlowOutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller = new LeasePoller(() => this.dispatchBatch());
  /** This replica's name on its leases. */
  readonly owner = this.poller.owner;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FlowOutboxDeliveries) private readonly deliveries: FlowOutboxDeliveries,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(Number(process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS ?? DEFAULT_POLL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Claims and sends the entries due now, batch after batch; answers how many were handled. */
  dispatchDue(): Promise<number> {
    return this.poller.drain();
  }

  /** One claimed batch, its entries (of different cases) sent side by side; undefined when nothing was due. */
  private async dispatchBatch(): Promise<number | undefined> {
    const claimed = await this.claim();
    if (claimed.length === 0) return undefined;
    const results = await Promise.all(claimed.map((entry) => this.dispatch(entry)));
    return results.filter(Boolean).length;
  }

  private async claim(): Promise<ClaimedEntry[]> {
        if (this.database.dialect === 'sqlite') {
      return this.database.transaction((sql) =>
        sql.rows<ClaimedEntry>(
          `UPDATE bf_flow_outbox SET lease_owner = ?, lease_until = ${databaseNow(sql, LEASE_SECONDS)}, attempts = attempts + 1
            WHERE id IN (SELECT o.id FROM bf_flow_outbox o WHERE ${claimable(databaseNow(sql))} ORDER BY o.due_at LIMIT ${BATCH})
            RETURNING id, instance_id, kind, payload, attempts`,
          [this.owner],
        ),
      );
    }
    return this.database.transaction(async (sql) => {
      const rows = await sql.rows<ClaimedEntry>(`SELECT o.id, o.instance_id, o.kind, o.payload, o.attempts FROM bf_flow_outbox o WHERE ${claimable(databaseNow(sql))} ORDER BY o.due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
      if (rows.length > 0) {
        await sql.execute(`UPDATE bf_flow_outbox SET lease_owner = ?, lease_until = ${databaseNow(sql, LEASE_SECONDS)}, attempts = attempts + 1 WHERE id IN (${rows.map(() => '?').join(', ')})`, [
          this.owner,
          ...rows.map((r) => r.id),
        ]);
      }
      return rows.map((r) => ({ ...r, attempts: Number(r.attempts) + 1 }));
    });
  }

  /** Sends one claimed entry; what goes wrong unforeseen is tried again after a backoff, and given up after the last attempt. */
  private async dispatch(entry: ClaimedEntry): Promise<boolean> {
    try {
      await this.deliveries.deliver(entry);
      return true;
    } catch (error) {
      const reason = failureReason(error);
      try {
        if (entry.attempts >= OUTBOX_MAX_ATTEMPTS) await this.deliveries.giveUp(entry, reason);
        else await this.database.transaction((sql) => FlowOutbox.retryLater(sql, entry.id, entry.attempts, reason));
      } catch {
        // The lease runs out and a replica tries again.
      }
      return false;
    }
  }
}

/** Pending, due, not leased, and the first pending entry of its case. */
function claimable(now: string): string {
  return `o.state = 'pending' AND o.due_at <= ${now} AND (o.lease_until IS NULL OR o.lease_until < ${now})
    AND NOT EXISTS (SELECT 1 FROM bf_flow_outbox p WHERE p.instance_id = o.instance_id AND p.state = 'pending' AND (p.seq < o.seq OR (p.seq = o.seq AND p.id < o.id)))`;
}
