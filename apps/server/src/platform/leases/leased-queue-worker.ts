import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '../database/database.js';
import { LeasedQueue, type LeasedQueueSpec } from './leased-queue.js';

/** How often a replica looks for due work: every `defaultMs`, or the environment variable `env` (0: never). */
export interface QueuePolling {
  env: string;
  defaultMs: number;
}

/**
 * A service that works a leased queue on this replica: polls it once the application has started,
 * and on shutdown finishes the batch in hand and claims no more (another replica will).
 */
export abstract class LeasedQueueWorker<Row extends object> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly queue: LeasedQueue<Row>;
  /** This replica's name on its leases. */
  readonly owner: string;

  constructor(
    database: Database,
    spec: LeasedQueueSpec,
    private readonly polling: QueuePolling,
  ) {
    this.queue = new LeasedQueue<Row>(database, spec, () => this.nextBatch());
    this.owner = this.queue.owner;
  }

  /** Claims and handles one batch: how many it handled, or undefined when nothing was due. */
  protected abstract nextBatch(): Promise<number | undefined>;

  onApplicationBootstrap(): void {
    this.queue.start(Number(process.env[this.polling.env] ?? this.polling.defaultMs));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
