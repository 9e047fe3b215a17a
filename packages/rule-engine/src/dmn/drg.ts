/**
 * The decision requirements graph at run time: decisions evaluated lazily (only what the asked
 * decision needs) and once per evaluation (memo), input data conformed to their types, input
 * values overriding decisions (as the DMN TCK does), BKMs and decision services as functions.
 */
import { FeelContext, FeelFunction, type FeelValue } from '../feel/values/feel-value.js';
import { makeFunction, type CompiledBoxed } from './boxed-expressions.js';
import { toFeel } from './feel-bridge.js';
import { ANY_TYPE, conformOrNull, type DmnType } from './item-definition.js';
import { Run, type DmnEvaluateOptions } from './run.js';

export type ElementKind = 'decision' | 'inputData' | 'businessKnowledgeModel' | 'decisionService';

/** How a required element appears in the requirer's scope. */
export interface Dependency {
  key: string;
  kind: ElementKind;
  /** The element itself (resolved at compile time). */
  element: GraphElement;
  /** Variable name in scope. */
  name: string;
  /** When the element comes from another import than the requirer: the import's name (a context). */
  group: string | null;
}

export interface GraphElement {
  key: string;
  name: string;
  importName: string | undefined;
  kind: ElementKind;
  type: DmnType;
}

export interface GraphDecision extends GraphElement {
  kind: 'decision';
  logic: CompiledBoxed;
  deps: Dependency[];
}

export interface GraphService extends GraphElement {
  kind: 'decisionService';
  outputs: string[];
  inputDecisions: string[];
  inputData: string[];
  /** Parameter names (local names of input decisions, then input data). */
  parameters: string[];
}

export interface GraphBkm extends GraphElement {
  kind: 'businessKnowledgeModel';
  parameters: { name: string; type: DmnType }[];
  body: CompiledBoxed;
  deps: Dependency[];
}

export type Inputs = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/** What `readInput` answers for a name not given. */
export const MISSING: unique symbol = Symbol('missing input');

function readInput(inputs: Inputs, key: string): unknown {
  if (inputs instanceof Map) return inputs.has(key) ? inputs.get(key) : MISSING;
  const record = inputs as Readonly<Record<string, unknown>>;
  return Object.hasOwn(record, key) ? record[key] : MISSING;
}

/** Marks a decision being evaluated in the memo (to detect cycles). */
const IN_PROGRESS = Object.freeze([]) as FeelValue;

/** One evaluation of the graph: the memo of decisions already evaluated, the inputs. */
export class DrgRun extends Run {
  /** Values of the decisions and input data evaluated so far (IN_PROGRESS while evaluating). */
  readonly memo = new Map<string, FeelValue>();

  constructor(
    options: DmnEvaluateOptions | undefined,
    readonly inputs: Inputs,
    /** In a decision service: the only decisions inputs may give (its input decisions). */
    readonly overridable: ReadonlySet<string> | null,
    parent?: Run,
  ) {
    super(options, parent);
  }

  /** The input given for an element: by key (`import.name`), by import then name, by name. */
  input(element: GraphElement): unknown {
    const direct = readInput(this.inputs, element.key);
    if (direct !== MISSING || element.importName === undefined) return direct;
    const group = readInput(this.inputs, element.importName);
    if (group instanceof FeelContext) return group.has(element.name) ? group.get(element.name) : MISSING;
    if (group !== MISSING && group !== null && typeof group === 'object' && !Array.isArray(group)) {
      const inner = readInput(group as Inputs, element.name);
      if (inner !== MISSING) return inner;
    }
    return readInput(this.inputs, element.name);
  }
}

export class Graph {
  readonly decisions = new Map<string, GraphDecision>();
  readonly inputData = new Map<string, GraphElement>();
  readonly bkms = new Map<string, GraphBkm>();
  readonly services = new Map<string, GraphService>();
  /** The run being evaluated: BKM and decision-service functions report into it. */
  private current: DrgRun | null = null;
  private readonly functions = new Map<string, FeelFunction>();

  element(key: string): GraphElement | undefined {
    return this.decisions.get(key) ?? this.inputData.get(key) ?? this.bkms.get(key) ?? this.services.get(key);
  }

  private currentRun(): DrgRun {
    return this.current ?? new DrgRun(undefined, new Map(), null);
  }

  /** Runs `body` with `run` as the current run (restored after, for nested evaluations). */
  within<T>(run: DrgRun, body: () => T): T {
    const saved = this.current;
    this.current = run;
    try {
      return body();
    } finally {
      this.current = saved;
    }
  }

  /** The value of an element in a run (decisions memoised). */
  value(key: string, run: DrgRun): FeelValue {
    const decision = this.decisions.get(key);
    if (decision) return this.decision(decision, run);
    const input = this.inputData.get(key);
    if (input) return this.inputValue(input, run);
    const fn = this.functionOf(key);
    if (fn) return fn;
    return run.warn('dmn.unknownElement', `No element ${JSON.stringify(key)} in the model; it is null.`);
  }

  private inputValue(input: GraphElement, run: DrgRun): FeelValue {
    const cached = run.memo.get(input.key);
    if (cached !== undefined) return cached;
    const given = run.input(input);
    const saved = run.element;
    run.element = input.key;
    const value = given !== MISSING ? conformOrNull(input.type, toFeel(given), run, 'input', input.key, true) : null;
    run.element = saved;
    run.memo.set(input.key, value);
    run.trace?.decisions.push({ element: input.key, kind: 'inputData', value });
    return value;
  }

  decision(decision: GraphDecision, run: DrgRun): FeelValue {
    const cached = run.memo.get(decision.key);
    if (cached !== undefined) {
      if (cached === IN_PROGRESS) return run.warn('dmn.cycle', `Decision ${decision.key} requires itself; it is null.`);
      return cached;
    }
    const saved = run.element;
    run.element = decision.key;
    try {
      if (run.overridable === null || run.overridable.has(decision.key)) {
        const given = run.input(decision);
        if (given !== MISSING) {
          const value = conformOrNull(decision.type, toFeel(given), run, 'decision', decision.key, true);
          run.memo.set(decision.key, value);
          run.trace?.decisions.push({ element: decision.key, kind: 'override', value });
          return value;
        }
      }
      run.memo.set(decision.key, IN_PROGRESS);
      const scope = this.scopeOf(decision.deps, run);
      run.element = decision.key;
      const savedRun = this.current;
      this.current = run;
      let raw: FeelValue;
      try {
        raw = decision.logic.evaluate(scope, run);
      } finally {
        this.current = savedRun;
      }
      const value = decision.type === ANY_TYPE ? raw : conformOrNull(decision.type, raw, run, 'decision', decision.key);
      run.memo.set(decision.key, value);
      run.trace?.decisions.push({ element: decision.key, kind: 'decision', value });
      return value;
    } finally {
      run.element = saved;
    }
  }

  scopeOf(deps: readonly Dependency[], run: DrgRun): Map<string, FeelValue> {
    const scope = new Map<string, FeelValue>();
    let groups: Map<string, [string, FeelValue][]> | null = null;
    for (let i = 0; i < deps.length; i++) {
      const dep = deps[i] as Dependency;
      const value =
        dep.kind === 'inputData'
          ? this.inputValue(dep.element, run)
          : dep.kind === 'decision'
            ? this.decision(dep.element as GraphDecision, run)
            : (this.functionOf(dep.key) ?? null);
      if (dep.group === null) scope.set(dep.name, value);
      else {
        groups ??= new Map();
        let entries = groups.get(dep.group);
        if (!entries) groups.set(dep.group, (entries = []));
        entries.push([dep.name, value]);
      }
    }
    if (groups) for (const [group, entries] of groups) scope.set(group, new FeelContext(entries));
    return scope;
  }

  /** The FEEL function of a BKM or decision service (built once). */
  functionOf(key: string): FeelFunction | undefined {
    const existing = this.functions.get(key);
    if (existing) return existing;
    const bkm = this.bkms.get(key);
    let fn: FeelFunction | undefined;
    if (bkm) {
      let scope: Map<string, FeelValue> | null = null;
      fn = makeFunction(
        bkm.name,
        bkm.parameters,
        bkm.body,
        bkm.type,
        () => (scope ??= this.scopeOf(bkm.deps, this.currentRun())),
        () => this.currentRun(),
      );
    }
    const service = this.services.get(key);
    if (service) {
      // Invoked, a decision service is `function(input data..., input decisions...)` (10.4): every
      // parameter is bound, to null when not supplied.
      const keys = [...service.inputData, ...service.inputDecisions];
      fn = new FeelFunction(service.name, service.parameters, (args) => {
        const inputs = new Map<string, unknown>();
        keys.forEach((k, i) => inputs.set(k, args[i] ?? null));
        return this.service(service, inputs, undefined, this.currentRun());
      });
    }
    if (fn) this.functions.set(key, fn);
    return fn;
  }

  /**
   * Evaluates a decision service (DMN 1.5 10.4): its input data and input decisions are its
   * parameters (given, or null: an input decision is never evaluated inside the service), its
   * encapsulated and output decisions are evaluated afresh; one output decision answers its value,
   * several a context of them, conformed to the service's type.
   */
  service(service: GraphService, inputs: Inputs, options: DmnEvaluateOptions | undefined, parent?: Run): FeelValue {
    const run = new DrgRun(options, inputs, new Set(service.inputDecisions), parent);
    const saved = run.element;
    run.element = service.key;
    for (const key of service.inputDecisions) {
      const decision = this.decisions.get(key);
      if (decision !== undefined && run.input(decision) === MISSING) run.memo.set(key, null);
    }
    const values = service.outputs.map((key) => [this.element(key)?.name ?? key, this.value(key, run)] as [string, FeelValue]);
    const raw: FeelValue = values.length === 1 ? (values[0] as [string, FeelValue])[1] : new FeelContext(values);
    const value = conformOrNull(service.type, raw, run, 'decision service', service.key);
    run.element = saved;
    run.trace?.decisions.push({ element: service.key, kind: 'decisionService', value });
    return value;
  }
}
