/**
 * Unary tests (decision table input entries, DMN 1.5 10.3.2.14 semantics). Common shapes with
 * literal operands (`< 25`, `[25..40)`, `>= 700`, `"A","B"`, `-`) compile to specialised closures
 * that need no scope and allocate nothing per evaluation.
 */
import { FeelDecimal, FeelRange, type EvaluationEnvironment, type FeelValue } from '../values/feel-value.js';
import type { Node } from '../syntax/ast.js';
import { anyTest, comparisonTest, compileTest, literalValue, matchesValue, mentionsInput, type Test } from './compile-node.js';
import { rangeContains } from './runtime.js';
import { compareNumbers, isNumberValue } from '../values/number-order.js';

/** A test needing no variables. */
export type FastTest = (input: FeelValue, env: EvaluationEnvironment) => boolean | null;

/**
 * Tests of a host's raw JS number or string, for a decision table's fast lane. They exist only
 * where they decide exactly as the decimal path does: numeric literals that are safe integers
 * (a double input then orders against them as its decimal value does) and string literals.
 */
export interface RawTests {
  number: ((input: number) => boolean) | null;
  string: ((input: string) => boolean) | null;
  /** The same tests as data, for tables that index their columns (see `RawShape`). */
  shape: RawShape | null;
}

/** An interval of numbers with (safe integer or infinite) bounds. */
export interface NumberInterval {
  low: number;
  lowIncluded: boolean;
  high: number;
  highIncluded: boolean;
}

/** What raw tests accept, as data: a union of intervals, or a set of strings; possibly negated. */
export type RawShape =
  | { kind: 'numbers'; intervals: readonly NumberInterval[]; negated: boolean }
  | { kind: 'strings'; values: ReadonlySet<string>; negated: boolean };

export interface CompiledTests {
  /** Present when every test has literal operands: evaluated without a scope. */
  fast: FastTest | null;
  general: Test;
  raw: RawTests;
}

const NO_RAW: RawTests = { number: null, string: null, shape: null };

/** A literal that a double represents exactly, so double comparisons decide like decimal ones. */
function exactInteger(lit: FeelValue | undefined): number | null {
  if (!isNumberValue(lit) || !lit.isInteger()) return null;
  const n = lit.toNumber();
  return Number.isSafeInteger(n) ? n : null;
}

function rawPart(node: Node): RawTests {
  if (node.kind === 'unary-comparison') {
    const lit = literalOf(node.operand);
    if (typeof lit === 'string' && node.operator === '=') return stringPart(lit);
    const n = exactInteger(lit);
    if (n === null) return NO_RAW;
    const numbers = (test: (x: number) => boolean, ...intervals: NumberInterval[]): RawTests => ({
      number: test,
      string: null,
      shape: { kind: 'numbers', intervals, negated: false },
    });
    switch (node.operator) {
      case '<':
        return numbers((x) => x < n, interval(-Infinity, false, n, false));
      case '<=':
        return numbers((x) => x <= n, interval(-Infinity, false, n, true));
      case '>':
        return numbers((x) => x > n, interval(n, false, Infinity, false));
      case '>=':
        return numbers((x) => x >= n, interval(n, true, Infinity, false));
      case '=':
        return numbers((x) => x === n, interval(n, true, n, true));
      case '!=':
        return numbers((x) => x !== n, interval(-Infinity, false, n, false), interval(n, false, Infinity, false));
    }
    return NO_RAW;
  }
  if (node.kind === 'range') {
    const low = exactInteger(literalOf(node.low));
    const high = exactInteger(literalOf(node.high));
    if (low === null || high === null) return NO_RAW;
    const { startIncluded, endIncluded } = node;
    return {
      number: (x) => (startIncluded ? x >= low : x > low) && (endIncluded ? x <= high : x < high),
      string: null,
      shape: { kind: 'numbers', intervals: [interval(low, startIncluded, high, endIncluded)], negated: false },
    };
  }
  const lit = literalOf(node);
  if (typeof lit === 'string') return stringPart(lit);
  const n = exactInteger(lit);
  return n === null ? NO_RAW : { number: (x) => x === n, string: null, shape: { kind: 'numbers', intervals: [interval(n, true, n, true)], negated: false } };
}

function interval(low: number, lowIncluded: boolean, high: number, highIncluded: boolean): NumberInterval {
  return { low, lowIncluded, high, highIncluded };
}

function stringPart(lit: string): RawTests {
  return { number: null, string: (s) => s === lit, shape: { kind: 'strings', values: new Set([lit]), negated: false } };
}

/** The union of the parts' shapes, when they are all of one kind. */
function unionShape(parts: RawTests[], negated: boolean): RawShape | null {
  const shapes = parts.map((p) => p.shape);
  if (shapes.some((sh) => sh === null || sh.negated)) return null;
  const all = shapes as RawShape[];
  if (all.every((sh) => sh.kind === 'numbers')) {
    return { kind: 'numbers', intervals: all.flatMap((sh) => (sh.kind === 'numbers' ? sh.intervals : [])), negated };
  }
  if (all.every((sh) => sh.kind === 'strings')) {
    return { kind: 'strings', values: new Set(all.flatMap((sh) => (sh.kind === 'strings' ? [...sh.values] : []))), negated };
  }
  return null;
}

function rawTests(node: Node & { kind: 'unary-tests' }): RawTests {
  const parts = node.tests.map(rawPart);
  const combine = <T>(tests: (((v: T) => boolean) | null)[]): ((v: T) => boolean) | null => {
    if (tests.some((t) => t === null)) return null;
    const all = tests as ((v: T) => boolean)[];
    const any = all.length === 1 ? all[0]! : (v: T) => all.some((t) => t(v));
    return node.negated ? (v: T) => !any(v) : any;
  };
  return { number: combine(parts.map((p) => p.number)), string: combine(parts.map((p) => p.string)), shape: unionShape(parts, node.negated) };
}

function literalOf(node: Node): FeelValue | undefined {
  if (mentionsInput(node)) return undefined;
  return literalValue(node);
}

function fastComparison(operator: string, lit: FeelValue): FastTest {
  if (lit instanceof FeelDecimal) {
    switch (operator) {
      case '<':
        return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) < 0 : comparisonTest(operator, input, lit, env));
      case '<=':
        return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) <= 0 : comparisonTest(operator, input, lit, env));
      case '>':
        return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) > 0 : comparisonTest(operator, input, lit, env));
      case '>=':
        return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) >= 0 : comparisonTest(operator, input, lit, env));
      case '=':
        return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) === 0 : comparisonTest(operator, input, lit, env));
      case '!=':
        return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) !== 0 : comparisonTest(operator, input, lit, env));
    }
  }
  return (input, env) => comparisonTest(operator, input, lit, env);
}

function fastRange(range: FeelRange): FastTest {
  const { start, end, startIncluded, endIncluded } = range;
  if (start instanceof FeelDecimal && end instanceof FeelDecimal) {
    return (input, env) => {
      if (!isNumberValue(input)) return rangeContains(input, range, env);
      const a = compareNumbers(input, start);
      if (a < 0 || (a === 0 && !startIncluded)) return false;
      const b = compareNumbers(input, end);
      return b < 0 || (b === 0 && endIncluded);
    };
  }
  return (input, env) => rangeContains(input, range, env);
}

function fastValue(lit: FeelValue): FastTest {
  if (typeof lit === 'string') return (input, env) => (typeof input === 'string' ? input === lit : matchesValue(input, lit, env));
  if (lit instanceof FeelDecimal) return (input, env) => (isNumberValue(input) ? compareNumbers(input, lit) === 0 : matchesValue(input, lit, env));
  return (input, env) => matchesValue(input, lit, env);
}

/** The specialised closure for one positive test, or null when it needs the general path. */
function fastTest(node: Node): { test: FastTest; literal: FeelValue | undefined } | null {
  if (node.kind === 'unary-comparison') {
    const lit = literalOf(node.operand);
    if (lit === undefined || lit === null) return null;
    return { test: fastComparison(node.operator, lit), literal: undefined };
  }
  if (node.kind === 'range') {
    const low = literalOf(node.low);
    const high = literalOf(node.high);
    if (low === undefined || high === undefined || low === null || high === null) return null;
    return { test: fastRange(new FeelRange(node.startIncluded, low, high, node.endIncluded)), literal: undefined };
  }
  const lit = literalOf(node);
  if (lit === undefined) return null;
  return { test: fastValue(lit), literal: lit };
}

function anyFast(tests: FastTest[]): FastTest {
  if (tests.length === 1) return tests[0] as FastTest;
  return (input, env) => {
    let result: boolean | null = false;
    for (let i = 0; i < tests.length; i++) {
      const r = (tests[i] as FastTest)(input, env);
      if (r === true) return true;
      if (r === null) result = null;
    }
    return result;
  };
}

function negateFast(t: FastTest): FastTest {
  return (input, env) => {
    const r = t(input, env);
    return r === null ? null : !r;
  };
}

function negateTest(t: Test): Test {
  return (input, scope, env) => {
    const r = t(input, scope, env);
    return r === null ? null : !r;
  };
}

export function compileUnaryTestsNode(node: Node): CompiledTests {
  if (node.kind === 'any-input') {
    const yes: FastTest = () => true;
    return { fast: yes, general: () => true, raw: { number: () => true, string: () => true, shape: null } };
  }
  if (node.kind !== 'unary-tests') {
    const general = compileTest(node);
    return { fast: null, general, raw: NO_RAW };
  }
  let general = anyTest(node.tests.map(compileTest));
  if (node.negated) general = negateTest(general);

  const fasts = node.tests.map(fastTest);
  let fast: FastTest | null = null;
  if (fasts.every((f) => f !== null)) {
    const parts = fasts as { test: FastTest; literal: FeelValue | undefined }[];
    const strings = parts.every((p) => typeof p.literal === 'string');
    if (strings && parts.length > 1) {
      // "A","B","C": a set lookup
      const set = new Set(parts.map((p) => p.literal as string));
      const slow = anyFast(parts.map((p) => p.test));
      fast = (input, env) => (typeof input === 'string' ? set.has(input) : slow(input, env));
    } else fast = anyFast(parts.map((p) => p.test));
    if (node.negated) fast = negateFast(fast);
  }
  return { fast, general, raw: rawTests(node) };
}
