import { describe, expect, it } from 'vitest';
import { compileExpression, compileUnaryTests, FeelSyntaxError } from '../compile.js';
import { FeelContext, FeelDate, FeelDecimal, StepBudgetExceeded, type FeelValue } from '../values/feel-value.js';
import type { FeelVariables } from '../api.js';

const n = (x: number | string): FeelValue => new FeelDecimal(x);
const t = (source: string, input: FeelValue, vars: FeelVariables = {}): boolean | null => compileUnaryTests(source).test(input, vars).value;

describe('unary tests', () => {
  it('- matches anything, null included', () => {
    expect(t('-', n(1))).toBe(true);
    expect(t('-', null)).toBe(true);
    expect(t('-', 'x')).toBe(true);
  });

  it('comparisons with literals', () => {
    expect(t('< 25', n(24))).toBe(true);
    expect(t('< 25', n(25))).toBe(false);
    expect(t('<= 25', n(25))).toBe(true);
    expect(t('> 700', n(700))).toBe(false);
    expect(t('>= 700', n(700))).toBe(true);
    expect(t('>= 700', n('700.5'))).toBe(true);
    expect(t('< "m"', 'a')).toBe(true);
    expect(t('< @"2024-01-01"', new FeelDate(2023, 12, 31))).toBe(true);
    expect(t('= 5', n(5))).toBe(true);
    expect(t('!= 5', n(5))).toBe(false);
  });

  it('ranges', () => {
    expect(t('[25..40)', n(25))).toBe(true);
    expect(t('[25..40)', n(40))).toBe(false);
    expect(t('(25..40]', n(25))).toBe(false);
    expect(t('(25..40]', n(40))).toBe(true);
    expect(t(']25..40[', n(30))).toBe(true);
    expect(t('[1..5]', n(0))).toBe(false);
    expect(t('["a".."c"]', 'b')).toBe(true);
    expect(t('[@"2024-01-01"..@"2024-12-31"]', new FeelDate(2024, 6, 1))).toBe(true);
  });

  it('lists of values', () => {
    expect(t('"A","B"', 'A')).toBe(true);
    expect(t('"A","B"', 'B')).toBe(true);
    expect(t('"A","B"', 'C')).toBe(false);
    expect(t('1, 2, 3', n(2))).toBe(true);
    expect(t('1, 2, 3', n('2.0'))).toBe(true);
    expect(t('"A"', 'A')).toBe(true);
    expect(t('true', true)).toBe(true);
    expect(t('false', false)).toBe(true);
    expect(t('false', true)).toBe(false);
    expect(t('< 10, > 20', n(25))).toBe(true);
    expect(t('< 10, > 20', n(15))).toBe(false);
    expect(t('< 10, [15..17], "x"', n(16))).toBe(true);
  });

  it('not(...)', () => {
    expect(t('not("A", "B")', 'C')).toBe(true);
    expect(t('not("A", "B")', 'A')).toBe(false);
    expect(t('not(< 10)', n(5))).toBe(false);
    expect(t('not([1..5])', n(6))).toBe(true);
    expect(t('not(null)', null)).toBe(false);
    expect(t('not(1)', null)).toBe(true);
  });

  it('expressions with ?', () => {
    expect(t('? > 5', n(6))).toBe(true);
    expect(t('? > 5', n(5))).toBe(false);
    expect(t('count(?) > 1', [n(1), n(2)])).toBe(true);
    expect(t('count(?) > 1', [n(1)])).toBe(false);
    expect(t('?.age >= 18', new FeelContext([['age', n(20)]]))).toBe(true);
    expect(t('? > limit', n(6), { limit: n(5) })).toBe(true);
    expect(t('string length(?) = 3', 'abc')).toBe(true);
    expect(t('? > 5, ? < 0', n(-1))).toBe(true);
  });

  it('expressions without ?: equality, list membership, ranges, variables', () => {
    expect(t('limit', n(5), { limit: n(5) })).toBe(true);
    expect(t('allowed', 'B', { allowed: ['A', 'B'] })).toBe(true);
    expect(t('allowed', 'C', { allowed: ['A', 'B'] })).toBe(false);
    expect(t('[1, 2, 3]', n(2))).toBe(true);
    expect(t('[1, 2, 3]', [n(1), n(2), n(3)])).toBe(true);
    expect(t('< limit', n(4), { limit: n(5) })).toBe(true);
    expect(t('[lo..hi]', n(4), { lo: n(1), hi: n(5) })).toBe(true);
    expect(t('r', n(4), { r: compileRange() })).toBe(true);
    expect(t('1 + 1', n(2))).toBe(true);
    expect(t('x > 5', n(1), { x: n(10) })).toBe(true);
    expect(t('x > 5', n(1), { x: n(1) })).toBe(false);
  });

  it('null input: comparisons are null, null matches null', () => {
    expect(t('< 10', null)).toBeNull();
    expect(t('[1..5]', null)).toBeNull();
    expect(t('"A"', null)).toBe(false);
    expect(t('null', null)).toBe(true);
    expect(t('null', n(1))).toBe(false);
    expect(t('? = null', null)).toBe(true);
  });

  it('undecidable tests are null with a warning', () => {
    const r = compileUnaryTests('< 10').test('x', {});
    expect(r.value).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(t('< 10, "x"', 'x')).toBe(true);
  });

  it('syntax errors throw FeelSyntaxError', () => {
    expect(() => compileUnaryTests('< ')).toThrow(FeelSyntaxError);
    expect(() => compileUnaryTests('[1..5')).toThrow(FeelSyntaxError);
    expect(() => compileUnaryTests('')).toThrow(FeelSyntaxError);
  });

  it('step budget applies', () => {
    expect(() => compileUnaryTests('count(for i in 1..1000000000 return i) > 1').test(null, {})).toThrow(StepBudgetExceeded);
  });

  it('the specialised common cells decide each input exactly once right', () => {
    const cells = ['< 25', '[25..40)', '>= 700', '"A","B"', '-'].map((s) => compileUnaryTests(s));
    const inputs: FeelValue[] = [n(30), n(720), 'B', n(10)];
    const hits = cells.map(() => 0);
    for (let i = 0; i < 1000; i++) {
      const input = inputs[i & 3] as FeelValue;
      cells.forEach((c, k) => {
        if (c.test(input, {}).value === true) hits[k]!++;
      });
    }
    // 10 < 25; 30 in [25..40); 720 >= 700; "B" in "A","B"; "-" takes everything. A string
    // never passes a numeric test, nor a number a string one.
    expect(hits).toEqual([250, 250, 250, 250, 1000]);
  });
});

function compileRange(): FeelValue {
  return compileExpression('[1..5]').evaluate({}).value;
}
