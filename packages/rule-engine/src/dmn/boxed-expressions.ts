/**
 * Boxed expressions (literal expression, context, relation, list, invocation, function
 * definition; decision tables are in decision-table.ts) compiled once into evaluators.
 */
import { EvaluationEnvironment, FeelContext, FeelFunction, type FeelValue } from '../feel/values/feel-value.js';
import {
  externalFunctions,
  isCompileFailure,
  iterationDomain,
  tryCompileExpression,
  type CompiledExpression,
  type FeelCompileFailure,
} from './feel-bridge.js';
import { compileDecisionTable } from './decision-table.js';
import { ANY_TYPE, conformOrNull, type DmnType, type TypeRegistry } from './item-definition.js';
import type { BoxedExpression, TypedName } from './model.js';
import { FeelDecimal } from '../feel/values/feel-value.js';
import type { Run, Scope } from './run.js';

export interface CompiledBoxed {
  /** Free variables read by the FEEL inside (first names), for inferring requirements. */
  readonly reads: ReadonlySet<string>;
  evaluate(scope: Scope, run: Run): FeelValue;
}

/** A problem found while compiling a model: a FEEL text that does not compile, a bad reference. */
export interface DmnDiagnostic {
  element: string;
  /** Where in the element: `logic.rules[2].inputEntries[0]` and the like. */
  path: string;
  message: string;
}

export interface CompileContext {
  readonly names: readonly string[];
  readonly types: TypeRegistry;
  readonly importPrefix: string | undefined;
  readonly element: string;
  readonly diagnostics: DmnDiagnostic[];
}

const NOT_CONSTANT: unique symbol = Symbol('not computed');
/** A string, number, boolean or null literal. */
const LITERAL = /^(?:"(?:[^"\\]|\\.)*"|-?(?:\d+(?:\.\d*)?|\.\d+)|true|false|null)$/;
const EMPTY_VARIABLES: ReadonlyMap<string, FeelValue> = new Map();

/** A compiled FEEL expression, or a failure that answers null with a warning. */
export class FeelExpression {
  readonly reads: readonly string[];
  private readonly compiled: CompiledExpression | null;
  private readonly error: string | null;

  constructor(
    readonly source: string,
    cx: CompileContext,
    path: string,
  ) {
    const result: CompiledExpression | FeelCompileFailure = tryCompileExpression(source, cx.names);
    if (isCompileFailure(result)) {
      this.compiled = null;
      this.error = result.message;
      this.reads = [];
      cx.diagnostics.push({ element: cx.element, path, message: `${JSON.stringify(source)} does not compile: ${result.message}` });
    } else {
      this.compiled = result;
      this.error = null;
      this.reads = result.reads;
      for (const description of externalFunctions(source, cx.names)) {
        cx.diagnostics.push({ element: cx.element, path, message: externalProblem(description) });
      }
    }
  }

  /**
   * The value of a literal (a string, number, boolean or null written as such), computed once:
   * output entries are mostly literals. Undefined when the text is not a plain literal.
   */
  constantValue(): FeelValue | undefined {
    if (this.constant !== NOT_CONSTANT) return this.constant;
    this.constant = undefined;
    if (this.compiled !== null && this.reads.length === 0 && LITERAL.test(this.source.trim())) {
      const result = this.compiled.evaluate(EMPTY_VARIABLES);
      if (result.warnings.length === 0) this.constant = result.value;
    }
    return this.constant;
  }

  private constant: FeelValue | undefined | typeof NOT_CONSTANT = NOT_CONSTANT;

  evaluate(scope: Scope, run: Run): FeelValue {
    if (this.compiled === null) {
      return run.warn('dmn.compileError', `${JSON.stringify(this.source)} does not compile: ${this.error ?? ''}`);
    }
    const result = this.compiled.evaluate(scope, run.feelOptions);
    if (result.warnings.length > 0) run.addFeelWarnings(result.warnings);
    return result.value;
  }
}

/** The diagnostic of an external (Java, PMML) function: it compiles, but cannot run here. */
export function externalProblem(description: string): string {
  return `defines an external function (${description}), which cannot run: this engine runs FEEL in JavaScript and cannot call Java or PMML; invoking it answers null.`;
}

function typed(cx: CompileContext, typeRef: string | undefined): DmnType {
  return cx.types.resolve(typeRef, cx.importPrefix);
}

const EMPTY: ReadonlySet<string> = new Set();

class NullExpression implements CompiledBoxed {
  readonly reads = EMPTY;
  evaluate(): FeelValue {
    return null;
  }
}

class Literal implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly expression: FeelExpression,
    private readonly type: DmnType,
  ) {
    this.reads = new Set(expression.reads);
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const value = this.expression.evaluate(scope, run);
    return this.type === ANY_TYPE ? value : conformOrNull(this.type, value, run, 'literal expression');
  }
}

interface CompiledEntry {
  name: string | undefined;
  type: DmnType;
  value: CompiledBoxed;
}

class ContextBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(private readonly entries: readonly CompiledEntry[]) {
    this.reads = unionReads(entries.map((e) => e.value));
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const local = new Map(scope);
    const result: [string, FeelValue][] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i] as CompiledEntry;
      let value = entry.value.evaluate(local, run);
      if (entry.name === undefined) {
        if (i === this.entries.length - 1) return value;
        continue;
      }
      value = conformOrNull(entry.type, value, run, 'context entry', entry.name);
      local.set(entry.name, value);
      result.push([entry.name, value]);
    }
    return new FeelContext(result);
  }
}

class RelationBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly columns: readonly { name: string; type: DmnType }[],
    private readonly rows: readonly (readonly CompiledBoxed[])[],
  ) {
    this.reads = unionReads(rows.flat());
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    return this.rows.map((row) => {
      const entries: [string, FeelValue][] = [];
      this.columns.forEach((column, i) => {
        const cell = row[i];
        const value = cell ? cell.evaluate(scope, run) : null;
        entries.push([column.name, conformOrNull(column.type, value, run, 'relation column', column.name)]);
      });
      return new FeelContext(entries);
    });
  }
}

class ListBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(private readonly items: readonly CompiledBoxed[]) {
    this.reads = unionReads(items);
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    return this.items.map((item) => item.evaluate(scope, run));
  }
}

/** Calls a FEEL function value with arguments, collecting its warnings into the run. */
export function invokeFunction(fn: FeelFunction, args: FeelValue[], run: Run): FeelValue {
  const env = new EvaluationEnvironment(run.feelOptions.stepBudget, run.feelOptions.now ?? null, run.feelOptions.types ?? null, run.feelOptions.deadline ?? null);
  const value = fn.invoke(args, env);
  if (env.warnings.length > 0) run.addFeelWarnings(env.warnings);
  return value;
}

class InvocationBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly fn: FeelExpression,
    private readonly bindings: readonly { name: string; value: CompiledBoxed | null }[],
    private readonly type: DmnType,
  ) {
    const reads = new Set(fn.reads);
    for (const b of bindings) if (b.value) for (const r of b.value.reads) reads.add(r);
    this.reads = reads;
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const fn = this.fn.evaluate(scope, run);
    if (!(fn instanceof FeelFunction)) {
      return run.warn('dmn.notAFunction', `${JSON.stringify(this.fn.source)} is not a function; the invocation is null.`);
    }
    const args: FeelValue[] = new Array<FeelValue>(fn.parameters.length).fill(null);
    for (const binding of this.bindings) {
      const index = fn.parameters.indexOf(binding.name);
      if (index < 0) {
        return run.warn('dmn.unknownParameter', `${fn.name} has no parameter ${JSON.stringify(binding.name)}; the invocation is null.`);
      }
      args[index] = binding.value ? binding.value.evaluate(scope, run) : null;
    }
    return conformOrNull(this.type, invokeFunction(fn, args, run), run, 'invocation of', fn.name);
  }
}

/** Builds a FEEL function whose body is a boxed expression evaluated in `scope` plus the parameters. */
export function makeFunction(
  name: string,
  parameters: readonly { name: string; type: DmnType }[],
  body: CompiledBoxed,
  resultType: DmnType,
  scope: () => Scope,
  currentRun: () => Run,
): FeelFunction {
  const labels = parameters.map((p) => `parameter ${p.name} of ${name}`);
  return new FeelFunction(
    name,
    parameters.map((p) => p.name),
    (args) => {
      const run = currentRun();
      const local = new Map(scope());
      for (let i = 0; i < parameters.length; i++) {
        const p = parameters[i] as { name: string; type: DmnType };
        local.set(p.name, conformOrNull(p.type, args[i] ?? null, run, labels[i] as string));
      }
      return conformOrNull(resultType, body.evaluate(local, run), run, 'result of', name);
    },
  );
}

class FunctionDefinitionBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly parameters: readonly { name: string; type: DmnType }[],
    private readonly body: CompiledBoxed,
    private readonly resultType: DmnType,
  ) {
    this.reads = body.reads;
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    return makeFunction(
      'anonymous function',
      this.parameters,
      this.body,
      this.resultType,
      () => scope,
      () => run,
    );
  }
}

/** A typed boxed expression's value: conformed to its typeRef (a binding context). */
function typedValue(type: DmnType, value: FeelValue, run: Run, what: string): FeelValue {
  return type === ANY_TYPE ? value : conformOrNull(type, value, run, what);
}

/** Boxed conditional (DMN 1.5, 10.2.1.8): `then` when `if` is true, else `else`; only one is evaluated. */
class ConditionalBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly condition: CompiledBoxed,
    private readonly then: CompiledBoxed,
    private readonly otherwise: CompiledBoxed,
    private readonly type: DmnType,
  ) {
    this.reads = unionReads([condition, then, otherwise]);
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const chosen = this.condition.evaluate(scope, run) === true ? this.then : this.otherwise;
    return typedValue(this.type, chosen.evaluate(scope, run), run, 'conditional');
  }
}

/** The scope of one item of a filter: `item`, and the entries of the item when it is a context. */
function itemScope(scope: Scope, item: FeelValue): Map<string, FeelValue> {
  const local = new Map(scope);
  if (item instanceof FeelContext) for (const [key, value] of item.entries) local.set(key, value);
  if (!(item instanceof FeelContext) || !item.has('item')) local.set('item', item);
  return local;
}

/**
 * Boxed filter (10.2.1.9): the items of `in` (a single value counts as a singleton list) for which
 * `match` is true; a number as `match` picks the item at that position, as `list[n]` does.
 */
class FilterBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly list: CompiledBoxed,
    private readonly match: CompiledBoxed,
    private readonly type: DmnType,
  ) {
    const reads = new Set(unionReads([list, match]));
    reads.delete('item');
    this.reads = reads;
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const value = this.list.evaluate(scope, run);
    if (value === null) return null;
    const items: readonly FeelValue[] = Array.isArray(value) ? value : [value as FeelValue];
    const out: FeelValue[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as FeelValue;
      const keep = this.match.evaluate(itemScope(scope, item), run);
      if (i === 0 && keep instanceof FeelDecimal) return typedValue(this.type, pick(items, keep, run), run, 'filter');
      if (keep === true) out.push(item);
    }
    return typedValue(this.type, out, run, 'filter');
  }
}

function pick(items: readonly FeelValue[], index: InstanceType<typeof FeelDecimal>, run: Run): FeelValue {
  const i = index.isInteger() ? index.toNumber() : 0;
  const at = i > 0 ? i - 1 : items.length + i;
  if (i === 0 || at < 0 || at >= items.length) return run.warn('indexOutOfRange', `The index ${index.toString()} is outside the list of ${items.length} item(s).`);
  return items[at] as FeelValue;
}

/** The items of a boxed iterator's `in` (a list, a range of integers or dates), or null with a warning. */
function iterate(domain: CompiledBoxed, scope: Scope, run: Run): readonly FeelValue[] | null {
  const { items, warnings } = iterationDomain(domain.evaluate(scope, run), run.feelOptions);
  if (warnings.length > 0) run.addFeelWarnings(warnings);
  return items;
}

/** Boxed `for` (10.2.1.10): `return` per item of `in`, with `partial` the results so far. */
class ForBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly variable: string,
    private readonly domain: CompiledBoxed,
    private readonly body: CompiledBoxed,
    private readonly type: DmnType,
  ) {
    const reads = new Set(unionReads([domain, body]));
    reads.delete(variable);
    reads.delete('partial');
    this.reads = reads;
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const items = iterate(this.domain, scope, run);
    if (items === null) return null;
    const results: FeelValue[] = [];
    for (const item of items) {
      const local = new Map(scope);
      local.set(this.variable, item);
      local.set('partial', results.slice());
      results.push(this.body.evaluate(local, run));
    }
    return typedValue(this.type, results, run, 'for');
  }
}

/** Boxed `some` / `every` (10.2.1.10), in ternary logic as their FEEL forms (10.3.2.15). */
class QuantifiedBoxed implements CompiledBoxed {
  readonly reads: ReadonlySet<string>;
  constructor(
    private readonly some: boolean,
    private readonly variable: string,
    private readonly domain: CompiledBoxed,
    private readonly condition: CompiledBoxed,
    private readonly type: DmnType,
  ) {
    const reads = new Set(unionReads([domain, condition]));
    reads.delete(variable);
    this.reads = reads;
  }
  evaluate(scope: Scope, run: Run): FeelValue {
    const items = iterate(this.domain, scope, run);
    if (items === null) return null;
    let result: boolean | null = !this.some;
    for (const item of items) {
      const local = new Map(scope);
      local.set(this.variable, item);
      const r = this.condition.evaluate(local, run);
      if (r === this.some) {
        result = this.some;
        break;
      }
      if (r !== !this.some) result = null;
    }
    return typedValue(this.type, result, run, this.some ? 'some' : 'every');
  }
}

function unionReads(parts: readonly CompiledBoxed[]): ReadonlySet<string> {
  const reads = new Set<string>();
  for (const part of parts) for (const r of part.reads) reads.add(r);
  return reads;
}

export function compileParameters(parameters: readonly TypedName[], cx: CompileContext): { name: string; type: DmnType }[] {
  return parameters.map((p) => ({ name: p.name, type: typed(cx, p.typeRef) }));
}

/** Compiles a boxed expression; an absent one evaluates to null. */
export function compileBoxed(expression: BoxedExpression | undefined, cx: CompileContext, path: string): CompiledBoxed {
  if (!expression) return new NullExpression();
  switch (expression.kind) {
    case 'literalExpression':
      if (expression.text.trim() === '') return new NullExpression();
      return new Literal(new FeelExpression(expression.text, cx, path), typed(cx, expression.typeRef));
    case 'decisionTable':
      return compileDecisionTable(expression, cx, path);
    case 'context':
      return new ContextBoxed(
        expression.entries.map((entry, i) => ({
          name: entry.name,
          type: typed(cx, entry.typeRef),
          value: compileBoxed(entry.value, cx, `${path}.entries[${i}]`),
        })),
      );
    case 'relation':
      return new RelationBoxed(
        expression.columns.map((c) => ({ name: c.name, type: typed(cx, c.typeRef) })),
        expression.rows.map((row, r) => row.map((cell, c) => compileBoxed(cell, cx, `${path}.rows[${r}][${c}]`))),
      );
    case 'list':
      return new ListBoxed(expression.items.map((item, i) => compileBoxed(item, cx, `${path}.items[${i}]`)));
    case 'invocation':
      return new InvocationBoxed(
        new FeelExpression(expression.function, cx, `${path}.function`),
        expression.bindings.map((b, i) => ({
          name: b.name,
          value: b.value ? compileBoxed(b.value, cx, `${path}.bindings[${i}]`) : null,
        })),
        typed(cx, expression.typeRef),
      );
    case 'functionDefinition':
      return new FunctionDefinitionBoxed(
        compileParameters(expression.parameters, cx),
        compileBoxed(expression.body, cx, `${path}.body`),
        typed(cx, expression.typeRef),
      );
    case 'conditional':
      return new ConditionalBoxed(
        compileBoxed(expression.if, cx, `${path}.if`),
        compileBoxed(expression.then, cx, `${path}.then`),
        compileBoxed(expression.else, cx, `${path}.else`),
        typed(cx, expression.typeRef),
      );
    case 'filter':
      return new FilterBoxed(compileBoxed(expression.in, cx, `${path}.in`), compileBoxed(expression.match, cx, `${path}.match`), typed(cx, expression.typeRef));
    case 'for':
      return new ForBoxed(
        expression.iteratorVariable,
        compileBoxed(expression.in, cx, `${path}.in`),
        compileBoxed(expression.return, cx, `${path}.return`),
        typed(cx, expression.typeRef),
      );
    case 'some':
    case 'every':
      return new QuantifiedBoxed(
        expression.kind === 'some',
        expression.iteratorVariable,
        compileBoxed(expression.in, cx, `${path}.in`),
        compileBoxed(expression.satisfies, cx, `${path}.satisfies`),
        typed(cx, expression.typeRef),
      );
    default: {
      const unknown = expression as { kind?: unknown };
      cx.diagnostics.push({ element: cx.element, path, message: `Unknown expression kind ${JSON.stringify(unknown.kind)}.` });
      return new NullExpression();
    }
  }
}
