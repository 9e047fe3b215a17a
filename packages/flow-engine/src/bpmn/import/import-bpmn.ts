/**
 * BPMN 2.0 XML → flow definitions: one per `<process>`, plus one per embedded sub-process (run as
 * a subflow of its parent). The subset that maps onto the engine's node types is imported; every
 * other element is listed in `unsupported` (all of them, not only the first). Vendor extension
 * attributes (`camunda:` and others) are ignored with a warning; BankForge's own extension
 * (written by `exportBpmn`) restores what BPMN has no place for.
 *
 * Every imported definition is checked with `validateFlowDefinition`; its problems are returned
 * as the designer would show them.
 */
import type {
  ActivityBehaviour,
  ApprovalNode,
  BoundaryTimer,
  FlowDefinition,
  FlowEdge,
  FlowNode,
  FlowVariable,
  LocalizedText,
  NodePosition,
} from '../../definition/flow-definition.js';
import { validateFlowDefinition, type FlowProblem } from '../../definition/validate-flow.js';
import { conditionToFeel, ConditionMappingError } from '../condition/java-to-feel.js';
import { BANKFORGE_NS, BPMN_NS, BPMNDI_NS, DC_NS, XSI_NS } from '../namespaces.js';
import { applyDefaults, gatewayDirections, implicitSplits, markBackEdges } from './graph-shaping.js';
import { attribute, descendants, elementsOf, parseXmlDocument, textContent, type Element } from './xml.js';

export interface BpmnImportOptions {
  /** Process variables the flows declare (BPMN declares none; conditions may read only these). */
  variables?: FlowVariable[];
  /** Added before every flow key (keys derive from process ids). */
  keyPrefix?: string;
  /** Maximum passes of a cycle in the model (back edges become loop edges); default 1000. */
  maxCycleIterations?: number;
}

export interface BpmnUnsupported {
  /** The element's id (or its tag when it has none). */
  id: string;
  /** Its local name, e.g. `eventBasedGateway`. */
  tag: string;
  /** The process (or sub-process) it is in. */
  processId?: string;
}

export interface BpmnImportMessage {
  id?: string;
  message: string;
}

export interface BpmnImportResult {
  /** One per process, then one per embedded sub-process (its key is the subflow's `flowKey`). */
  definitions: FlowDefinition[];
  /** BPMN process id → flow key. */
  processKeys: Record<string, string>;
  /** What was ignored or approximated (vendor extensions, conditions on parallel splits, ...). */
  warnings: BpmnImportMessage[];
  /** Elements with no counterpart in the engine: the model cannot be imported as a whole. */
  unsupported: BpmnUnsupported[];
  /** Values the BPMN rules forbid (a negative loop maximum, a zero token quantity, a condition that does not map). */
  errors: BpmnImportMessage[];
  /** The publish-time problems of each imported definition, by flow key (empty when publishable). */
  problems: Record<string, FlowProblem[]>;
}

/** Children that belong to another element's mapping (not flow elements of their own). */
const PARTS = new Set([
  'incoming', 'outgoing', 'documentation', 'extensionElements', 'script', 'conditionExpression',
  'standardLoopCharacteristics', 'multiInstanceLoopCharacteristics', 'loopCondition', 'loopCardinality',
  'completionCondition', 'timerEventDefinition', 'timeDuration', 'timeDate', 'terminateEventDefinition',
  'errorEventDefinition', 'potentialOwner', 'humanPerformer', 'resourceAssignmentExpression', 'formalExpression',
]);

export function importBpmn(xml: string, options: BpmnImportOptions = {}): BpmnImportResult {
  return new BpmnImporter(options).run(xml);
}

interface Container {
  el: Element;
  key: string;
  processId: string;
  /** An event sub-process's content: its timer start event is where it begins. */
  handler?: boolean;
  /** Event sub-processes of this scope, imported as the scope's boundary timers. */
  skip?: ReadonlySet<Element>;
}

/** An event sub-process started by a timer: what it waits for and whether it interrupts its scope. */
interface TimerHandler {
  el: Element;
  id: string;
  duration: string;
  interrupting: boolean;
}

class BpmnImporter {
  private readonly result: BpmnImportResult = { definitions: [], processKeys: {}, warnings: [], unsupported: [], errors: [], problems: {} };
  private readonly variables: FlowVariable[];
  private readonly names: string[];
  private readonly positions = new Map<string, NodePosition>();
  private readonly errorCodes = new Map<string, string>();

  constructor(private readonly options: BpmnImportOptions) {
    this.variables = options.variables ?? [];
    this.names = this.variables.map((v) => v.name);
  }

  run(xml: string): BpmnImportResult {
    let root: Element;
    try {
      root = parseXmlDocument(xml);
    } catch (e) {
      this.result.errors.push({ message: e instanceof Error ? e.message : String(e) });
      return this.result;
    }
    if (root.namespaceURI !== BPMN_NS || root.localName !== 'definitions') {
      this.result.errors.push({ message: `not a BPMN 2.0 document: the root is {${root.namespaceURI ?? ''}}${root.localName ?? ''}` });
      return this.result;
    }
    this.readDiagram(root);
    for (const e of elementsOf(root, BPMN_NS, 'error')) {
      const id = attribute(e, 'id');
      if (id !== undefined) this.errorCodes.set(id, attribute(e, 'errorCode') ?? id);
    }
    const processes = elementsOf(root, BPMN_NS, 'process');
    for (const p of processes) {
      const id = attribute(p, 'id') ?? 'process';
      this.result.processKeys[id] = this.keyOf(id);
    }
    for (const child of elementsOf(root)) {
      if (child.namespaceURI === BPMN_NS && !['process', 'error', 'message', 'signal', 'collaboration', 'itemDefinition'].includes(child.localName ?? '')) {
        this.unsupported(child, undefined);
      }
      if (child.localName === 'collaboration') this.result.warnings.push({ id: attribute(child, 'id'), message: 'pools and message flows of the collaboration are not imported; each process becomes a flow' });
    }
    for (const p of processes) {
      const id = attribute(p, 'id') ?? 'process';
      this.importContainer({ el: p, key: this.keyOf(id), processId: id }, attribute(p, 'name') ?? id);
    }
    for (const def of this.result.definitions) this.result.problems[def.key] = validateFlowDefinition(def);
    return this.result;
  }

  // ------------------------------------------------------------------ keys, names, diagram

  private keyOf(processId: string): string {
    let key = `${this.options.keyPrefix ?? ''}${processId}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
    if (!/^[a-z]/.test(key)) key = `p-${key}`;
    if (key.length > 64) key = `${key.slice(0, 55)}-${hash(key)}`;
    return key;
  }

  private readDiagram(root: Element): void {
    for (const shape of descendants(root, BPMNDI_NS, 'BPMNShape')) {
      const element = attribute(shape, 'bpmnElement');
      const bounds = elementsOf(shape, DC_NS, 'Bounds')[0];
      if (element === undefined || bounds === undefined) continue;
      const x = Number(attribute(bounds, 'x'));
      const y = Number(attribute(bounds, 'y'));
      if (Number.isFinite(x) && Number.isFinite(y)) this.positions.set(element, { x, y });
    }
  }

  private label(el: Element, id: string): LocalizedText {
    const name = attribute(el, 'name')?.trim();
    const text = name === undefined || name === '' ? id : name.slice(0, 200);
    return { en: text, 'zh-CN': text };
  }

  private unsupported(el: Element, processId: string | undefined): undefined {
    const entry: BpmnUnsupported = { id: attribute(el, 'id') ?? el.localName ?? '?', tag: el.localName ?? '?' };
    if (processId !== undefined) entry.processId = processId;
    this.result.unsupported.push(entry);
    return undefined;
  }

  /** Vendor attributes and extension elements are ignored, with one warning per element. */
  private vendorExtensions(el: Element, id: string): void {
    const ignored: string[] = [];
    // the element and its parts (loop characteristics, event definitions, ...), not nested flow elements
    for (const part of [el, ...elementsOf(el, BPMN_NS).filter((x) => PARTS.has(x.localName ?? ''))]) {
      for (let i = 0; i < part.attributes.length; i++) {
        const a = part.attributes.item(i);
        if (a === null || a.namespaceURI === null || a.prefix === 'xmlns' || a.namespaceURI === XSI_NS || a.namespaceURI === BANKFORGE_NS) continue;
        if (a.namespaceURI === 'http://www.w3.org/2000/xmlns/') continue;
        ignored.push(a.name);
      }
    }
    const ext = elementsOf(el, BPMN_NS, 'extensionElements')[0];
    if (ext !== undefined) for (const x of elementsOf(ext)) if (x.namespaceURI !== BANKFORGE_NS) ignored.push(`<${x.nodeName}>`);
    if (ignored.length > 0) this.result.warnings.push({ id, message: `${id}: ignored vendor extensions ${ignored.join(', ')}` });
  }

  /** BankForge's own node settings (JSON written by exportBpmn), if present. */
  private bankforgeSettings(el: Element): Record<string, unknown> | undefined {
    const ext = elementsOf(el, BPMN_NS, 'extensionElements')[0];
    const node = ext === undefined ? undefined : elementsOf(ext, BANKFORGE_NS, 'settings')[0];
    if (node === undefined) return undefined;
    try {
      const v: unknown = JSON.parse(textContent(node));
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      this.result.errors.push({ id: attribute(el, 'id'), message: 'the BankForge settings are not valid JSON' });
      return undefined;
    }
  }

  private feel(text: string, id: string): string | undefined {
    try {
      return conditionToFeel(text, this.names);
    } catch (e) {
      if (!(e instanceof ConditionMappingError)) throw e;
      this.result.errors.push({ id, message: e.message });
      return undefined;
    }
  }

  // ------------------------------------------------------------------ a process or sub-process

  /**
   * A process or sub-process. Event sub-processes started by a timer become boundary timers: the
   * scope's own content runs as a subflow ("main"), each handler as a subflow behind a boundary
   * timer on it, interrupting or not, so the scope ends when the main content and every started
   * handler have ended (and an interrupting handler cancels the main content).
   */
  private importContainer(c: Container, title: string): void {
    const handlers: TimerHandler[] = [];
    for (const el of elementsOf(c.el, BPMN_NS, 'subProcess')) {
      if (attribute(el, 'triggeredByEvent') !== 'true') continue;
      const h = this.timerHandler(el);
      if (h !== undefined) handlers.push(h);
      else {
        this.unsupported(el, c.processId);
        for (const inner of elementsOf(el, BPMN_NS, 'startEvent')) this.unsupported(inner, c.processId);
      }
    }
    const skip = new Set(elementsOf(c.el, BPMN_NS, 'subProcess').filter((el) => attribute(el, 'triggeredByEvent') === 'true'));
    if (handlers.length === 0) return this.importScope({ ...c, skip }, title);
    const mainKey = this.keyOf(`${c.key}--main`);
    this.importScope({ ...c, key: mainKey, skip }, title);
    const id = c.processId;
    const label = (text: string): LocalizedText => ({ en: text, 'zh-CN': text });
    const main: FlowNode = { id: `${id}__main`, name: label(title.slice(0, 200) || id), type: 'subflow', flowKey: mainKey, inputs: this.passVariables(), outputs: this.returnVariables(), boundaryTimers: [] };
    const nodes: FlowNode[] = [{ id: `${id}__start`, name: label('start'), type: 'start' }, main, { id: `${id}__end`, name: label('end'), type: 'end' }];
    const edges: FlowEdge[] = [{ id: `${id}__to-main`, source: `${id}__start`, target: main.id }, { id: `${id}__from-main`, source: main.id, target: `${id}__end` }];
    for (const h of handlers) {
      const key = this.keyOf(`${c.key}--${h.id}`);
      this.importScope({ el: h.el, key, processId: h.id, handler: true }, attribute(h.el, 'name') ?? h.id);
      main.boundaryTimers?.push({ id: h.id, duration: h.duration, interrupting: h.interrupting, edge: `${h.id}__trigger`, name: this.label(h.el, h.id) });
      nodes.push({ id: `${h.id}__run`, name: this.label(h.el, h.id), type: 'subflow', flowKey: key, inputs: this.passVariables(), outputs: this.returnVariables() }, { id: `${h.id}__end`, name: label('end'), type: 'end' });
      edges.push({ id: `${h.id}__trigger`, source: main.id, target: `${h.id}__run` }, { id: `${h.id}__done`, source: `${h.id}__run`, target: `${h.id}__end` });
    }
    this.result.definitions.push({ kind: 'flow', key: c.key, title: title.slice(0, 200) || c.key, schemaVersion: 1, variables: this.variables.map((v) => ({ ...v })), nodes, edges });
  }

  private timerHandler(el: Element): TimerHandler | undefined {
    const starts = elementsOf(el, BPMN_NS, 'startEvent');
    const start = starts.length === 1 ? starts[0] : undefined;
    const def = start === undefined ? undefined : elementsOf(start, BPMN_NS, 'timerEventDefinition')[0];
    const duration = def === undefined ? undefined : elementsOf(def, BPMN_NS, 'timeDuration')[0];
    if (start === undefined || duration === undefined) return undefined;
    return { el, id: attribute(el, 'id') ?? 'handler', duration: stripExpression(textContent(duration)), interrupting: attribute(start, 'isInterrupting') !== 'false' };
  }

  private importScope(c: Container, title: string): void {
    const nodes: FlowNode[] = [];
    const edges: FlowEdge[] = [];
    const boundary = new Map<string, { node: string; timer: BoundaryTimer }>();
    const elements = elementsOf(c.el, BPMN_NS).filter((el) => c.skip?.has(el) !== true);
    this.vendorExtensions(c.el, c.processId);
    for (const el of elements) {
      const tag = el.localName ?? '';
      const id = attribute(el, 'id') ?? tag;
      if (tag === 'sequenceFlow' || PARTS.has(tag) || tag === 'laneSet') {
        if (tag === 'laneSet') this.result.warnings.push({ id, message: `${id}: lanes are not imported` });
        continue;
      }
      this.vendorExtensions(el, id);
      if (tag === 'boundaryEvent') {
        this.boundaryEvent(el, id, c, boundary);
        continue;
      }
      const node = this.node(el, tag, id, c);
      if (node === undefined) continue;
      const pos = this.positions.get(id);
      if (pos !== undefined) node.position = pos;
      nodes.push(node);
    }
    for (const el of elementsOf(c.el, BPMN_NS, 'sequenceFlow')) {
      const edge = this.sequenceFlow(el, c, boundary);
      if (edge !== undefined) edges.push(edge);
    }
    for (const { node, timer } of boundary.values()) {
      const owner = nodes.find((n) => n.id === node);
      if (owner === undefined || (owner.type !== 'service' && owner.type !== 'subflow' && owner.type !== 'approval')) continue;
      (owner.boundaryTimers ??= []).push(timer);
    }
    const warn = (m: BpmnImportMessage): void => void this.result.warnings.push(m);
    const defaults = new Map(elements.flatMap((el) => {
      const d = attribute(el, 'default');
      return d === undefined ? [] : [[attribute(el, 'id') ?? '', d] as const];
    }));
    applyDefaults(defaults, edges, warn);
    gatewayDirections(nodes, edges, new Set(elements.filter((el) => attribute(el, 'gatewayDirection') === 'Converging').map((el) => attribute(el, 'id') ?? '')));
    implicitSplits(nodes, edges);
    markBackEdges(nodes, edges, this.options.maxCycleIterations ?? 1000, warn);
    this.result.definitions.push({ kind: 'flow', key: c.key, title: title.slice(0, 200) || c.key, schemaVersion: 1, variables: this.variables.map((v) => ({ ...v })), nodes, edges });
  }

  private node(el: Element, tag: string, id: string, c: Container): FlowNode | undefined {
    const saved = this.bankforgeSettings(el);
    const base = { id, name: isLocalized(saved?.name) ? saved.name : this.label(el, id) };
    // BankForge's own export: the settings BPMN has no place for, under the type the element maps to
    const restore = (type: FlowNode['type']): FlowNode | undefined => (saved === undefined ? undefined : ({ ...saved, ...base, type } as unknown as FlowNode));
    switch (tag) {
      case 'startEvent':
        if (c.handler !== true && elementsOf(el, BPMN_NS).some((x) => x.localName?.endsWith('EventDefinition') === true)) return this.unsupported(el, c.processId);
        return { ...base, type: 'start' };
      case 'endEvent':
        return this.endEvent(el, base, c);
      case 'intermediateCatchEvent':
        if (typeof saved?.until === 'string') return restore('timer');
        return this.timerEvent(el, saved?.businessCalendar === true ? { ...base, businessCalendar: true } : base, c);
      case 'exclusiveGateway':
        return { ...base, type: 'branch' };
      case 'inclusiveGateway':
        // an exported inclusive join names the split it synchronises
        return typeof saved?.splitId === 'string' ? ({ ...base, type: 'inclusive', splitId: saved.splitId } as FlowNode) : { ...base, type: 'inclusive' };
      case 'parallelGateway':
        return { ...base, type: 'parallel' };
      case 'userTask':
        return restore('approval') ?? this.userTask(el, base);
      case 'scriptTask': {
        // the script may change any variable: the server answers with the variables it set
        const restored = restore('service');
        if (restored?.type === 'service') return this.activity(el, { ...restored, effect: 'script', config: { ...restored.config, ...scriptConfig(el) } });
        const script: FlowNode = { ...base, type: 'service', effect: 'script', config: scriptConfig(el) };
        if (this.names.length > 0) script.outputs = this.returnVariables();
        return this.activity(el, script);
      }
      case 'serviceTask':
        return this.activity(el, restore('service') ?? { ...base, type: 'service', effect: 'http', config: {} });
      case 'callActivity': {
        const called = attribute(el, 'calledElement') ?? id;
        return this.activity(el, restore('subflow') ?? { ...base, type: 'subflow', flowKey: this.keyOf(called), inputs: this.passVariables(), outputs: this.returnVariables() });
      }
      case 'subProcess': {
        const key = this.keyOf(`${c.key}--${id}`);
        this.importContainer({ el, key, processId: id }, attribute(el, 'name') ?? id);
        return this.activity(el, { ...base, type: 'subflow', flowKey: key, inputs: this.passVariables(), outputs: this.returnVariables() });
      }
      case 'businessRuleTask':
      case 'sendTask':
        // only BankForge's own export carries what a decision or notify node needs
        return restore(tag === 'sendTask' ? 'notify' : 'decision') ?? this.unsupported(el, c.processId);
      default:
        return this.unsupported(el, c.processId);
    }
  }

  private endEvent(el: Element, base: { id: string; name: LocalizedText }, c: Container): FlowNode | undefined {
    const defs = elementsOf(el, BPMN_NS).filter((x) => x.localName?.endsWith('EventDefinition') === true);
    const def = defs[0];
    if (def === undefined) {
      const saved = this.bankforgeSettings(el);
      const outcome = saved?.outcome;
      return outcome === 'approved' || outcome === 'rejected' || outcome === 'cancelled' ? { ...base, type: 'end', outcome } : { ...base, type: 'end' };
    }
    if (defs.length > 1) return this.unsupported(el, c.processId);
    if (def.localName === 'terminateEventDefinition') {
      const outcome = this.bankforgeSettings(el)?.outcome;
      return { ...base, type: 'terminate', outcome: outcome === 'approved' || outcome === 'rejected' ? outcome : 'cancelled' };
    }
    if (def.localName === 'errorEventDefinition') {
      const ref = attribute(def, 'errorRef');
      return { ...base, type: 'end', errorCode: (ref === undefined ? undefined : this.errorCodes.get(ref)) ?? ref ?? 'error' };
    }
    return this.unsupported(el, c.processId);
  }

  private timerEvent(el: Element, base: { id: string; name: LocalizedText; businessCalendar?: boolean }, c: Container): FlowNode | undefined {
    const defs = elementsOf(el, BPMN_NS).filter((x) => x.localName?.endsWith('EventDefinition') === true);
    const timer = defs.length === 1 && defs[0]?.localName === 'timerEventDefinition' ? defs[0] : undefined;
    if (timer === undefined) return this.unsupported(el, c.processId);
    const duration = elementsOf(timer, BPMN_NS, 'timeDuration')[0];
    if (duration !== undefined) {
      const node: FlowNode = { id: base.id, name: base.name, type: 'timer', duration: stripExpression(textContent(duration)) };
      if (base.businessCalendar === true) node.businessCalendar = true;
      return node;
    }
    const date = elementsOf(timer, BPMN_NS, 'timeDate')[0];
    if (date !== undefined) return { id: base.id, name: base.name, type: 'timer', until: `date and time(${JSON.stringify(stripExpression(textContent(date)))})` };
    return this.unsupported(el, c.processId);
  }

  private userTask(el: Element, base: { id: string; name: LocalizedText }): ApprovalNode {
    const performer = elementsOf(el, BPMN_NS).filter((x) => x.localName === 'potentialOwner' || x.localName === 'humanPerformer');
    const owners = performer.map((p) => textContent(descendants(p, BPMN_NS, 'formalExpression')[0])).filter((x) => /^[\w.@-]+$/.test(x));
    const node: ApprovalNode = {
      ...base,
      type: 'approval',
      assignees: owners.length > 0 ? owners.map((u) => ({ kind: 'user' as const, userId: u })) : [{ kind: 'role', role: 'approver' }],
      mode: 'single',
      actions: ['approve', 'reject', 'comment'],
    };
    if (owners.length === 0) this.result.warnings.push({ id: base.id, message: `${base.id}: no potential owner; assigned to the role "approver"` });
    const multi = elementsOf(el, BPMN_NS, 'multiInstanceLoopCharacteristics')[0];
    if (multi !== undefined) {
      // multi-instance approvals are the approval modes: one run per assignee
      node.mode = attribute(multi, 'isSequential') === 'true' ? 'sequential' : 'all';
      const done = textContent(elementsOf(multi, BPMN_NS, 'completionCondition')[0]);
      const share = /nrOfCompletedInstances\s*\/\s*nrOfInstances\s*>=\s*(0?\.\d+|1(\.0+)?)/.exec(done);
      if (share !== null && node.mode === 'all') {
        node.mode = 'percentage';
        node.percentage = Math.round(Number(share[1]) * 10_000) / 100;
      } else if (done !== '') this.result.warnings.push({ id: base.id, message: `${base.id}: completion condition ${done} is not a share of approvals; ignored` });
      this.result.warnings.push({ id: base.id, message: `${base.id}: multi-instance user task imported as approval mode ${node.mode} over its assignees` });
    }
    // a looping approval has no counterpart (return 退回 sends a case back instead)
    for (const loop of elementsOf(el, BPMN_NS, 'standardLoopCharacteristics')) this.result.unsupported.push({ id: base.id, tag: loop.localName ?? 'standardLoopCharacteristics' });
    return node;
  }

  /** Loop, multi-instance and token quantities of a service or subflow node. */
  private activity(el: Element, node: FlowNode): FlowNode {
    if (node.type !== 'service' && node.type !== 'subflow') return node;
    const id = node.id;
    const b: ActivityBehaviour = {};
    const loop = elementsOf(el, BPMN_NS, 'standardLoopCharacteristics')[0];
    if (loop !== undefined) {
      b.loop = {};
      const cond = textContent(elementsOf(loop, BPMN_NS, 'loopCondition')[0]);
      if (cond !== '') {
        const feel = this.feel(cond, id);
        if (feel !== undefined) b.loop.condition = feel;
      }
      const max = attribute(loop, 'loopMaximum');
      if (max !== undefined) {
        const n = Number(max);
        if (!Number.isInteger(n) || n < 1) this.result.errors.push({ id, message: `${id}: loopMaximum must be a positive integer, not ${max}` });
        else b.loop.maximum = n;
      }
      if (attribute(loop, 'testBefore') === 'true') b.loop.testBefore = true;
    }
    const multi = elementsOf(el, BPMN_NS, 'multiInstanceLoopCharacteristics')[0];
    if (multi !== undefined) {
      const card = textContent(elementsOf(multi, BPMN_NS, 'loopCardinality')[0]);
      if (card === '') this.result.errors.push({ id, message: `${id}: multi-instance without a loopCardinality (collections are not supported)` });
      else if (/^-\d+$/.test(card)) this.result.errors.push({ id, message: `${id}: loopCardinality must not be negative (${card})` });
      else {
        const feel = this.feel(card, id);
        if (feel !== undefined) {
          b.multiInstance = { cardinality: feel };
          if (attribute(multi, 'isSequential') === 'true') b.multiInstance.sequential = true;
          const done = textContent(elementsOf(multi, BPMN_NS, 'completionCondition')[0]);
          const doneFeel = done === '' ? undefined : this.feel(done, id);
          if (doneFeel !== undefined) b.multiInstance.completionCondition = doneFeel;
        }
      }
    }
    for (const q of ['startQuantity', 'completionQuantity'] as const) {
      const v = attribute(el, q);
      if (v === undefined) continue;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) this.result.errors.push({ id, message: `${id}: ${q} must be a positive integer, not ${v}` });
      else if (n > 1) b[q] = n;
    }
    return { ...node, ...b };
  }

  private boundaryEvent(el: Element, id: string, c: Container, boundary: Map<string, { node: string; timer: BoundaryTimer }>): void {
    const attached = attribute(el, 'attachedToRef');
    const defs = elementsOf(el, BPMN_NS).filter((x) => x.localName?.endsWith('EventDefinition') === true);
    const duration = defs.length === 1 && defs[0]?.localName === 'timerEventDefinition' ? elementsOf(defs[0], BPMN_NS, 'timeDuration')[0] : undefined;
    const host = attached === undefined ? undefined : elementsOf(c.el, BPMN_NS).find((x) => attribute(x, 'id') === attached);
    const hostTag = host?.localName ?? '';
    if (duration === undefined || attached === undefined || !['subProcess', 'scriptTask', 'serviceTask', 'callActivity', 'userTask'].includes(hostTag)) {
      this.unsupported(el, c.processId);
      return;
    }
    const timer: BoundaryTimer = { id, duration: stripExpression(textContent(duration)), interrupting: attribute(el, 'cancelActivity') !== 'false', edge: '' };
    if ((attribute(el, 'name') ?? '').trim() !== '') timer.name = this.label(el, id);
    const pos = this.positions.get(id);
    if (pos !== undefined) timer.position = pos;
    boundary.set(id, { node: attached, timer });
  }

  private sequenceFlow(el: Element, c: Container, boundary: Map<string, { node: string; timer: BoundaryTimer }>): FlowEdge | undefined {
    const id = attribute(el, 'id') ?? 'flow';
    let source = attribute(el, 'sourceRef') ?? '';
    const target = attribute(el, 'targetRef') ?? '';
    this.vendorExtensions(el, id);
    const b = boundary.get(source);
    if (b !== undefined) {
      if (b.timer.edge !== '') this.result.errors.push({ id, message: `boundary event ${source} has more than one outgoing flow` });
      b.timer.edge = id;
      source = b.node;
    }
    const edge: FlowEdge = { id, source, target };
    const name = attribute(el, 'name')?.trim();
    if (name !== undefined && name !== '') edge.name = { en: name, 'zh-CN': name };
    const cond = elementsOf(el, BPMN_NS, 'conditionExpression')[0];
    if (cond !== undefined) {
      const sourceTag = elementsOf(c.el, BPMN_NS).find((x) => attribute(x, 'id') === source)?.localName;
      if (sourceTag === 'parallelGateway') {
        this.result.warnings.push({ id, message: `${id}: the condition on a flow leaving parallel gateway ${source} is ignored (BPMN takes every flow of a parallel split)` });
      } else {
        const feel = this.feel(textContent(cond), id);
        if (feel !== undefined) edge.condition = feel;
      }
    }
    const saved = this.bankforgeSettings(el);
    if (saved !== undefined && typeof saved.maxIterations === 'number') edge.loop = { maxIterations: saved.maxIterations };
    if (isLocalized(saved?.name)) edge.name = saved.name;
    return edge;
  }

  private passVariables(): Record<string, string> {
    return Object.fromEntries(this.names.map((n) => [n, n]));
  }

  private returnVariables(): Record<string, string> {
    return Object.fromEntries(this.names.map((n) => [n, n]));
  }
}

function isLocalized(v: unknown): v is LocalizedText {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.en === 'string' && typeof o['zh-CN'] === 'string';
}

function scriptConfig(el: Element): Record<string, string> {
  const config: Record<string, string> = { script: textContent(elementsOf(el, BPMN_NS, 'script')[0]) };
  const format = attribute(el, 'scriptFormat');
  if (format !== undefined) config.scriptFormat = format;
  return config;
}

function stripExpression(text: string): string {
  const m = /^[$#]\{([\s\S]*)\}$/.exec(text.trim());
  return m === null ? text.trim() : (m[1] ?? '').trim();
}

/** A short stable hash for over-long keys (FNV-1a, base 36). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
