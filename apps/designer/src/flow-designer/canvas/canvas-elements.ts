/** The flow as React Flow draws it: nodes and edges with their accessible names and descriptions. */
import type { BoundaryTimer, FlowDefinition, FlowEdge, FlowNode } from '@bankforge/flow-engine';
import { MarkerType } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { edgeName, nodeName, nodeNameById, typeName, type DesignerLanguage } from '../document/names.js';
import { durationText } from '../document/duration-text.js';
import type { NodePosition } from '../document/node-types.js';
import type { FlowCanvasEdge } from '../edges/FlowEdgeView.js';
import { nodeSize } from '../layout/node-size.js';
import type { ProblemIndex } from '../problems/problem-index.js';
import type { FlowCanvasNode } from './FlowNodeView.js';
import { nodeHandles } from './handles.js';
import type { Selection } from './selection.js';

export interface ElementContext {
  language: DesignerLanguage;
  t: TFunction;
  problems: ProblemIndex;
  selection: Selection;
  placed: (node: FlowNode) => NodePosition;
  /** The id of the element describing a node or edge's problems (the canvas renders them). */
  problemsId: (kind: 'node' | 'edge', id: string) => string;
  /** The id of the keyboard help every node is described by. */
  helpId: string;
}

function withProblems(label: string, count: number, t: TFunction): string {
  return count === 0 ? label : `${label}, ${t('a11y.problems', { count })}`;
}

/** "Approval: Credit officer review, 2 problems". */
export function nodeLabel(node: FlowNode, context: Pick<ElementContext, 'language' | 't' | 'problems'>): string {
  const label = context.t('a11y.node', { type: typeName(node, context.language), name: nodeName(node, context.language) });
  return withProblems(label, context.problems.byNode.get(node.id)?.length ?? 0, context.t);
}

/** The timers on steps' borders, by the edge each leaves by. */
export function timersByEdge(flow: FlowDefinition): ReadonlyMap<string, BoundaryTimer> {
  return new Map(flow.nodes.flatMap((n) => ('boundaryTimers' in n ? (n.boundaryTimers ?? []) : [])).map((timer) => [timer.edge, timer]));
}

/** What decides whether an edge is taken, as written on it: a timer's time, a loop's bound, a condition, or the default. */
export function edgeRule(edge: FlowEdge, t: TFunction, timer?: BoundaryTimer): string {
  if (timer !== undefined) return t(timer.interrupting ? 'edge.timerRule' : 'edge.timerRuleKeep', { duration: durationText(timer.duration, t) });
  if (edge.loop !== undefined) return t('edge.loopRule', { condition: edge.condition ?? '', max: edge.loop.maxIterations });
  if (edge.condition !== undefined) return edge.condition;
  return edge.default === true ? t('edge.default') : '';
}

/** "from Score check to Amount routing when amount > 500000". */
export function edgeLabel(edge: FlowEdge, flow: FlowDefinition, context: Pick<ElementContext, 'language' | 't' | 'problems'>, timer?: BoundaryTimer): string {
  const { t, language } = context;
  const ends = { source: nodeNameById(flow, edge.source, language), target: nodeNameById(flow, edge.target, language) };
  const label =
    timer !== undefined ? t('a11y.edgeTimer', { ...ends, rule: edgeRule(edge, t, timer) })
    : edge.condition !== undefined ? t('a11y.edgeWhen', { ...ends, condition: edge.condition })
    : edge.default === true ? t('a11y.edgeDefault', ends)
    : t('a11y.edge', ends);
  return withProblems(label, context.problems.byEdge.get(edge.id)?.length ?? 0, t);
}

export function canvasNodes(flow: FlowDefinition, context: ElementContext): FlowCanvasNode[] {
  return flow.nodes.map((node) => {
    const size = nodeSize(node.type);
    const problemCount = context.problems.byNode.get(node.id)?.length ?? 0;
    const describedBy = [context.helpId, problemCount > 0 ? context.problemsId('node', node.id) : ''].filter(Boolean).join(' ');
    return {
      id: node.id,
      type: 'flow',
      position: context.placed(node),
      data: { node, name: nodeName(node, context.language), typeName: typeName(node, context.language), problemCount },
      selected: context.selection.nodes.includes(node.id),
      width: size.width,
      height: size.height,
      // Known handles: edges are drawn without measuring the DOM first.
      handles: nodeHandles(size),
      ariaLabel: nodeLabel(node, context),
      ariaRole: 'button',
      domAttributes: { 'aria-describedby': describedBy },
    };
  });
}

export function canvasEdges(flow: FlowDefinition, context: ElementContext): FlowCanvasEdge[] {
  const timers = timersByEdge(flow);
  return flow.edges.map((edge) => {
    const problemCount = context.problems.byEdge.get(edge.id)?.length ?? 0;
    const timer = timers.get(edge.id);
    return {
      id: edge.id,
      type: 'flow',
      source: edge.source,
      target: edge.target,
      selected: context.selection.edge === edge.id,
      markerEnd: { type: MarkerType.ArrowClosed },
      data: { name: edgeName(edge, context.language), rule: edgeRule(edge, context.t, timer), problemCount },
      ariaLabel: edgeLabel(edge, flow, context, timer),
      ariaRole: 'button',
      ...(problemCount > 0 ? { domAttributes: { 'aria-describedby': context.problemsId('edge', edge.id) } } : {}),
    };
  });
}
