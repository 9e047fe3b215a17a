/**
 * Auto-layout with ELK's layered algorithm, left to right: what bpmn-js and the Camunda Modeler
 * leave to the analyst's hand. elkjs is loaded on first use (it is large and only layout needs it).
 */
import type { FlowDefinition } from '@bankforge/flow-engine';
import type { NodePosition } from '../document/node-types.js';
import { nodeSize } from './node-size.js';

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '48',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
} as const;

/** Positions (top-left corners) for every node of the flow. */
export async function layoutFlow(flow: FlowDefinition): Promise<Map<string, NodePosition>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const ids = new Set(flow.nodes.map((n) => n.id));
  const graph = await new ELK().layout({
    id: 'flow',
    layoutOptions: OPTIONS,
    children: flow.nodes.map((n) => ({ id: n.id, ...nodeSize(n.type) })),
    // Loop edges go back: ELK reverses what breaks its layering anyway, but leaving them out keeps the main line straight.
    edges: flow.edges
      .filter((e) => e.loop === undefined && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  return new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
