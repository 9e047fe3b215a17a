/**
 * Syntax tree → tree of closures. Each node compiles once to an `Evaluator`; literal operands are
 * precomputed. Invalid operations give null and a warning on the environment; only
 * `EvaluationBudgetExceeded` escapes.
 */
import {
  FeelContext,
  FeelDate,
  FeelDecimal,
  FeelFunction,
  FeelRange,
  EvaluationBudgetExceeded,
  type EvaluationEnvironment,
  type FeelNumber,
  type FeelValue,
} from '../values/feel-value.js';
import type { IterationContext, Node, NodeOf, TypeNode } from '../syntax/ast.js';
import { BindingScope, ItemScope, MapScope, type Scope } from './scope.js';
import { getProperty } from './properties.js';
import { civilFromDays, epochDay } from '../values/temporal.js';
import { ARITHMETIC, bindNamed, builtin, coerceValue, equals, negateValue, order, rangeContains, temporalLiteral, typeFromText, valueConforms, type FeelType } from './runtime.js';

export type Evaluator = (scope: Scope, env: EvaluationEnvironment) => FeelValue;
/** A positive unary test: does `input` pass? */
export type Test = (input: FeelValue, scope: Scope, env: EvaluationEnvironment) => boolean | null;

/** A construct the compiler refuses (reported like a syntax error). */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const MAX_CALL_DEPTH = 400;
let callDepth = 0;

export function isNumber(v: FeelValue | undefined): v is FeelNumber {
  return v instanceof FeelDecimal;
}

function isList(v: FeelValue): v is readonly FeelValue[] {
  return Array.isArray(v);
}

/** Three-valued `and`/`or` operand: anything but a boolean is null. */
function truth(v: FeelValue): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** True when the node (outside nested function bodies) reads `?`. */
export function mentionsInput(node: Node): boolean {
  let found = false;
  visit(node, (n) => {
    if (n.kind === 'name' && n.name === '?') found = true;
  });
  return found;
}

/** Calls `fn` on the node and every node below it. */
export function visit(node: Node, fn: (n: Node) => void): void {
  fn(node);
  for (const child of children(node)) visit(child, fn);
}

export function children(node: Node): Node[] {
  switch (node.kind) {
    case 'negate':
      return [node.operand];
    case 'arithmetic':
    case 'comparison':
    case 'and':
    case 'or':
      return [node.left, node.right];
    case 'between':
      return [node.value, node.low, node.high];
    case 'in':
      return [node.value, ...node.tests];
    case 'instance-of':
      return [node.value];
    case 'range':
      return [node.low, node.high];
    case 'unary-comparison':
      return [node.operand];
    case 'list':
      return node.items;
    case 'context':
      return node.entries.map((e) => e.value);
    case 'path':
      return [node.target];
    case 'filter':
      return [node.target, node.filter];
    case 'call':
      return [node.callee, ...node.args.map((a) => a.value)];
    case 'for':
      return [...contextNodes(node.contexts), node.body];
    case 'quantified':
      return [...contextNodes(node.contexts), node.condition];
    case 'if':
      return [node.condition, node.then, node.else];
    case 'function':
      return [node.body];
    case 'unary-tests':
      return node.tests;
    default:
      return [];
  }
}

function contextNodes(contexts: IterationContext[]): Node[] {
  const out: Node[] = [];
  for (const c of contexts) {
    out.push(c.domain);
    if (c.domainEnd) out.push(c.domainEnd);
  }
  return out;
}

/**
 * A numeric literal as a FEEL number: rounded to 34 significant digits like every decimal128
 * value; null when it is beyond decimal128's range (`1e7000`).
 */
function numberLiteral(text: string, negative: boolean): FeelNumber | null {
  let n = new FeelDecimal(text);
  if (!n.isFinite()) return null;
  if (n.sd() > 34) n = n.toSignificantDigits(34);
  return negative ? n.negated() : n;
}

/** The constant value of a literal node, or undefined when the node is not a literal. */
export function literalValue(node: Node): FeelValue | undefined {
  switch (node.kind) {
    case 'number':
      return numberLiteral(node.text, false) ?? undefined;
    case 'string':
      return node.value;
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'temporal': {
      const v = temporalLiteral(node.text);
      return v === null ? undefined : v;
    }
    case 'negate': {
      if (node.operand.kind !== 'number') return undefined;
      return numberLiteral(node.operand.text, true) ?? undefined;
    }
    default:
      return undefined;
  }
}

function typeText(t: TypeNode): string {
  switch (t.kind) {
    case 'named-type':
      return t.name;
    case 'list-type':
      return `list<${typeText(t.element)}>`;
    case 'range-type':
      return `range<${typeText(t.element)}>`;
    case 'context-type':
      return `context<${t.entries.map((e) => `${/^[\p{L}\p{N}_?]+$/u.test(e.name) ? e.name : JSON.stringify(e.name)}: ${typeText(e.type)}`).join(', ')}>`;
    case 'function-type':
      return `function<${t.parameters.map(typeText).join(', ')}>->${typeText(t.result)}`;
  }
}

export function compileType(t: TypeNode): FeelType {
  const type = typeFromText(typeText(t));
  if (type === null) throw new CompileError(`Unknown type '${typeText(t)}'`, t.start, t.end);
  return type;
}

/** Calls a function value with positional or named arguments; costs one step. */
export function invoke(fn: FeelFunction, positional: FeelValue[] | null, named: Map<string, FeelValue> | null, env: EvaluationEnvironment): FeelValue {
  env.step();
  let args: FeelValue[];
  if (named !== null) {
    const bound = bindNamed(fn, named, env);
    if (bound === null) return null;
    args = bound;
  } else args = positional ?? [];
  if (callDepth >= MAX_CALL_DEPTH) return env.warn('recursionLimit', `Calls nested deeper than ${MAX_CALL_DEPTH} levels were stopped.`);
  callDepth++;
  try {
    const result = fn.invoke(args, env);
    return result === undefined ? null : result;
  } catch (e) {
    if (e instanceof EvaluationBudgetExceeded) throw e;
    return env.warn('functionFailed', `The function ${fn.name} failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    callDepth--;
  }
}

function compileName(name: string): Evaluator {
  return (scope, env) => {
    const v = scope.lookup(name);
    if (v !== undefined) return v;
    const b = builtin(name);
    if (b !== undefined) return b;
    return env.warn('unknownName', `No variable or function is named '${name}'.`);
  };
}

/**
 * Iterates the domain of one iteration context, calling `body` per element (one step each).
 * Answers true when the domain was walked to its end, false when `body` stopped it (answered
 * false), and null (with a warning) when the domain cannot be iterated: then the whole `for`,
 * `some` or `every` is null.
 */
type Domain = (scope: Scope, env: EvaluationEnvironment, body: (value: FeelValue) => boolean) => boolean | null;

function compileDomain(ctx: IterationContext): Domain {
  const domain = compileNode(ctx.domain);
  const endNode = ctx.domainEnd;
  if (endNode !== null) {
    const end = compileNode(endNode);
    return (scope, env, body) => {
      const a = domain(scope, env);
      const b = end(scope, env);
      return iterateNumbers(a, b, env, body);
    };
  }
  return (scope, env, body) => {
    const d = domain(scope, env);
    if (isList(d)) {
      for (const v of d) {
        env.step();
        if (!body(v)) return false;
      }
      return true;
    }
    if (d instanceof FeelRange) return iterateRange(d, env, body);
    if (d === null) return env.warn('invalidIteration', 'Cannot iterate over null.');
    // a single value stands for the singleton list holding it (10.3.2.9.4)
    env.step();
    return body(d);
  };
}

/**
 * The items a boxed iterator (DMN 1.5 10.2.1.10) walks, as `for` would: a list's items, the integers
 * or dates of a range, a single value as the singleton list holding it; null with a warning when the
 * value cannot be iterated. A step per item.
 */
export function iterationItems(d: FeelValue, env: EvaluationEnvironment): readonly FeelValue[] | null {
  if (isList(d)) {
    env.step(d.length);
    return d;
  }
  if (d === null) return env.warn('invalidIteration', 'Cannot iterate over null.');
  if (!(d instanceof FeelRange)) {
    env.step();
    return [d];
  }
  const items: FeelValue[] = [];
  return iterateRange(d, env, (v) => {
    items.push(v);
    return true;
  }) === null
    ? null
    : items;
}

/**
 * A range of integers or of dates (DMN 1.5, 10.3.2.14: `for i in [1..3)`, `for d in
 * [@"2021-01-01"..@"2021-01-03"]`), ascending or descending, its open ends left out.
 */
function iterateRange(d: FeelRange, env: EvaluationEnvironment, body: (value: FeelValue) => boolean): boolean | null {
  if (d.start instanceof FeelDate && d.end instanceof FeelDate) {
    const from = epochDay(d.start);
    const to = epochDay(d.end);
    const up = from <= to;
    const a = d.startIncluded ? from : from + (up ? 1 : -1);
    const b = d.endIncluded ? to : to - (up ? 1 : -1);
    if (up ? a > b : a < b) return true;
    return iterateNumbers(civilFromDays(a), civilFromDays(b), env, body);
  }
  if (!isNumber(d.start) || !isNumber(d.end) || !d.start.isInteger() || !d.end.isInteger()) {
    return env.warn('invalidIteration', 'Only ranges of integers or of dates can be iterated.');
  }
  let a = d.start;
  let b = d.end;
  const up = a.lte(b);
  if (!d.startIncluded) a = up ? a.plus(1) : a.minus(1);
  if (!d.endIncluded) b = up ? b.minus(1) : b.plus(1);
  if (up ? a.gt(b) : a.lt(b)) return true;
  return iterateNumbers(a, b, env, body);
}

/** `a..b`: integers or dates, ascending or descending (`3..1` is 3, 2, 1), both ends included. */
function iterateNumbers(a: FeelValue, b: FeelValue, env: EvaluationEnvironment, body: (value: FeelValue) => boolean): boolean | null {
  if (a instanceof FeelDate && b instanceof FeelDate) {
    // DMN 1.5: a range of dates iterates day by day
    const from = epochDay(a);
    const to = epochDay(b);
    const stepBy = from <= to ? 1 : -1;
    for (let d = from; stepBy > 0 ? d <= to : d >= to; d += stepBy) {
      env.step();
      if (!body(civilFromDays(d))) return false;
    }
    return true;
  }
  if (!isNumber(a) || !isNumber(b) || !a.isInteger() || !b.isInteger()) {
    return env.warn('invalidIteration', 'The bounds of `a..b` must be integers or dates.');
  }
  const from = a.toNumber();
  const to = b.toNumber();
  if (Number.isSafeInteger(from) && Number.isSafeInteger(to)) {
    const stepBy = from <= to ? 1 : -1;
    for (let i = from; stepBy > 0 ? i <= to : i >= to; i += stepBy) {
      env.step();
      if (!body(new FeelDecimal(i))) return false;
    }
    return true;
  }
  const up = a.lte(b);
  for (let i = a; up ? i.lte(b) : i.gte(b); i = up ? i.plus(1) : i.minus(1)) {
    env.step();
    if (!body(i)) return false;
  }
  return true;
}

/**
 * Runs `body` for every combination of the iteration contexts (the first varies slowest), with
 * the iteration variables bound. Stops early when `body` answers false. Answers null when a
 * domain cannot be iterated, else whether every combination was visited.
 */
function compileIteration(contexts: IterationContext[]): (scope: Scope, env: EvaluationEnvironment, body: (scope: Scope) => boolean) => boolean | null {
  const domains = contexts.map(compileDomain);
  const names = contexts.map((c) => c.name);
  return (scope, env, body) => {
    let invalid = false;
    const loop = (level: number, s: Scope): boolean => {
      const domain = domains[level];
      if (domain === undefined) return body(s);
      const name = names[level] as string;
      const r = domain(s, env, (v) => loop(level + 1, new BindingScope(s, name, v)));
      if (r === null) invalid = true;
      return r === true;
    };
    const done = loop(0, scope);
    return invalid ? null : done;
  };
}

/** True when the node reads `name` (a `for` body reading `partial`). */
function reads(node: Node, name: string): boolean {
  let found = false;
  visit(node, (n) => {
    if (n.kind === 'name' && n.name === name) found = true;
  });
  return found;
}

function compileFilter(node: NodeOf<'filter'>): Evaluator {
  const target = compileNode(node.target);
  const literal = literalValue(node.filter);
  if (literal !== undefined && isNumber(literal)) {
    return (scope, env) => indexList(target(scope, env), literal, env);
  }
  const filter = compileNode(node.filter);
  return (scope, env) => {
    const t = target(scope, env);
    const list: readonly FeelValue[] = isList(t) ? t : [t];
    if (list.length === 0) {
      // an index or a condition? ask the expression once, without an item, and forget its warnings
      const mark = env.warnings.length;
      const probe = filter(scope, env);
      env.warnings.length = mark;
      return isNumber(probe) ? env.warn('indexOutOfRange', 'The list is empty.') : [];
    }
    const out: FeelValue[] = [];
    for (let i = 0; i < list.length; i++) {
      env.step();
      const item = list[i] as FeelValue;
      const r = filter(new ItemScope(scope, item), env);
      if (i === 0 && isNumber(r)) return indexList(t, r, env);
      if (r === true) out.push(item);
    }
    return out;
  };
}

function indexList(t: FeelValue, index: FeelNumber, env: EvaluationEnvironment): FeelValue {
  const list: readonly FeelValue[] = isList(t) ? t : [t];
  if (!index.isInteger()) return env.warn('invalidIndex', `The index ${index.toString()} is not an integer.`);
  const i = index.toNumber();
  const at = i > 0 ? i - 1 : list.length + i;
  if (i === 0 || at < 0 || at >= list.length) return env.warn('indexOutOfRange', `The index ${i} is outside the list of ${list.length} element(s).`);
  return list[at] as FeelValue;
}

function compileCall(node: NodeOf<'call'>): Evaluator {
  const callee = node.callee;
  let resolve: Evaluator;
  if (callee.kind === 'name') {
    const name = callee.name;
    resolve = (scope, env) => {
      const v = scope.lookup(name);
      if (v !== undefined) return v;
      const b = builtin(name);
      return b !== undefined ? b : env.warn('unknownFunction', `No function is named '${name}'.`);
    };
  } else resolve = compileNode(callee);
  const values = node.args.map((a) => compileNode(a.value));
  const calleeName = callee.kind === 'name' ? callee.name : 'the called value';
  if (node.named) {
    const names = node.args.map((a) => a.name as string);
    return (scope, env) => {
      const fn = resolve(scope, env);
      if (!(fn instanceof FeelFunction)) return fn === null ? null : env.warn('notAFunction', `${calleeName} is not a function.`);
      const named = new Map<string, FeelValue>();
      for (let i = 0; i < values.length; i++) {
        const name = names[i] as string;
        if (named.has(name)) return env.warn('duplicateArgument', `The argument '${name}' is given twice.`);
        named.set(name, (values[i] as Evaluator)(scope, env));
      }
      return invoke(fn, null, named, env);
    };
  }
  return (scope, env) => {
    const fn = resolve(scope, env);
    if (!(fn instanceof FeelFunction)) return fn === null ? null : env.warn('notAFunction', `${calleeName} is not a function.`);
    const args = new Array<FeelValue>(values.length);
    for (let i = 0; i < values.length; i++) args[i] = (values[i] as Evaluator)(scope, env);
    return invoke(fn, args, null, env);
  };
}

/**
 * What an external function definition names (DMN 1.5, 10.3.2.13.3): `java.lang.Math.max(int, int)`
 * for `{java: {class: "java.lang.Math", method signature: "max(int, int)"}}`, the PMML document and
 * model for `{pmml: {document: ..., model: ...}}`.
 */
export function describeExternal(mapping: FeelValue): string {
  if (mapping instanceof FeelContext) {
    const java = mapping.get('java');
    if (java instanceof FeelContext) {
      const cls = java.get('class');
      const method = java.get('method signature');
      const className = typeof cls === 'string' ? cls : '?';
      return `Java method ${className}.${typeof method === 'string' ? method : '?'}`;
    }
    const pmml = mapping.get('pmml');
    if (pmml instanceof FeelContext) {
      const doc = pmml.get('document');
      const model = pmml.get('model');
      return `PMML model ${JSON.stringify(typeof model === 'string' ? model : '?')} of document ${JSON.stringify(typeof doc === 'string' ? doc : '?')}`;
    }
  }
  return 'an external function';
}

/**
 * An external function (Java, PMML) as a function value: this engine runs in JavaScript and cannot
 * call it, so every invocation is null with an `externalFunction` warning naming what it would
 * call, never a made-up value.
 */
export function externalFunction(name: string, parameters: readonly string[], description: string): FeelFunction {
  return new FeelFunction(name, parameters, (_args, env) =>
    env.warn(
      'externalFunction',
      `${name === 'anonymous function' ? 'The external function' : `The external function ${name}`} (${description}) cannot run: this engine runs FEEL in JavaScript and cannot call Java or PMML; the invocation is null.`,
    ),
  );
}

/**
 * The type of an expression's value when it is known without evaluating it: literals, and lists
 * and contexts of them (`{b: "b"}` is a `context<b: string>`). Null when it depends on names.
 */
function staticType(node: Node): FeelType | null {
  switch (node.kind) {
    case 'number':
      return { kind: 'base', name: 'number' };
    case 'string':
      return { kind: 'base', name: 'string' };
    case 'boolean':
      return { kind: 'base', name: 'boolean' };
    case 'null':
      return { kind: 'null' };
    case 'negate':
      return node.operand.kind === 'number' ? { kind: 'base', name: 'number' } : null;
    case 'context': {
      const entries: (readonly [string, FeelType])[] = [];
      for (const entry of node.entries) {
        const type = staticType(entry.value);
        if (type === null) return null;
        entries.push([entry.key, type]);
      }
      return { kind: 'context', entries };
    }
    case 'list': {
      if (node.items.length === 0) return null;
      const first = staticType(node.items[0] as Node);
      if (first === null || first.kind !== 'base') return null;
      for (const item of node.items) {
        const type = staticType(item);
        if (type === null || type.kind !== 'base' || type.name !== first.name) return null;
      }
      return { kind: 'list', of: first };
    }
    default:
      return null;
  }
}

function compileFunctionDefinition(node: NodeOf<'function'>): Evaluator {
  const names = node.parameters.map((p) => p.name);
  if (node.external) {
    const mapping = compileNode(node.body);
    return (scope, env) => externalFunction('anonymous function', names, describeExternal(mapping(scope, env)));
  }
  const body = compileNode(node.body);
  const types = node.parameters.map((p) => (p.type === null ? null : compileType(p.type)));
  const resultType = staticType(node.body);
  return (scope) =>
    new FeelFunction(
      'anonymous function',
      names,
      (args, env) => {
      if (args.length > names.length) return env.warn('tooManyArguments', `The function takes ${names.length} argument(s), not ${args.length}.`);
      const bindings = new Map<string, FeelValue>();
      for (let i = 0; i < names.length; i++) {
        let v = i < args.length ? (args[i] as FeelValue) : null;
        const type = types[i];
        if (type && v !== null) {
          // An argument conforms before or after the implicit conversions (10.3.2.13.2).
          const converted = coerceValue(v, type, env.types);
          if (converted === undefined) {
            return env.warn('invalidArgument', `The argument '${names[i] as string}' does not conform to its declared type.`);
          }
          v = converted;
        }
        bindings.set(names[i] as string, v);
      }
      return body(new MapScope(scope, bindings), env);
      },
      false,
      types,
      resultType,
    );
}

function compileContext(node: NodeOf<'context'>): Evaluator {
  const keys = node.entries.map((e) => e.key);
  const values = node.entries.map((e) => compileNode(e.value));
  return (scope, env) => {
    const map = new Map<string, FeelValue>();
    const inner = new MapScope(scope, map);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (map.has(key)) return env.warn('duplicateKey', `The context has two entries named '${key}'.`);
      map.set(key, (values[i] as Evaluator)(inner, env));
    }
    return new FeelContext(map);
  };
}

function rangeFromComparison(operator: string, v: FeelValue, env: EvaluationEnvironment): FeelValue {
  switch (operator) {
    case '<':
      return new FeelRange(false, null, v, false);
    case '<=':
      return new FeelRange(false, null, v, true);
    case '>':
      return new FeelRange(false, v, null, false);
    case '>=':
      return new FeelRange(true, v, null, false);
    case '=':
      return new FeelRange(true, v, v, true);
    default:
      return env.warn('invalidRange', `'${operator} x' is a test, not a range value.`);
  }
}

/** Compares `a` with `b` by a comparison operator (three-valued). */
export function comparisonTest(operator: string, a: FeelValue, b: FeelValue, env: EvaluationEnvironment): boolean | null {
  switch (operator) {
    case '=':
      return equals(a, b);
    case '!=': {
      const e = equals(a, b);
      return e === null ? null : !e;
    }
  }
  const c = order(a, b, env);
  if (c === null) return null;
  switch (operator) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/** Whether `input` satisfies the value of a positive test that is not a `?`-expression. */
export function matchesValue(input: FeelValue, v: FeelValue, env: EvaluationEnvironment): boolean | null {
  if (v instanceof FeelRange) return rangeContains(input, v, env);
  if (isList(v)) {
    let result: boolean | null = false;
    for (const element of v) {
      const m = element instanceof FeelRange && !(input instanceof FeelRange) ? rangeContains(input, element, env) : equals(input, element);
      if (m === true) return true;
      if (m === null && input !== null) result = null;
    }
    if (isList(input) && equals(input, v) === true) return true;
    return result;
  }
  if (typeof v === 'boolean' && typeof input !== 'boolean' && input !== null) return v;
  return equals(input, v);
}

/** Compiles one positive unary test (`< 5`, `[1..3]`, `"A"`, `? > 5`, `count(?) > 1`). */
export function compileTest(node: Node): Test {
  if (node.kind === 'unary-comparison') {
    const operand = compileNode(node.operand);
    const operator = node.operator;
    return (input, scope, env) => comparisonTest(operator, input, operand(scope, env), env);
  }
  if (node.kind === 'range') {
    const range = compileNode(node);
    return (input, scope, env) => {
      const r = range(scope, env);
      return r instanceof FeelRange ? rangeContains(input, r, env) : null;
    };
  }
  const value = compileNode(node);
  if (mentionsInput(node)) {
    return (input, scope, env) => {
      const v = value(new BindingScope(scope, '?', input), env);
      if (typeof v === 'boolean') return v;
      if (v === null) return null;
      return matchesValue(input, v, env);
    };
  }
  return (input, scope, env) => matchesValue(input, value(scope, env), env);
}

/** Disjunction of tests, three-valued: true if one is true, else null if one is null, else false. */
export function anyTest(tests: Test[]): Test {
  if (tests.length === 1) return tests[0] as Test;
  return (input, scope, env) => {
    let result: boolean | null = false;
    for (let i = 0; i < tests.length; i++) {
      const r = (tests[i] as Test)(input, scope, env);
      if (r === true) return true;
      if (r === null) result = null;
    }
    return result;
  };
}

export function compileNode(node: Node): Evaluator {
  switch (node.kind) {
    case 'number': {
      const v = literalValue(node);
      const text = node.text;
      if (v === undefined) return (_s, env) => env.warn('outOfRange', `The number ${text} is beyond the range of FEEL numbers (decimal128).`);
      return () => v;
    }
    case 'string':
    case 'boolean':
    case 'null': {
      const v = literalValue(node) as FeelValue;
      return () => v;
    }
    case 'temporal': {
      const v = temporalLiteral(node.text);
      const text = node.text;
      if (v === null) return (_s, env) => env.warn('invalidTemporal', `@"${text}" is not a valid date, time, date and time or duration.`);
      return () => v;
    }
    case 'name':
      return compileName(node.name);
    case 'negate': {
      const literal = literalValue(node);
      if (literal !== undefined) return () => literal;
      const operand = compileNode(node.operand);
      return (s, env) => negateValue(operand(s, env), env);
    }
    case 'arithmetic': {
      const op = ARITHMETIC[node.operator];
      const left = compileNode(node.left);
      const right = compileNode(node.right);
      return (s, env) => op(left(s, env), right(s, env), env);
    }
    case 'comparison': {
      const left = compileNode(node.left);
      const right = compileNode(node.right);
      const operator = node.operator;
      return (s, env) => comparisonTest(operator, left(s, env), right(s, env), env);
    }
    case 'and': {
      const left = compileNode(node.left);
      const right = compileNode(node.right);
      return (s, env) => {
        const a = truth(left(s, env));
        if (a === false) return false;
        const b = truth(right(s, env));
        if (b === false) return false;
        return a === true && b === true ? true : null;
      };
    }
    case 'or': {
      const left = compileNode(node.left);
      const right = compileNode(node.right);
      return (s, env) => {
        const a = truth(left(s, env));
        if (a === true) return true;
        const b = truth(right(s, env));
        if (b === true) return true;
        return a === false && b === false ? false : null;
      };
    }
    case 'between': {
      const value = compileNode(node.value);
      const low = compileNode(node.low);
      const high = compileNode(node.high);
      return (s, env) => {
        const v = value(s, env);
        const a = comparisonTest('>=', v, low(s, env), env);
        if (a === false) return false;
        const b = comparisonTest('<=', v, high(s, env), env);
        if (b === false) return false;
        return a === true && b === true ? true : null;
      };
    }
    case 'in': {
      const value = compileNode(node.value);
      const test = anyTest(node.tests.map(compileTest));
      return (s, env) => test(value(s, env), s, env);
    }
    case 'instance-of': {
      const value = compileNode(node.value);
      const type = compileType(node.type);
      return (s, env) => valueConforms(value(s, env), type, env.types);
    }
    case 'range': {
      const low = compileNode(node.low);
      const high = compileNode(node.high);
      const { startIncluded, endIncluded } = node;
      return (s, env) => new FeelRange(startIncluded, low(s, env), high(s, env), endIncluded);
    }
    case 'unary-comparison': {
      const operand = compileNode(node.operand);
      const operator = node.operator;
      return (s, env) => rangeFromComparison(operator, operand(s, env), env);
    }
    case 'list': {
      const items = node.items.map(compileNode);
      return (s, env) => {
        const out = new Array<FeelValue>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = (items[i] as Evaluator)(s, env);
        return out;
      };
    }
    case 'context':
      return compileContext(node);
    case 'path': {
      const target = compileNode(node.target);
      const property = node.property;
      return (s, env) => getProperty(target(s, env), property, env);
    }
    case 'filter':
      return compileFilter(node);
    case 'call':
      return compileCall(node);
    case 'for': {
      const iterate = compileIteration(node.contexts);
      const body = compileNode(node.body);
      if (!reads(node.body, 'partial')) {
        return (s, env) => {
          const results: FeelValue[] = [];
          const ok = iterate(s, env, (inner) => {
            results.push(body(inner, env));
            return true;
          });
          return ok === null ? null : results;
        };
      }
      // `partial` is the list of the results so far (DMN 1.5, 10.3.2.14): a snapshot, since the
      // body may keep it (`for i in 1..3 return partial`). A step per 16 elements copied.
      return (s, env) => {
        const results: FeelValue[] = [];
        const ok = iterate(s, env, (inner) => {
          if (results.length > 15) env.step(results.length >>> 4);
          results.push(body(new BindingScope(inner, 'partial', results.slice()), env));
          return true;
        });
        return ok === null ? null : results;
      };
    }
    case 'quantified': {
      const iterate = compileIteration(node.contexts);
      const condition = compileNode(node.condition);
      const some = node.quantifier === 'some';
      // Ternary logic (Table 73): `some` is `false or c1 or c2 ...`, `every` is `true and c1 and
      // c2 ...`; a condition that is neither true nor false makes the answer null unless another
      // decides it (a true for some, a false for every).
      return (s, env) => {
        let result: boolean | null = !some;
        const ok = iterate(s, env, (inner) => {
          const r = condition(inner, env);
          if (r === some) {
            result = some;
            return false;
          }
          if (r !== !some) result = null;
          return true;
        });
        return ok === null ? null : result;
      };
    }
    case 'if': {
      const condition = compileNode(node.condition);
      const then = compileNode(node.then);
      const otherwise = compileNode(node.else);
      return (s, env) => (condition(s, env) === true ? then(s, env) : otherwise(s, env));
    }
    case 'function':
      return compileFunctionDefinition(node);
    case 'any-input':
    case 'unary-tests':
      throw new CompileError('Unary tests are not an expression', node.start, node.end);
  }
}
