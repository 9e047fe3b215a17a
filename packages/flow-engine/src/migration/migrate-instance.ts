/**
 * Moving a running instance to a new version of its flow. An instance is pinned to the version
 * it started on; an administrator may move it when the new version still has every node the
 * instance waits on, under the same id and of a compatible kind. Otherwise the plan is refused
 * with one reason per blocking node.
 */
import type { FlowDefinition, FlowNode } from '../definition/flow-definition.js';
import { applyInPlace } from '../engine/events/apply-event.js';
import type { FlowEvent } from '../engine/events/flow-event.js';
import { cloneState } from '../engine/state/copy.js';
import type { FlowState } from '../engine/state/flow-state.js';

/**
 * Why an instance cannot move, for hosts to say in their users' words: `removedStep` (the version
 * removed a node it waits on), `stepTypeChanged`, `approvalModeChanged` (an open task's progress
 * would not carry over), `subflowChanged` (another flow), `joinPathRemoved` (an incoming edge a
 * waiting join counts), `unknownStep` (it waits on a node its own version lacks), `otherFlow`,
 * `ended`, `otherVersion` (it does not run the version given as its own), `sameVersion`.
 */
export type MigrationRefusalCode =
  | 'removedStep'
  | 'stepTypeChanged'
  | 'approvalModeChanged'
  | 'subflowChanged'
  | 'joinPathRemoved'
  | 'unknownStep'
  | 'otherFlow'
  | 'ended'
  | 'otherVersion'
  | 'sameVersion';

export interface MigrationRefusal {
  code: MigrationRefusalCode;
  /** The node the reason is about (absent for reasons about the whole flow). */
  nodeId?: string;
  message: string;
}

export type MigrationPlan =
  | { ok: true; /** Old node id → node id in the new version, for every waiting node. */ mapping: Record<string, string> }
  | { ok: false; reasons: MigrationRefusal[] };

/** Why `next` cannot take over the waiting work of `prev` (same id), or undefined when it can. */
function incompatibility(prev: FlowNode, next: FlowNode, from: FlowDefinition, to: FlowDefinition): Omit<MigrationRefusal, 'nodeId'> | undefined {
  if (prev.type !== next.type) return { code: 'stepTypeChanged', message: `node "${prev.id}" was a ${prev.type} node and is a ${next.type} node in version ${String(to.version ?? '?')}` };
  switch (prev.type) {
    case 'approval':
      if (next.type === 'approval' && prev.mode !== next.mode) {
        return { code: 'approvalModeChanged', message: `approval "${prev.id}" changed its mode from ${prev.mode} to ${next.mode}: the open task's progress would not carry over` };
      }
      return undefined;
    case 'subflow':
      if (next.type === 'subflow' && prev.flowKey !== next.flowKey) {
        return { code: 'subflowChanged', message: `subflow "${prev.id}" now starts flow "${next.flowKey}" instead of "${prev.flowKey}"` };
      }
      return undefined;
    case 'join':
    case 'inclusiveJoin': {
      // A waiting join holds arrivals by incoming edge: every edge it may be waiting on must remain.
      const before = from.edges.filter((e) => e.target === prev.id).map((e) => e.id);
      const after = new Set(to.edges.filter((e) => e.target === next.id).map((e) => e.id));
      const gone = before.filter((id) => !after.has(id));
      if (gone.length > 0) return { code: 'joinPathRemoved', message: `join "${prev.id}" no longer has the incoming edge${gone.length > 1 ? 's' : ''} ${gone.map((g) => `"${g}"`).join(', ')}` };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Plans moving an instance of `fromDefinition` that waits on `waitingNodeIds` (its open tasks,
 * timers, pending calls and joins) to `toDefinition`.
 */
export function planInstanceMigration(fromDefinition: FlowDefinition, toDefinition: FlowDefinition, waitingNodeIds: readonly string[]): MigrationPlan {
  const reasons: MigrationRefusal[] = [];
  if (fromDefinition.key !== toDefinition.key) {
    reasons.push({ code: 'otherFlow', message: `the instance runs flow "${fromDefinition.key}", not "${toDefinition.key}"` });
  }
  const fromNodes = new Map(fromDefinition.nodes.map((n) => [n.id, n]));
  const toNodes = new Map(toDefinition.nodes.map((n) => [n.id, n]));
  const mapping: Record<string, string> = {};
  for (const id of new Set(waitingNodeIds)) {
    const prev = fromNodes.get(id);
    const next = toNodes.get(id);
    if (prev === undefined) {
      reasons.push({ code: 'unknownStep', nodeId: id, message: `the instance waits on node "${id}", which is not in version ${String(fromDefinition.version ?? '?')}` });
      continue;
    }
    if (next === undefined) {
      reasons.push({ code: 'removedStep', nodeId: id, message: `the instance waits on node "${id}" (${prev.name.en}), which version ${String(toDefinition.version ?? '?')} removed` });
      continue;
    }
    const why = incompatibility(prev, next, fromDefinition, toDefinition);
    if (why !== undefined) {
      reasons.push({ nodeId: id, ...why });
      continue;
    }
    mapping[id] = next.id;
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, mapping };
}

/** The nodes a running instance waits on: where its tokens, open tasks, timers and calls are. */
export function waitingNodeIds(state: FlowState): string[] {
  const ids = [...(state.tokens ?? []), ...(state.tasks ?? []), ...(state.timers ?? []), ...(state.calls ?? [])].map((x) => x.nodeId);
  return [...new Set(ids)];
}

export type InstanceMigration =
  | { ok: true; state: FlowState; events: FlowEvent[]; mapping: Record<string, string> }
  | { ok: false; reasons: MigrationRefusal[] };

/**
 * Moves a running instance of `fromDefinition` to `toDefinition` when `planInstanceMigration`
 * allows it: one `migrated` event, applied to a copy of the state (the state given is not changed).
 */
export function migrateInstance(fromDefinition: FlowDefinition, toDefinition: FlowDefinition, state: FlowState, command: { commandId: string; actor: string; at: string }): InstanceMigration {
  if (state.status !== 'running') return { ok: false, reasons: [{ code: 'ended', message: `the instance has ended (${state.status})` }] };
  const from = fromDefinition.version ?? 0;
  const to = toDefinition.version ?? 0;
  if (state.definitionKey !== fromDefinition.key || state.definitionVersion !== from) {
    return { ok: false, reasons: [{ code: 'otherVersion', message: `the instance runs ${state.definitionKey} v${state.definitionVersion}, not ${fromDefinition.key} v${from}` }] };
  }
  if (to === from) return { ok: false, reasons: [{ code: 'sameVersion', message: `the instance already runs version ${to}` }] };
  const plan = planInstanceMigration(fromDefinition, toDefinition, waitingNodeIds(state));
  if (!plan.ok) return plan;
  const event: FlowEvent = { seq: state.lastSeq + 1, at: command.at, commandId: command.commandId, actor: command.actor, type: 'migrated', data: { fromVersion: from, toVersion: to } };
  return { ok: true, state: applyInPlace(cloneState(state), event, toDefinition), events: [event], mapping: plan.mapping };
}
