/**
 * Shapes an imported BPMN graph into the engine's terms: default flows, gateway directions,
 * BPMN's implicit splits after activities and events, and back edges as loop edges.
 */
import { boundaryTimersOf } from '../../definition/boundary-timers.js';
import type { FlowEdge, FlowNode } from '../../definition/flow-definition.js';

type Warn = (message: { id?: string; message: string }) => void;

/** `default="flowId"` on gateways and activities marks the default edge. */
export function applyDefaults(defaults: ReadonlyMap<string, string>, edges: FlowEdge[], warn: Warn): void {
  for (const def of defaults.values()) {
    const edge = edges.find((e) => e.id === def);
    if (edge === undefined) continue;
    edge.default = true;
    if (edge.condition !== undefined) {
      warn({ id: def, message: `${def}: the condition of a default flow is ignored` });
      delete edge.condition;
    }
  }
}

/**
 * A gateway that only merges becomes a pass-through (exclusive), a join (parallel) or an
 * inclusive join; one that merges and splits becomes a join followed by a split.
 */
export function gatewayDirections(nodes: FlowNode[], edges: FlowEdge[], converging: ReadonlySet<string>): void {
  for (const node of [...nodes]) {
    if (node.type !== 'branch' && node.type !== 'inclusive' && node.type !== 'parallel') continue;
    const into = edges.filter((e) => e.target === node.id);
    const out = edges.filter((e) => e.source === node.id);
    if (into.length <= 1 && !(converging.has(node.id) && out.length <= 1)) continue;
    if (node.type === 'branch') {
      // an exclusive merge passes every token on: its one plain outgoing flow is the default
      if (out.length === 1 && out[0] !== undefined && out[0].condition === undefined) out[0].default = true;
      continue;
    }
    const joinType = node.type === 'parallel' ? 'join' : 'inclusiveJoin';
    if (out.length <= 1) {
      Object.assign(node, { type: joinType });
      continue;
    }
    const joinId = `${node.id}__join`;
    const join = { id: joinId, name: node.name, type: joinType } as FlowNode;
    if (node.position !== undefined) join.position = { ...node.position };
    nodes.splice(nodes.indexOf(node), 0, join);
    for (const e of into) e.target = joinId;
    edges.push({ id: `${joinId}__out`, source: joinId, target: node.id });
  }
}

/**
 * BPMN activities and events split implicitly: several outgoing flows are all taken, conditioned
 * ones only when their condition holds, the default when no condition held. The engine makes
 * that explicit with a parallel (or inclusive) split after the node.
 */
export function implicitSplits(nodes: FlowNode[], edges: FlowEdge[]): void {
  for (const node of [...nodes]) {
    if (['branch', 'inclusive', 'parallel', 'join', 'inclusiveJoin', 'end', 'terminate'].includes(node.type)) continue;
    const special = new Set(boundaryTimersOf(node).map((b) => b.edge));
    // failure and reject edges are the node's own alternatives, not a split
    if (node.type === 'service' && node.failureEdge !== undefined) special.add(node.failureEdge);
    if (node.type === 'approval' && node.rejectEdge !== undefined) special.add(node.rejectEdge);
    const out = edges.filter((e) => e.source === node.id && !special.has(e.id));
    const conditional = out.some((e) => e.condition !== undefined || e.default === true);
    if (out.length <= 1 && !conditional) continue;
    const splitId = `${node.id}__split`;
    const split = { id: splitId, name: node.name, type: conditional ? 'inclusive' : 'parallel' } as FlowNode;
    if (node.position !== undefined) split.position = { x: node.position.x + 110, y: node.position.y + 15 };
    nodes.splice(nodes.indexOf(node) + 1, 0, split);
    for (const e of out) e.source = splitId;
    edges.push({ id: `${splitId}__in`, source: node.id, target: splitId });
  }
}

/** Edges that close a cycle become loop edges (the engine counts passes; a loop must end). */
export function markBackEdges(nodes: FlowNode[], edges: FlowEdge[], max: number, warn: Warn): void {
  const out = new Map<string, FlowEdge[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e]);
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): void => {
    state.set(id, 1);
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.target);
      if (s === 1 && e.loop === undefined) {
        e.loop = { maxIterations: max };
        warn({ id: e.id, message: `${e.id}: closes a cycle; imported as a loop edge of at most ${max} passes` });
      } else if (s === undefined) visit(e.target);
    }
    state.set(id, 2);
  };
  for (const n of nodes) if (n.type === 'start' && !state.has(n.id)) visit(n.id);
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
}
