/** What the analyst has selected: nodes (the last one is the current one), or one edge. */
export interface Selection {
  nodes: readonly string[];
  edge: string | null;
}

export const NOTHING: Selection = { nodes: [], edge: null };

export const nodeSelection = (...ids: string[]): Selection => ({ nodes: ids, edge: null });
export const edgeSelection = (id: string): Selection => ({ nodes: [], edge: id });

/** The node the single-node commands act on (add after, connect, properties). */
export function currentNode(selection: Selection): string | undefined {
  return selection.nodes.at(-1);
}

/** Adds or removes one node or edge, as React Flow reports its selection changes. */
export function withSelected(selection: Selection, kind: 'node' | 'edge', id: string, selected: boolean): Selection {
  if (kind === 'edge') {
    if (selected) return edgeSelection(id);
    return selection.edge === id ? { ...selection, edge: null } : selection;
  }
  const rest = selection.nodes.filter((n) => n !== id);
  return { nodes: selected ? [...rest, id] : rest, edge: selected ? null : selection.edge };
}
