import { Inject, Injectable } from '@nestjs/common';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/**
 * Fields only an approval flow writes (a loan's status, its approved amount): a published flow
 * bound to the entity names them, and the records API refuses to change them (422
 * `fieldControlledByFlow`); the flow's own record writes go around this check.
 */
@Injectable()
export class ControlledFields {
  constructor(@Inject(PublishedArtifacts) private readonly published: PublishedArtifacts) {}

  /** Field key → the key of the flow that owns it (`on`: the caller's transaction, if in one). */
  async of(entityKey: string, on?: SqlExecutor): Promise<ReadonlyMap<string, string>> {
    const owned = new Map<string, string>();
    for (const { document: flow } of (await this.published.latest<FlowDefinition>('flow', on)).values()) {
      if (flow.entity !== entityKey) continue;
      for (const field of flow.record?.controlledFields ?? []) owned.set(field, flow.key);
    }
    return owned;
  }

  /**
   * Refuses a write that changes a controlled field. `before` holds the stored values (a create
   * compares with the fields' defaults): sending a controlled field unchanged is allowed, as a
   * form that sends every field does.
   */
  async check(entityKey: string, after: Readonly<Record<string, unknown>>, before: Readonly<Record<string, unknown>>, on?: SqlExecutor): Promise<void> {
    const owned = await this.of(entityKey, on);
    if (owned.size === 0) return;
    const changed = Object.keys(after).filter((key) => owned.has(key) && JSON.stringify(after[key] ?? null) !== JSON.stringify(before[key] ?? null));
    if (changed.length === 0) return;
    throw ProblemError.invalid(
      `Only the approval flow may change ${changed.join(', ')}.`,
      changed.map((key) => ({
        path: `/${key}`,
        code: 'fieldControlledByFlow',
        message: `${key} is set by the approval flow ${owned.get(key)}; submit the record for approval instead`,
        messageZh: `${key} 由审批流程 ${owned.get(key)} 设置，请提交审批`,
      })),
      'fieldControlledByFlow',
    );
  }
}
