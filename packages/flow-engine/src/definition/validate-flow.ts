/**
 * Publish-time validation of a `flow` artifact: the JSON Schema, then every graph and content
 * rule. All problems are reported (not only the first), each with a stable `code`, the JSON
 * Pointer of the offending value and, where there is one, the node (and edge) it belongs to,
 * so the designer can mark them on the canvas.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDuration, YearsMonthsDuration } from '@bankforge/rule-engine';
import {
  FLOW_NODE_TYPES,
  FLOW_VARIABLE_TYPES,
  type FlowNodeType,
  type FlowVariableType,
} from './flow-definition.js';
import { feelSyntaxDetail } from './feel-syntax.js';
import { flowArtifactSchema } from './flow-schema.js';
import { escapeToken, jsonPointer as ptr } from './json-pointer.js';
import { recordBindingProblems } from './record-binding-problems.js';

export type FlowProblemCode =
  // structure (JSON Schema)
  | 'notAnObject'
  | 'required'
  | 'unknownProperty'
  | 'type'
  | 'invalidValue'
  | 'pattern'
  | 'outOfRange'
  | 'invalid'
  // ids and references
  | 'duplicateId'
  | 'duplicateVariable'
  | 'invalidDefault'
  | 'unknownEdgeEndpoint'
  | 'unknownVariable'
  // graph shape
  | 'noStart'
  | 'multipleStarts'
  | 'noEnd'
  | 'startHasIncoming'
  | 'endHasOutgoing'
  | 'multipleOutgoing'
  | 'unreachable'
  | 'deadEnd'
  | 'branchWithoutDefault'
  | 'missingCondition'
  | 'defaultWithCondition'
  | 'unexpectedDefault'
  | 'conditionOnNonBranch'
  | 'inclusiveWithoutJoin'
  | 'inclusiveJoinWithoutSplit'
  | 'joinCanDeadlock'
  | 'cycleWithoutLoopEdge'
  | 'cycleWithoutWait'
  | 'loopWithoutMax'
  | 'loopWithoutCondition'
  // node content
  | 'noAssignees'
  | 'noApproveAction'
  | 'percentageOutOfRange'
  | 'percentageNotApplicable'
  | 'returnToNotApplicable'
  | 'escalateWithoutTarget'
  | 'escalateToNotApplicable'
  | 'invalidDuration'
  | 'invalidTimer'
  | 'invalidFailureEdge'
  | 'invalidRejectEdge'
  | 'invalidBoundaryEdge'
  | 'loopAndMultiInstance'
  | 'subflowSelfReference'
  | 'feelSyntax'
  // the record binding
  | 'recordWithoutEntity'
  | 'unknownMilestone'
  | 'uncontrolledWrite'
  | 'startConditionReadsNothing';

export interface FlowProblem {
  nodeId?: string;
  edgeId?: string;
  /** JSON Pointer of the offending value in the document. */
  path: string;
  code: FlowProblemCode;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let compiledSchema: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  compiledSchema ??= new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    ownProperties: true,
  }).compile(flowArtifactSchema);
  return compiledSchema;
}

const SCHEMA_CODES: Readonly<Record<string, FlowProblemCode>> = {
  required: 'required',
  additionalProperties: 'unknownProperty',
  type: 'type',
  enum: 'invalidValue',
  const: 'invalidValue',
  pattern: 'pattern',
  minLength: 'outOfRange',
  maxLength: 'outOfRange',
  minimum: 'outOfRange',
  maximum: 'outOfRange',
  exclusiveMinimum: 'outOfRange',
  exclusiveMaximum: 'outOfRange',
  uniqueItems: 'invalidValue',
};

/** Combinator keywords whose own errors only repeat the errors of their branches. */
const NOISE_KEYWORDS = new Set(['if', 'allOf', 'anyOf']);

function schemaProblem(error: ErrorObject): FlowProblem {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  if (error.keyword === 'required') path += `/${escapeToken(String(params.missingProperty))}`;
  if (error.keyword === 'additionalProperties') path += `/${escapeToken(String(params.additionalProperty))}`;
  const allowed = Array.isArray(params.allowedValues)
    ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    : params.allowedValue !== undefined
      ? `: ${JSON.stringify(params.allowedValue)}`
      : '';
  return {
    path,
    code: SCHEMA_CODES[error.keyword] ?? 'invalid',
    message: `${path || 'the document'} ${error.message ?? 'is invalid'}${allowed}`,
  };
}

/** The `/nodes/3` or `/edges/2` a path is under, as [collection, index]. */
function ownerOf(path: string): ['nodes' | 'edges', number] | undefined {
  const m = /^\/(nodes|edges)\/(\d+)(?:\/|$)/.exec(path);
  if (m === null) return undefined;
  return [m[1] as 'nodes' | 'edges', Number(m[2])];
}

/** Nodes where a token waits for a command (a person, a timer, the server's answer). */
const WAIT_TYPES: ReadonlySet<FlowNodeType> = new Set(['approval', 'timer', 'service', 'subflow']);
const SPLIT_TYPES: ReadonlySet<FlowNodeType> = new Set(['branch', 'inclusive', 'parallel']);
const CONDITIONAL_SPLITS: ReadonlySet<FlowNodeType> = new Set(['branch', 'inclusive']);
const END_TYPES: ReadonlySet<FlowNodeType> = new Set(['end', 'terminate']);
const NODE_TYPE_SET: ReadonlySet<string> = new Set(FLOW_NODE_TYPES);
const VARIABLE_TYPE_SET: ReadonlySet<string> = new Set(FLOW_VARIABLE_TYPES);

interface GNode {
  index: number;
  id: string;
  type: FlowNodeType;
  raw: Json;
  /** No schema error inside this node: its fields have their declared types. */
  sound: boolean;
}

interface GEdge {
  index: number;
  id: string;
  source: string;
  target: string;
  raw: Json;
  sound: boolean;
  loop: boolean;
  condition: string | undefined;
  isDefault: boolean;
}

/** Strongly connected components (Tarjan), each listed in discovery order. */
function stronglyConnected(ids: readonly string[], next: (id: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      result.push(component.reverse());
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return result;
}

function reachableFrom(starts: Iterable<string>, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next(id)) if (!seen.has(n)) todo.push(n);
  }
  return seen;
}

/** A positive ISO 8601 duration, as FEEL reads it (days-time like `PT48H`, or years-months like `P1M`). */
function isPositiveDuration(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const d = parseDuration(text);
  if (d === null) return false;
  return d instanceof YearsMonthsDuration ? d.months > 0 : d.seconds.gt(0);
}

/** The boundary timers of a raw node (only the well-formed entries). */
function boundaryTimersOf(raw: Json): { id: string; edge: string; duration: unknown }[] {
  const list = Array.isArray(raw.boundaryTimers) ? raw.boundaryTimers : [];
  return list.filter(isRecord).filter((b) => typeof b.id === 'string' && typeof b.edge === 'string').map((b) => ({ id: b.id as string, edge: b.edge as string, duration: b.duration }));
}

function defaultMatches(type: FlowVariableType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'dateTime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}|@.+)?$/.test(value);
    case 'money':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
    case 'list':
      return Array.isArray(value);
    case 'context':
      return isRecord(value);
  }
}

// ---------------------------------------------------------------------------------------------
// the validator
// ---------------------------------------------------------------------------------------------

/**
 * Checks a flow definition for publishing. Returns every problem found (empty: publishable).
 * Never throws, whatever `doc` is.
 */
/**
 * `schema: false` leaves out the JSON Schema check: Ajv compiles a schema with `new Function`,
 * which a browser under the server's content security policy refuses. A designer whose edits keep
 * the document's shape asks for the rest live; the server checks the schema on every save.
 */
export interface FlowValidationOptions {
  schema?: boolean;
}

export function validateFlowDefinition(doc: unknown, options: FlowValidationOptions = {}): FlowProblem[] {
  if (!isRecord(doc)) return [{ path: '', code: 'notAnObject', message: 'a flow definition must be a JSON object' }];
  return new FlowChecker(doc, options.schema !== false).run();
}

class FlowChecker {
  private readonly problems: FlowProblem[] = [];
  private readonly nodes: GNode[] = [];
  private readonly edges: GEdge[] = [];
  private readonly nodeById = new Map<string, GNode>();
  private readonly outgoing = new Map<string, GEdge[]>();
  private readonly incoming = new Map<string, GEdge[]>();
  private readonly variableNames = new Set<string>();
  private readonly variableTypes = new Map<string, FlowVariableType>();

  constructor(
    private readonly doc: Json,
    private readonly withSchema: boolean,
  ) {}

  run(): FlowProblem[] {
    const schemaProblems = this.withSchema ? this.checkSchema() : [];
    this.collect(schemaProblems);
    this.checkVariables();
    this.checkRecordBinding(schemaProblems);
    this.checkIds();
    this.checkEdges();
    this.checkNodeContents();
    this.checkGraph();
    return this.problems;
  }

  private add(problem: FlowProblem): void {
    this.problems.push(problem);
  }

  private nodeProblem(node: GNode, code: FlowProblemCode, message: string, ...path: (string | number)[]): void {
    this.add({ nodeId: node.id, path: ptr('nodes', node.index, ...path), code, message });
  }

  private edgeProblem(edge: GEdge, code: FlowProblemCode, message: string, ...path: (string | number)[]): void {
    this.add({ nodeId: edge.source, edgeId: edge.id, path: ptr('edges', edge.index, ...path), code, message });
  }

  // --- schema ---------------------------------------------------------------------------------

  private checkSchema(): FlowProblem[] {
    const validate = schemaValidator();
    if (validate(this.doc)) return [];
    const seen = new Set<string>();
    const result: FlowProblem[] = [];
    for (const error of validate.errors ?? []) {
      if (NOISE_KEYWORDS.has(error.keyword)) continue;
      // A loop without a valid maxIterations is its own rule (loopWithoutMax).
      if (/^\/edges\/\d+\/loop(\/|$)/.test(error.instancePath) || (error.keyword === 'required' && /^\/edges\/\d+\/loop$/.test(error.instancePath))) continue;
      const problem = schemaProblem(error);
      const key = `${problem.path}|${problem.code}|${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(problem);
    }
    return result;
  }

  /** Builds the graph from the usable parts of the document and reports the schema problems. */
  private collect(schemaProblems: FlowProblem[]): void {
    const unsound = { nodes: new Set<number>(), edges: new Set<number>() };
    for (const p of schemaProblems) {
      const owner = ownerOf(p.path);
      if (owner !== undefined) unsound[owner[0]].add(owner[1]);
    }
    const rawNodes = Array.isArray(this.doc.nodes) ? this.doc.nodes : [];
    const rawEdges = Array.isArray(this.doc.edges) ? this.doc.edges : [];
    rawNodes.forEach((raw: unknown, index) => {
      if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.type !== 'string' || !NODE_TYPE_SET.has(raw.type)) return;
      const node: GNode = { index, id: raw.id, type: raw.type as FlowNodeType, raw, sound: !unsound.nodes.has(index) };
      this.nodes.push(node);
      if (!this.nodeById.has(node.id)) this.nodeById.set(node.id, node);
    });
    rawEdges.forEach((raw: unknown, index) => {
      if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.source !== 'string' || typeof raw.target !== 'string') return;
      this.edges.push({
        index,
        id: raw.id,
        source: raw.source,
        target: raw.target,
        raw,
        sound: !unsound.edges.has(index),
        loop: raw.loop !== undefined,
        condition: typeof raw.condition === 'string' ? raw.condition : undefined,
        isDefault: raw.default === true,
      });
    });
    for (const p of schemaProblems) {
      const owner = ownerOf(p.path);
      if (owner?.[0] === 'nodes') {
        const raw = rawNodes[owner[1]];
        if (isRecord(raw) && typeof raw.id === 'string') p.nodeId = raw.id;
      } else if (owner?.[0] === 'edges') {
        const raw = rawEdges[owner[1]];
        if (isRecord(raw) && typeof raw.id === 'string') p.edgeId = raw.id;
        if (isRecord(raw) && typeof raw.source === 'string') p.nodeId = raw.source;
      }
      this.add(p);
    }
    const rawVariables = Array.isArray(this.doc.variables) ? this.doc.variables : [];
    for (const v of rawVariables) {
      if (isRecord(v) && typeof v.name === 'string') {
        this.variableNames.add(v.name);
        if (typeof v.type === 'string' && !this.variableTypes.has(v.name)) this.variableTypes.set(v.name, v.type as FlowVariableType);
      }
    }
  }

  // --- variables and ids -----------------------------------------------------------------------

  private checkVariables(): void {
    const rawVariables = Array.isArray(this.doc.variables) ? this.doc.variables : [];
    const seen = new Set<string>();
    rawVariables.forEach((v: unknown, i) => {
      if (!isRecord(v) || typeof v.name !== 'string') return;
      if (seen.has(v.name)) {
        this.add({ path: ptr('variables', i, 'name'), code: 'duplicateVariable', message: `variable "${v.name}" is declared twice` });
      }
      seen.add(v.name);
      if (v.default !== undefined && typeof v.type === 'string' && VARIABLE_TYPE_SET.has(v.type)) {
        const type = v.type as FlowVariableType;
        if (!defaultMatches(type, v.default)) {
          this.add({ path: ptr('variables', i, 'default'), code: 'invalidDefault', message: `the default of variable "${v.name}" is not a ${type}` });
        }
      }
    });
  }

  /** The record binding, unless the schema already found it malformed. */
  private checkRecordBinding(schemaProblems: readonly FlowProblem[]): void {
    if (this.doc.record === undefined || schemaProblems.some((p) => p.path === '/record' || p.path.startsWith('/record/'))) return;
    for (const p of recordBindingProblems(this.doc, this.variableNames)) this.add(p);
  }

  private checkIds(): void {
    const seenNodes = new Set<string>();
    for (const node of this.nodes) {
      if (seenNodes.has(node.id)) this.nodeProblem(node, 'duplicateId', `node id "${node.id}" is used by more than one node`, 'id');
      seenNodes.add(node.id);
    }
    const seenEdges = new Set<string>();
    for (const edge of this.edges) {
      if (seenEdges.has(edge.id)) this.edgeProblem(edge, 'duplicateId', `edge id "${edge.id}" is used by more than one edge`, 'id');
      seenEdges.add(edge.id);
    }
  }

  // --- edges ---------------------------------------------------------------------------------

  private checkEdges(): void {
    for (const edge of this.edges) {
      const source = this.nodeById.get(edge.source);
      const target = this.nodeById.get(edge.target);
      if (source === undefined) this.edgeProblem(edge, 'unknownEdgeEndpoint', `edge "${edge.id}" starts at unknown node "${edge.source}"`, 'source');
      if (target === undefined) this.edgeProblem(edge, 'unknownEdgeEndpoint', `edge "${edge.id}" ends at unknown node "${edge.target}"`, 'target');
      if (source !== undefined && target !== undefined) {
        const out = this.outgoing.get(source.id) ?? [];
        out.push(edge);
        this.outgoing.set(source.id, out);
        const inc = this.incoming.get(target.id) ?? [];
        inc.push(edge);
        this.incoming.set(target.id, inc);
      }
      if (edge.condition !== undefined) this.checkFeel(edge.condition, `condition of edge "${edge.id}"`, { edge }, 'condition');
      if (edge.loop) {
        const loop = edge.raw.loop;
        const max = isRecord(loop) ? loop.maxIterations : undefined;
        if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
          this.edgeProblem(edge, 'loopWithoutMax', `loop edge "${edge.id}" needs maxIterations (an integer of at least 1)`, 'loop');
        }
        if (edge.condition === undefined) {
          this.edgeProblem(edge, 'loopWithoutCondition', `loop edge "${edge.id}" needs a condition: the loop repeats while it holds`, 'loop');
        }
      }
      if (source === undefined) continue;
      if (!CONDITIONAL_SPLITS.has(source.type)) {
        if (edge.condition !== undefined && !edge.loop) {
          this.edgeProblem(edge, 'conditionOnNonBranch', `edge "${edge.id}" has a condition but leaves ${source.type} node "${source.id}": only branch, inclusive and loop edges have conditions`, 'condition');
        }
        if (edge.isDefault) {
          this.edgeProblem(edge, 'unexpectedDefault', `edge "${edge.id}" is marked default but leaves ${source.type} node "${source.id}": only branch and inclusive edges can be the default`, 'default');
        }
      } else if (!edge.loop) {
        if (edge.isDefault && edge.condition !== undefined) {
          this.edgeProblem(edge, 'defaultWithCondition', `default edge "${edge.id}" must not have a condition`, 'condition');
        }
        if (source.type === 'branch' && !edge.isDefault && edge.condition === undefined) {
          this.edgeProblem(edge, 'missingCondition', `edge "${edge.id}" leaves branch "${source.id}" without a condition (and is not the default)`);
        }
      }
    }
  }

  // --- FEEL ------------------------------------------------------------------------------------

  private checkFeel(source: string, what: string, owner: { node?: GNode; edge?: GEdge }, ...path: (string | number)[]): void {
    const detail = feelSyntaxDetail(source, this.variableNames);
    if (detail === undefined) return;
    const message = `FEEL error in the ${what} at ${detail}`;
    if (owner.edge !== undefined) this.edgeProblem(owner.edge, 'feelSyntax', message, ...path);
    else if (owner.node !== undefined) this.nodeProblem(owner.node, 'feelSyntax', message, ...path);
  }

  // --- node contents -------------------------------------------------------------------------

  private checkNodeContents(): void {
    const flowKey = typeof this.doc.key === 'string' ? this.doc.key : undefined;
    for (const node of this.nodes) {
      if (!node.sound) continue;
      const raw = node.raw;
      switch (node.type) {
        case 'approval':
          this.checkApproval(node);
          break;
        case 'notify':
          this.checkAssigneeExpressions(node, 'to');
          break;
        case 'decision':
          this.checkFeelMap(node, 'inputs', 'input');
          this.checkOutputVariables(node);
          break;
        case 'subflow':
          this.checkFeelMap(node, 'inputs', 'input');
          this.checkOutputVariables(node);
          this.checkActivity(node);
          if (flowKey !== undefined && raw.flowKey === flowKey) {
            this.nodeProblem(node, 'subflowSelfReference', `subflow "${node.id}" starts this same flow "${flowKey}": a flow cannot call itself`, 'flowKey');
          }
          break;
        case 'service':
          this.checkService(node);
          this.checkOutputVariables(node);
          this.checkActivity(node);
          break;
        case 'timer':
          this.checkTimer(node);
          break;
        default:
          break;
      }
    }
  }

  private checkAssigneeExpressions(node: GNode, field: 'assignees' | 'to'): void {
    const list = node.raw[field];
    if (!Array.isArray(list)) return;
    list.forEach((rule: unknown, i) => {
      if (isRecord(rule) && rule.kind === 'expression' && typeof rule.feel === 'string') {
        this.checkFeel(rule.feel, `assignee expression ${i + 1} of "${node.id}"`, { node }, field, i, 'feel');
      }
    });
  }

  private checkFeelMap(node: GNode, field: 'inputs', what: string): void {
    const map = node.raw[field];
    if (!isRecord(map)) return;
    for (const [name, source] of Object.entries(map)) {
      if (typeof source === 'string') this.checkFeel(source, `${what} "${name}" of "${node.id}"`, { node }, field, name);
    }
  }

  private checkOutputVariables(node: GNode): void {
    const map = node.raw.outputs;
    if (!isRecord(map)) return;
    for (const name of Object.keys(map)) {
      if (!this.variableNames.has(name)) {
        this.nodeProblem(node, 'unknownVariable', `"${node.id}" writes output to undeclared variable "${name}"`, 'outputs', name);
      }
    }
  }

  private checkApproval(node: GNode): void {
    const raw = node.raw;
    const assignees = Array.isArray(raw.assignees) ? raw.assignees : [];
    if (assignees.length === 0) this.nodeProblem(node, 'noAssignees', `approval "${node.id}" has no assignees`, 'assignees');
    this.checkAssigneeExpressions(node, 'assignees');
    const actions = Array.isArray(raw.actions) ? raw.actions : [];
    if (!actions.includes('approve')) this.nodeProblem(node, 'noApproveAction', `approval "${node.id}" does not offer the approve action`, 'actions');
    const p = raw.percentage;
    if (raw.mode === 'percentage') {
      if (typeof p !== 'number' || !(p > 0 && p <= 100)) {
        this.nodeProblem(node, 'percentageOutOfRange', `approval "${node.id}" in percentage mode needs a percentage above 0 and at most 100`, 'percentage');
      }
    } else if (p !== undefined) {
      this.nodeProblem(node, 'percentageNotApplicable', `approval "${node.id}" sets a percentage but its mode is "${String(raw.mode)}"`, 'percentage');
    }
    if (raw.returnTo !== undefined && !actions.includes('return')) {
      this.nodeProblem(node, 'returnToNotApplicable', `approval "${node.id}" sets returnTo but does not offer the return action`, 'returnTo');
    }
    this.checkBoundaryTimers(node);
    if (typeof raw.rejectEdge === 'string') {
      const edgeId = raw.rejectEdge;
      if (!this.edges.some((e) => e.id === edgeId && e.source === node.id)) {
        this.nodeProblem(node, 'invalidRejectEdge', `reject edge "${edgeId}" of "${node.id}" is not one of its outgoing edges`, 'rejectEdge');
      }
    }
    const timeout = raw.timeout;
    if (isRecord(timeout)) {
      if (!isPositiveDuration(timeout.duration)) {
        this.nodeProblem(node, 'invalidDuration', `the timeout of "${node.id}" is not a positive ISO 8601 duration: ${JSON.stringify(timeout.duration)}`, 'timeout', 'duration');
      }
      if (timeout.action === 'escalate' && timeout.escalateTo === undefined) {
        this.nodeProblem(node, 'escalateWithoutTarget', `the timeout of "${node.id}" escalates but names no target (escalateTo: manager or a role)`, 'timeout', 'escalateTo');
      }
      if (timeout.action !== 'escalate' && timeout.escalateTo !== undefined) {
        this.nodeProblem(node, 'escalateToNotApplicable', `the timeout of "${node.id}" sets escalateTo but its action is "${String(timeout.action)}"`, 'timeout', 'escalateTo');
      }
    }
    const limits = Array.isArray(raw.authorityLimits) ? raw.authorityLimits : [];
    limits.forEach((limit: unknown, i) => {
      if (isRecord(limit) && typeof limit.amountVariable === 'string') {
        const type = this.variableTypes.get(limit.amountVariable);
        if (type === undefined || (type !== 'number' && type !== 'money')) {
          this.nodeProblem(node, 'unknownVariable', `authority limit ${i + 1} of "${node.id}" reads "${limit.amountVariable}", which is not a declared number or money variable`, 'authorityLimits', i, 'amountVariable');
        }
      }
    });
    const editable = Array.isArray(raw.editableFields) ? raw.editableFields : [];
    editable.forEach((field: unknown, i) => {
      if (typeof field === 'string' && !this.variableNames.has(field)) {
        this.nodeProblem(node, 'unknownVariable', `editable field "${field}" of "${node.id}" is not a declared variable`, 'editableFields', i);
      }
    });
  }

  private checkService(node: GNode): void {
    const raw = node.raw;
    if (typeof raw.failureEdge === 'string') {
      const edgeId = raw.failureEdge;
      const ok = this.edges.some((e) => e.id === edgeId && e.source === node.id);
      if (!ok) this.nodeProblem(node, 'invalidFailureEdge', `failure edge "${edgeId}" of "${node.id}" is not one of its outgoing edges`, 'failureEdge');
    }
    // A request body written as a FEEL template (text; a JSON object is sent as written) must parse.
    if (isRecord(raw.config) && typeof raw.config.body === 'string') this.checkFeel(raw.config.body, `request body of "${node.id}"`, { node }, 'config', 'body');
    const retry = raw.retry;
    if (isRecord(retry) && isRecord(retry.backoff) && !isPositiveDuration(retry.backoff.delay)) {
      this.nodeProblem(node, 'invalidDuration', `the retry delay of "${node.id}" is not a positive ISO 8601 duration: ${JSON.stringify(retry.backoff.delay)}`, 'retry', 'backoff', 'delay');
    }
  }

  /** Loops, multi-instance and boundary timers of service and subflow nodes. */
  private checkActivity(node: GNode): void {
    const raw = node.raw;
    const loop = raw.loop;
    const multi = raw.multiInstance;
    if (isRecord(loop) && typeof loop.condition === 'string') this.checkFeel(loop.condition, `loop condition of "${node.id}"`, { node }, 'loop', 'condition');
    if (isRecord(multi)) {
      if (typeof multi.cardinality === 'string') this.checkFeel(multi.cardinality, `multi-instance cardinality of "${node.id}"`, { node }, 'multiInstance', 'cardinality');
      if (typeof multi.completionCondition === 'string') this.checkFeel(multi.completionCondition, `completion condition of "${node.id}"`, { node }, 'multiInstance', 'completionCondition');
    }
    if (loop !== undefined && multi !== undefined) {
      this.nodeProblem(node, 'loopAndMultiInstance', `"${node.id}" has both a standard loop and multi-instance: choose one`, 'multiInstance');
    }
    this.checkBoundaryTimers(node);
  }

  private checkBoundaryTimers(node: GNode): void {
    boundaryTimersOf(node.raw).forEach((b, i) => {
      if (!this.edges.some((e) => e.id === b.edge && e.source === node.id)) {
        this.nodeProblem(node, 'invalidBoundaryEdge', `boundary timer "${b.id}" of "${node.id}" leaves by "${b.edge}", which is not one of its outgoing edges`, 'boundaryTimers', i, 'edge');
      }
      if (!isPositiveDuration(b.duration)) {
        this.nodeProblem(node, 'invalidDuration', `boundary timer "${b.id}" of "${node.id}" has no positive ISO 8601 duration: ${JSON.stringify(b.duration)}`, 'boundaryTimers', i, 'duration');
      }
      if (this.nodeById.has(b.id)) this.nodeProblem(node, 'duplicateId', `boundary timer id "${b.id}" is also a node id`, 'boundaryTimers', i, 'id');
    });
  }

  private checkTimer(node: GNode): void {
    const raw = node.raw;
    const hasDuration = raw.duration !== undefined;
    const hasUntil = raw.until !== undefined;
    if (hasDuration === hasUntil) {
      this.nodeProblem(node, 'invalidTimer', `timer "${node.id}" needs exactly one of duration and until`);
    }
    if (hasDuration && !isPositiveDuration(raw.duration)) {
      this.nodeProblem(node, 'invalidDuration', `the duration of timer "${node.id}" is not a positive ISO 8601 duration: ${JSON.stringify(raw.duration)}`, 'duration');
    }
    if (typeof raw.until === 'string') this.checkFeel(raw.until, `until expression of timer "${node.id}"`, { node }, 'until');
  }

  // --- graph -----------------------------------------------------------------------------------

  private out(id: string): GEdge[] {
    return this.outgoing.get(id) ?? [];
  }

  private inc(id: string): GEdge[] {
    return this.incoming.get(id) ?? [];
  }

  private checkGraph(): void {
    const nodes = this.uniqueNodes();
    const starts = nodes.filter((n) => n.type === 'start');
    const ends = nodes.filter((n) => END_TYPES.has(n.type));
    if (starts.length === 0) this.add({ path: '/nodes', code: 'noStart', message: 'the flow has no start node' });
    for (const extra of starts.slice(1)) {
      this.nodeProblem(extra, 'multipleStarts', `the flow has more than one start node ("${starts[0]?.id ?? ''}" and "${extra.id}")`);
    }
    if (ends.length === 0) this.add({ path: '/nodes', code: 'noEnd', message: 'the flow has no end (or terminate) node' });

    this.checkDegrees(nodes);

    const successors = (id: string): string[] => this.out(id).map((e) => e.target);
    const predecessors = (id: string): string[] => this.inc(id).map((e) => e.source);
    if (starts.length > 0) {
      const reached = reachableFrom(starts.map((s) => s.id), successors);
      for (const node of nodes) {
        if (!reached.has(node.id)) this.nodeProblem(node, 'unreachable', `node "${node.id}" cannot be reached from the start`);
      }
    }
    if (ends.length > 0) {
      const canEnd = reachableFrom(ends.map((e) => e.id), predecessors);
      for (const node of nodes) {
        if (canEnd.has(node.id)) continue;
        const message = this.out(node.id).length === 0
          ? `node "${node.id}" has no outgoing edge and is not an end`
          : `no path leads from node "${node.id}" to an end`;
        this.nodeProblem(node, 'deadEnd', message);
      }
    }

    const ids = nodes.map((n) => n.id);
    const forward = (id: string): string[] => this.out(id).filter((e) => !e.loop).map((e) => e.target);
    let acyclic = true;
    for (const component of stronglyConnected(ids, forward)) {
      const first = component[0];
      if (first === undefined) continue;
      const cyclic = component.length > 1 || forward(first).includes(first);
      if (!cyclic) continue;
      acyclic = false;
      const node = this.nodeById.get(first);
      if (node !== undefined) {
        this.nodeProblem(node, 'cycleWithoutLoopEdge', `the cycle through ${component.map((c) => `"${c}"`).join(', ')} has no loop edge: mark the edge that goes back as a loop with a condition and maxIterations`);
      }
    }
    const nonWait = (id: string): string[] =>
      this.out(id).map((e) => e.target).filter((t) => {
        const n = this.nodeById.get(t);
        return n !== undefined && !WAIT_TYPES.has(n.type);
      });
    const nonWaitIds = nodes.filter((n) => !WAIT_TYPES.has(n.type)).map((n) => n.id);
    for (const component of stronglyConnected(nonWaitIds, nonWait)) {
      const first = component[0];
      if (first === undefined) continue;
      if (component.length === 1 && !nonWait(first).includes(first)) continue;
      const node = this.nodeById.get(first);
      if (node !== undefined) {
        this.nodeProblem(node, 'cycleWithoutWait', `the cycle through ${component.map((c) => `"${c}"`).join(', ')} has no approval or timer: it would spin without waiting`);
      }
    }

    this.checkInclusivePairs(nodes, forward);
    if (acyclic && starts.length === 1 && starts[0] !== undefined) this.checkDeadlocks(nodes, starts[0], forward);
  }

  /** First node of each id (duplicates are already reported). */
  private uniqueNodes(): GNode[] {
    return this.nodes.filter((n) => this.nodeById.get(n.id) === n);
  }

  private checkDegrees(nodes: GNode[]): void {
    for (const node of nodes) {
      const out = this.out(node.id).filter((e) => !e.loop);
      if (node.type === 'start' && this.inc(node.id).length > 0) {
        this.nodeProblem(node, 'startHasIncoming', `start node "${node.id}" has incoming edges`);
      }
      if (END_TYPES.has(node.type) && this.out(node.id).length > 0) {
        this.nodeProblem(node, 'endHasOutgoing', `${node.type} node "${node.id}" has outgoing edges`);
      }
      if (SPLIT_TYPES.has(node.type) || END_TYPES.has(node.type)) {
        if (CONDITIONAL_SPLITS.has(node.type)) this.checkDefaults(node, out);
        continue;
      }
      const failureEdge = node.type === 'service' && typeof node.raw.failureEdge === 'string' ? node.raw.failureEdge : undefined;
      const rejectEdge = node.type === 'approval' && typeof node.raw.rejectEdge === 'string' ? node.raw.rejectEdge : undefined;
      const boundary = new Set(boundaryTimersOf(node.raw).map((b) => b.edge));
      const normal = out.filter((e) => e.id !== failureEdge && e.id !== rejectEdge && !boundary.has(e.id));
      if (normal.length > 1) {
        this.nodeProblem(node, 'multipleOutgoing', `${node.type} node "${node.id}" has ${normal.length} outgoing edges (${normal.map((e) => `"${e.id}"`).join(', ')}): use a branch, inclusive or parallel node to split`);
      }
    }
  }

  private checkDefaults(node: GNode, out: GEdge[]): void {
    const defaults = out.filter((e) => e.isDefault);
    if (node.type === 'branch') {
      if (defaults.length !== 1) {
        this.nodeProblem(node, 'branchWithoutDefault', defaults.length === 0
          ? `branch "${node.id}" needs exactly one default edge, taken when no condition holds; it has none`
          : `branch "${node.id}" needs exactly one default edge; it has ${defaults.length}`);
      }
      return;
    }
    const unconditional = out.filter((e) => !e.isDefault && e.condition === undefined);
    if (defaults.length > 1 || (defaults.length === 0 && unconditional.length === 0)) {
      this.nodeProblem(node, 'branchWithoutDefault', defaults.length > 1
        ? `inclusive branch "${node.id}" has ${defaults.length} default edges; at most one is allowed`
        : `inclusive branch "${node.id}" needs a default edge (or an edge without condition) for when no condition holds`);
    }
  }

  private checkInclusivePairs(nodes: GNode[], forward: (id: string) => string[]): void {
    for (const node of nodes) {
      if (node.type === 'inclusive') {
        const reach = reachableFrom(forward(node.id), forward);
        const joins = nodes.filter((n) => n.type === 'inclusiveJoin' && reach.has(n.id) && (typeof n.raw.splitId !== 'string' || n.raw.splitId === node.id));
        if (joins.length === 0) {
          this.nodeProblem(node, 'inclusiveWithoutJoin', `inclusive branch "${node.id}" has no matching inclusive join downstream`);
        }
      } else if (node.type === 'inclusiveJoin') {
        const splitId = node.raw.splitId;
        const upstream = reachableFrom(this.inc(node.id).filter((e) => !e.loop).map((e) => e.source), (id) => this.inc(id).filter((e) => !e.loop).map((e) => e.source));
        if (typeof splitId === 'string') {
          const split = this.nodeById.get(splitId);
          if (split?.type !== 'inclusive' || !upstream.has(splitId)) {
            this.nodeProblem(node, 'inclusiveJoinWithoutSplit', `inclusive join "${node.id}" names splitId "${splitId}", which is not an inclusive branch before it`, 'splitId');
          }
        } else if (!nodes.some((n) => n.type === 'inclusive' && upstream.has(n.id))) {
          this.nodeProblem(node, 'inclusiveJoinWithoutSplit', `inclusive join "${node.id}" has no inclusive branch before it`);
        }
      }
    }
  }

  /**
   * Explores the token game of the (acyclic, loop edges removed) graph: branches choose one
   * edge, inclusive branches any non-empty set, parallel splits all; a join fires when every
   * incoming edge holds a token; an inclusive join when no other token can still reach it. A
   * reachable state where tokens remain and nothing can fire is a join that waits forever.
   * Tokens move independently, so firing one enabled node at a time (exploring only its own
   * choices) reaches every such state.
   */
  private checkDeadlocks(nodes: GNode[], start: GNode, forward: (id: string) => string[]): void {
    const edgeList = this.edges.filter((e) => !e.loop && this.nodeById.has(e.source) && this.nodeById.has(e.target) && this.out(e.source).includes(e));
    const edgeIndex = new Map<GEdge, number>(edgeList.map((e, i) => [e, i]));
    const outIdx = (id: string): number[] => this.out(id).filter((e) => !e.loop).map((e) => edgeIndex.get(e) ?? -1).filter((i) => i >= 0);
    const inIdx = (id: string): number[] => this.inc(id).filter((e) => !e.loop).map((e) => edgeIndex.get(e) ?? -1).filter((i) => i >= 0);
    const reach = new Map<string, Set<string>>();
    for (const n of nodes) reach.set(n.id, reachableFrom([n.id], forward));

    const deadlocked = new Set<string>();
    const seen = new Set<string>();
    const MAX_STATES = 20_000;
    const initial = new Array<number>(edgeList.length).fill(0);
    const todo: number[][] = [];
    for (const outcome of this.outcomes(start, outIdx(start.id))) {
      const m = initial.slice();
      for (const i of outcome) m[i] = (m[i] ?? 0) + 1;
      todo.push(m);
    }
    while (todo.length > 0 && seen.size < MAX_STATES) {
      const marking = todo.pop();
      if (marking === undefined) break;
      const key = marking.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const holding = new Set<string>();
      marking.forEach((count, i) => {
        const e = edgeList[i];
        if (count > 0 && e !== undefined) holding.add(e.target);
      });
      if (holding.size === 0) continue;
      let fired: GNode | undefined;
      for (const n of nodes) {
        if (!holding.has(n.id) || n.type === 'inclusiveJoin') continue;
        if (n.type === 'join' && !inIdx(n.id).every((i) => (marking[i] ?? 0) > 0)) continue;
        fired = n;
        break;
      }
      if (fired === undefined) {
        for (const n of nodes) {
          if (!holding.has(n.id) || n.type !== 'inclusiveJoin') continue;
          const own = new Set(inIdx(n.id));
          const blocked = marking.some((count, i) => {
            const e = edgeList[i];
            return count > 0 && e !== undefined && !own.has(i) && (reach.get(e.target)?.has(n.id) ?? false);
          });
          if (!blocked) {
            fired = n;
            break;
          }
        }
      }
      if (fired === undefined) {
        for (const id of holding) {
          if (this.nodeById.get(id)?.type === 'join') deadlocked.add(id);
        }
        continue;
      }
      if (fired.type === 'terminate') continue;
      const next = marking.slice();
      const ins = inIdx(fired.id);
      if (fired.type === 'join' || fired.type === 'inclusiveJoin') {
        for (const i of ins) if ((next[i] ?? 0) > 0) next[i] = (next[i] ?? 0) - 1;
      } else {
        const i = ins.find((j) => (next[j] ?? 0) > 0);
        if (i !== undefined) next[i] = (next[i] ?? 0) - 1;
      }
      for (const outcome of this.outcomes(fired, outIdx(fired.id))) {
        const m = next.slice();
        for (const i of outcome) m[i] = (m[i] ?? 0) + 1;
        todo.push(m);
      }
    }
    for (const node of nodes) {
      if (deadlocked.has(node.id)) {
        this.nodeProblem(node, 'joinCanDeadlock', `join "${node.id}" waits for all ${inIdx(node.id).length} incoming edges, but on some path not all of them can arrive (an exclusive or inclusive branch feeds it): it would wait forever`);
      }
    }
  }

  /** The sets of outgoing edges a node may put tokens on when it fires. */
  private outcomes(node: GNode, edges: number[]): number[][] {
    if (edges.length === 0) return [[]];
    switch (node.type) {
      case 'parallel':
        return [edges];
      case 'inclusive': {
        if (edges.length > 8) return [...edges.map((i) => [i]), edges];
        const result: number[][] = [];
        for (let mask = 1; mask < (1 << edges.length); mask++) result.push(edges.filter((_, bit) => (mask & (1 << bit)) !== 0));
        return result;
      }
      default:
        return edges.map((i) => [i]);
    }
  }
}
