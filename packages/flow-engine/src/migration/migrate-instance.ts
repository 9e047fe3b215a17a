/**
 * Moving a running instance to a new version of its flow. An instance is pinned to the version
 * it started on; an administrator may move it when the new version still has every node the
 * instance waits on, under the same id and of a compatible kind. Otherwise the plan is refused
 * with one reason per blocking node.
 */
import type { FlowDefinition, FlowNode } from '../definition/flow-definition.js';

export interface MigrationRefusal {
  /** The node the reason is about (absent for reasons about the whole flow). */
  nodeId?: string;
  message: string;
}

export type MigrationPlan =
  | { ok: true; /** Old node id → node id in the new version, for every waiting node. */ mapping: Record<string, string> }
  | { ok: false; reasons: MigrationRefusal[] };

/** Why `next` cannot take over the waiting work of `prev` (same id), or undefined when it can. */
function incompatibility(prev: FlowNode, next: FlowNode, from: FlowDefinition, to: FlowDefinition): string | undefined {
  if (prev.type !== next.type) return `node "${prev.id}" was a ${prev.type} node and is a ${next.type} node in version ${String(to.version ?? '?')}`;
  switch (prev.type) {
    case 'approval':
      if (next.type === 'approval' && prev.mode !== next.mode) {
        return `approval "${prev.id}" changed its mode from ${prev.mode} to ${next.mode}: the open task's progress would not carry over`;
      }
      return undefined;
    case 'subflow':
      if (next.type === 'subflow' && prev.flowKey !== next.flowKey) {
        return `subflow "${prev.id}" now starts flow "${next.flowKey}" instead of "${prev.flowKey}"`;
      }
      return undefined;
    case 'join':
    case 'inclusiveJoin': {
      // A waiting join holds arrivals by incoming edge: every edge it may be waiting on must remain.
      const before = from.edges.filter((e) => e.target === prev.id).map((e) => e.id);
      const after = new Set(to.edges.filter((e) => e.target === next.id).map((e) => e.id));
      const gone = before.filter((id) => !after.has(id));
      if (gone.length > 0) return `join "${prev.id}" no longer has the incoming edge${gone.length > 1 ? 's' : ''} ${gone.map((g) => `"${g}"`).join(', ')}`;
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
    reasons.push({ message: `the instance runs flow "${fromDefinition.key}", not "${toDefinition.key}"` });
  }
  const fromNodes = new Map(fromDefinition.nodes.map((n) => [n.id, n]));
  const toNodes = new Map(toDefinition.nodes.map((n) => [n.id, n]));
  const mapping: Record<string, string> = {};
  for (const id of new Set(waitingNodeIds)) {
    const prev = fromNodes.get(id);
    const next = toNodes.get(id);
    if (prev === undefined) {
      reasons.push({ nodeId: id, message: `the instance waits on node "${id}", which is not in version ${String(fromDefinition.version ?? '?')}` });
      continue;
    }
    if (next === undefined) {
      reasons.push({ nodeId: id, message: `the instance waits on node "${id}" (${prev.name.en}), which version ${String(toDefinition.version ?? '?')} removed` });
      continue;
    }
    const why = incompatibility(prev, next, fromDefinition, toDefinition);
    if (why !== undefined) {
      reasons.push({ nodeId: id, message: why });
      continue;
    }
    mapping[id] = next.id;
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, mapping };
}
