/**
 * `compileDecisionModel`: a decision model (native JSON) compiled once — every FEEL text, item
 * definition and dependency resolved up front — into an evaluator of its decisions and
 * decision services.
 */
import type { FeelValue } from '../feel/values/feel-value.js';
import { compileBoxed, compileParameters, type CompileContext, type CompiledBoxed, type DmnDiagnostic } from './boxed-expressions.js';
import { DrgRun, Graph, type Dependency, type GraphDecision, type GraphElement, type Inputs } from './drg.js';
import { ANY_TYPE, TypeRegistry, type DmnType } from './item-definition.js';
import { CompiledDecisionTable, type RawKind } from './decision-table.js';
import { FeelContext } from '../feel/values/feel-value.js';
import type { BoxedExpression, DecisionModel, ItemDefinition, Requirements } from './model.js';
import type { DmnEvaluateOptions, DmnWarning, EvaluationTrace } from './run.js';

export type { DmnDiagnostic } from './boxed-expressions.js';
export type { Inputs } from './drg.js';

export interface DecisionResult {
  value: FeelValue;
  warnings: readonly DmnWarning[];
  /** Present when `options.trace` is true. */
  trace?: EvaluationTrace;
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
      case 'literalExpression':
        break;
    }
  };
  model.itemDefinitions?.forEach(item);
  for (const i of model.imports ?? []) names.add(i.name);
  for (const i of model.inputData ?? []) names.add(i.name);
  for (const d of model.decisions) {
    names.add(d.name);
    expr(d.logic);
  }
  for (const b of model.businessKnowledgeModels ?? []) {
    names.add(b.name);
    for (const p of b.parameters) names.add(p.name);
    expr(b.body);
  }
  for (const s of model.decisionServices ?? []) names.add(s.name);
  return [...names].filter((n) => n.trim() !== '');
}

/**
 * The fast lane of a decision that is one decision table over input data, for hosts passing
 * plain numbers and strings (see `CompiledDecisionTable.rawLane`). It answers undefined, sending
 * the evaluation down the full path, for anything else: other value kinds, a missing input, an
 * override of the decision itself, a value the table's or the input's type would not accept.
 */
function fastLane(decision: GraphDecision, numberType: DmnType, stringType: DmnType): ((inputs: Inputs) => FeelValue | undefined) | null {
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
  const names = lane.names;
  const self = decision.name;
  return (inputs) => {
    if (inputs instanceof Map || inputs instanceof FeelContext) return undefined;
    const given = inputs as Readonly<Record<string, unknown>>;
    // Only own values count; a prototype offers no numbers or strings, so a plain read is enough
    // for those, and anything else (an override too) goes down the full path.
    if (given[self] !== undefined) return undefined;
    for (let c = 0; c < raw.length; c++) {
      const value = given[names[c]!];
      const kind = kinds[c];
      if (typeof value === 'number') {
        if (kind === 'string' || !Number.isFinite(value)) return undefined;
      } else if (typeof value !== 'string' || kind === 'number') return undefined;
      raw[c] = value;
    }
    return lane.decide(raw);
  };
}

/** Every constant a table can answer already has the decision's type (nothing to convert or warn). */
function laneResultsConform(decision: GraphDecision): boolean {
  const table = decision.logic as CompiledDecisionTable;
  const probe = new DrgRun(undefined, {}, null);
  return table.constantResults().every((value) => value === null || decision.type.conform(value, probe, false) === value) && probe.warnings.length === 0;
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
      parameters: compileParameters(b.parameters, cx),
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
      parameters: [...inputDecisions, ...inputData].map((k) => graph.element(k)?.name ?? k),
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
        group: element.importName === importName ? null : (element.importName ?? null),
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

  const lanes = new Map<string, (inputs: Inputs) => FeelValue | undefined>();
  const numberType = types.resolve('number');
  const stringType = types.resolve('string');
  for (const [key, decision] of graph.decisions) {
    const lane = fastLane(decision, numberType, stringType);
    if (lane) lanes.set(key, lane);
  }

  return {
    diagnostics,
    decisionNames: [...graph.decisions.keys()],
    inputDataNames: [...graph.inputData.keys()],
    decisionServiceNames: [...graph.services.keys()],
    fastLaneDecisions: [...lanes.keys()],
    evaluate(decisionName, inputs = {}, options) {
      // Lanes are keyed by decision key, which is how callers name decisions of the main model.
      if (options?.trace !== true) {
        const lane = lanes.get(decisionName);
        if (lane !== undefined) {
          const value = lane(inputs);
          if (value !== undefined) return { value, warnings: NO_WARNINGS };
        }
      }
      const decision = lookup(graph.decisions, decisionName);
      if (!decision) throw new UnknownDecisionError('decision', decisionName);
      const run = new DrgRun(options, inputs, null);
      const value = graph.decision(decision, run);
      return run.trace ? { value, warnings: run.warnings, trace: run.trace } : { value, warnings: run.warnings };
    },
    evaluateService(serviceName, inputs = {}, options) {
      const service = lookup(graph.services, serviceName);
      if (!service) throw new UnknownDecisionError('decision service', serviceName);
      const root = new DrgRun(options, inputs, null);
      const value = graph.within(root, () => graph.service(service, inputs, options, root));
      return root.trace ? { value, warnings: root.warnings, trace: root.trace } : { value, warnings: root.warnings };
    },
  };
}
