/** Copy and paste of nodes, with the edges between them, within one flow or into another. */
import type { FlowDefinition, FlowEdge, FlowNode } from '@bankforge/flow-engine';
import { positionOf } from './flow-edits.js';
import { compact } from './map-edits.js';
import { freeId, takenIds } from './new-flow.js';

export interface FlowClipboard {
  nodes: FlowNode[];
  /** Only the edges whose both ends were copied. */
  edges: FlowEdge[];
}

/** The offset of a pasted copy from its original, so it does not hide it. */
export const PASTE_OFFSET = { x: 40, y: 60 };

export function copyNodes(flow: FlowDefinition, ids: Iterable<string>): FlowClipboard | null {
  const chosen = new Set(ids);
  const nodes = flow.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  return { nodes: structuredClone(nodes), edges: structuredClone(flow.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target))) };
}

/**
 * Pastes a copy under new ids (each the original's, numbered when taken), moved by `offset`; the
 * copied edges join the copies, and references between copied parts (reject, failure and boundary
 * edges, an inclusive join's split) follow them. Returns the new nodes' ids.
 */
export function pasteNodes(flow: FlowDefinition, clip: FlowClipboard, offset = PASTE_OFFSET): { flow: FlowDefinition; ids: string[] } {
  const taken = takenIds(flow);
  const renamed = new Map<string, string>();
  const rename = (id: string) => {
    const next = freeId(id, taken);
    taken.add(next);
    renamed.set(id, next);
    return next;
  };
  for (const node of clip.nodes) rename(node.id);
  for (const edge of clip.edges) rename(edge.id);
  const edgeRef = (id: string | undefined) => (id === undefined ? undefined : renamed.get(id));
  const nodes = clip.nodes.map((original): FlowNode => {
    const p = positionOf(original);
    const node: FlowNode = { ...structuredClone(original), id: renamed.get(original.id)!, position: { x: p.x + offset.x, y: p.y + offset.y } };
    if (node.type === 'approval') return compact({ ...node, rejectEdge: edgeRef(node.rejectEdge), boundaryTimers: timersOf(node.boundaryTimers, renamed, taken) });
    if (node.type === 'service') return compact({ ...node, failureEdge: edgeRef(node.failureEdge), boundaryTimers: timersOf(node.boundaryTimers, renamed, taken) });
    if (node.type === 'subflow') return compact({ ...node, boundaryTimers: timersOf(node.boundaryTimers, renamed, taken) });
    if (node.type === 'inclusiveJoin' && node.splitId !== undefined) return { ...node, splitId: renamed.get(node.splitId) ?? node.splitId };
    return node;
  });
  const edges = clip.edges.map((e) => ({ ...structuredClone(e), id: renamed.get(e.id)!, source: renamed.get(e.source)!, target: renamed.get(e.target)! }));
  return { flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}

type Timers = Extract<FlowNode, { type: 'approval' }>['boundaryTimers'];

/** Boundary timers whose edge was copied, under new ids. */
function timersOf(timers: Timers, renamed: ReadonlyMap<string, string>, taken: Set<string>): Timers {
  if (timers === undefined) return undefined;
  const kept = timers.filter((t) => renamed.has(t.edge)).map((t) => {
    const id = freeId(t.id, taken);
    taken.add(id);
    return { ...t, id, edge: renamed.get(t.edge)! };
  });
  return kept.length > 0 ? kept : undefined;
}
