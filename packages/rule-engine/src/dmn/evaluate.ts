/**
 * `compileDecisionModel`: a decision model (native JSON) compiled once — every FEEL text, item
 * definition and dependency resolved up front — into an evaluator of its decisions and
 * decision services.
 */
import type { FeelValue } from '../feel/values/feel-value.js';
import { compileBoxed, compileParameters, type CompileContext, type CompiledBoxed, type DmnDiagnostic } from './boxed-expressions.js';
import { DrgRun, Graph, type Dependency, type GraphDecision, type GraphElement, type Inputs } from './drg.js';
import { ANY_TYPE, TypeRegistry, feelTypesOf, type DmnType } from './item-definition.js';
import { CompiledDecisionTable, FULL_PATH, NO_RULE, type RawKind } from './decision-table.js';
import { FeelContext } from '../feel/values/feel-value.js';
import { fromFeelValue } from '../feel/values/json.js';
import type { BoxedExpression, BusinessKnowledgeModel, DecisionModel, ItemDefinition, Requirements, TypedName } from './model.js';
import type { DmnEvaluateOptions, DmnWarning, EvaluationTrace } from './run.js';

export type { DmnDiagnostic } from './boxed-expressions.js';
export type { Inputs } from './drg.js';

export interface DecisionResult {
  value: FeelValue;
  warnings: readonly DmnWarning[];
  /** Present when `options.trace` is true. */
  trace?: EvaluationTrace;
}

/**
 * A decision's result as JSON data (`fromFeelValue` of its FEEL value): what a server stores and
 * sends. Read-only: results answered by a table's fast lane are built once and shared (frozen).
 */
export interface JsonDecisionResult {
  readonly value: unknown;
  readonly warnings: readonly DmnWarning[];
  /** Present when `options.trace` is true. */
  readonly trace?: EvaluationTrace;
}

export interface CompiledDecisionModel {
  /** FEEL texts that do not compile, unknown references, malformed tables (evaluation goes on: null). */
  readonly diagnostics: readonly DmnDiagnostic[];
  readonly decisionNames: readonly string[];
  readonly inputDataNames: readonly string[];
  readonly decisionServiceNames: readonly string[];
  /** Decisions with a fast lane: plain numbers and strings skip the conversion to FEEL values. */
  readonly fastLaneDecisions: readonly string[];
  /**
   * Evaluates a decision (by name, or `import.name`) with input data (and decision overrides)
   * given by name, as JSON-like values or FEEL values.
   */
  evaluate(decisionName: string, inputs?: Inputs, options?: DmnEvaluateOptions): DecisionResult;
  /** `evaluate`, the value answered as JSON data (numbers, strings, objects, arrays, null). */
  evaluateJson(decisionName: string, inputs?: Inputs, options?: DmnEvaluateOptions): JsonDecisionResult;
  /** Evaluates a decision service: its input decisions and input data given by name. */
  evaluateService(serviceName: string, inputs?: Inputs, options?: DmnEvaluateOptions): DecisionResult;
}

/** The fast lane never warns: one frozen empty list serves every answer. */
const NO_WARNINGS: readonly DmnWarning[] = Object.freeze([]);

export class UnknownDecisionError extends Error {
  constructor(kind: string, name: string) {
    super(`The model has no ${kind} named ${JSON.stringify(name)}.`);
    this.name = 'UnknownDecisionError';
  }
}

/**
 * The name under which an element of import `element` is seen by a requirer in import `requirer`
 * (null: the same model). A model's own imports are prefixed by its import name in the whole
 * model: for a requirer in `B`, an element of `B.C` is in the context named `C`.
 */
function groupOf(element: string | undefined, requirer: string | undefined): string | null {
  if (element === requirer || element === undefined) return null;
  if (requirer !== undefined && element.startsWith(`${requirer}.`)) return element.slice(requirer.length + 1);
  return element;
}

function keyOf(name: string, importName: string | undefined): string {
  return importName === undefined ? name : `${importName}.${name}`;
}

/** Every name declared in the model, so that FEEL reads multi-word names as one. */
function collectNames(model: DecisionModel): string[] {
  const names = new Set<string>();
  const item = (def: ItemDefinition) => {
    names.add(def.name);
    def.itemComponents?.forEach(item);
  };
  const expr = (e: BoxedExpression | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'context':
        for (const entry of e.entries) {
          if (entry.name) names.add(entry.name);
          expr(entry.value);
        }
        break;
      case 'relation':
        for (const c of e.columns) names.add(c.name);
        e.rows.flat().forEach(expr);
        break;
      case 'list':
        e.items.forEach(expr);
        break;
      case 'invocation':
        for (const b of e.bindings) {
          names.add(b.name);
          expr(b.value);
        }
        break;
      case 'functionDefinition':
        for (const p of e.parameters) names.add(p.name);
        expr(e.body);
        break;
      case 'decisionTable':
        for (const o of e.outputs) if (o.name) names.add(o.name);
        break;
      case 'conditional':
        expr(e.if);
        expr(e.then);
        expr(e.else);
        break;
      case 'filter':
        expr(e.in);
        expr(e.match);
        break;
      case 'for':
        names.add(e.iteratorVariable);
        expr(e.in);
        expr(e.return);
        break;
      case 'some':
      case 'every':
        names.add(e.iteratorVariable);
        expr(e.in);
        expr(e.satisfies);
        break;
      case 'literalExpression':
        break;
    }
  };
  model.itemDefinitions?.forEach(item);
  // A model imported by an imported one (`B.C`) is named `C` in that model's FEEL, never `B.C`.
  for (const i of model.imports ?? []) if (!i.name.includes('.')) names.add(i.name);
  for (const i of model.inputData ?? []) names.add(i.name);
  for (const d of model.decisions) {
    names.add(d.name);
    expr(d.logic);
  }
  for (const b of model.businessKnowledgeModels ?? []) {
    names.add(b.name);
    for (const p of bkmParameters(b)) names.add(p.name);
    expr(b.body);
  }
  for (const s of model.decisionServices ?? []) names.add(s.name);
  return [...names].filter((n) => n.trim() !== '');
}

/** A decision's fast lane (see `fastLane`). */
interface Lane {
  /** The rule answering these inputs, NO_RULE, or FULL_PATH when only the full path may answer. */
  pick(inputs: Inputs): number;
  /** The FEEL value of a pick: a context (several outputs) is copied, as a caller may change it. */
  value(pick: number): FeelValue;
  /** The JSON result of a pick, built once and frozen. */
  json(pick: number): JsonDecisionResult;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The fast lane of a decision that is one decision table over input data, for hosts passing
 * plain numbers and strings (see `CompiledDecisionTable.rawLane`). It picks FULL_PATH, sending
 * the evaluation down the full path, for anything else: other value kinds, a missing input, an
 * override of the decision itself, a value the table's or the input's type would not accept.
 */
function fastLane(decision: GraphDecision, numberType: DmnType, stringType: DmnType): Lane | null {
  if (!(decision.logic instanceof CompiledDecisionTable)) return null;
  const lane = decision.logic.rawLane(numberType, stringType);
  if (lane === null) return null;
  const byName = new Map(decision.deps.map((d) => [d.name, d]));
  const kinds: RawKind[] = [];
  for (const [c, name] of lane.names.entries()) {
    const dep = byName.get(name);
    if (!dep || dep.kind !== 'inputData' || dep.group !== null) return null;
    const type = dep.element.type;
    const own = type === ANY_TYPE ? 'any' : type === numberType ? 'number' : type === stringType ? 'string' : null;
    const column = lane.kinds[c]!;
    if (own === null || (own !== 'any' && column !== 'any' && own !== column)) return null;
    kinds.push(own === 'any' ? column : own);
  }
  if (decision.type !== ANY_TYPE && !laneResultsConform(decision)) return null;
  const raw: (number | string)[] = new Array<number | string>(lane.names.length);
  // Property keys are internalized strings: names that are too compare by identity, at once.
  const names = lane.names.map((name) => Object.keys({ [name]: 0 })[0] ?? name);
  const self = decision.name;
  // Results by pick, the no-match result last.
  const results = [...lane.results, lane.none];
  const none = results.length - 1;
  const json = results.map((value) => Object.freeze({ value: deepFreeze(fromFeelValue(value)), warnings: NO_WARNINGS }));
  /** Takes a host value for column c; false when the full path must see it (or warn about it). */
  const take = (value: unknown, c: number): boolean => {
    const kind = kinds[c];
    if (typeof value === 'number') {
      if (kind === 'string' || !Number.isFinite(value)) return false;
    } else if (typeof value !== 'string' || kind === 'number') return false;
    raw[c] = value;
    return true;
  };
  // A record with many more keys than the table reads is read by name instead of walked.
  const walkLimit = names.length + 8;
  const readByName = (given: Readonly<Record<string, unknown>>): number => {
    if (given[self] !== undefined) return FULL_PATH;
    for (let c = 0; c < names.length; c++) if (!take(given[names[c]!], c)) return FULL_PATH;
    return lane.decide(raw);
  };
  return {
    pick(inputs) {
      // Plain records only (not a Map, a FeelContext or a class instance): every enumerable key of
      // one is its own (Object.prototype has none), so walking its keys reads exactly the own
      // values the full path reads. Walking them is much cheaper than reading each input by a
      // name that varies (a megamorphic property load); records list the inputs in order, mostly.
      const proto: unknown = Object.getPrototypeOf(inputs);
      if (proto !== Object.prototype && proto !== null) return FULL_PATH;
      const given = inputs as Readonly<Record<string, unknown>>;
      let found = 0;
      let keys = 0;
      for (const key in given) {
        if (++keys > walkLimit) return readByName(given);
        const c = key === names[found] ? found : names.indexOf(key);
        if (c < 0) {
          // An override of the decision itself: the full path answers it.
          if (key === self) return FULL_PATH;
          continue;
        }
        if (!take(given[key], c)) return FULL_PATH;
        found++;
      }
      // A missing input is null to the full path, which may warn about it.
      return found === names.length ? lane.decide(raw) : FULL_PATH;
    },
    value(pick) {
      const value = results[pick === NO_RULE ? none : pick] ?? null;
      return value instanceof FeelContext ? new FeelContext(value.entries) : value;
    },
    json(pick) {
      return json[pick === NO_RULE ? none : pick]!;
    },
  };
}

/** Every constant a table can answer already has the decision's type (nothing to convert or warn). */
function laneResultsConform(decision: GraphDecision): boolean {
  const table = decision.logic as CompiledDecisionTable;
  const probe = new DrgRun(undefined, {}, null);
  return table.constantResults().every((value) => value === null || decision.type.conform(value, probe, false) === value) && probe.warnings.length === 0;
}

/**
 * A BKM's parameters: its formal parameters, or, for a BKM whose logic is a decision table and
 * that declares none, the table's input expressions (DMN 1.5 10.2.1.7: "a decision table whose
 * input expressions are assumed to be the parameter names"), typed as the inputs are.
 */
function bkmParameters(bkm: BusinessKnowledgeModel): TypedName[] {
  if (bkm.parameters.length > 0 || bkm.body?.kind !== 'decisionTable') return bkm.parameters;
  const names = new Set<string>();
  const parameters: TypedName[] = [];
  for (const input of bkm.body.inputs) {
    const name = input.expression.trim().replace(/\s+/g, ' ');
    if (name === '' || names.has(name)) continue;
    names.add(name);
    parameters.push(input.typeRef === undefined ? { name } : { name, typeRef: input.typeRef });
  }
  return parameters;
}

export function compileDecisionModel(model: DecisionModel): CompiledDecisionModel {
  const diagnostics: DmnDiagnostic[] = [];
  const names = collectNames(model);
  const types = new TypeRegistry(model.itemDefinitions ?? [], names);
  const graph = new Graph();
  const context = (element: string, importName: string | undefined): CompileContext => ({
    names,
    types,
    importPrefix: importName,
    element,
    diagnostics,
  });
  const typeOf = (typeRef: string | undefined, importName: string | undefined) => types.resolve(typeRef, importName);

  // Elements first (so that references resolve), logic compiled after.
  for (const input of model.inputData ?? []) {
    const key = keyOf(input.name, input.import);
    graph.inputData.set(key, { key, name: input.name, importName: input.import, kind: 'inputData', type: typeOf(input.typeRef, input.import) });
  }
  const logic = new Map<string, { expression: BoxedExpression | undefined; requirements: Requirements | undefined }>();
  for (const d of model.decisions) {
    const key = keyOf(d.name, d.import);
    const cx = context(key, d.import);
    graph.decisions.set(key, {
      key,
      name: d.name,
      importName: d.import,
      kind: 'decision',
      type: typeOf(d.typeRef, d.import),
      logic: compileBoxed(d.logic, cx, 'logic'),
      deps: [],
    });
    logic.set(key, { expression: d.logic, requirements: d.requirements });
  }
  for (const b of model.businessKnowledgeModels ?? []) {
    const key = keyOf(b.name, b.import);
    const cx = context(key, b.import);
    graph.bkms.set(key, {
      key,
      name: b.name,
      importName: b.import,
      kind: 'businessKnowledgeModel',
      type: typeOf(b.typeRef, b.import),
      parameters: compileParameters(bkmParameters(b), cx),
      body: compileBoxed(b.body, cx, 'body'),
      deps: [],
    });
  }

  const resolve = (ref: string, importName: string | undefined, from: string, path: string): GraphElement | undefined => {
    const found = (importName !== undefined ? graph.element(`${importName}.${ref}`) : undefined) ?? graph.element(ref);
    if (!found) diagnostics.push({ element: from, path, message: `Requires ${JSON.stringify(ref)}, which is not in the model.` });
    return found;
  };

  for (const s of model.decisionServices ?? []) {
    const key = keyOf(s.name, s.import);
    const keys = (refs: string[] | undefined, path: string) =>
      (refs ?? []).map((r) => resolve(r, s.import, key, path)?.key).filter((k): k is string => k !== undefined);
    const inputDecisions = keys(s.inputDecisions, 'inputDecisions');
    const inputData = keys(s.inputData, 'inputData');
    graph.services.set(key, {
      key,
      name: s.name,
      importName: s.import,
      kind: 'decisionService',
      type: typeOf(s.typeRef, s.import),
      outputs: keys(s.outputDecisions, 'outputDecisions'),
      inputDecisions,
      inputData,
      // DMN 1.5 10.4: `function(input data..., input decisions...)`, each named by its qualified
      // name (the element's name in its own model, `import.name` for another model's).
      parameters: [...inputData, ...inputDecisions].map((k) => {
        const element = graph.element(k);
        return element === undefined ? k : element.importName === s.import ? element.name : element.key;
      }),
    });
  }

  const dependencies = (
    key: string,
    importName: string | undefined,
    requirements: Requirements | undefined,
    compiled: CompiledBoxed,
  ): Dependency[] => {
    const deps: Dependency[] = [];
    const seen = new Set<string>([key]);
    const add = (element: GraphElement) => {
      if (seen.has(element.key)) return;
      seen.add(element.key);
      deps.push({
        key: element.key,
        kind: element.kind,
        element,
        name: element.name,
        group: groupOf(element.importName, importName),
      });
    };
    for (const [path, refs] of [
      ['requirements.decisions', requirements?.decisions],
      ['requirements.inputs', requirements?.inputs],
      ['requirements.knowledge', requirements?.knowledge],
    ] as const) {
      for (const ref of refs ?? []) {
        const element = resolve(ref, importName, key, path);
        if (element) add(element);
      }
    }
    // Names read but not declared as requirements (a sketchy model): resolved all the same.
    for (const read of compiled.reads) {
      const element = graph.element(keyOf(read, importName));
      if (element) add(element);
    }
    return deps;
  };

  for (const [key, decision] of graph.decisions) {
    const source = logic.get(key);
    decision.deps = dependencies(key, decision.importName, source?.requirements, decision.logic);
  }
  const bkmRequirements = new Map((model.businessKnowledgeModels ?? []).map((b) => [keyOf(b.name, b.import), b.requirements]));
  for (const [key, bkm] of graph.bkms) {
    bkm.deps = dependencies(key, bkm.importName, bkmRequirements.get(key), bkm.body);
  }
  for (const message of types.diagnostics) diagnostics.push({ element: '(item definitions)', path: '', message });

  const lookup = <T>(map: ReadonlyMap<string, T>, name: string): T | undefined => {
    const direct = map.get(name);
    if (direct) return direct;
    const byName = [...map.values()].filter((e) => (e as GraphElement).name === name);
    return byName.length === 1 ? byName[0] : undefined;
  };

  const lanes = new Map<string, Lane>();
  const numberType = types.resolve('number');
  const stringType = types.resolve('string');
  for (const [key, decision] of graph.decisions) {
    const lane = fastLane(decision, numberType, stringType);
    if (lane) lanes.set(key, lane);
  }
  // Hosts mostly evaluate one decision many times over: the last lane found is kept at hand.
  let lastName: string | undefined;
  let lastLane: Lane | undefined;
  const laneFor = (decisionName: string, options: DmnEvaluateOptions | undefined): Lane | undefined => {
    // A trace needs the full path. Lanes are keyed by decision key, which is how callers name
    // decisions of the main model.
    if (options?.trace === true) return undefined;
    if (decisionName !== lastName) {
      lastName = decisionName;
      lastLane = lanes.get(decisionName);
    }
    return lastLane;
  };

  // The item definitions, for `instance of` in the model's FEEL (passed to every evaluation).
  const itemTypes = feelTypesOf(model.itemDefinitions ?? []);
  const withItemTypes = (options: DmnEvaluateOptions | undefined): DmnEvaluateOptions | undefined =>
    itemTypes.size === 0 || options?.types !== undefined ? options : { ...options, types: itemTypes };

  const fullPath = (decisionName: string, inputs: Inputs, options: DmnEvaluateOptions | undefined): DecisionResult => {
    const decision = lookup(graph.decisions, decisionName);
    if (!decision) throw new UnknownDecisionError('decision', decisionName);
    const run = new DrgRun(withItemTypes(options), inputs, null);
    const value = graph.decision(decision, run);
    return run.trace ? { value, warnings: run.warnings, trace: run.trace } : { value, warnings: run.warnings };
  };

  return {
    diagnostics,
    decisionNames: [...graph.decisions.keys()],
    inputDataNames: [...graph.inputData.keys()],
    decisionServiceNames: [...graph.services.keys()],
    fastLaneDecisions: [...lanes.keys()],
    evaluate(decisionName, inputs = {}, options) {
      const lane = laneFor(decisionName, options);
      if (lane !== undefined) {
        const pick = lane.pick(inputs);
        if (pick !== FULL_PATH) return { value: lane.value(pick), warnings: NO_WARNINGS };
      }
      return fullPath(decisionName, inputs, options);
    },
    evaluateJson(decisionName, inputs = {}, options) {
      const lane = laneFor(decisionName, options);
      if (lane !== undefined) {
        const pick = lane.pick(inputs);
        if (pick !== FULL_PATH) return lane.json(pick);
      }
      const result = fullPath(decisionName, inputs, options);
      return { ...result, value: fromFeelValue(result.value) };
    },
    evaluateService(serviceName, inputs = {}, options) {
      const service = lookup(graph.services, serviceName);
      if (!service) throw new UnknownDecisionError('decision service', serviceName);
      const root = new DrgRun(withItemTypes(options), inputs, null);
      const value = graph.within(root, () => graph.service(service, inputs, options, root));
      return root.trace ? { value, warnings: root.warnings, trace: root.trace } : { value, warnings: root.warnings };
    },
  };
}
