/**
 * Pure edits of a flow definition: each takes a document and returns a new one (the editor's
 * history keeps both), never changing its input.
 */
import type { FlowDefinition, FlowEdge, FlowNode, FlowNodeType } from '@bankforge/flow-engine';
import { freeId, newNode, takenIds } from './new-flow.js';
import { nodeSize } from '../layout/node-size.js';
import { END_TYPES, SPLIT_TYPES, CONDITIONAL_SPLITS, type NodePosition } from './node-types.js';

/** Horizontal distance between a node and the one added after it. */
export const STEP_X = 240;
/** Vertical distance between nodes stacked in one column. */
export const STEP_Y = 110;

export interface Added {
  flow: FlowDefinition;
  id: string;
}

export function updateNode(flow: FlowDefinition, id: string, recipe: (node: FlowNode) => FlowNode): FlowDefinition {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === id ? recipe(n) : n)) };
}

export function updateEdge(flow: FlowDefinition, id: string, recipe: (edge: FlowEdge) => FlowEdge): FlowDefinition {
  return { ...flow, edges: flow.edges.map((e) => (e.id === id ? recipe(e) : e)) };
}

/** The node's position, or the origin for a node not placed yet. */
export function positionOf(node: FlowNode | undefined): NodePosition {
  return node?.position ?? { x: 0, y: 0 };
}

/** Room kept clear around a new step, so that it neither touches nor hides another. */
const CLEARANCE = 24;

/** The first free spot at `wanted` or below it: a step of `type` there overlaps no placed step, clearance included. */
function freeSpot(flow: FlowDefinition, type: FlowNodeType, wanted: NodePosition): NodePosition {
  const size = nodeSize(type);
  let y = wanted.y;
  const near = (n: FlowNode) => {
    if (n.position === undefined) return false;
    const other = nodeSize(n.type);
    return wanted.x < n.position.x + other.width + CLEARANCE && n.position.x < wanted.x + size.width + CLEARANCE && y < n.position.y + other.height + CLEARANCE && n.position.y < y + size.height + CLEARANCE;
  };
  while (flow.nodes.some(near)) y += STEP_Y;
  return { x: wanted.x, y };
}

/** Adds a node of `type` at `position` (a drop on the canvas), unconnected. */
export function addNode(flow: FlowDefinition, type: FlowNodeType, position: NodePosition): Added {
  const id = freeId(type, takenIds(flow));
  return { flow: { ...flow, nodes: [...flow.nodes, newNode(type, id, freeSpot(flow, type, position))] }, id };
}

/** Whether a node can be added after `node`: nothing leaves an end. */
export function canAddAfter(node: FlowNode): boolean {
  return !END_TYPES.has(node.type);
}

/**
 * Adds a node of `type` after `afterId`. When that node leads on by a single edge (and is no split),
 * the new node is put in between: `after → new → next`, and what follows moves one step right.
 * Otherwise (a split, or nothing after it) the new node hangs off it on a new edge. A start is
 * never connected; nothing is added after an end.
 */
export function addNodeAfter(flow: FlowDefinition, afterId: string, type: FlowNodeType): Added | null {
  const after = flow.nodes.find((n) => n.id === afterId);
  if (after === undefined || !canAddAfter(after)) return null;
  const origin = positionOf(after);
  const outgoing = flow.edges.filter((e) => e.source === afterId && e.loop === undefined);
  const single = outgoing.length === 1 && !SPLIT_TYPES.has(after.type) && !END_TYPES.has(type) && type !== 'start' ? outgoing[0] : undefined;
  let base = flow;
  if (single !== undefined) {
    const moved = downstreamOf(flow, single.target, afterId);
    base = { ...flow, nodes: flow.nodes.map((n) => (moved.has(n.id) && n.position && n.position.x > origin.x ? { ...n, position: { x: n.position.x + STEP_X, y: n.position.y } } : n)) };
  }
  const added = addNode(base, type, { x: origin.x + STEP_X, y: origin.y });
  if (type === 'start') return added;
  let edges = added.flow.edges;
  if (single !== undefined) edges = edges.map((e) => (e.id === single.id ? { ...e, source: added.id } : e));
  const linked = linkEdge({ ...added.flow, edges }, afterId, added.id);
  return { flow: linked, id: added.id };
}

/** The nodes reachable from `from` along forward edges, not passing `stop`. */
function downstreamOf(flow: FlowDefinition, from: string, stop: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id) || id === stop) continue;
    seen.add(id);
    for (const e of flow.edges) if (e.source === id && e.loop === undefined) todo.push(e.target);
  }
  return seen;
}

/** Appends an edge; the first edge out of a branch or inclusive split becomes its default. */
function linkEdge(flow: FlowDefinition, source: string, target: string): FlowDefinition {
  const id = freeId(`${source}_${target}`, takenIds(flow));
  const from = flow.nodes.find((n) => n.id === source);
  const hasDefault = flow.edges.some((e) => e.source === source && e.default === true);
  const edge: FlowEdge = from !== undefined && CONDITIONAL_SPLITS.has(from.type) && !hasDefault ? { id, source, target, default: true } : { id, source, target };
  return { ...flow, edges: [...flow.edges, edge] };
}

/** Connects `source` to `target`; null when that edge exists already. */
export function connect(flow: FlowDefinition, source: string, target: string): Added | null {
  if (flow.edges.some((e) => e.source === source && e.target === target)) return null;
  if (!flow.nodes.some((n) => n.id === source) || !flow.nodes.some((n) => n.id === target)) return null;
  const linked = linkEdge(flow, source, target);
  return { flow: linked, id: linked.edges.at(-1)!.id };
}

/** Removes nodes, the edges that touch them, and what referred to either. */
export function removeNodes(flow: FlowDefinition, ids: Iterable<string>): FlowDefinition {
  const gone = new Set(ids);
  const goneEdges = new Set(flow.edges.filter((e) => gone.has(e.source) || gone.has(e.target)).map((e) => e.id));
  const nodes = flow.nodes.filter((n) => !gone.has(n.id)).map((n) => withoutReferences(n, gone, goneEdges));
  return { ...flow, nodes, edges: flow.edges.filter((e) => !goneEdges.has(e.id)) };
}

export function removeEdges(flow: FlowDefinition, ids: Iterable<string>): FlowDefinition {
  const gone = new Set(ids);
  return { ...flow, nodes: flow.nodes.map((n) => withoutReferences(n, new Set(), gone)), edges: flow.edges.filter((e) => !gone.has(e.id)) };
}

/** A node without its references to removed nodes and edges (reject, failure and boundary edges, a join's split). */
function withoutReferences(node: FlowNode, nodes: ReadonlySet<string>, edges: ReadonlySet<string>): FlowNode {
  switch (node.type) {
    case 'inclusiveJoin': {
      if (node.splitId === undefined || !nodes.has(node.splitId)) return node;
      const { splitId: _gone, ...rest } = node;
      return rest;
    }
    case 'approval': {
      let next = node;
      if (next.rejectEdge !== undefined && edges.has(next.rejectEdge)) {
        const { rejectEdge: _gone, ...rest } = next;
        next = rest;
      }
      return withoutBoundaryTimers(next, edges);
    }
    case 'service': {
      let next = node;
      if (next.failureEdge !== undefined && edges.has(next.failureEdge)) {
        const { failureEdge: _gone, ...rest } = next;
        next = rest;
      }
      return withoutBoundaryTimers(next, edges);
    }
    case 'subflow':
      return withoutBoundaryTimers(node, edges);
    default:
      return node;
  }
}

function withoutBoundaryTimers<N extends Extract<FlowNode, { boundaryTimers?: unknown }>>(node: N, edges: ReadonlySet<string>): N {
  const timers = node.boundaryTimers;
  if (timers === undefined || !timers.some((t) => edges.has(t.edge))) return node;
  return { ...node, boundaryTimers: timers.filter((t) => !edges.has(t.edge)) };
}

/** Sets the positions given (by node id); the others stay. */
export function applyPositions(flow: FlowDefinition, positions: ReadonlyMap<string, NodePosition>): FlowDefinition {
  return { ...flow, nodes: flow.nodes.map((n) => { const p = positions.get(n.id); return p === undefined ? n : { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } }; }) };
}

/** Moves nodes by a distance (arrow keys with Shift). */
export function nudgeNodes(flow: FlowDefinition, ids: ReadonlySet<string>, dx: number, dy: number, placed: (node: FlowNode) => NodePosition = positionOf): FlowDefinition {
  return { ...flow, nodes: flow.nodes.map((n) => { if (!ids.has(n.id)) return n; const p = placed(n); return { ...n, position: { x: p.x + dx, y: p.y + dy } }; }) };
}

/** Lines nodes up: in a row (the first one's height) or in a column (the first one's x). */
export function alignNodes(flow: FlowDefinition, ids: readonly string[], along: 'row' | 'column', placed: (node: FlowNode) => NodePosition = positionOf): FlowDefinition {
  const first = flow.nodes.find((n) => n.id === ids[0]);
  if (first === undefined) return flow;
  const anchor = placed(first);
  const members = new Set(ids);
  return {
    ...flow,
    nodes: flow.nodes.map((n) => {
      if (!members.has(n.id)) return n;
      const p = placed(n);
      return { ...n, position: along === 'row' ? { x: p.x, y: anchor.y } : { x: anchor.x, y: p.y } };
    }),
  };
}
