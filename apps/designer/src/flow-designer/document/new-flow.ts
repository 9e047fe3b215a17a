import type { FlowDefinition, FlowNode, FlowNodeType } from '@bankforge/flow-engine';
import { NODE_TYPE_NAMES, type NodePosition } from './node-types.js';

/** A new flow's first draft: a start and an end, joined, so the analyst draws between them. */
export function newFlowDocument(key: string): FlowDefinition {
  return {
    kind: 'flow',
    key,
    title: key,
    label: { en: key, 'zh-CN': key },
    schemaVersion: 1,
    variables: [],
    nodes: [newNode('start', 'start', { x: 0, y: 0 }), newNode('end', 'end', { x: 400, y: 0 })],
    edges: [{ id: 'start_end', source: 'start', target: 'end' }],
  };
}

/** A node of `type` with what the type requires, named after its type in both languages. */
export function newNode(type: FlowNodeType, id: string, position: NodePosition): FlowNode {
  const base = { id, name: { ...NODE_TYPE_NAMES[type] }, position };
  switch (type) {
    case 'approval':
      return { ...base, type, assignees: [], mode: 'single', actions: ['approve', 'reject'] };
    case 'decision':
      return { ...base, type, decisionKey: '', inputs: {}, outputs: {} };
    case 'service':
      return { ...base, type, effect: 'recordUpdate', config: {} };
    case 'notify':
      return { ...base, type, to: [], kind: 'cc', template: '' };
    case 'timer':
      return { ...base, type, duration: 'P1D' };
    case 'subflow':
      return { ...base, type, flowKey: '', inputs: {}, outputs: {} };
    case 'end':
      return { ...base, type, outcome: 'approved' };
    case 'terminate':
      return { ...base, type, outcome: 'cancelled' };
    default:
      return { ...base, type };
  }
}

/** `base`, or `base_2`, `base_3`... whichever is not taken (ids are stable: never reused while taken). */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Every node and edge id of the flow (boundary timers too: they share the node ids' space). */
export function takenIds(flow: FlowDefinition): Set<string> {
  const ids = new Set<string>();
  for (const node of flow.nodes) {
    ids.add(node.id);
    if ('boundaryTimers' in node) for (const timer of node.boundaryTimers ?? []) ids.add(timer.id);
  }
  for (const edge of flow.edges) ids.add(edge.id);
  return ids;
}
