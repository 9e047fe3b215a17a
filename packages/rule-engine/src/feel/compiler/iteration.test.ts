/** `for`, `some` and `every` over lists and ranges, and `partial` (DMN 1.5, 10.3.2.14, Table 52). */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { valueToLiteral } from '../values/format.js';

const run = (source: string) => compileExpression(source).evaluate({});
const feel = (source: string): string => valueToLiteral(run(source).value);

describe('for over ranges', () => {
  it('counts up or down over integer ranges, both ends included with `..`', () => {
    expect(feel('for i in 1..3 return i')).toBe('[1, 2, 3]');
    expect(feel('for i in 3..1 return i')).toBe('[3, 2, 1]');
    expect(feel('for i in 1..-1 return i')).toBe('[1, 0, -1]');
    expect(feel('for i in 2..2 return i')).toBe('[2]');
    expect(feel('for i in 1..3, j in i..3 return i * 10 + j')).toBe('[11, 12, 13, 22, 23, 33]');
  });

  it('iterates range values, leaving out open ends, in either direction', () => {
    expect(feel('for i in [1..3] return i')).toBe('[1, 2, 3]');
    expect(feel('for i in [1..3) return i')).toBe('[1, 2]');
    expect(feel('for i in (1..3] return i')).toBe('[2, 3]');
    expect(feel('for i in [3..1] return i')).toBe('[3, 2, 1]');
    expect(feel('for i in (3..1] return i')).toBe('[2, 1]');
    expect(feel('for i in (1..2) return i')).toBe('[]');
  });

  it('iterates dates day by day', () => {
    expect(feel('for d in @"2021-01-01"..@"2021-01-03" return d')).toBe('[2021-01-01, 2021-01-02, 2021-01-03]');
    expect(feel('for d in @"2021-01-03"..@"2021-01-01" return d')).toBe('[2021-01-03, 2021-01-02, 2021-01-01]');
    expect(feel('for d in [date("2020-02-28")..date("2020-03-01")) return string(d)')).toBe('["2020-02-28", "2020-02-29"]');
    expect(feel('for d in (@"2021-01-03"..@"2021-01-01"] return d.day')).toBe('[2, 1]');
  });

  it('is null over what cannot be iterated', () => {
    for (const source of [
      'for i in 1.5..3 return i',
      'for i in >5 return i',
      'for i in null return i',
      'for i in @"2021-01-01T00:00:00"..@"2021-01-02T00:00:00" return i',
      'for i in [1..2], j in null return i',
    ]) {
      const r = run(source);
      expect(r.value, source).toBeNull();
      expect(r.warnings.length, source).toBeGreaterThan(0);
    }
    expect(feel('for i in [] return i')).toBe('[]');
    expect(feel('for i in "a" return i')).toBe('["a"]');
  });
});

describe('partial', () => {
  it('is the list of the results so far', () => {
    expect(feel('for i in 1..5 return if i = 1 then 1 else i * partial[-1]')).toBe('[1, 2, 6, 24, 120]');
    expect(feel('for i in 0..6 return if i < 2 then i else partial[-1] + partial[-2]')).toBe('[0, 1, 1, 2, 3, 5, 8]');
    expect(feel('for i in [10, 20, 30] return count(partial)')).toBe('[0, 1, 2]');
  });

  it('is a snapshot the body may keep', () => {
    expect(feel('for i in [1, 2, 3] return partial')).toBe('[[], [[]], [[], [[]]]]');
    expect(feel('for i in 1..3 return sum(append(partial, i))')).toBe('[1, 3, 7]');
  });

  it('belongs to the innermost for', () => {
    expect(feel('for i in 1..2 return for j in 1..3 return count(partial)')).toBe('[[0, 1, 2], [0, 1, 2]]');
  });
});

describe('some and every', () => {
  it('decide over lists and ranges', () => {
    expect(feel('some x in [1, 2, 3] satisfies x > 2')).toBe('true');
    expect(feel('every x in [1, 2, 3] satisfies x > 2')).toBe('false');
    expect(feel('every x in 1..3 satisfies x > 0')).toBe('true');
    expect(feel('some d in @"2021-01-01"..@"2021-01-07" satisfies day of week(d) = "Sunday"')).toBe('true');
    expect(feel('some x in [] satisfies x > 0')).toBe('false');
    expect(feel('every x in [] satisfies x > 0')).toBe('true');
  });

  it('follow ternary logic: a null condition makes the answer null unless another decides it', () => {
    expect(feel('some x in [1, null, 3] satisfies x > 2')).toBe('true');
    expect(feel('some x in [1, null] satisfies x > 2')).toBe('null');
    expect(feel('some x in [1, 2] satisfies x > 2')).toBe('false');
    expect(feel('every x in [1, null, 3] satisfies x > 2')).toBe('false');
    expect(feel('every x in [3, null] satisfies x > 2')).toBe('null');
    expect(feel('every x in [3, 4] satisfies x > 2')).toBe('true');
    expect(feel('some x in [1, 2] satisfies "yes"')).toBe('null');
  });

  it('are null over what cannot be iterated', () => {
    expect(feel('some x in null satisfies x > 0')).toBe('null');
    expect(feel('every x in 1.5..2 satisfies x > 0')).toBe('null');
  });
});
