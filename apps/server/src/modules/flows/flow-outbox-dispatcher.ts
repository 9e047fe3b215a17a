import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../platform/database/database.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { failureReason } from '../../platform/problem/failure-reason.js';
import { FlowOutboxDeliveries, type ClaimedEntry } from './flow-outbox-deliveries.js';
import { FlowOutbox, OUTBOX_MAX_ATTEMPTS, OUTBOX_TABLE } from './flow-outbox.js';

/** How long a claimed entry is this replica's: after it, another replica may send it (a call times out after 10 s). */
const LEASE_SECONDS = 60;
const BATCH = 20;
const DEFAULT_POLL_MS = 5000;

/**
 * Sends what commands left in the outbox, after they committed: at least once (a remote system
 * sees the entry's id as `Idempotency-Key`; a case answered twice changes nothing twice), and in
 * the order each case wrote its entries. A replica claims due entries with a lease (`LeasedQueue`),
 * only the first pending entry of each case; the entries of a batch belong to different cases and
 * are sent side by side.
 */
@Injectable()
export class FlowOutboxDispatcher extends LeasedQueueWorker<ClaimedEntry> {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FlowOutboxDeliveries) private readonly deliveries: FlowOutboxDeliveries,
  ) {
    super(
      database,
      {
        ...OUTBOX_TABLE,
        columns: ['id', 'instance_id', 'kind', 'payload', 'attempts'],
        order: ['due_at'],
        inTurn: { group: ['instance_id'], position: ['seq', 'id'] },
        batch: BATCH,
        leaseSeconds: LEASE_SECONDS,
        countsAttempts: true,
      },
      { env: 'BANKFORGE_FLOW_OUTBOX_POLL_MS', defaultMs: DEFAULT_POLL_MS },
    );
  }

  /** Claims and sends the entries due now, batch after batch; answers how many were handled. */
  dispatchDue(): Promise<number> {
    return this.queue.drain();
  }

  /** One claimed batch, its entries (of different cases) sent side by side; undefined when nothing was due. */
  protected async nextBatch(): Promise<number | undefined> {
    const claimed = await this.queue.claim();
    if (claimed.length === 0) return undefined;
    const results = await Promise.all(claimed.map((entry) => this.dispatch(entry)));
    return results.filter(Boolean).length;
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
