/**
 * Auto-layout of a flow, left to right (the shared layered layout): what bpmn-js and the Camunda
 * Modeler leave to the analyst's hand.
 */
import type { FlowDefinition } from '@bankforge/flow-engine';
import { layeredLayout } from '../../graph-layout/layered-layout.js';
import type { NodePosition } from '../document/node-types.js';
import { nodeSize } from './node-size.js';
import { COLUMN_GAP } from './quick-layout.js';

/** Positions (top-left corners) for every node of the flow. */
export async function layoutFlow(flow: FlowDefinition): Promise<Map<string, NodePosition>> {
  return layeredLayout(
    flow.nodes.map((n) => ({ id: n.id, ...nodeSize(n.type) })),
    // Loop edges go back: ELK reverses what breaks its layering anyway, but leaving them out keeps the main line straight.
    flow.edges.filter((e) => e.loop === undefined).map((e) => ({ id: e.id, source: e.source, target: e.target })),
    // Room between columns for what a path says (its condition, "default", a timer's time) to be read beside the steps.
    { direction: 'RIGHT', layerSpacing: COLUMN_GAP },
  );
}
