import type { FlowDefinition, FlowNode, FlowNodeType } from '@bankforge/flow-engine';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type EdgeChange, type NodeChange, type NodeTypes, type EdgeTypes, type Dimensions, type OnConnectEnd } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../problems/problem-text.js';
import type { DesignerLanguage } from '../document/names.js';
import type { NodePosition } from '../document/node-types.js';
import { FlowEdgeView } from '../edges/FlowEdgeView.js';
import type { ProblemIndex } from '../problems/problem-index.js';
import { PALETTE_DRAG_TYPE } from '../palette/palette-drag.js';
import { canvasEdges, canvasNodes } from './canvas-elements.js';
import { FlowNodeView } from './FlowNodeView.js';
import { withSelected, type Selection } from './selection.js';
import { FIT_VIEW } from './fit-view.js';
import { whollyInView } from './reveal.js';
import { nodeSize } from '../layout/node-size.js';

const NODE_TYPES: NodeTypes = { flow: FlowNodeView };
const EDGE_TYPES: EdgeTypes = { flow: FlowEdgeView };
/** How near (screen pixels) a dragged connection must come to a connection point to snap to it. */
const CONNECTION_RADIUS = 30;
/** The id of the step an element belongs to, if any. */
const droppedOn = (element: Element | null): string | undefined => element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
/** The element that describes a node's or edge's problems to a screen reader. */
const problemsId = (kind: 'node' | 'edge', id: string) => `flow-problems-${kind}-${id}`;

export interface FlowCanvasProps {
  flow: FlowDefinition;
  language: DesignerLanguage;
  placed: (node: FlowNode) => NodePosition;
  selection: Selection;
  problems: ProblemIndex;
  helpId: string;
  onSelectionChange(update: (selection: Selection) => Selection): void;
  /** Nodes dragged to new places (one undo step per drag). */
  onMove(positions: ReadonlyMap<string, NodePosition>): void;
  onConnect(source: string, target: string): void;
  onDropType(type: FlowNodeType, position: NodePosition): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

/**
 * The flow drawn with React Flow: nodes by type, edges with their conditions, a minimap and the zoom
 * controls. Its selection and node positions are the designer's (kept in the document), so undo
 * moves nodes back; only a drag in progress and the measured sizes live here.
 */
export function FlowCanvas(props: FlowCanvasProps) {
  const { flow, language, placed, selection, problems, helpId } = props;
  const { t } = useTranslation('flowDesigner');
  const flowApi = useReactFlow();
  const dragged = useRef(new Map<string, NodePosition>());
  const [dragging, setDragging] = useState<ReadonlyMap<string, NodePosition>>(new Map());
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());

  const nodes = useMemo(() => {
    const at = (node: FlowNode) => dragging.get(node.id) ?? placed(node);
    return canvasNodes(flow, { language, t, problems, selection, placed: at, problemsId, helpId }).map((n) => ({ ...n, measured: measured.get(n.id) }));
  }, [flow, language, t, problems, selection, placed, dragging, measured, helpId]);
  const edges = useMemo(() => canvasEdges(flow, { language, t, problems, selection, placed, problemsId, helpId }), [flow, language, t, problems, selection, placed, helpId]);

  const onNodesChange = (changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === 'select') props.onSelectionChange((s) => withSelected(s, 'node', change.id, change.selected));
      else if (change.type === 'dimensions' && change.dimensions) {
        const size = change.dimensions;
        setMeasured((m) => new Map(m).set(change.id, size));
      } else if (change.type === 'position' && change.position && change.dragging) {
        dragged.current.set(change.id, change.position);
      }
    }
    const finished = changes.some((c) => c.type === 'position' && c.dragging === false);
    if (finished && dragged.current.size > 0) {
      props.onMove(new Map(dragged.current));
      dragged.current.clear();
    }
    setDragging(new Map(dragged.current));
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    for (const change of changes) if (change.type === 'select') props.onSelectionChange((s) => withSelected(s, 'edge', change.id, change.selected));
  };

  // A connection let go over a step's body rather than its small connection point still joins the two.
  const onConnectEnd: OnConnectEnd = (event, state) => {
    if (state.isValid === true || state.fromNode === null || state.fromHandle === null) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (point === undefined) return;
    const over = droppedOn(document.elementFromPoint(point.clientX, point.clientY));
    if (over === undefined || over === state.fromNode.id) return;
    if (state.fromHandle.type === 'source') props.onConnect(state.fromNode.id, over);
    else props.onConnect(over, state.fromNode.id);
  };

  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as FlowNodeType | '';
    if (type === '') return;
    event.preventDefault();
    props.onDropType(type, flowApi.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'controls.interactive.ariaLabel': t('canvas.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle'),
    }),
    [t],
  );

  return (
    <div
      className="flow-canvas"
      role="region"
      aria-label={t('canvas.label')}
      onKeyDown={props.onKeyDown}
      onFocus={(event) => {
        // Selection follows the keyboard focus: Tab to a node and it is the one the commands act on.
        const target = event.target as Element;
        const node = target.closest<HTMLElement>('.react-flow__node');
        const edge = target.closest<SVGElement>('.react-flow__edge');
        const id = (node ?? edge)?.dataset.id;
        if (id === undefined) return;
        if (node && !selection.nodes.includes(id)) props.onSelectionChange(() => ({ nodes: [id], edge: null }));
        // A step the keyboard reaches (arrows, a step just added, a problem shown) is brought into view,
        // at the same zoom: React Flow's own panning on focus is off with its keyboard handling. A press of
        // the mouse focuses a step too: the view then stays, or a drag from it would lose its target.
        const placed = node?.matches(':focus-visible') ? flowApi.getInternalNode(id) : undefined;
        const step = placed && flow.nodes.find((n) => n.id === id);
        if (placed !== undefined && step !== undefined) {
          const size = nodeSize(step.type);
          const pane = { width: event.currentTarget.clientWidth, height: event.currentTarget.clientHeight };
          // A pane not laid out (no size) has nothing to reveal in.
          if (pane.width > 0 && !whollyInView(placed.internals.positionAbsolute, size, flowApi.getViewport(), pane)) {
            void flowApi.setCenter(placed.internals.positionAbsolute.x + size.width / 2, placed.internals.positionAbsolute.y + size.height / 2, { zoom: flowApi.getZoom() });
          }
        }
        if (edge && selection.edge !== id) props.onSelectionChange(() => ({ nodes: [], edge: id }));
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(c) => props.onConnect(c.source, c.target)}
        onConnectEnd={onConnectEnd}
        connectionRadius={CONNECTION_RADIUS}
        onPaneClick={() => props.onSelectionChange(() => ({ nodes: [], edge: null }))}
        // The designer's own keys: arrows go from node to node, Delete removes through the document.
        disableKeyboardA11y
        deleteKeyCode={null}
        ariaLabelConfig={ariaLabelConfig}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
      >
        <Background />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
      </ReactFlow>
      <div hidden>
        {[...problems.byNode].map(([id, list]) => (
          <p key={`node-${id}`} id={problemsId('node', id)}>{list.map((p) => problemText(p, flow, language, t)).join(' ')}</p>
        ))}
        {[...problems.byEdge].map(([id, list]) => (
          <p key={`edge-${id}`} id={problemsId('edge', id)}>{list.map((p) => problemText(p, flow, language, t)).join(' ')}</p>
        ))}
      </div>
    </div>
  );
}
