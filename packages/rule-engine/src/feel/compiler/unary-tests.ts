/**
 * Unary tests (decision table input entries, DMN 1.5 10.3.2.14 semantics). Common shapes with
 * literal operands (`< 25`, `[25..40)`, `>= 700`, `"A","B"`, `-`) compile to specialised closures
 * that need no scope and allocate nothing per evaluation.
 */
import { FeelDecimal, FeelRange, type EvaluationEnvironment, type FeelValue } from '../values/feel-value.js';
import type { Node } from '../syntax/ast.js';
import { anyTest, comparisonTest, compileTest, literalValue, matchesValue, mentionsInput, type Test } from './compile-node.js';
import { rangeContains } from './runtime.js';

/** A test needing no variables. */
export type FastTest = (input: FeelValue, env: EvaluationEnvironment) => boolean | null;

export interface CompiledTests {
  /** Present when every test has literal operands: evaluated without a scope. */
  fast: FastTest | null;
  general: Test;
}

function literalOf(node: Node): FeelValue | undefined {
  if (mentionsInput(node)) return undefined;
  return literalValue(node);
}

function fastComparison(operator: string, lit: FeelValue): FastTest {
  if (lit instanceof FeelDecimal) {
    switch (operator) {
      case '<':
        return (input, env) => (input instanceof FeelDecimal ? input.cmp(lit) < 0 : comparisonTest(operator, input, lit, env));
      case '<=':
        return (input, env) => (input instanceof FeelDecimal ? input.cmp(lit) <= 0 : comparisonTest(operator, input, lit, env));
      case '>':
        return (input, env) => (input instanceof FeelDecimal ? input.cmp(lit) > 0 : comparisonTest(operator, input, lit, env));
      case '>=':
        return (input, env) => (input instanceof FeelDecimal ? input.cmp(lit) >= 0 : comparisonTest(operator, input, lit, env));
      case '=':
        return (input, env) => (input instanceof FeelDecimal ? input.eq(lit) : comparisonTest(operator, input, lit, env));
      case '!=':
        return (input, env) => (input instanceof FeelDecimal ? !input.eq(lit) : comparisonTest(operator, input, lit, env));
    }
  }
  return (input, env) => comparisonTest(operator, input, lit, env);
}

function fastRange(range: FeelRange): FastTest {
  const { start, end, startIncluded, endIncluded } = range;
  if (start instanceof FeelDecimal && end instanceof FeelDecimal) {
    return (input, env) => {
      if (!(input instanceof FeelDecimal)) return rangeContains(input, range, env);
      const a = input.cmp(start);
      if (a < 0 || (a === 0 && !startIncluded)) return false;
      const b = input.cmp(end);
      return b < 0 || (b === 0 && endIncluded);
    };
  }
  return (input, env) => rangeContains(input, range, env);
}

function fastValue(lit: FeelValue): FastTest {
  if (typeof lit === 'string') return (input, env) => (typeof input === 'string' ? input === lit : matchesValue(input, lit, env));
  if (lit instanceof FeelDecimal) return (input, env) => (input instanceof FeelDecimal ? input.eq(lit) : matchesValue(input, lit, env));
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
    return { fast: yes, general: () => true };
  }
  if (node.kind !== 'unary-tests') {
    const general = compileTest(node);
    return { fast: null, general };
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
  return { fast, general };
}
