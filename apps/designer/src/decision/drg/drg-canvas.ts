/**
 * The requirements graph as React Flow draws it: one node per element, shaped by its kind (DMN
 * 1.5, 6.2: a decision is a rectangle, input data an oval, a business knowledge model a rectangle
 * with clipped corners), one edge per requirement (information: solid with a filled arrowhead;
 * knowledge: dashed), pointing from the required element to the one that requires it.
 */
import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { elementId, type DrgGraph, type DrgService, type Requirement } from '../document/drg-graph.js';
import type { ElementKind, ElementRef } from '../document/element-names.js';
import type { LayoutPoint } from '../../graph-layout/layered-layout.js';

export interface DrgNodeData extends Record<string, unknown> {
  element: ElementRef;
  /** The kind in words (the node shows it small above the name). */
  kindName: string;
}

export type DrgCanvasNode = Node<DrgNodeData, 'drg'>;

export interface DrgServiceData extends Record<string, unknown> {
  name: string;
  kindName: string;
  /** Where the line between the output decisions (above) and the encapsulated ones (below) runs, from the box's top; none when one part is empty. */
  divider?: number;
}

export type DrgServiceNode = Node<DrgServiceData, 'drgService'>;
export type DrgCanvasEdge = Edge<{ requirement: Requirement }>;

export const NODE_SIZES: Record<ElementKind, { width: number; height: number }> = {
  decision: { width: 190, height: 60 },
  businessKnowledgeModel: { width: 190, height: 60 },
  inputData: { width: 180, height: 52 },
};

/** Handles: requirements leave a required element from its top and enter the requiring one at its bottom (the graph reads upwards). */
export const SOURCE_HANDLE = 'out';
export const TARGET_HANDLE = 'in';
const HANDLE = 14;

function handles(kind: ElementKind) {
  const { width, height } = NODE_SIZES[kind];
  const x = width / 2 - HANDLE / 2;
  const source = { id: SOURCE_HANDLE, type: 'source' as const, position: Position.Top, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE };
  const target = { id: TARGET_HANDLE, type: 'target' as const, position: Position.Bottom, x, y: height - HANDLE / 2, width: HANDLE, height: HANDLE };
  // Input data require nothing: they have no handle to draw a requirement into.
  return kind === 'inputData' ? [source] : [source, target];
}

export interface CanvasContext {
  t: TFunction;
  positions: ReadonlyMap<string, LayoutPoint>;
  selected: ElementRef | null;
  selectedRequirement: string | null;
  /** The id of the help every node is described by. */
  helpId: string;
}

/** "Decision: Suitability, requires Levels above, Segment". */
export function nodeLabel(element: ElementRef, graph: DrgGraph, t: TFunction): string {
  const label = t('drg.node', { kind: t(`drg.kind.${element.kind}`), name: element.name });
  const required = graph.requirements.filter((r) => elementId(r.to) === elementId(element)).map((r) => r.from.name);
  return required.length === 0 ? label : t('drg.nodeRequires', { label, names: required.join(', ') });
}

/** Where elements go before (or without) the layout: a row per kind, knowledge models and decisions above input data. */
export function fallbackPosition(graph: DrgGraph, element: ElementRef): LayoutPoint {
  const row: Record<ElementKind, number> = { decision: 0, businessKnowledgeModel: 1, inputData: 2 };
  const same = graph.elements.filter((e) => e.kind === element.kind);
  return { x: same.findIndex((e) => e.name === element.name) * 220, y: row[element.kind] * 110 };
}

export function canvasNodes(graph: DrgGraph, context: CanvasContext): DrgCanvasNode[] {
  const { t } = context;
  return graph.elements.map((element) => {
    const id = elementId(element);
    const size = NODE_SIZES[element.kind];
    return {
      id,
      type: 'drg',
      position: context.positions.get(id) ?? fallbackPosition(graph, element),
      data: { element, kindName: t(`drg.kind.${element.kind}`) },
      selected: context.selected !== null && elementId(context.selected) === id,
      width: size.width,
      height: size.height,
      handles: handles(element.kind),
      ariaLabel: nodeLabel(element, graph, t),
      ariaRole: 'button',
      domAttributes: { 'aria-describedby': context.helpId },
    };
  });
}

export function canvasEdges(graph: DrgGraph, context: Pick<CanvasContext, 't' | 'selectedRequirement'>): DrgCanvasEdge[] {
  const { t } = context;
  return graph.requirements.map((requirement) => ({
    id: requirement.id,
    source: elementId(requirement.from),
    target: elementId(requirement.to),
    sourceHandle: SOURCE_HANDLE,
    targetHandle: TARGET_HANDLE,
    selected: context.selectedRequirement === requirement.id,
    className: `drg-edge drg-edge--${requirement.kind}`,
    markerEnd: requirement.kind === 'information' ? { type: MarkerType.ArrowClosed, width: 18, height: 18 } : { type: MarkerType.Arrow, width: 18, height: 18 },
    data: { requirement },
    ariaLabel: t('drg.edge', { kind: t(`drg.requirement.${requirement.kind}`), from: requirement.from.name, to: requirement.to.name }),
    ariaRole: 'button',
  }));
}

/** Room around a service's decisions, and above them for its name. */
export const SERVICE_PADDING = 16;
export const SERVICE_TITLE = 22;

/** "Decision service: Check, answers Suitable; encapsulates Levels above". */
export function serviceLabel(service: DrgService, t: TFunction): string {
  const label = t('drg.service', { name: service.name, outputs: service.outputs.map((e) => e.name).join(', ') });
  return service.encapsulated.length === 0 ? label : t('drg.serviceEncapsulates', { label, names: service.encapsulated.map((e) => e.name).join(', ') });
}

/**
 * A box per decision service around its decisions (DMN's rounded rectangle, split by a line between
 * the output decisions and the encapsulated ones), behind the elements: it is not selected, moved or
 * connected, the decisions in it are.
 */
export function serviceNodes(graph: DrgGraph, context: Pick<CanvasContext, 't' | 'positions'>): DrgServiceNode[] {
  const { t } = context;
  const place = (ref: ElementRef) => {
    const { x, y } = context.positions.get(elementId(ref)) ?? fallbackPosition(graph, ref);
    return { x, y, right: x + NODE_SIZES.decision.width, bottom: y + NODE_SIZES.decision.height };
  };
  return graph.services.map((service) => {
    const outputs = service.outputs.map(place);
    const encapsulated = service.encapsulated.map(place);
    const all = [...outputs, ...encapsulated];
    const left = Math.min(...all.map((p) => p.x)) - SERVICE_PADDING;
    const top = Math.min(...all.map((p) => p.y)) - SERVICE_PADDING - SERVICE_TITLE;
    const right = Math.max(...all.map((p) => p.right)) + SERVICE_PADDING;
    const bottom = Math.max(...all.map((p) => p.bottom)) + SERVICE_PADDING;
    const divider =
      outputs.length > 0 && encapsulated.length > 0
        ? (Math.max(...outputs.map((p) => p.bottom)) + Math.min(...encapsulated.map((p) => p.y))) / 2 - top
        : undefined;
    return {
      id: `decisionService:${service.name}`,
      type: 'drgService',
      position: { x: left, y: top },
      width: right - left,
      height: bottom - top,
      zIndex: -1,
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      data: { name: service.name, kindName: t('drg.kind.decisionService'), ...(divider === undefined ? {} : { divider }) },
      ariaLabel: serviceLabel(service, t),
      ariaRole: 'group',
    };
  });
}
