import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A replica's background drain of work it claims with leases (a `LeasedQueue`, the imports):
 * polls every `pollMs` (0 or less: never; tests and benches drain by hand), runs one drain at a
 * time, batch after batch until a claim finds nothing, and on shutdown finishes the batch in hand
 * and claims no more (another replica will).
 */
export class LeasePoller {
  /** This replica's name on its leases. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(-8)}`;
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopping = false;

  /** `nextBatch` claims and handles one batch: how many it handled, or undefined when nothing was due. */
  constructor(private readonly nextBatch: () => Promise<number | undefined>) {}

  start(pollMs: number): void {
    if (!Number.isFinite(pollMs) || pollMs <= 0) return;
    this.interval = setInterval(() => void this.drain().catch(() => undefined), pollMs);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.interval) clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /** Drains what is due now; answers how many were handled (a drain already running is joined). */
  drain(): Promise<number> {
    this.running ??= this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  private async loop(): Promise<number> {
    let handled = 0;
    while (!this.stopping) {
      const batch = await this.nextBatch();
      if (batch === undefined) break;
      handled += batch;
    }
    return handled;
  }
}
