import type { FlowDefinition, FlowNode, FlowNodeType } from '@bankforge/flow-engine';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyNodes, pasteNodes, type FlowClipboard } from '../document/clipboard.js';
import { addNode, addNodeAfter, alignNodes, applyPositions, connect, nudgeNodes, removeEdges, removeNodes, STEP_X } from '../document/flow-edits.js';
import { nodeName, nodeNameById, type DesignerLanguage } from '../document/names.js';
import { NODE_TYPE_NAMES, type NodePosition } from '../document/node-types.js';
import { nearestNode, type Direction } from '../keyboard/nearest-node.js';
import { layoutFlow } from '../layout/elk-layout.js';
import { currentNode, nodeSelection, NOTHING, type Selection } from './selection.js';
import { FIT_VIEW } from './fit-view.js';

export interface FlowCommandsInput {
  flow: FlowDefinition;
  language: DesignerLanguage;
  selection: Selection;
  placed: (node: FlowNode) => NodePosition;
  update(recipe: (flow: FlowDefinition) => FlowDefinition, label?: string): void;
  /** Selects, and puts the focus on what was selected once it is drawn. */
  select(selection: Selection, focus?: boolean): void;
  announce(message: string): void;
}

/** The canvas's commands, shared by its keys, its toolbar, the palette and the dialogs; each says what it did. */
export function useFlowCommands({ flow, language, selection, placed, update, select, announce }: FlowCommandsInput) {
  const { t } = useTranslation('flowDesigner');
  const { fitView } = useReactFlow();
  const [clipboard, setClipboard] = useState<FlowClipboard | null>(null);
  const [laying, setLaying] = useState(false);
  const current = flow.nodes.find((n) => n.id === currentNode(selection));
  const typeLabel = (type: FlowNodeType) => NODE_TYPE_NAMES[type][language];
  // A flow shown with display-only places gets them for real with its first drawing edit, so what follows moves along.
  const drawn = () => (flow.nodes.some((n) => n.position === undefined) ? applyPositions(flow, new Map(flow.nodes.map((n) => [n.id, placed(n)]))) : flow);

  /** After the selected node, or (nothing selected, or an end) right of the rightmost node. */
  const add = (type: FlowNodeType, at?: NodePosition) => {
    const base = drawn();
    const after = at === undefined && current !== undefined ? addNodeAfter(base, current.id, type) : null;
    const rightmost = Math.max(0, ...flow.nodes.map((n) => placed(n).x));
    const added = after ?? addNode(base, type, at ?? { x: rightmost + STEP_X, y: 0 });
    update(() => added.flow);
    select(nodeSelection(added.id), true);
    announce(after !== null && current !== undefined ? t('announce.addedAfter', { type: typeLabel(type), name: nodeName(current, language) }) : t('announce.added', { type: typeLabel(type) }));
  };

  const remove = () => {
    if (selection.edge !== null) {
      const edge = flow.edges.find((e) => e.id === selection.edge);
      update((f) => removeEdges(f, [selection.edge!]));
      if (edge !== undefined) {
        select(nodeSelection(edge.source), true);
        announce(t('announce.edgeDeleted', { source: nodeNameById(flow, edge.source, language), target: nodeNameById(flow, edge.target, language) }));
      }
      return;
    }
    if (selection.nodes.length === 0) return;
    const gone = new Set(selection.nodes);
    // The focus goes to where the path came from, so the keyboard stays on the canvas.
    const before = flow.edges.find((e) => gone.has(e.target) && !gone.has(e.source))?.source ?? flow.nodes.find((n) => !gone.has(n.id))?.id;
    update((f) => removeNodes(f, gone));
    select(before === undefined ? NOTHING : nodeSelection(before), true);
    announce(t('announce.deleted', { names: selection.nodes.map((id) => nodeNameById(flow, id, language)).join(', ') }));
  };

  /** From the selected node (the connect dialog) or from where a drag started. */
  const link = (target: string, source = current?.id) => {
    if (source === undefined) return;
    const linked = connect(flow, source, target);
    if (linked === null) return;
    update(() => linked.flow);
    select(nodeSelection(source), true);
    announce(t('announce.connected', { source: nodeNameById(flow, source, language), target: nodeNameById(flow, target, language) }));
  };

  const go = (direction: Direction) => {
    if (current === undefined) {
      const start = flow.nodes.find((n) => n.type === 'start') ?? flow.nodes[0];
      if (start !== undefined) select(nodeSelection(start.id), true);
      return;
    }
    const next = nearestNode(flow.nodes, current, direction, placed);
    if (next !== undefined) select(nodeSelection(next.id), true);
    else announce(t('announce.noNode', { direction: t(`directions.${direction}`) }));
  };

  const copy = () => {
    const copied = copyNodes(drawn(), selection.nodes);
    if (copied === null) return;
    setClipboard(copied);
    announce(t('announce.copied', { count: copied.nodes.length }));
  };

  const paste = () => {
    if (clipboard === null) return;
    const pasted = pasteNodes(drawn(), clipboard);
    update(() => pasted.flow);
    select(nodeSelection(...pasted.ids), true);
    announce(t('announce.pasted', { count: pasted.ids.length }));
  };

  const layout = async () => {
    setLaying(true);
    try {
      const positions = await layoutFlow(flow);
      update((f) => applyPositions(f, positions));
      announce(t('announce.laidOut'));
      void fitView(FIT_VIEW);
    } finally {
      setLaying(false);
    }
  };

  return {
    current,
    clipboard,
    laying,
    add,
    remove,
    connect: link,
    go,
    copy,
    paste,
    layout,
    nudge: (dx: number, dy: number) => update((f) => nudgeNodes(f, new Set(selection.nodes), dx, dy, placed), 'nudge'),
    align: (along: 'row' | 'column') => update((f) => alignNodes(f, selection.nodes, along, placed)),
    move: (positions: ReadonlyMap<string, NodePosition>) => update((f) => applyPositions(f, positions)),
  };
}
