import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import { expressionRisks, patternProblem } from './risks.js';
import { EvaluationBudgetExceeded, StepBudgetExceeded, TimeBudgetExceeded, type FeelValue } from './values/feel-value.js';
import type { EvaluateOptions } from './api.js';

function run(source: string, variables: Record<string, FeelValue> = {}, options?: EvaluateOptions): { value: FeelValue; warnings: string[] } {
  const r = compileExpression(source).evaluate(variables, options);
  return { value: r.value, warnings: r.warnings.map((w) => w.message) };
}

function budgetError(source: string, options?: EvaluateOptions, variables: Record<string, FeelValue> = {}): EvaluationBudgetExceeded {
  try {
    compileExpression(source).evaluate(variables, options);
  } catch (e) {
    if (e instanceof EvaluationBudgetExceeded) return e;
    throw e;
  }
  throw new Error(`${source} was not stopped`);
}

describe('regular expressions run in linear time (RE2)', () => {
  it('answers a catastrophic pattern over a long input (exponential for a backtracking engine)', () => {
    const name = `${'a'.repeat(5000)}!`;
    expect(run('matches(name, "^(a+)+$")', { name })).toEqual({ value: false, warnings: [] });
    expect(run('not(matches(name, "^(a+)+$"))', { name: 'a'.repeat(40) })).toEqual({ value: false, warnings: [] });
    expect(run('replace(name, "(a|aa)+$", "x")', { name })).toEqual({ value: name, warnings: [] });
    expect(run('split(name, "(a*)*!")', { name: `${'a'.repeat(3000)}!b` }).value).toEqual(['', 'b']);
  });

  it('refuses constructs that need backtracking with a clear warning, never running them another way', () => {
    const backref = run(String.raw`matches("aa", "(a)\\1")`);
    expect(backref.value).toBeNull();
    expect(backref.warnings[0]).toMatch(/back-references \(\\1\) are not supported/);
    expect(run('matches("ab", "a(?=b)")').warnings[0]).toMatch(/lookahead \(\(\?=\) is not supported/);
    expect(run('matches("ab", "a(?!c)")').warnings[0]).toMatch(/lookahead/);
    expect(run('matches("ab", "(?<=a)b")').warnings[0]).toMatch(/lookbehind/);
    expect(run('matches("ab", "(?<n>a)b")').warnings[0]).toMatch(/groups other than \(\?: are not supported/);
    expect(run('matches("a", "a{1001}")').warnings[0]).toMatch(/at most 1000/);
    expect(run('matches("ab", "(?:a)b")')).toEqual({ value: true, warnings: [] });
  });

  it('keeps the XPath flags: s, m, i, x, q', () => {
    // without s, '.' matches neither a line feed nor a carriage return
    expect(run('matches("a\\rb", "a.b")').value).toBe(false);
    expect(run('matches("a\\nb", "a.b")').value).toBe(false);
    expect(run('matches("a\\rb", "a.b", "s")').value).toBe(true);
    expect(run('matches("a\\nb", "a.b", "s")').value).toBe(true);
    // m: ^ and $ at line boundaries (lines end at a line feed)
    expect(run('matches("x\\nb", "^b$")').value).toBe(false);
    expect(run('matches("x\\nb", "^b$", "m")').value).toBe(true);
    expect(run('replace("l1\\nl2", "^l", "L", "m")').value).toBe('L1\nL2');
    expect(run('matches("a\\n", "a$")').value).toBe(false);
    // i: case-insensitive, Unicode folding
    expect(run('matches("ABC", "abc", "i")').value).toBe(true);
    expect(run('matches("ΣΑΣ", "σας", "i")').value).toBe(true);
    // x: whitespace outside classes is ignored, inside kept
    expect(run('matches("ab", "a b", "x")').value).toBe(true);
    expect(run('matches("a b", "a[ ]b", "x")').value).toBe(true);
    // q: the pattern is literal
    expect(run('matches("a.b", ".", "q")').value).toBe(true);
    expect(run('matches("ab", ".", "q")').value).toBe(false);
    expect(run('replace("a.b.c", ".", "-", "q")').value).toBe('a-b-c');
    expect(run('matches("x", "a", "z")').warnings[0]).toMatch(/unknown regular expression flag 'z'/);
  });

  it('keeps the XPath character classes, code points and replacement rules', () => {
    expect(run(String.raw`matches("٣", "^\\d$")`).value).toBe(true);
    expect(run(String.raw`matches("·", "^\\c$")`).value).toBe(true);
    expect(run('matches("😀", "^.$")').value).toBe(true);
    expect(run('replace("a😀b", "(.)", "[$1]")').value).toBe('[a][😀][b]');
    expect(run('replace("abc", "(b)", "$2")').value).toBe('ac');
    expect(run(String.raw`replace("abc", "b", "\\$")`).value).toBe('a$c');
    expect(run('split("a,b,,c", ",")').value).toEqual(['a', 'b', '', 'c']);
    expect(run('replace("abc", "x*", "-")').warnings[0]).toMatch(/matches an empty string/);
    expect(run(String.raw`matches("x", "\\p{IsBasicLatin}")`).warnings[0]).toMatch(/block escapes/);
  });
});

describe('the evaluation budget', () => {
  it('stops a huge for loop with a typed error carrying a stable code', () => {
    const e = budgetError('count(for i in 1..3000000 return i) >= 0');
    expect(e).toBeInstanceOf(StepBudgetExceeded);
    expect(e.code).toBe('expressionBudgetExceeded');
    expect(e.resource).toBe('steps');
    expect(budgetError('count(for i in 1..100 return i)', { stepBudget: 50 })).toBeInstanceOf(StepBudgetExceeded);
    expect(run('count(for i in 1..100 return i)', {}, { stepBudget: 500 }).value).toEqual(expect.anything());
  });

  it('stops on the caller clock, read every 256 steps and not on every step', () => {
    let reads = 0;
    let now = 0;
    const clock = (): number => {
      reads++;
      now += 1; // every read, a millisecond passes
      return now;
    };
    // 10,000 steps, a deadline far away: about 10,000 / 256 readings
    expect(run('count(for i in 1..10000 return i)', {}, { deadline: { clock, at: 1e9 } }).value).toEqual(expect.anything());
    expect(reads).toBeGreaterThan(30);
    expect(reads).toBeLessThan(50);
    // a deadline 5 readings away stops a loop long before its step budget would
    now = 0;
    const e = budgetError('count(for i in 1..3000000 return i)', { stepBudget: 10_000_000, deadline: { clock, at: 5 } });
    expect(e).toBeInstanceOf(TimeBudgetExceeded);
    expect(e.resource).toBe('time');
    expect(e.code).toBe('expressionBudgetExceeded');
  });

  it('charges list functions by the size of what they walk or build', () => {
    // doubling a list through recursion: 40 calls, but a trillion elements
    const doubling = '{f: function(l, n) if n = 0 then count(l) else f(concatenate(l, l), n - 1), r: f([1], 40)}.r';
    expect(budgetError(doubling)).toBeInstanceOf(StepBudgetExceeded);
    expect(budgetError('count(distinct values(for i in 1..3000 return i))')).toBeInstanceOf(StepBudgetExceeded);
    expect(budgetError('count(flatten(for i in 1..600 return [for j in 1..600 return j]))', { stepBudget: 400_000 })).toBeInstanceOf(StepBudgetExceeded);
    expect(budgetError('sum(sort(for i in 1..20000 return -i))', { stepBudget: 200_000 })).toBeInstanceOf(StepBudgetExceeded);
    expect(run('count(distinct values([1, 2, 2, 3]))').value).toEqual(expect.anything());
  });

  it('charges text by its length: doubling a string, and regular expressions over long inputs', () => {
    const doubling = '{f: function(s, n) if n = 0 then string length(s) else f(s + s, n - 1), r: f("ab", 40)}.r';
    expect(budgetError(doubling)).toBeInstanceOf(StepBudgetExceeded);
    expect(budgetError('matches(s, "b")', { stepBudget: 1000 }, { s: 'a'.repeat(5000) })).toBeInstanceOf(StepBudgetExceeded);
    expect(run('matches(s, "b")', { s: 'a'.repeat(500) }, { stepBudget: 1000 }).value).toBe(false);
  });
});

describe('expression risks (for publishing)', () => {
  it('warns on iterations over literal bounds wider than the budget, nested loops multiplied', () => {
    const [risk] = expressionRisks('count(for i in 1..3000000 return i) >= 0');
    expect(risk).toMatchObject({ severity: 'warning', code: 'expressionBudgetRisk', offset: 6 });
    expect(risk?.message).toMatch(/3,000,000 times/);
    expect(expressionRisks('some i in [1..2000], j in 1..2000 satisfies i = j')).toHaveLength(1);
    expect(expressionRisks('for i in 1..2000 return for j in 1..2000 return i * j')).toHaveLength(1);
    expect(expressionRisks('for i in 1..1000 return i', { stepBudget: 999 })).toHaveLength(1);
    expect(expressionRisks('for i in 1..1000 return i')).toEqual([]);
    expect(expressionRisks('for i in 1..n return i')).toEqual([]);
  });

  it('finds literal patterns the linear-time engine refuses, named arguments and flags included', () => {
    expect(expressionRisks(String.raw`matches(name, "(a)\\1")`)).toEqual([expect.objectContaining({ severity: 'error', code: 'unsupportedPattern', offset: 14 })]);
    expect(expressionRisks('replace(input: name, pattern: "a(?=b)", replacement: "x")')[0]?.message).toMatch(/replace\(\): .*lookahead/);
    expect(expressionRisks('matches(name, "a", "z")')[0]?.code).toBe('unsupportedPattern');
    expect(expressionRisks('matches(name, "^(a+)+$")')).toEqual([]);
    expect(expressionRisks('matches(name, pattern)')).toEqual([]);
    expect(patternProblem('(a)\\1')).toMatch(/back-references/);
    expect(patternProblem('^[A-Z]{2}\\d{6}$')).toBeNull();
  });
});
