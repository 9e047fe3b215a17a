import type { FlowDefinition, FlowNode } from '@bankforge/flow-engine';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Dimensions, type EdgeTypes, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasEdges, canvasNodes } from '../canvas/canvas-elements.js';
import { FIT_VIEW } from '../canvas/fit-view.js';
import { FlowNodeView } from '../canvas/FlowNodeView.js';
import { NOTHING } from '../canvas/selection.js';
import type { DesignerLanguage } from '../document/names.js';
import { FlowEdgeView } from '../edges/FlowEdgeView.js';
import { useFallbackLayout } from '../layout/useFallbackLayout.js';
import { indexProblems } from '../problems/problem-index.js';
import type { SimulationPath } from './simulation.js';

const NODE_TYPES: NodeTypes = { flow: FlowNodeView };
const EDGE_TYPES: EdgeTypes = { flow: FlowEdgeView };
const NO_PROBLEMS = indexProblems([]);
export const NO_PATH: SimulationPath = { visitedNodes: new Set(), visitedEdges: new Set(), currentNodes: new Set() };

export interface SimulationCanvasProps {
  flow: FlowDefinition;
  language: DesignerLanguage;
  path: SimulationPath;
}

/**
 * The draft drawn as in the designer, but read-only: nothing moves or connects while a case runs.
 * The steps and edges the case has passed are highlighted, and the steps it waits at stand out;
 * each step's accessible name says so ("Approval: Credit officer approval, waiting here").
 */
export function SimulationCanvas(props: SimulationCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ flow, language, path }: SimulationCanvasProps) {
  const { t } = useTranslation('flowDesigner');
  const { t: ts } = useTranslation('flowSimulation');
  const fallback = useFallbackLayout(flow);
  const { fitView } = useReactFlow();
  // React Flow draws a node once it knows its measured size; the nodes are ours (controlled), so the sizes are kept here.
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const sizes = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions !== undefined ? [[c.id, c.dimensions] as const] : []));
    if (sizes.length > 0) setMeasured((m) => new Map([...m, ...sizes]));
  }, []);
  useEffect(() => {
    if (fallback.size > 0) void fitView(FIT_VIEW);
  }, [fallback, fitView]);
  const placed = useCallback((node: FlowNode) => node.position ?? fallback.get(node.id) ?? { x: 0, y: 0 }, [fallback]);
  const context = useMemo(() => ({ language, t, problems: NO_PROBLEMS, selection: NOTHING, placed, problemsId: () => '', helpId: '' }), [language, t, placed]);

  const nodes = useMemo(
    () =>
      canvasNodes(flow, context).map((n) => {
        const state = path.currentNodes.has(n.id) ? 'current' : path.visitedNodes.has(n.id) ? 'visited' : undefined;
        return {
          ...n,
          measured: measured.get(n.id),
          ariaLabel: state === undefined ? n.ariaLabel : `${n.ariaLabel}, ${ts(`canvas.${state}`)}`,
          ariaRole: 'group' as const,
          domAttributes: {},
          ...(state !== undefined ? { className: `sim-node--${state}` } : {}),
        };
      }),
    [flow, context, path, ts, measured],
  );
  const edges = useMemo(
    () =>
      canvasEdges(flow, context).map((e) => {
        const visited = path.visitedEdges.has(e.id);
        return { ...e, ariaRole: 'group' as const, ariaLabel: visited ? `${e.ariaLabel}, ${ts('canvas.visited')}` : e.ariaLabel, ...(visited ? { className: 'sim-edge--visited' } : {}) };
      }),
    [flow, context, path, ts],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'minimap.ariaLabel': t('canvas.minimap'),
    }),
    [t],
  );

  return (
    <>
    <div className="flow-canvas sim-canvas" role="region" aria-label={ts('canvas.label')}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        disableKeyboardA11y
        deleteKeyCode={null}
        ariaLabelConfig={ariaLabelConfig}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
      >
        <Background />
        <MiniMap pannable zoomable nodeClassName={(node) => node.className ?? ''} />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
      </ReactFlow>
    </div>
    <p className="sim-legend" aria-hidden="true">
      <span className="sim-legend__visited">{ts('canvas.legendVisited')}</span>
      <span className="sim-legend__current">{ts('canvas.legendCurrent')}</span>
    </p>
    </>
  );
}
