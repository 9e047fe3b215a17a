/** A flow's variables, steps, boundary timers and connections as versions are compared: by id, named as the canvas shows them. */
import type { ArtifactElement, ElementLabel } from '@bankforge/rule-engine';
import { boundaryTimersOf } from './boundary-timers.js';
import type { FlowDefinition, FlowEdge } from './flow-definition.js';
import { jsonPointer } from './json-pointer.js';

/** Where a box is drawn is the canvas's business, not the flow's: moving one is no change to compare. */
const DRAWING = ['position'] as const;

/** An unnamed connection is named by the steps it joins ("Score check → Amount routing"). */
function connectionLabel(edge: FlowEdge, flow: FlowDefinition): ElementLabel {
  if (edge.name) return edge.name;
  const name = (id: string) => flow.nodes.find((n) => n.id === id)?.name;
  const source = name(edge.source);
  const target = name(edge.target);
  return {
    en: `${source?.en || edge.source} → ${target?.en || edge.target}`,
    'zh-CN': `${source?.['zh-CN'] || source?.en || edge.source} → ${target?.['zh-CN'] || target?.en || edge.target}`,
  };
}

export function flowElements(flow: FlowDefinition): ArtifactElement[] {
  return [
    ...flow.variables.map((variable, index): ArtifactElement => ({ type: 'variable', id: variable.name, path: jsonPointer('variables', index), label: variable.label ?? { en: variable.name } })),
    ...flow.nodes.flatMap((node, index): ArtifactElement[] => {
      const path = jsonPointer('nodes', index);
      return [
        { type: 'step', id: node.id, path, label: node.name, layout: DRAWING, unordered: true },
        ...boundaryTimersOf(node).map(
          (timer, n): ArtifactElement => ({ type: 'timer', id: timer.id, path: `${path}${jsonPointer('boundaryTimers', n)}`, label: timer.name ?? { en: timer.id }, layout: DRAWING, unordered: true }),
        ),
      ];
    }),
    ...flow.edges.map((edge, index): ArtifactElement => ({ type: 'connection', id: edge.id, path: jsonPointer('edges', index), label: connectionLabel(edge, flow), unordered: true })),
  ];
}
