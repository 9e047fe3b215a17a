/**
 * Diagram positions for the BPMN export: the designer's positions where the nodes have them,
 * otherwise a simple left-to-right layering (by distance from the start along non-loop edges) so
 * that a modeler opens the file with nothing stacked on top of each other.
 */
import type { FlowDefinition, FlowNode, NodePosition } from '../../definition/flow-definition.js';

/** Shape sizes as Camunda Modeler draws them. */
export function shapeSize(node: FlowNode): { w: number; h: number } {
  switch (node.type) {
    case 'start':
    case 'end':
    case 'terminate':
    case 'timer':
      return { w: 36, h: 36 };
    case 'branch':
    case 'inclusive':
    case 'inclusiveJoin':
    case 'parallel':
    case 'join':
      return { w: 50, h: 50 };
    default:
      return { w: 100, h: 80 };
  }
}

export function layout(def: FlowDefinition): Map<string, NodePosition> {
  const layer = new Map<string, number>();
  const start = def.nodes.find((n) => n.type === 'start');
  const queue: string[] = start === undefined ? [] : [start.id];
  if (start !== undefined) layer.set(start.id, 0);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const l = layer.get(id) ?? 0;
    for (const e of def.edges) {
      if (e.source !== id || e.loop !== undefined || layer.has(e.target)) continue;
      layer.set(e.target, l + 1);
      queue.push(e.target);
    }
  }
  const rows = new Map<number, number>();
  const positions = new Map<string, NodePosition>();
  for (const node of def.nodes) {
    if (node.position !== undefined) {
      positions.set(node.id, node.position);
      continue;
    }
    const l = layer.get(node.id) ?? (rows.size > 0 ? Math.max(...rows.keys()) + 1 : 0);
    const row = rows.get(l) ?? 0;
    rows.set(l, row + 1);
    positions.set(node.id, { x: 100 + 180 * l, y: 100 + 140 * row });
  }
  return positions;
}
