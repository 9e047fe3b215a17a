import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityDefinition } from '@bankforge/data-model';
import { recordStartsCase, type FlowDefinition, type JsonValue } from '@bankforge/flow-engine';
import type { SqlExecutor } from '../../platform/database/database.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { RecordWriteHooks, type RecordWrite } from '../records/record-write-hooks.js';
import { FlowOutbox } from './flow-outbox.js';
import { variablesFromRecord } from './record-binding.js';

/**
 * Cases that start by themselves: a person's write of a record whose published flow says so
 * (`record.startOn`: on create, or when its condition becomes true) leaves a `startCase` entry in
 * the outbox, in the write's own transaction; the dispatcher starts the case as that person.
 * Writes of API keys and of the system (imports, the example's seed) start none: a case needs a
 * person to answer for it (maker-checker, the initiator's branch and manager).
 */
@Injectable()
export class FlowAutoStart implements OnModuleInit {
  constructor(
    @Inject(RecordWriteHooks) private readonly hooks: RecordWriteHooks,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
  ) {}

  onModuleInit(): void {
    this.hooks.register((tx, write) => this.written(tx, write));
  }

  private async written(tx: SqlExecutor, write: RecordWrite): Promise<void> {
    if (write.actor.kind !== 'user') return;
    const flows = await this.published.latest<FlowDefinition>('flow', tx);
    const now = new Date().toISOString();
    for (const { document, version } of flows.values()) {
      if (document.entity !== write.model.key || document.record?.startOn === undefined) continue;
      const flow = { ...document, version };
      const after = boundVariables(flow, write.model.definition, write.after);
      const before = write.before === null ? null : boundVariables(flow, write.model.definition, write.before);
      if (after === undefined || before === undefined) continue;
      if (recordStartsCase(flow, before, after, now)) await FlowOutbox.enqueueStart(tx, { flowKey: flow.key, version, recordId: write.id, initiator: write.actor.name });
    }
  }
}

/** The variables the flow reads from the record; undefined when its binding no longer fits the entity (publish refuses that; a write is not failed for it). */
function boundVariables(flow: FlowDefinition, entity: EntityDefinition, record: Readonly<Record<string, unknown>>): Record<string, JsonValue> | undefined {
  try {
    return variablesFromRecord(flow, entity, record);
  } catch {
    return undefined;
  }
}
