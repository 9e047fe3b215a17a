import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '../../platform/database/database.js';
import type { Actor } from '../access/actor.js';
import type { EntityModel } from '../metadata/entity-model.js';

/** A record created or updated through the records API (an approval flow's own writes are not). */
export interface RecordWrite {
  model: EntityModel;
  id: string;
  /** The stored values before an update; null for a create. */
  before: Readonly<Record<string, unknown>> | null;
  after: Readonly<Record<string, unknown>>;
  actor: Actor;
}

/** Work that lands with the write or not at all (it runs in the write's transaction). */
export type RecordWriteHook = (tx: SqlExecutor, write: RecordWrite) => Promise<void>;

/**
 * What other modules do when a record is written, in the write's own transaction: the flows
 * module starts cases that start by themselves (`record.startOn`). Records know nothing of flows.
 */
@Injectable()
export class RecordWriteHooks {
  private readonly hooks: RecordWriteHook[] = [];

  register(hook: RecordWriteHook): void {
    this.hooks.push(hook);
  }

  async written(tx: SqlExecutor, write: RecordWrite): Promise<void> {
    for (const hook of this.hooks) await hook(tx, write);
  }
}
