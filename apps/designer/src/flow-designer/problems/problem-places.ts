import type { FlowDefinition, FlowEdge } from '@bankforge/flow-engine';
import { nameFrom, type DocumentReading } from '../../shell/problem-places/problem-places.js';
import { nodeNameById } from '../document/names.js';

/**
 * How a flow reads in words (shell/problem-places): `/nodes/3/config/body` is "Step “Notify the
 * RM” › Body", `/edges/2/condition` "Path from Amount routing to Credit committee › Condition".
 */
export const FLOW_READING: DocumentReading = {
  namespace: 'flowDesigner',
  lists: {
    nodes: { item: 'places.node', named: 'places.namedNode', nameOf: nameFrom('name') },
    edges: {
      item: 'places.edge',
      named: 'places.namedEdge',
      nameOf: (item, language, document) => {
        const edge = item as Partial<FlowEdge> | undefined;
        const flow = document as FlowDefinition;
        if (edge?.source === undefined || edge.target === undefined || !Array.isArray(flow.nodes)) return undefined;
        return { source: nodeNameById(flow, edge.source, language), target: nodeNameById(flow, edge.target, language) };
      },
    },
    variables: { item: 'places.variable', named: 'places.namedVariable', nameOf: nameFrom('name') },
  },
  transparent: new Set(['config']),
  keyed: new Set(['inputs', 'outputs']),
};
