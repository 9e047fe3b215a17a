import { describe, expect, it } from 'vitest';
import { anchoredFieldPattern, fieldPatternProblem, linearRegExp } from './field-pattern.js';

/** Patterns whose ECMAScript meaning RE2 must keep, escapes and character sets where the two differ first. */
const PATTERNS = [
  '\\s+',
  '\\S+',
  '.+',
  '[\\s\\S]*',
  '[^\\S]',
  '[^\\s]+',
  '[\\sa]+',
  '\\u0041\\u{1F600}',
  '\\uD83D\\uDE00',
  '[\\u0041-\\u005A]+',
  '\\cJ',
  '\\0',
  '[\\b]',
  '[]',
  '[^]',
  '\\p{Letter}+',
  '\\p{Script=Han}+',
  '\\p{sc=Latin}+',
  '\\p{gc=Lu}',
  '\\P{L}+',
  '[\\[\\]]',
  '[[:]+',
  '\\bfoo\\b.*',
  '.*\\bfoo\\b.*',
  '\\d{2,3}',
  '(?<year>\\d{4})-\\d{2}',
  'a|b|c',
  '[A-Z]{2}[0-9]{3}',
  '\\w+@\\w+\\.com',
  '\\x41',
  '\\/',
  '[^\\u0000]*',
  '^[hH][tT][tT][pP][sS]?://[^/?#\\s]',
];

const VALUES = [
  '', ' ', '\u00a0', '\u3000', '\u1680', '\uFEFF', '\t', '\u000b', '\n', '\r', '\u2028', '\u0085', 'a\nb',
  'a', 'A', 'É', 'Ω', '😀', 'A😀', '\u0000', 'a\u0000', '\b', '\u000a', '王小明', 'Ab', 'ABC', '12', '123', '2024-01',
  'foo', 'x foo y', 'xfoo', '[', ']', ':', '[:', 'AB123', 'a@b.com', '/', 'http://x', 'https:// x', 'Wang',
];

describe('linearRegExp', () => {
  it('gives every pattern its ECMAScript (u flag) meaning', () => {
    for (const pattern of PATTERNS) {
      const anchored = anchoredFieldPattern(pattern);
      expect(fieldPatternProblem(pattern), pattern).toBeNull();
      const re2 = linearRegExp(anchored, 'u');
      const ecma = new RegExp(anchored, 'u');
      for (const value of VALUES) expect(re2.test(value), `${pattern} on ${JSON.stringify(value)}`).toBe(ecma.test(value));
    }
  });

  it('answers at once where a backtracking matcher would take minutes', () => {
    // JavaScript's RegExp takes time doubling with each `a` here: 2^40 steps.
    for (const pattern of ['^(a+)+$', '(a|aa)+', '(a|a?)+b', '(.*a){20}']) {
      const started = Date.now();
      expect(linearRegExp(anchoredFieldPattern(pattern), 'u').test(`${'a'.repeat(40)}!`), pattern).toBe(false);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(linearRegExp(anchoredFieldPattern('(a+)+'), 'u').test('a'.repeat(100_000))).toBe(true);
  });

  it('keeps distinct patterns apart (Ajv keys compiled patterns by toString)', () => {
    expect(String(linearRegExp('a', 'u'))).toBe('/a/u');
    expect(String(linearRegExp('a', 'u'))).not.toBe(String(linearRegExp('b', 'u')));
  });

  it('throws on a pattern it cannot run, and on flags that would change the meaning', () => {
    expect(() => linearRegExp('(?=a)a', 'u')).toThrow(/lookahead/);
    expect(() => linearRegExp('a', 'i')).toThrow(/flags/);
  });
});

describe('fieldPatternProblem', () => {
  it.each([
    ['(?=\\d)\\w+', /lookahead/, /先行断言/],
    ['(?!x).+', /lookahead/, /先行断言/],
    ['(?<=a)b', /lookbehind/, /后行断言/],
    ['(?<!a)b', /lookbehind/, /后行断言/],
    ['(a)\\1', /back-references/, /反向引用/],
    ['(?<x>a)\\k<x>', /back-references/, /反向引用/],
    ['(?P<x>a)', /not an ECMAScript regular expression/, /ECMAScript/],
    ['a\\z', /not an ECMAScript regular expression/, /ECMAScript/],
    ['(', /not an ECMAScript regular expression/, /ECMAScript/],
    ['a)(b', /not an ECMAScript regular expression/, /ECMAScript/],
    ['a{1001}', /at most 1000/, /最多 1000/],
    ['\\p{Script_Extensions=Han}', /linear-time matcher cannot run it/, /线性时间/],
  ])('refuses %s with its reason in English and Chinese', (pattern, en, zh) => {
    const problem = fieldPatternProblem(pattern);
    expect(problem?.en).toMatch(en);
    expect(problem?.zh).toMatch(zh);
  });

  it('accepts the patterns banks use', () => {
    for (const pattern of ['^C[0-9]{10}$', '^LA[0-9]{12}$', '^[0-9]{19}$', '^[A-Z]{2}[0-9]{3}$', '[A-Z]{3}-\\d{2}', '^\\S'])
      expect(fieldPatternProblem(pattern), pattern).toBeNull();
  });
});
