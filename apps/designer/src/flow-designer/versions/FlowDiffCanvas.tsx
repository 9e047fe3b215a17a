import type { DocumentChange } from '@bankforge/client';
import type { FlowDefinition, FlowNode } from '@bankforge/flow-engine';
import {
  Background,
  Controls,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { TFunction } from 'i18next';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { elementText, propertyText, valueText } from '../../shell/versions/describe-change.js';
import type { VersionComparison } from '../../shell/VersionHistory.js';
import { edgeRule } from '../canvas/canvas-elements.js';
import { FIT_VIEW } from '../canvas/fit-view.js';
import { edgeName, nodeName, nodeNameById, typeName, type DesignerLanguage } from '../document/names.js';
import { FlowEdgeView, type FlowCanvasEdge } from '../edges/FlowEdgeView.js';
import { nodeSize } from '../layout/node-size.js';
import { useFallbackLayout } from '../layout/useFallbackLayout.js';
import { DiffNodeView, type DiffCanvasNode } from './DiffNodeView.js';
import './flow-versions.css';
import { flowDiffView, type DiffStatus } from './flow-diff.js';

const NODE_TYPES: NodeTypes = { diff: DiffNodeView };
const EDGE_TYPES: EdgeTypes = { flow: FlowEdgeView };
/** The changes written on a step; the rest are counted ("+2 more") and all of them are in the list under the drawing. */
const LINES_SHOWN = 3;
const LINE_HEIGHT = 16;
const VALUE_LENGTH = 24;
const STATUSES: readonly DiffStatus[] = ['added', 'removed', 'changed'];

const short = (value: unknown, language: DesignerLanguage, shell: TFunction): string => {
  const text = valueText(value, language, shell).full;
  return text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 1)}…` : text;
};

/** One change of a step as a line on it: "mode: single → all", "Timer 'Escalate' added". */
function changeLine(change: DocumentChange, language: DesignerLanguage, shell: TFunction): string {
  if (change.element?.type === 'timer' && change.property === undefined) {
    return `${elementText(change.element, language, shell)} ${shell(change.op === 'add' ? 'versions.added' : change.op === 'remove' ? 'versions.removed' : 'versions.moved').toLowerCase()}`;
  }
  const property = propertyText(change.property ?? '', shell);
  const on = change.element?.type === 'timer' ? `${elementText(change.element, language, shell)} › ` : '';
  return `${on}${property}: ${short(change.from, language, shell)} → ${short(change.value, language, shell)}`;
}

export interface FlowDiffCanvasProps {
  comparison: VersionComparison;
  language: DesignerLanguage;
}

/**
 * Two versions of a flow drawn on one read-only canvas: steps and connections added in green,
 * removed in red, changed in amber with the properties that changed written on the step. The words
 * say it too ("Added"), on the steps and to screen readers; the list under the drawing says it all.
 */
export function FlowDiffCanvas(props: FlowDiffCanvasProps) {
  return (
    <ReactFlowProvider>
      <DiffCanvas {...props} />
    </ReactFlowProvider>
  );
}

function DiffCanvas({ comparison, language }: FlowDiffCanvasProps) {
  const { t } = useTranslation('flowVersions');
  const shell = useTranslation('shell').t;
  const designer = useTranslation('flowDesigner').t;
  const headingId = useId();
  const { from, to } = comparison;
  const view = useMemo(
    () =>
      flowDiffView(
        comparison.documents.from as unknown as FlowDefinition,
        comparison.documents.to as unknown as FlowDefinition,
        comparison.changes,
      ),
    [comparison],
  );
  const fallback = useFallbackLayout(view.flow);
  // Drawn once every step has its place, so that the first "fit" frames the whole drawing.
  const placed = view.flow.nodes.every((n) => n.position !== undefined || fallback.has(n.id));

  const nodes = useMemo((): DiffCanvasNode[] => {
    // A step's place in its version (the earlier one for a removed step); steps never drawn are laid out for display.
    const at = (node: FlowNode) => node.position ?? fallback.get(node.id) ?? { x: 0, y: 0 };
    return view.flow.nodes.map((node) => {
      const mark = view.nodes.get(node.id)!;
      const all = mark.changes.map((change) => changeLine(change, language, shell));
      const lines =
        all.length > LINES_SHOWN
          ? [...all.slice(0, LINES_SHOWN - 1), t('canvas.more', { count: all.length - LINES_SHOWN + 1 })]
          : all;
      const size = nodeSize(node.type);
      const height = size.height + lines.length * LINE_HEIGHT;
      const status = t(`canvas.${mark.status}`);
      const label = t('canvas.node', {
        type: typeName(node, language),
        name: nodeName(node, language),
        status,
      });
      return {
        id: node.id,
        type: 'diff',
        position: at(node),
        data: {
          node,
          name: nodeName(node, language),
          typeName: typeName(node, language),
          status: mark.status,
          statusText: status,
          lines,
        },
        width: size.width,
        height,
        draggable: false,
        selectable: false,
        connectable: false,
        className: `flow-diff flow-diff--${mark.status}`,
        handles: [
          { type: 'target', position: Position.Left, x: 0, y: height / 2 },
          { type: 'source', position: Position.Right, x: size.width, y: height / 2 },
        ],
        ariaLabel: all.length > 0 ? t('canvas.nodeChanges', { label, changes: all.join('; ') }) : label,
        ariaRole: 'img',
      };
    });
  }, [view, fallback, language, shell, t]);

  const edges = useMemo(
    (): FlowCanvasEdge[] =>
      view.flow.edges.map((edge) => {
        const mark = view.edges.get(edge.id)!;
        const status = t(`canvas.${mark.status}`);
        const changes = mark.changes.map((change) => changeLine(change, language, shell));
        const label = t('canvas.edge', {
          source: nodeNameById(view.flow, edge.source, language),
          target: nodeNameById(view.flow, edge.target, language),
          status,
        });
        return {
          id: edge.id,
          type: 'flow',
          source: edge.source,
          target: edge.target,
          selectable: false,
          focusable: mark.status !== 'same',
          className: `flow-diff-edge flow-diff-edge--${mark.status}`,
          markerEnd: { type: MarkerType.ArrowClosed },
          data: { name: edgeName(edge, language), rule: edgeRule(edge, designer), problemCount: 0 },
          ariaLabel:
            changes.length > 0 ? t('canvas.nodeChanges', { label, changes: changes.join('; ') }) : label,
        };
      }),
    [view, language, shell, designer, t],
  );

  // The view opens on what changed (its steps and the ends of its connections): the rest is a pan, or "fit", away.
  const opening = useMemo(() => {
    const ids = new Set([...view.nodes].filter(([, mark]) => mark.status !== 'same').map(([id]) => id));
    for (const edge of view.flow.edges) if (view.edges.get(edge.id)?.status !== 'same') ids.add(edge.source).add(edge.target);
    return ids.size === 0 ? FIT_VIEW : { ...FIT_VIEW, nodes: [...ids].map((id) => ({ id })) };
  }, [view]);

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': designer('canvas.controls'),
      'controls.zoomIn.ariaLabel': designer('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': designer('canvas.zoomOut'),
      'controls.fitView.ariaLabel': designer('canvas.fitView'),
    }),
    [designer],
  );

  return (
    <section className="flow-diff-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('canvas.title', { from, to })}</h3>
      <p className="help">{t('canvas.readOnly')}</p>
      <ul className="flow-diff-legend" aria-label={t('canvas.legend')}>
        {STATUSES.map((status) => (
          <li key={status} className={`flow-diff-legend__item flow-diff-legend__item--${status}`}>
            {t(`canvas.${status}`)}
          </li>
        ))}
      </ul>
      <div
        className="flow-canvas flow-diff-canvas"
        role="region"
        aria-label={t('canvas.label', { from, to })}
      >
        {!placed && <p role="status">{shell('loading')}</p>}
        {placed && (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            fitView
            fitViewOptions={opening}
            minZoom={0.2}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Background />
            <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
          </ReactFlow>
        )}
      </div>
    </section>
  );
}
