import type { DecisionArtifact } from '@bankforge/rule-engine';
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addBusinessKnowledgeModel,
  addDecision,
  addInputData,
  addRequirement,
  removeRequirement,
} from '../document/drg-edits.js';
import { drgGraph, elementId, requirementFor, type Requirement } from '../document/drg-graph.js';
import type { ElementKind, ElementRef } from '../document/element-names.js';
import { AddElementDialog, type NewElement } from './AddElementDialog.js';
import { canvasEdges, canvasNodes, serviceNodes } from './drg-canvas.js';
import { DrgNodeView, DrgServiceView } from './DrgNodeView.js';
import { useDrgLayout } from './useDrgLayout.js';
import './drg.css';

const NODE_TYPES: NodeTypes = { drg: DrgNodeView, drgService: DrgServiceView };
const FIT_VIEW = { padding: 0.15, maxZoom: 1, minZoom: 0.5 } as const;
const ADDABLE: readonly ElementKind[] = ['decision', 'inputData', 'businessKnowledgeModel'];

export interface DrgViewProps {
  artifact: DecisionArtifact;
  /** The element edited below the diagram. */
  selected: ElementRef | null;
  onSelect(element: ElementRef): void;
  /** Enter on an element: the page moves the focus to its editor. */
  onOpen(element: ElementRef): void;
  /** A change of the model, recorded by the editor for undo. */
  onChange(change: (artifact: DecisionArtifact) => DecisionArtifact): void;
  onAnnounce(message: string): void;
}

/**
 * The model's decision requirements graph (lazy-loaded: React Flow and the layout come with it):
 * elements by their DMN shapes, requirements as arrows; select an element to edit it below, draw
 * or remove requirements with the mouse or the keyboard, add elements under checked names.
 */
export default function DrgView(props: DrgViewProps) {
  return (
    <ReactFlowProvider>
      <DrgCanvas {...props} />
    </ReactFlowProvider>
  );
}

function DrgCanvas({ artifact, selected, onSelect, onOpen, onChange, onAnnounce }: DrgViewProps) {
  const { t } = useTranslation('decisionDesigner');
  const helpId = useId();
  const flow = useReactFlow();
  const [adding, setAdding] = useState<ElementKind | null>(null);
  const [selectedRequirement, setSelectedRequirement] = useState<string | null>(null);
  const graph = useMemo(() => drgGraph(artifact), [artifact]);
  const positions = useDrgLayout(graph);
  const byId = useMemo(() => new Map(graph.elements.map((e) => [elementId(e), e])), [graph]);
  const requirement: Requirement | undefined = graph.requirements.find((r) => r.id === selectedRequirement);

  const nodes = useMemo(
    () => [...serviceNodes(graph, { t, positions }), ...canvasNodes(graph, { t, positions, selected, selectedRequirement, helpId })],
    [graph, t, positions, selected, selectedRequirement, helpId],
  );
  const edges = useMemo(
    () => canvasEdges(graph, { t, selectedRequirement }),
    [graph, t, selectedRequirement],
  );

  // The diagram is drawn once its layout is there (React Flow frames it on mounting); a new layout
  // (an element or requirement came or went) is framed whole once React Flow has taken the new places.
  const ready = positions.size > 0 || graph.elements.length === 0;
  useEffect(() => {
    if (positions.size === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
    return () => cancelAnimationFrame(frame);
  }, [positions, flow]);

  const connect = (from: ElementRef, to: ElementRef) => {
    const answer = requirementFor(artifact, from, to);
    if ('problem' in answer) {
      onAnnounce(t(`drg.refused.${answer.problem}`, { from: from.name, to: to.name }));
      return;
    }
    onChange((current) => addRequirement(current, from, to));
    onAnnounce(t('drg.connected', { from: from.name, to: to.name }));
  };
  const disconnect = (r: Requirement) => {
    onChange((current) => removeRequirement(current, r.from, r.to));
    setSelectedRequirement(null);
    onAnnounce(t('drg.disconnected', { from: r.from.name, to: r.to.name }));
  };
  const add = (kind: ElementKind, element: NewElement) => {
    onChange((current) =>
      kind === 'decision'
        ? addDecision(current, element.name, element.logic ?? 'decisionTable')
        : kind === 'inputData'
          ? addInputData(current, element.name, element.typeRef)
          : addBusinessKnowledgeModel(current, element.name),
    );
    setAdding(null);
    onSelect({ kind, name: element.name });
    onAnnounce(t('drg.added', { kind: t(`drg.kind.${kind}`), name: element.name }));
  };

  const onConnect = (connection: Connection) => {
    const from = byId.get(connection.source);
    const to = byId.get(connection.target);
    if (from && to) connect(from, to);
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const change of changes)
      if (change.type === 'select') setSelectedRequirement(change.selected ? change.id : null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    const nodeId = target.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    const edgeId = target.closest<SVGElement>('.react-flow__edge')?.dataset.id;
    if ((event.key === 'Delete' || event.key === 'Backspace') && (edgeId ?? selectedRequirement)) {
      const r = graph.requirements.find((x) => x.id === (edgeId ?? selectedRequirement));
      if (r) {
        event.preventDefault();
        disconnect(r);
      }
    } else if (event.key === 'Enter' && nodeId !== undefined) {
      const element = byId.get(nodeId);
      if (element) {
        event.preventDefault();
        onOpen(element);
      }
    }
  };

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('drg.controls'),
      'controls.zoomIn.ariaLabel': t('drg.zoomIn'),
      'controls.zoomOut.ariaLabel': t('drg.zoomOut'),
      'controls.fitView.ariaLabel': t('drg.fitView'),
    }),
    [t],
  );
  return (
    <div className="drg">
      <div role="toolbar" aria-label={t('drg.toolbar')} className="toolbar dg-toolbar">
        {ADDABLE.map((kind) => (
          <button key={kind} type="button" onClick={() => setAdding(kind)}>
            {t(
              kind === 'decision'
                ? 'drg.addDecision'
                : kind === 'inputData'
                  ? 'drg.addInputData'
                  : 'drg.addBusinessKnowledgeModel',
            )}
          </button>
        ))}
        <button
          type="button"
          // Red only when there is a requirement to remove.
          className={requirement === undefined ? undefined : 'danger'}
          disabled={requirement === undefined}
          aria-keyshortcuts="Delete"
          onClick={() => requirement && disconnect(requirement)}
        >
          {t('drg.removeRequirement')}
        </button>
      </div>
      <div
        className="drg-canvas"
        role="region"
        aria-label={t('drg.canvas', { title: artifact.title })}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Selection follows the keyboard focus: Tab to an element and it is the one edited below.
          const id = (event.target as Element).closest<HTMLElement>('.react-flow__node')?.dataset.id;
          const element = id === undefined ? undefined : byId.get(id);
          if (element && (selected === null || elementId(selected) !== id)) onSelect(element);
        }}
      >
        {!ready && <p className="help drg-canvas__loading">{t('drg.loading')}</p>}
        {ready && (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodeClick={(_, node) => {
              const element = byId.get(node.id);
              if (element) onSelect(element);
            }}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            isValidConnection={(c) => {
              const from = byId.get(c.source);
              const to = byId.get(c.target);
              return from !== undefined && to !== undefined && 'kind' in requirementFor(artifact, from, to);
            }}
            onPaneClick={() => setSelectedRequirement(null)}
            nodesDraggable={false}
            // The diagram's own keys: Delete removes a requirement through the document (undo brings it back).
            disableKeyboardA11y
            deleteKeyCode={null}
          // Space is the page's: typing in the grid or a FEEL editor (panning is a drag of the pane).
          panActivationKeyCode={null}
            ariaLabelConfig={ariaLabelConfig}
            fitView
            fitViewOptions={FIT_VIEW}
            minZoom={0.3}
          >
            <Background />
            <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
          </ReactFlow>
        )}
      </div>
      <p id={helpId} className="help">
        {t('drg.help')}
      </p>
      <p className="help drg-legend">{t('drg.legend')}</p>
      {adding !== null && (
        <AddElementDialog
          artifact={artifact}
          kind={adding}
          itemDefinitions={artifact.itemDefinitions ?? []}
          onAdd={(element) => add(adding, element)}
          onClose={() => setAdding(null)}
        />
      )}
    </div>
  );
}
