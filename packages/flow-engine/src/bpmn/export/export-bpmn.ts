/**
 * A flow definition → BPMN 2.0 XML with diagram interchange (BPMNDI), so that Camunda Modeler,
 * Flowable or Signavio open it with the designer's layout. Node types map to their BPMN
 * elements; what BPMN has no place for (assignees, approval modes, effects, outcomes) travels as
 * JSON in a BankForge extension element, which `importBpmn` reads back: export then import gives
 * the same definition.
 */
import type { BoundaryTimer, FlowDefinition, FlowEdge, FlowNode, NodePosition } from '../../definition/flow-definition.js';
import { BANKFORGE_NS, BPMN_NS, BPMNDI_NS, DC_NS, DI_NS, FEEL_LANGUAGE, XSI_NS } from '../namespaces.js';
import { boundaryTimersOf } from '../../definition/boundary-timers.js';
import { layout, shapeSize } from './layout.js';

/** Node fields BPMN itself carries (the rest goes into the extension). */
const BPMN_FIELDS = new Set(['id', 'type', 'name', 'position', 'loop', 'multiInstance', 'boundaryTimers', 'startQuantity', 'completionQuantity', 'errorCode']);

export function exportBpmn(definition: FlowDefinition): string {
  const positions = layout(definition);
  const processId = definition.key;
  const out: string[] = [];
  const errors = new Set<string>();
  const boundarySource = new Map<string, string>();
  for (const n of definition.nodes) for (const b of boundaryTimersOf(n)) boundarySource.set(b.edge, b.id);
  out.push(`  <bpmn:process id="${attr(processId)}" name="${attr(definition.title)}" isExecutable="true">`);
  for (const node of definition.nodes) {
    out.push(...nodeXml(node, definition.edges));
    if (node.type === 'end' && node.errorCode !== undefined) errors.add(node.errorCode);
    for (const b of boundaryTimersOf(node)) out.push(...boundaryXml(b, node.id));
  }
  for (const edge of definition.edges) out.push(...edgeXml(edge, boundarySource.get(edge.id) ?? edge.source));
  out.push('  </bpmn:process>');
  const diagram = diagramXml(definition, positions, boundarySource);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:bpmndi="${BPMNDI_NS}" xmlns:dc="${DC_NS}" xmlns:di="${DI_NS}" xmlns:xsi="${XSI_NS}" xmlns:bf="${BANKFORGE_NS}" id="Definitions_${attr(processId)}" targetNamespace="https://bankforge.dev/flows" exporter="BankForge" exporterVersion="1">`,
    ...[...errors].map((code) => `  <bpmn:error id="Error_${attr(idPart(code))}" name="${attr(code)}" errorCode="${attr(code)}" />`),
    ...out,
    ...diagram,
    '</bpmn:definitions>',
    '',
  ].join('\n');
}

function nodeXml(node: FlowNode, edges: readonly FlowEdge[]): string[] {
  const tag = elementOf(node);
  const attrs: string[] = [`id="${attr(node.id)}"`, `name="${attr(node.name.en)}"`];
  const defaultEdge = edges.find((e) => e.source === node.id && e.default === true);
  if ((node.type === 'branch' || node.type === 'inclusive') && defaultEdge !== undefined) attrs.push(`default="${attr(defaultEdge.id)}"`);
  if (node.type === 'join' || node.type === 'inclusiveJoin') attrs.push('gatewayDirection="Converging"');
  if (node.type === 'parallel') attrs.push('gatewayDirection="Diverging"');
  if (node.type === 'subflow') attrs.push(`calledElement="${attr(node.flowKey)}"`);
  if (node.type === 'service' && node.effect === 'script' && typeof node.config.scriptFormat === 'string') attrs.push(`scriptFormat="${attr(node.config.scriptFormat)}"`);
  if (node.type === 'service' || node.type === 'subflow') {
    if (node.startQuantity !== undefined) attrs.push(`startQuantity="${node.startQuantity}"`);
    if (node.completionQuantity !== undefined) attrs.push(`completionQuantity="${node.completionQuantity}"`);
  }
  const body: string[] = [];
  const settings = settingsOf(node);
  if (settings !== undefined) body.push(`      <bpmn:extensionElements><bf:settings>${text(JSON.stringify(settings))}</bf:settings></bpmn:extensionElements>`);
  for (const e of edges) if (e.target === node.id) body.push(`      <bpmn:incoming>${text(e.id)}</bpmn:incoming>`);
  for (const e of edges) if (e.source === node.id && !isBoundaryEdge(node, e.id)) body.push(`      <bpmn:outgoing>${text(e.id)}</bpmn:outgoing>`);
  body.push(...behaviourXml(node));
  if (node.type === 'terminate') body.push('      <bpmn:terminateEventDefinition />');
  if (node.type === 'end' && node.errorCode !== undefined) body.push(`      <bpmn:errorEventDefinition errorRef="Error_${attr(idPart(node.errorCode))}" />`);
  if (node.type === 'timer' && node.duration !== undefined) body.push(`      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${text(node.duration)}</bpmn:timeDuration></bpmn:timerEventDefinition>`);
  if (node.type === 'timer' && node.duration === undefined) body.push('      <bpmn:timerEventDefinition />');
  if (node.type === 'service' && node.effect === 'script') body.push(`      <bpmn:script>${text(typeof node.config.script === 'string' ? node.config.script : '')}</bpmn:script>`);
  return [`    <bpmn:${tag} ${attrs.join(' ')}>`, ...body, `    </bpmn:${tag}>`];
}

function elementOf(node: FlowNode): string {
  switch (node.type) {
    case 'start':
      return 'startEvent';
    case 'end':
    case 'terminate':
      return 'endEvent';
    case 'approval':
      return 'userTask';
    case 'branch':
      return 'exclusiveGateway';
    case 'inclusive':
    case 'inclusiveJoin':
      return 'inclusiveGateway';
    case 'parallel':
    case 'join':
      return 'parallelGateway';
    case 'decision':
      return 'businessRuleTask';
    case 'service':
      return node.effect === 'script' ? 'scriptTask' : 'serviceTask';
    case 'notify':
      return 'sendTask';
    case 'timer':
      return 'intermediateCatchEvent';
    case 'subflow':
      return 'callActivity';
  }
}

/** The node's fields BPMN does not carry (undefined when there are none). */
function settingsOf(node: FlowNode): Record<string, unknown> | undefined {
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!BPMN_FIELDS.has(k) && v !== undefined) settings[k] = v;
  if (node.type === 'service' && node.effect === 'script') {
    const { script: _script, scriptFormat: _format, ...config } = node.config;
    settings.config = config;
  }
  if (node.name['zh-CN'] !== node.name.en) settings.name = node.name;
  return Object.keys(settings).length === 0 ? undefined : settings;
}

function behaviourXml(node: FlowNode): string[] {
  if (node.type !== 'service' && node.type !== 'subflow') return [];
  const out: string[] = [];
  const loop = node.loop;
  if (loop !== undefined) {
    const a = [loop.maximum !== undefined ? ` loopMaximum="${loop.maximum}"` : '', loop.testBefore === true ? ' testBefore="true"' : ''].join('');
    const cond = loop.condition === undefined ? '' : `<bpmn:loopCondition xsi:type="bpmn:tFormalExpression" language="${FEEL_LANGUAGE}">${text(loop.condition)}</bpmn:loopCondition>`;
    out.push(`      <bpmn:standardLoopCharacteristics${a}>${cond}</bpmn:standardLoopCharacteristics>`);
  }
  const mi = node.multiInstance;
  if (mi !== undefined) {
    const done = mi.completionCondition === undefined ? '' : `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${text(mi.completionCondition)}</bpmn:completionCondition>`;
    out.push(`      <bpmn:multiInstanceLoopCharacteristics isSequential="${mi.sequential === true}"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${text(mi.cardinality)}</bpmn:loopCardinality>${done}</bpmn:multiInstanceLoopCharacteristics>`);
  }
  return out;
}

function boundaryXml(b: BoundaryTimer, host: string): string[] {
  return [
    `    <bpmn:boundaryEvent id="${attr(b.id)}" name="${attr(b.name?.en ?? '')}" attachedToRef="${attr(host)}" cancelActivity="${b.interrupting}">`,
    `      <bpmn:outgoing>${text(b.edge)}</bpmn:outgoing>`,
    `      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${text(b.duration)}</bpmn:timeDuration></bpmn:timerEventDefinition>`,
    '    </bpmn:boundaryEvent>',
  ];
}

function edgeXml(edge: FlowEdge, source: string): string[] {
  const name = edge.name === undefined ? '' : ` name="${attr(edge.name.en)}"`;
  const body: string[] = [];
  const settings: Record<string, unknown> = {};
  if (edge.loop !== undefined) settings.maxIterations = edge.loop.maxIterations;
  if (edge.name !== undefined && edge.name['zh-CN'] !== edge.name.en) settings.name = edge.name;
  if (Object.keys(settings).length > 0) body.push(`      <bpmn:extensionElements><bf:settings>${text(JSON.stringify(settings))}</bf:settings></bpmn:extensionElements>`);
  if (edge.condition !== undefined) body.push(`      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="${FEEL_LANGUAGE}">${text(edge.condition)}</bpmn:conditionExpression>`);
  const open = `    <bpmn:sequenceFlow id="${attr(edge.id)}"${name} sourceRef="${attr(source)}" targetRef="${attr(edge.target)}"`;
  return body.length === 0 ? [`${open} />`] : [`${open}>`, ...body, '    </bpmn:sequenceFlow>'];
}

function diagramXml(def: FlowDefinition, positions: ReadonlyMap<string, NodePosition>, boundarySource: ReadonlyMap<string, string>): string[] {
  const out = ['  <bpmndi:BPMNDiagram id="BPMNDiagram_1">', `    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${attr(def.key)}">`];
  const centre = new Map<string, { x: number; y: number }>();
  const shape = (id: string, p: NodePosition, size: { w: number; h: number }, marker: boolean): void => {
    centre.set(id, { x: p.x + size.w / 2, y: p.y + size.h / 2 });
    out.push(`      <bpmndi:BPMNShape id="${attr(id)}_di" bpmnElement="${attr(id)}"${marker ? ' isMarkerVisible="true"' : ''}>`, `        <dc:Bounds x="${p.x}" y="${p.y}" width="${size.w}" height="${size.h}" />`, '      </bpmndi:BPMNShape>');
  };
  for (const node of def.nodes) {
    const p = positions.get(node.id) ?? { x: 0, y: 0 };
    shape(node.id, p, shapeSize(node), node.type === 'branch');
    boundaryTimersOf(node).forEach((b, i) => shape(b.id, b.position ?? { x: p.x + 20 + 40 * i, y: p.y + 62 }, { w: 36, h: 36 }, false));
  }
  for (const edge of def.edges) {
    const a = centre.get(boundarySource.get(edge.id) ?? edge.source);
    const b = centre.get(edge.target);
    if (a === undefined || b === undefined) continue;
    out.push(`      <bpmndi:BPMNEdge id="${attr(edge.id)}_di" bpmnElement="${attr(edge.id)}">`, `        <di:waypoint x="${a.x}" y="${a.y}" />`, `        <di:waypoint x="${b.x}" y="${b.y}" />`, '      </bpmndi:BPMNEdge>');
  }
  out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>');
  return out;
}

function isBoundaryEdge(node: FlowNode, edgeId: string): boolean {
  return boundaryTimersOf(node).some((b) => b.edge === edgeId);
}

function idPart(code: string): string {
  return code.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
