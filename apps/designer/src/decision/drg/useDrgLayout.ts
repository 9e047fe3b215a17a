import { useEffect, useMemo, useState } from 'react';
import { elementId, type DrgGraph } from '../document/drg-graph.js';
import type { ElementKind } from '../document/element-names.js';
import { layeredLayout, type LayoutPoint } from '../../graph-layout/layered-layout.js';
import { NODE_SIZES, SERVICE_PADDING, SERVICE_TITLE } from './drg-canvas.js';

type Shape = { nodes: [string, ElementKind][]; edges: [string, string, string][]; services: [string, string[]][] };

/**
 * Places for the graph's elements, laid out upwards (input data at the bottom, the top decision on
 * top, as DMN diagrams are drawn). The artifact keeps no diagram, so the layout is the diagram: it
 * is redone when an element or a requirement comes or goes, not on other edits.
 */
export function useDrgLayout(graph: DrgGraph): ReadonlyMap<string, LayoutPoint> {
  const shape = JSON.stringify({
    nodes: graph.elements.map((e) => [elementId(e), e.kind]),
    edges: graph.requirements.map((r) => [r.id, elementId(r.from), elementId(r.to)]),
    services: graph.services.map((s) => [s.name, [...s.outputs, ...s.encapsulated].map(elementId)]),
  } satisfies Shape);
  const [layout, setLayout] = useState<{ positions: ReadonlyMap<string, LayoutPoint> }>({ positions: new Map() });
  const input = useMemo(() => {
    const parsed = JSON.parse(shape) as Shape;
    return {
      nodes: parsed.nodes.map(([id, kind]) => ({ id, ...NODE_SIZES[kind] })),
      edges: parsed.edges.map(([id, source, target]) => ({ id, source, target })),
      // A decision service's decisions are kept together, so that its box holds no other element.
      groups: parsed.services.map(([name, members]) => ({ id: `decisionService:${name}`, members, padding: SERVICE_PADDING, titleHeight: SERVICE_TITLE })),
    };
  }, [shape]);
  useEffect(() => {
    let live = true;
    void layeredLayout(input.nodes, input.edges, { direction: 'UP', layerSpacing: 70, nodeSpacing: 40, groups: input.groups }).then((positions) => live && setLayout({ positions }));
    return () => {
      live = false;
    };
  }, [input]);
  // Until the new layout arrives the last one stands (new elements take their fallback places).
  return layout.positions;
}
