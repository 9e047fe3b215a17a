/**
 * Decision tables compiled once: input expressions, every input entry (unary tests) and output
 * entry, input/output value lists and default outputs. Evaluation walks the rules row by row
 * with early exit (FIRST stops at the first match), allocating nothing per rule.
 */
import { FeelContext, type FeelValue } from '../feel/values/feel-value.js';
import type { CompileContext, CompiledBoxed } from './boxed-expressions.js';
import { FeelExpression } from './boxed-expressions.js';
import { isCompileFailure, tryCompileUnaryTests, type CompiledUnaryTests } from './feel-bridge.js';
import { applyHitPolicy, hitPolicyName, noMatchResult, type HitSource } from './hit-policy.js';
import { ANY_TYPE, Mismatch, type DmnType } from './item-definition.js';
import type { Aggregation, DecisionTable, HitPolicy } from './model.js';
import { Run, type Scope } from './run.js';
import { RuleIndex, UNINDEXED } from './rule-index.js';

/** Unary tests compiled, or the reason they do not compile. */
class UnaryTests {
  readonly tests: CompiledUnaryTests | null;
  readonly error: string | null;
  constructor(
    readonly source: string,
    cx: CompileContext,
    path: string,
  ) {
    const compiled = tryCompileUnaryTests(source, cx.names);
    if (isCompileFailure(compiled)) {
      this.tests = null;
      this.error = compiled.message;
      cx.diagnostics.push({ element: cx.element, path, message: `${JSON.stringify(source)} does not compile: ${compiled.message}` });
    } else {
      this.tests = compiled;
      this.error = null;
    }
  }

  /** True, false, or null (undecidable or not compiled: a warning). */
  test(value: FeelValue, scope: Scope, run: Run): boolean | null {
    if (this.tests === null) {
      run.warn('dmn.compileError', `${JSON.stringify(this.source)} does not compile: ${this.error ?? ''}`);
      return null;
    }
    const result = this.tests.test(value, scope, run.feelOptions);
    if (result.warnings.length > 0) run.addFeelWarnings(result.warnings);
    return result.value;
  }
}

/** Splits a unary-tests list at its top-level commas (for the priority order of output values). */
export function splitUnaryTests(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(source.slice(start).trim());
  return parts.filter((p) => p !== '');
}

interface CompiledInput {
  /** Name to read directly from the scope when the expression is just a variable name. */
  direct: string | null;
  expression: FeelExpression;
  type: DmnType;
  allowed: UnaryTests | null;
}

interface CompiledOutput {
  name: string;
  type: DmnType;
  allowed: UnaryTests | null;
  /** The output values one by one, for priorities. */
  priorities: UnaryTests[];
  defaultEntry: FeelExpression | null;
}

export type RawKind = 'number' | 'string' | 'any';

/** One closure per rule over its non-`-` cells, unrolled for the usual widths. */
function composeMatcher(checks: { column: number; test: (v: never) => boolean }[]): (raw: readonly (number | string)[]) => boolean {
  type Test = (v: number | string) => boolean;
  const t = checks.map((c) => c.test as unknown as Test);
  const k = checks.map((c) => c.column);
  switch (checks.length) {
    case 0:
      return () => true;
    case 1: {
      const [a] = t as [Test];
      const [i] = k as [number];
      return (raw) => a(raw[i]!);
    }
    case 2: {
      const [a, b] = t as [Test, Test];
      const [i, j] = k as [number, number];
      return (raw) => a(raw[i]!) && b(raw[j]!);
    }
    case 3: {
      const [a, b, c] = t as [Test, Test, Test];
      const [i, j, l] = k as [number, number, number];
      return (raw) => a(raw[i]!) && b(raw[j]!) && c(raw[l]!);
    }
    case 4: {
      const [a, b, c, d] = t as [Test, Test, Test, Test];
      const [i, j, l, m] = k as [number, number, number, number];
      return (raw) => a(raw[i]!) && b(raw[j]!) && c(raw[l]!) && d(raw[m]!);
    }
    default:
      return (raw) => t.every((test, n) => test(raw[k[n]!]!));
  }
}

/** See `CompiledDecisionTable.rawLane`. */
/** `RawLane.decide` answers this when only the full path may answer. */
export const FULL_PATH = -2;
/** `RawLane.decide` answers this when no rule matched (the result is `RawLane.none`). */
export const NO_RULE = -1;

export interface RawLane {
  /** The scope names the table reads, one per input column. */
  names: readonly string[];
  /** What each column's type accepts from a host. */
  kinds: readonly RawKind[];
  /** The result of each rule (its constant outputs, combined as the table combines them). */
  results: readonly FeelValue[];
  /** The result when no rule matches. */
  none: FeelValue;
  /** The rule whose result answers, NO_RULE, or FULL_PATH. */
  decide(raw: readonly (number | string)[]): number;
}

interface CompiledRule {
  id: string | null;
  /** One per input; null for `-` (matches anything). */
  tests: (UnaryTests | null)[];
  outputs: FeelExpression[];
  /** Output values computed at compile time when every output entry is a plain literal. */
  constants: FeelValue[] | null;
}

const SIMPLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'for', 'in', 'return', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function', 'external']);

export class CompiledDecisionTable implements CompiledBoxed, HitSource {
  readonly reads: ReadonlySet<string>;
  readonly outputCount: number;
  private readonly policyName: string;
  private readonly singleOutput: boolean;
  private readonly hasDefaults: boolean;
  private scope: Scope = new Map();
  private run: Run | null = null;

  constructor(
    readonly hitPolicy: HitPolicy,
    readonly aggregation: Aggregation | undefined,
    private readonly inputs: readonly CompiledInput[],
    private readonly outputs: readonly CompiledOutput[],
    private readonly rules: readonly CompiledRule[],
    private readonly element: string,
  ) {
    const reads = new Set<string>();
    for (const input of inputs) for (const r of input.expression.reads) reads.add(r);
    for (const rule of rules) for (const o of rule.outputs) for (const r of o.reads) reads.add(r);
    for (const o of outputs) if (o.defaultEntry) for (const r of o.defaultEntry.reads) reads.add(r);
    this.reads = reads;
    this.outputCount = outputs.length;
    this.singleOutput = outputs.length === 1;
    this.hasDefaults = outputs.some((o) => o.defaultEntry !== null);
    this.policyName = hitPolicyName(hitPolicy, aggregation);
    this.foldConstants();
  }

  /** Rules whose output entries are all literals get their (validated) outputs computed now. */
  private foldConstants(): void {
    if (this.outputs.some((o) => o.allowed !== null && (o.allowed.tests === null || o.allowed.tests.reads.length > 0))) return;
    for (const rule of this.rules) {
      const values = rule.outputs.map((o) => o.constantValue());
      if (values.length !== this.outputs.length || values.some((v) => v === undefined)) continue;
      const probe = new Run(undefined);
      const validated = values.map((v, o) => this.validate(this.outputs[o] as CompiledOutput, v as FeelValue, probe));
      if (probe.warnings.length === 0) rule.constants = validated;
    }
  }

  /**
   * The table's fast lane, for hosts that pass plain JS numbers and strings: when every input is
   * a name, every cell has an exact raw test (see `CompiledUnaryTests.testNumber`) and every rule's
   * outputs are constants, a FIRST or UNIQUE table decides without converting its inputs to FEEL
   * values. `decide` answers FULL_PATH whenever the full path could answer differently or warn.
   */
  rawLane(numberType: DmnType, stringType: DmnType): RawLane | null {
    if ((this.hitPolicy !== 'F' && this.hitPolicy !== 'U') || this.hasDefaults) return null;
    const kinds: RawKind[] = [];
    for (const input of this.inputs) {
      if (input.direct === null || input.allowed !== null) return null;
      const kind = input.type === ANY_TYPE ? 'any' : input.type === numberType ? 'number' : input.type === stringType ? 'string' : null;
      if (kind === null) return null;
      kinds.push(kind);
    }
    // Each rule becomes one matcher over the raw values, specialised by the value kinds a call
    // brings (numbers or strings per column); a rule with a cell lacking that raw test has none.
    type Matcher = (raw: readonly (number | string)[]) => boolean;
    const matcherFor = (rule: CompiledRule, kindsGiven: readonly ('number' | 'string')[]): Matcher | null => {
      const checks: { column: number; test: (v: never) => boolean }[] = [];
      for (let c = 0; c < rule.tests.length; c++) {
        const cell = rule.tests[c];
        if (cell === null || cell === undefined) continue;
        const test = kindsGiven[c] === 'number' ? cell.tests?.testNumber : cell.tests?.testString;
        if (!test) return null;
        checks.push({ column: c, test: test as (v: never) => boolean });
      }
      return composeMatcher(checks);
    };
    if (this.rules.some((r) => r.constants === null)) return null;
    const results = this.rules.map((r) => this.combine(r.constants as FeelValue[]));
    const unique = this.hitPolicy === 'U';
    const none = noMatchResult(this.hitPolicy, this.aggregation);
    // Matchers per combination of value kinds (a bit per column: set for a string), built on
    // first use; wide tables (more than 10 inputs) take the full path.
    if (this.inputs.length > 10) return null;
    const byKinds: ((Matcher | null)[] | undefined)[] = new Array(1 << this.inputs.length);
    const index = RuleIndex.build(
      this.rules.map((rule) => rule.tests.map((t) => (t === null ? null : (t.tests?.rawShape ?? undefined)))),
      this.inputs.length,
    );
    const decide = (raw: readonly (number | string)[]): number => {
      if (index !== null) {
        const rule = index.match(raw, unique);
        if (rule !== UNINDEXED) return rule;
      }
      let mask = 0;
      for (let c = 0; c < raw.length; c++) if (typeof raw[c] !== 'number') mask |= 1 << c;
      let matchers = byKinds[mask];
      if (matchers === undefined) {
        const kindsGiven = raw.map((_, c) => ((mask >> c) & 1 ? 'string' : 'number') as 'number' | 'string');
        matchers = this.rules.map((rule) => matcherFor(rule, kindsGiven));
        byKinds[mask] = matchers;
      }
      let found = NO_RULE;
      for (let r = 0; r < matchers.length; r++) {
        const matcher = matchers[r];
        if (matcher === null) return FULL_PATH;
        if (!matcher!(raw)) continue;
        if (!unique) return r;
        if (found >= 0) return FULL_PATH;
        found = r;
      }
      return found;
    };
    return { names: this.inputs.map((i) => i.direct as string), kinds, results, none, decide };
  }

  /** The outputs the table can answer when every rule's outputs are constants. */
  constantResults(): FeelValue[] {
    return [...this.rules.map((r) => (r.constants ? this.combine(r.constants) : null)), noMatchResult(this.hitPolicy, this.aggregation)];
  }

  evaluate(scope: Scope, run: Run): FeelValue {
    const inputCount = this.inputs.length;
    const values: FeelValue[] = new Array<FeelValue>(inputCount);
    for (let i = 0; i < inputCount; i++) {
      const input = this.inputs[i] as CompiledInput;
      let value: FeelValue = input.direct !== null ? (scope.get(input.direct) ?? null) : input.expression.evaluate(scope, run);
      if (input.type !== ANY_TYPE && value !== null) {
        const conformed = input.type.conform(value, run, false);
        if (conformed instanceof Mismatch) {
          run.warn('dmn.inputTypeMismatch', `Input ${i + 1} (${input.expression.source}): ${conformed.message}; it is null.`);
          value = null;
        } else value = conformed;
      }
      if (input.allowed !== null && value !== null && input.allowed.test(value, scope, run) !== true) {
        run.warn(
          'dmn.inputValueNotAllowed',
          `Input ${i + 1} (${input.expression.source}) is not one of its input values (${input.allowed.source}); the table's result is null.`,
        );
        this.record(run, values, [], [], null, false);
        return null;
      }
      values[i] = value;
    }

    const rules = this.rules;
    if (this.hitPolicy === 'F' && run.trace === null) {
      for (let r = 0; r < rules.length; r++) {
        if (this.matches(rules[r] as CompiledRule, values, scope, run)) return this.combine(this.columnsIn(r, scope, run));
      }
      return this.noMatch(scope, run, values);
    }

    const matched: number[] = [];
    for (let r = 0; r < rules.length; r++) {
      if (this.matches(rules[r] as CompiledRule, values, scope, run)) {
        matched.push(r);
        if (this.hitPolicy === 'F') break;
      }
    }
    if (matched.length === 0) return this.noMatch(scope, run, values);

    const savedScope = this.scope;
    const savedRun = this.run;
    this.scope = scope;
    this.run = run;
    try {
      const { result, ruleOutputs } = applyHitPolicy(this.hitPolicy, this.aggregation, matched, this, run);
      this.record(run, values, matched, ruleOutputs, result, false);
      return result;
    } finally {
      this.scope = savedScope;
      this.run = savedRun;
    }
  }

  private matches(rule: CompiledRule, values: readonly FeelValue[], scope: Scope, run: Run): boolean {
    const tests = rule.tests;
    for (let c = 0; c < tests.length; c++) {
      const test = tests[c];
      if (test === null || test === undefined) continue;
      if (test.test(values[c] as FeelValue, scope, run) !== true) return false;
    }
    return true;
  }

  private noMatch(scope: Scope, run: Run, values: FeelValue[]): FeelValue {
    if (!this.hasDefaults) {
      const result = noMatchResult(this.hitPolicy, this.aggregation);
      this.record(run, values, [], [], result, false);
      return result;
    }
    const columns = this.outputs.map((o) => (o.defaultEntry ? this.validate(o, o.defaultEntry.evaluate(scope, run), run) : null));
    const result = this.combine(columns);
    this.record(run, values, [], [], result, true);
    return result;
  }

  private record(
    run: Run,
    inputs: FeelValue[],
    matched: readonly number[],
    ruleOutputs: FeelValue[],
    result: FeelValue,
    defaulted: boolean,
  ): void {
    if (run.trace === null) return;
    run.trace.tables.push({
      element: this.element,
      hitPolicy: this.policyName,
      inputs: [...inputs],
      matchedRules: [...matched],
      matchedRuleIds: matched.map((r) => this.rules[r]?.id ?? null),
      ruleOutputs,
      result,
      defaulted,
    });
  }

  private validate(output: CompiledOutput, value: FeelValue, run: Run): FeelValue {
    if (value === null) return null;
    if (output.type !== ANY_TYPE) {
      const conformed = output.type.conform(value, run, false);
      if (conformed instanceof Mismatch) {
        return run.warn('dmn.outputTypeMismatch', `Output ${output.name || '(single)'}: ${conformed.message}; it is null.`);
      }
      value = conformed;
    }
    if (output.allowed !== null && output.allowed.test(value, this.scope, run) !== true) {
      return run.warn(
        'dmn.outputValueNotAllowed',
        `Output ${output.name || '(single)'} is not one of its output values (${output.allowed.source}); it is null.`,
      );
    }
    return value;
  }

  private columnsIn(rule: number, scope: Scope, run: Run): FeelValue[] {
    const compiled = this.rules[rule] as CompiledRule;
    if (compiled.constants !== null) return compiled.constants;
    const entries = compiled.outputs;
    const columns: FeelValue[] = new Array<FeelValue>(this.outputs.length);
    for (let o = 0; o < this.outputs.length; o++) {
      const entry = entries[o];
      columns[o] = entry ? this.validate(this.outputs[o] as CompiledOutput, entry.evaluate(scope, run), run) : null;
    }
    return columns;
  }

  // HitSource
  columns(rule: number): FeelValue[] {
    return this.columnsIn(rule, this.scope, this.run as Run);
  }

  combine(columns: FeelValue[]): FeelValue {
    if (this.singleOutput) return columns[0] ?? null;
    const entries: [string, FeelValue][] = [];
    for (let o = 0; o < this.outputs.length; o++) entries.push([(this.outputs[o] as CompiledOutput).name, columns[o] ?? null]);
    return new FeelContext(entries);
  }

  priority(columns: FeelValue[]): number[] {
    const run = this.run as Run;
    return this.outputs.map((output, o) => {
      const value = columns[o] ?? null;
      for (let i = 0; i < output.priorities.length; i++) {
        if ((output.priorities[i] as UnaryTests).test(value, this.scope, run) === true) return i;
      }
      return output.priorities.length;
    });
  }
}

export function compileDecisionTable(table: DecisionTable, cx: CompileContext, path: string): CompiledDecisionTable {
  const types = (typeRef: string | undefined) => cx.types.resolve(typeRef, cx.importPrefix);
  const nameSet = new Set(cx.names);
  const inputs: CompiledInput[] = table.inputs.map((input, i) => {
    const source = input.expression.trim();
    return {
      direct: (SIMPLE_NAME.test(source) && !KEYWORDS.has(source)) || nameSet.has(source) ? source : null,
      expression: new FeelExpression(input.expression, cx, `${path}.inputs[${i}].expression`),
      type: types(input.typeRef),
      allowed:
        input.inputValues && input.inputValues.trim() !== ''
          ? new UnaryTests(input.inputValues, cx, `${path}.inputs[${i}].inputValues`)
          : null,
    };
  });
  if (table.outputs.length > 1) {
    table.outputs.forEach((o, i) => {
      if (!o.name) cx.diagnostics.push({ element: cx.element, path: `${path}.outputs[${i}]`, message: 'An output of a multi-output table needs a name.' });
    });
  }
  const outputs: CompiledOutput[] = table.outputs.map((output, i) => {
    const hasValues = output.outputValues !== undefined && output.outputValues.trim() !== '';
    return {
      name: output.name ?? '',
      type: types(output.typeRef),
      allowed: hasValues ? new UnaryTests(output.outputValues as string, cx, `${path}.outputs[${i}].outputValues`) : null,
      priorities:
        hasValues && (table.hitPolicy === 'P' || table.hitPolicy === 'O')
          ? splitUnaryTests(output.outputValues as string).map(
              (part, k) => new UnaryTests(part, cx, `${path}.outputs[${i}].outputValues[${k}]`),
            )
          : [],
      defaultEntry:
        output.defaultOutputEntry !== undefined && output.defaultOutputEntry.trim() !== ''
          ? new FeelExpression(output.defaultOutputEntry, cx, `${path}.outputs[${i}].defaultOutputEntry`)
          : null,
    };
  });
  if ((table.hitPolicy === 'P' || table.hitPolicy === 'O') && outputs.every((o) => o.priorities.length === 0)) {
    cx.diagnostics.push({
      element: cx.element,
      path,
      message: `${hitPolicyName(table.hitPolicy)} needs output values to order the outputs by.`,
    });
  }
  const rules: CompiledRule[] = table.rules.map((rule, r) => {
    if (rule.inputEntries.length !== table.inputs.length || rule.outputEntries.length !== table.outputs.length) {
      cx.diagnostics.push({
        element: cx.element,
        path: `${path}.rules[${r}]`,
        message: `Rule ${r + 1} has ${rule.inputEntries.length} input and ${rule.outputEntries.length} output entries for ${table.inputs.length} inputs and ${table.outputs.length} outputs.`,
      });
    }
    return {
      id: rule.id ?? null,
      tests: table.inputs.map((_, c) => {
        const entry = (rule.inputEntries[c] ?? '-').trim();
        return entry === '-' || entry === '' ? null : new UnaryTests(entry, cx, `${path}.rules[${r}].inputEntries[${c}]`);
      }),
      outputs: table.outputs.map((_, o) => {
        const entry = rule.outputEntries[o] ?? '';
        return new FeelExpression(entry.trim() === '' ? 'null' : entry, cx, `${path}.rules[${r}].outputEntries[${o}]`);
      }),
      constants: null,
    };
  });
  if (table.aggregation !== undefined && table.hitPolicy !== 'C') {
    cx.diagnostics.push({ element: cx.element, path, message: `Aggregation ${table.aggregation} applies only to the COLLECT hit policy; ignored.` });
  }
  return new CompiledDecisionTable(
    table.hitPolicy,
    table.hitPolicy === 'C' ? table.aggregation : undefined,
    inputs,
    outputs,
    rules,
    cx.element,
  );
}
