/**
 * Two versions of a flow as one drawing: the later version with the steps and connections it
 * removed put back, each marked added, removed, changed or the same, from the server's changes
 * (which match steps and connections by id). The designer computes no difference of its own.
 */
import type { DocumentChange } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'same';

export interface DiffMark {
  status: DiffStatus;
  /** The changes to it (its properties, its boundary timers) when it changed. */
  changes: DocumentChange[];
}

export interface FlowDiffView {
  /** The later version plus what it removed, for drawing. */
  flow: FlowDefinition;
  nodes: ReadonlyMap<string, DiffMark>;
  edges: ReadonlyMap<string, DiffMark>;
}

const SAME: DiffMark = { status: 'same', changes: [] };

/** The mark of a step or connection from the changes about it (a timer's changes count as its step's). */
function marks(changes: readonly DocumentChange[], type: 'step' | 'connection'): Map<string, DiffMark> {
  const out = new Map<string, DiffMark>();
  const mark = (id: string): DiffMark => {
    const found = out.get(id) ?? { status: 'same', changes: [] };
    out.set(id, found);
    return found;
  };
  for (const change of changes) {
    const element = change.element;
    if (!element) continue;
    if (element.type === type) {
      const target = mark(element.id);
      if (change.property === undefined && change.op === 'add') target.status = 'added';
      else if (change.property === undefined && change.op === 'remove') target.status = 'removed';
      else if (change.op !== 'move' && target.status === 'same') target.status = 'changed';
      if (change.property !== undefined) target.changes.push(change);
    } else if (type === 'step' && element.type === 'timer' && change.within?.type === 'step') {
      const step = mark(change.within.id);
      if (step.status === 'same') step.status = 'changed';
      step.changes.push(change);
    }
  }
  return out;
}

export function flowDiffView(before: FlowDefinition, after: FlowDefinition, changes: readonly DocumentChange[]): FlowDiffView {
  const nodeMarks = marks(changes, 'step');
  const edgeMarks = marks(changes, 'connection');
  const kept = new Set(after.nodes.map((n) => n.id));
  const keptEdges = new Set(after.edges.map((e) => e.id));
  const removedNodes = before.nodes.filter((n) => !kept.has(n.id));
  const removedEdges = before.edges.filter((e) => !keptEdges.has(e.id));
  // Whatever the later version lacks is drawn as removed, even when the changes do not say so (a
  // version whose format was upgraded): the drawing never loses a step.
  for (const node of removedNodes) nodeMarks.set(node.id, { status: 'removed', changes: [] });
  for (const edge of removedEdges) edgeMarks.set(edge.id, { status: 'removed', changes: [] });
  return {
    flow: { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    nodes: new Map([...after.nodes, ...removedNodes].map((n) => [n.id, nodeMarks.get(n.id) ?? SAME])),
    edges: new Map([...after.edges, ...removedEdges].map((e) => [e.id, edgeMarks.get(e.id) ?? SAME])),
  };
}
