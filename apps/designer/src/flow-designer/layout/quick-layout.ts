/**
 * A layered layout computed at once, for showing a large flow that has no places the moment it
 * opens: ELK's first run in a page takes a second or more on a few hundred steps (its code is large
 * and cold), while this takes a few milliseconds. Steps go left to right by their longest path from
 * a start; in each column they are ordered by where their predecessors stand (one sweep), the
 * document's order breaking ties. Auto-layout still uses ELK, which also avoids crossings.
 */
import type { FlowDefinition } from '@bankforge/flow-engine';
import type { NodePosition } from '../document/node-types.js';
import { nodeSize } from './node-size.js';

/** Between columns (ELK is given the same): a path's condition or "default" is read between the steps it joins. */
export const COLUMN_GAP = 120;
/** Between the steps of one column. */
const ROW_GAP = 48;

export function quickLayout(flow: FlowDefinition): Map<string, NodePosition> {
  const ids = flow.nodes.map((n) => n.id);
  const order = new Map(ids.map((id, i) => [id, i]));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  const previous = new Map<string, string[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const edge of flow.edges) {
    // Loop edges go back: they do not push a step to the right.
    if (edge.loop !== undefined || !order.has(edge.source) || !order.has(edge.target) || edge.source === edge.target) continue;
    next.get(edge.source)!.push(edge.target);
    previous.get(edge.target)!.push(edge.source);
    incoming.set(edge.target, incoming.get(edge.target)! + 1);
  }

  // Longest path by topological order; steps on a cycle without a loop edge go after the rest.
  const column = new Map<string, number>();
  const ready = ids.filter((id) => incoming.get(id) === 0);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    const at = column.get(id) ?? 0;
    column.set(id, at);
    for (const target of next.get(id)!) {
      column.set(target, Math.max(column.get(target) ?? 0, at + 1));
      const left = incoming.get(target)! - 1;
      incoming.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  let last = Math.max(0, ...column.values());
  const placed = new Set(ready);
  for (const id of ids) if (!placed.has(id)) column.set(id, ++last);

  const columns: string[][] = [];
  for (const id of ids) (columns[column.get(id)!] ??= []).push(id);
  const row = new Map<string, number>();
  const places = new Map<string, NodePosition>();
  let x = 0;
  for (const members of columns) {
    if (members === undefined) continue;
    // Where the predecessors stand, on average; steps without any keep the document's order.
    const wanted = (id: string) => {
      const rows = previous.get(id)!.map((p) => row.get(p)).filter((r): r is number => r !== undefined);
      return rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    const sorted = [...members].sort((a, b) => wanted(a) - wanted(b) || order.get(a)! - order.get(b)!);
    const sizes = sorted.map((id) => nodeSize(flow.nodes[order.get(id)!]!.type));
    const width = Math.max(...sizes.map((s) => s.width));
    const height = sizes.reduce((sum, s) => sum + s.height, 0) + ROW_GAP * (sorted.length - 1);
    let y = -height / 2;
    sorted.forEach((id, i) => {
      const size = sizes[i]!;
      row.set(id, i - (sorted.length - 1) / 2);
      // Centred in its column, so that a column of one sits on the flow's middle line.
      places.set(id, { x: x + (width - size.width) / 2, y });
      y += size.height + ROW_GAP;
    });
    x += width + COLUMN_GAP;
  }
  return places;
}
