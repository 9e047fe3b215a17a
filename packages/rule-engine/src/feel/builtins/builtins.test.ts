import { describe, expect, it } from 'vitest';
import { EvaluationEnvironment, FeelContext, FeelDecimal, FeelFunction, FeelRange, type FeelValue } from '../values/feel-value.js';
import { valueToLiteral } from '../values/format.js';
import { compare } from '../values/operators.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from '../values/temporal.js';
import { BUILTINS, BuiltinFunction, bindNamedArguments } from './index.js';

const n = (x: string | number) => new FeelDecimal(x);
const date = (s: string) => parseDate(s) as FeelValue;
const dt = (s: string) => parseDateTime(s) as FeelValue;
const time = (s: string) => parseTime(s) as FeelValue;
const dur = (s: string) => parseDuration(s) as FeelValue;
const range = (a: FeelValue, b: FeelValue, si = true, ei = true) => new FeelRange(si, a, b, ei);
const ctx = (o: Record<string, FeelValue>) => new FeelContext(Object.entries(o));
const nums = (...xs: number[]) => xs.map((x) => n(x));

function call(name: string, args: FeelValue[], e = new EvaluationEnvironment()): { value: FeelValue; warnings: number } {
  const fn = BUILTINS.get(name);
  if (fn === undefined) throw new Error(`no built-in ${name}`);
  const value = fn.invoke(args, e);
  return { value, warnings: e.warnings.length };
}

/** The built-in's result written as a FEEL literal, for compact expectations. */
function lit(name: string, ...args: FeelValue[]): string {
  return valueToLiteral(call(name, args).value);
}

/** Expects null with a warning. */
function fails(name: string, ...args: FeelValue[]): void {
  const r = call(name, args);
  expect(r.value, `${name} should fail`).toBeNull();
  expect(r.warnings, `${name} should warn`).toBeGreaterThan(0);
}

/** Expects null without a warning (null propagation). */
function isNull(name: string, ...args: FeelValue[]): void {
  const r = call(name, args);
  expect(r.value, `${name} should be null`).toBeNull();
}

describe('conversion functions', () => {
  it('date', () => {
    expect(lit('date', '2012-12-25')).toBe('2012-12-25');
    expect(lit('date', n(2012), n(12), n(25))).toBe('2012-12-25');
    expect(lit('date', dt('2012-12-25T10:00:00Z'))).toBe('2012-12-25');
    fails('date', '2012-13-25');
    fails('date', n(2012), n(2), n(30));
    fails('date', n(1));
    isNull('date', null);
  });

  it('date and time', () => {
    expect(lit('date and time', '2012-12-24T23:59:00')).toBe('2012-12-24T23:59:00');
    expect(lit('date and time', '2012-12-24')).toBe('2012-12-24T00:00:00');
    expect(lit('date and time', date('2012-12-24'), time('23:59:00+01:00'))).toBe('2012-12-24T23:59:00+01:00');
    expect(lit('date and time', dt('2012-12-24T10:00:00'), time('23:59:00@Europe/Paris'))).toBe('2012-12-24T23:59:00@Europe/Paris');
    fails('date and time', 'x');
    fails('date and time', date('2012-12-24'), 'x');
    isNull('date and time', null);
  });

  it('time', () => {
    expect(lit('time', '23:59:00z')).toBe('23:59:00Z');
    expect(lit('time', n(23), n(59), n(0))).toBe('23:59:00');
    expect(lit('time', n(14), n(30), n('1.5'), dur('PT1H'))).toBe('14:30:01.5+01:00');
    expect(lit('time', n(14), n(30), n(0), dur('-PT5H30M'))).toBe('14:30:00-05:30');
    expect(lit('time', dt('2012-12-24T10:11:12@Europe/Paris'))).toBe('10:11:12@Europe/Paris');
    expect(lit('time', date('2012-12-24'))).toBe('00:00:00Z');
    fails('time', n(24), n(0), n(0));
    fails('time', 'noon');
    isNull('time', null);
  });

  it('number', () => {
    expect(lit('number', '1 000,0', ' ', ',')).toBe('1000');
    expect(lit('number', '1,000.21', ',', '.')).toBe('1000.21');
    expect(lit('number', '12.5')).toBe('12.5');
    expect(lit('number', '-1.2e3')).toBe('-1200');
    expect(lit('number', '1.000.000,5', '.', ',')).toBe('1000000.5');
    fails('number', '1,5', ',', ',');
    fails('number', 'abc');
    fails('number', '1', ';');
    fails('number', n(1));
    isNull('number', null);
  });

  it('string', () => {
    expect(lit('string', n('1.1'))).toBe('"1.1"');
    expect(lit('string', 'a')).toBe('"a"');
    expect(lit('string', true)).toBe('"true"');
    expect(lit('string', [n(1), 'a', null])).toBe('"[1, \\"a\\", null]"');
    expect(lit('string', ctx({ a: n(1), 'b c': 'x' }))).toBe('"{a: 1, \\"b c\\": \\"x\\"}"');
    expect(lit('string', dur('P1DT1H'))).toBe('"P1DT1H"');
    expect(lit('string', range(n(1), n(10), true, false))).toBe('"[1..10)"');
    isNull('string', null);
    fails('string');
  });

  it('duration and years and months duration', () => {
    expect(lit('duration', 'P1Y2M')).toBe('P1Y2M');
    expect(lit('duration', 'P2DT3H')).toBe('P2DT3H');
    fails('duration', 'P1X');
    fails('duration', n(1));
    isNull('duration', null);
    expect(lit('years and months duration', date('2011-12-22'), date('2013-08-24'))).toBe('P1Y8M');
    expect(lit('years and months duration', date('2013-08-24'), date('2011-12-22'))).toBe('-P1Y8M');
    expect(lit('years and months duration', dt('2017-01-31T10:00:00'), date('2017-02-28'))).toBe('P0M');
    fails('years and months duration', 'x', date('2011-12-22'));
    isNull('years and months duration', null, date('2011-12-22'));
  });

  it('range', () => {
    expect(lit('range', '[1..10)')).toBe('[1..10)');
    expect(lit('range', ']1..10[')).toBe('(1..10)');
    expect(lit('range', '[@"2021-01-01"..@"2021-12-31"]')).toBe('[2021-01-01..2021-12-31]');
    expect(lit('range', '(date("2021-01-01")..date("2021-12-31")]')).toBe('(2021-01-01..2021-12-31]');
    expect(lit('range', '["a".."z"]')).toBe('["a".."z"]');
    // A unary test is not a range literal (spec 10.3.4.1, TCK 1156 #017).
    fails('range', '< 10');
    fails('range', '>=@"P1D"');
    fails('range', '>=10');
    fails('range', '[1.."a"]');
    fails('range', '1..10');
    expect(lit('range', '(..2]')).toBe('<= 2');
    expect(lit('range', '[2..)')).toBe('>= 2');
    fails('range', '[..2]');
    fails('range', '[1..]');
    fails('range', n(1));
    isNull('range', null);
  });

  it('context functions', () => {
    const entries = [ctx({ key: 'a', value: n(1) }), ctx({ key: 'b', value: n(2) })];
    expect(lit('context', entries)).toBe('{a: 1, b: 2}');
    fails('context', [ctx({ key: 'a', value: n(1) }), ctx({ key: 'a', value: n(2) })]);
    fails('context', [n(1)]);
    expect(lit('get value', ctx({ a: n(1) }), 'a')).toBe('1');
    expect(lit('get value', ctx({ a: n(1) }), 'b')).toBe('null');
    expect(lit('get value', ctx({ a: ctx({ b: n(2) }) }), ['a', 'b'])).toBe('2');
    fails('get value', n(1), 'a');
    expect(lit('get entries', ctx({ a: n(1) }))).toBe('[{key: "a", value: 1}]');
    fails('get entries', 'x');
    expect(lit('context put', ctx({ a: n(1), b: n(2) }), 'a', n(3))).toBe('{a: 3, b: 2}');
    expect(lit('context put', ctx({ a: n(1) }), 'c', n(3))).toBe('{a: 1, c: 3}');
    expect(lit('context put', ctx({ x: ctx({ y: n(1) }) }), ['x', 'z'], n(2))).toBe('{x: {y: 1, z: 2}}');
    fails('context put', ctx({ x: n(1) }), ['x', 'z'], n(2));
    fails('context put', n(1), 'a', n(1));
    expect(lit('context merge', [ctx({ a: n(1) }), ctx({ a: n(2), b: n(3) })])).toBe('{a: 2, b: 3}');
    fails('context merge', [n(1)]);
    isNull('context merge', null);
  });
});

describe('boolean functions', () => {
  it('not and is', () => {
    expect(lit('not', true)).toBe('false');
    isNull('not', null);
    fails('not', n(1));
    expect(lit('is', date('2012-12-25'), dt('2012-12-25T00:00:00'))).toBe('false');
    expect(lit('is', time('23:00:50z'), time('23:00:50+00:00'))).toBe('true');
    expect(lit('is', null, null)).toBe('true');
  });
});

describe('string functions', () => {
  it('substring', () => {
    expect(lit('substring', 'foobar', n(3))).toBe('"obar"');
    expect(lit('substring', 'foobar', n(3), n(3))).toBe('"oba"');
    expect(lit('substring', 'foobar', n(-2), n(1))).toBe('"a"');
    expect(lit('substring', '\u{1F40E}ab', n(2))).toBe('"ab"');
    expect(lit('substring', 'foobar', n(3), n(100))).toBe('"obar"');
    fails('substring', 'foobar', n(0));
    fails('substring', 'foobar', n(10));
    fails('substring', n(1), n(1));
    isNull('substring', null, n(1));
  });

  it('length, case, before, after, contains, starts, ends', () => {
    expect(lit('string length', 'foo')).toBe('3');
    expect(lit('string length', '\u{1F40E}')).toBe('1');
    fails('string length', n(1));
    expect(lit('upper case', 'aBc4')).toBe('"ABC4"');
    expect(lit('lower case', 'aBc4')).toBe('"abc4"');
    fails('upper case', true);
    isNull('lower case', null);
    expect(lit('substring before', 'foobar', 'bar')).toBe('"foo"');
    expect(lit('substring before', 'foobar', 'xyz')).toBe('""');
    expect(lit('substring after', 'foobar', 'ob')).toBe('"ar"');
    expect(lit('substring after', '', 'a')).toBe('""');
    expect(lit('contains', 'foobar', 'of')).toBe('false');
    expect(lit('contains', 'foobar', 'ob')).toBe('true');
    expect(lit('starts with', 'foobar', 'fo')).toBe('true');
    expect(lit('ends with', 'foobar', 'r')).toBe('true');
    fails('contains', 'foobar', n(1));
    isNull('starts with', null, 'a');
  });

  it('matches with XPath flags', () => {
    expect(lit('matches', 'foobar', '^fo*b')).toBe('true');
    expect(lit('matches', 'FOOBAR', '^fo*b', 'i')).toBe('true');
    expect(lit('matches', 'FOOBAR', '^fo*b')).toBe('false');
    expect(lit('matches', 'a\nb', 'a.b')).toBe('false');
    expect(lit('matches', 'a\nb', 'a.b', 's')).toBe('true');
    expect(lit('matches', 'x\nab', '^ab$')).toBe('false');
    expect(lit('matches', 'x\nab', '^ab$', 'm')).toBe('true');
    expect(lit('matches', 'hello world', 'hello world', 'x')).toBe('false');
    expect(lit('matches', 'helloworld', 'hello world', 'x')).toBe('true');
    expect(lit('matches', 'a+b', 'a+b', 'q')).toBe('true');
    expect(lit('matches', '٣', '^\\d$')).toBe('true');
    expect(lit('matches', 'a-b', 'a\\-b')).toBe('true');
    fails('matches', 'abc', '[a-z-[aeiou]]');
    fails('matches', 'abc', '\\p{IsBasicLatin}');
    fails('matches', 'abc', '(');
    fails('matches', 'abc', 'a', 'g');
    fails('matches', 'abc', 'a'.repeat(2000));
    isNull('matches', null, 'a');
  });

  it('replace', () => {
    expect(lit('replace', 'abcd', '(ab)|(a)', '[1=$1][2=$2]')).toBe('"[1=ab][2=]cd"');
    expect(lit('replace', 'abracadabra', 'bra', '*')).toBe('"a*cada*"');
    expect(lit('replace', 'abracadabra', 'a.*a', '*')).toBe('"*"');
    expect(lit('replace', 'abracadabra', 'a.*?a', '*')).toBe('"*c*bra"');
    expect(lit('replace', 'AAAA', 'A+', 'b')).toBe('"b"');
    expect(lit('replace', 'darted', '^(.*?)d(.*)$', '$1c$2')).toBe('"carted"');
    expect(lit('replace', 'a.b', '.', '\\$', 'q')).toBe('"a\\\\$b"');
    expect(lit('replace', 'price', 'price', '\\$5')).toBe('"$5"');
    expect(lit('replace', 'Abc', 'a', 'x', 'i')).toBe('"xbc"');
    fails('replace', 'abracadabra', '.*?', '$1');
    fails('replace', 'abc', 'b', '$');
    fails('replace', 'abc', 'b', '\\n');
    isNull('replace', null, 'a', 'b');
  });

  it('split and string join', () => {
    expect(lit('split', 'John Doe', '\\s')).toBe('["John", "Doe"]');
    expect(lit('split', 'a;b;c;;', ';')).toBe('["a", "b", "c", "", ""]');
    expect(lit('split', '', ',')).toBe('[]');
    fails('split', 'abc', 'x*');
    isNull('split', null, ',');
    expect(lit('string join', ['a', 'b', 'c'], ', ')).toBe('"a, b, c"');
    expect(lit('string join', ['a', null, 'c'])).toBe('"ac"');
    expect(lit('string join', [], 'x')).toBe('""');
    expect(lit('string join', ['a', 'c'], null)).toBe('"ac"');
    fails('string join', ['a', n(1)], ',');
    fails('string join', 'a', ',');
  });
});

describe('list functions', () => {
  it('list contains, count, min, max', () => {
    expect(lit('list contains', [n(1), n(2), null], n(2))).toBe('true');
    expect(lit('list contains', [n(1), n(2), null], null)).toBe('true');
    expect(lit('list contains', [n(1)], '1')).toBe('false');
    isNull('list contains', null, n(1));
    expect(lit('count', nums(1, 2, 3))).toBe('3');
    expect(lit('count', [])).toBe('0');
    isNull('count', null);
    expect(lit('min', nums(1, 2, 3))).toBe('1');
    expect(lit('min', n(3), n(1), n(2))).toBe('1');
    expect(lit('max', nums(1, 2, 3))).toBe('3');
    expect(lit('max', 'a', 'c', 'b')).toBe('"c"');
    expect(lit('max', [date('2020-01-01'), date('2021-01-01')])).toBe('2021-01-01');
    expect(lit('min', [])).toBe('null');
    expect(lit('min', n(5))).toBe('5');
    fails('min', [n(1), 'a']);
    fails('max', [n(1), null]);
  });

  it('sum, mean, product, median, stddev, mode', () => {
    expect(lit('sum', nums(1, 2, 3))).toBe('6');
    expect(lit('sum', n(1), n(2))).toBe('3');
    expect(lit('sum', [n('0.1'), n('0.2')])).toBe('0.3');
    expect(lit('sum', [])).toBe('null');
    fails('sum', [n(1), 'a']);
    fails('sum', [n(1), null]);
    expect(lit('mean', nums(1, 2, 3))).toBe('2');
    expect(lit('mean', n(1), n(2))).toBe('1.5');
    expect(lit('mean', [])).toBe('null');
    fails('mean', ['a']);
    expect(lit('product', nums(2, 3, 4))).toBe('24');
    expect(lit('product', [])).toBe('null');
    fails('product', [true]);
    expect(lit('median', nums(8, 2, 5, 3, 4))).toBe('4');
    expect(lit('median', nums(6, 1, 2, 3))).toBe('2.5');
    expect(lit('median', [])).toBe('null');
    fails('median', ['a']);
    expect(lit('stddev', nums(2, 4, 7, 5))).toBe('2.081665999466132735282297706979931');
    expect(lit('stddev', nums(47))).toBe('null');
    fails('stddev', ['a', 'b']);
    expect(lit('mode', nums(6, 3, 9, 6, 6))).toBe('[6]');
    expect(lit('mode', nums(6, 1, 9, 6, 1))).toBe('[1, 6]');
    expect(lit('mode', [])).toBe('[]');
    fails('mode', ['a']);
  });

  it('all and any', () => {
    expect(lit('all', [true, false])).toBe('false');
    expect(lit('all', [true, true])).toBe('true');
    expect(lit('all', [])).toBe('true');
    expect(lit('all', true)).toBe('true');
    expect(lit('all', [false, null])).toBe('false');
    fails('all', [true, null]);
    fails('all', [true, n(1)]);
    expect(lit('any', [false, true])).toBe('true');
    expect(lit('any', false, false)).toBe('false');
    expect(lit('any', [])).toBe('false');
    fails('any', [false, null]);
    isNull('any', null);
  });

  it('sublist, append, concatenate, insert before, remove, list replace, reverse', () => {
    expect(lit('sublist', nums(4, 5, 6), n(1), n(2))).toBe('[4, 5]');
    expect(lit('sublist', nums(4, 5, 6), n(-2))).toBe('[5, 6]');
    fails('sublist', nums(4, 5, 6), n(0));
    fails('sublist', nums(4, 5, 6), n(4));
    expect(lit('append', [n(1)], n(2), n(3))).toBe('[1, 2, 3]');
    expect(lit('append', [], null)).toBe('[null]');
    isNull('append', null, n(1));
    expect(lit('concatenate', nums(1, 2), nums(3))).toBe('[1, 2, 3]');
    expect(lit('concatenate', [n(1)], [])).toBe('[1]');
    fails('concatenate', [n(1)], n(2));
    expect(lit('insert before', nums(1, 3), n(2), n(2))).toBe('[1, 2, 3]');
    expect(lit('insert before', nums(1, 3), n(-1), n(2))).toBe('[1, 2, 3]');
    fails('insert before', nums(1, 3), n(3), n(2));
    expect(lit('remove', nums(1, 2, 3), n(2))).toBe('[1, 3]');
    fails('remove', nums(1, 2, 3), n(4));
    fails('remove', nums(1), 'x');
    expect(lit('list replace', nums(2, 4, 7, 8), n(3), n(6))).toBe('[2, 4, 6, 8]');
    const gt = new FeelFunction('gt', ['item', 'newItem'], (a) => {
      const [item, newItem] = a;
      return compare(item ?? null, newItem ?? null) === 1;
    });
    expect(lit('list replace', nums(2, 4, 7, 8), gt, n(5))).toBe('[2, 4, 5, 5]');
    fails('list replace', nums(1), n(5), n(0));
    expect(lit('reverse', nums(1, 2, 3))).toBe('[3, 2, 1]');
    isNull('reverse', null);
  });

  it('index of, union, distinct values, flatten', () => {
    expect(lit('index of', nums(1, 2, 3, 2), n(2))).toBe('[2, 4]');
    expect(lit('index of', nums(1), n(5))).toBe('[]');
    isNull('index of', null, n(1));
    expect(lit('union', nums(1, 2), nums(2, 3))).toBe('[1, 2, 3]');
    expect(lit('union', [n(1), n('1.0')])).toBe('[1]');
    expect(lit('distinct values', [n(1), n(2), n(3), n(2), n(1)])).toBe('[1, 2, 3]');
    expect(lit('distinct values', [[n(1)], [n(1)], 'a'])).toBe('[[1], "a"]');
    isNull('distinct values', null);
    expect(lit('flatten', [[n(1), n(2)], [[n(3)]], n(4)])).toBe('[1, 2, 3, 4]');
    isNull('flatten', null);
  });

  it('sort with and without precedes', () => {
    const precedes = new FeelFunction('gt', ['x', 'y'], (a) => compare(a[0] ?? null, a[1] ?? null) === 1);
    expect(lit('sort', nums(3, 1, 4, 2, 5), precedes)).toBe('[5, 4, 3, 2, 1]');
    expect(lit('sort', nums(3, 1, 4, 2, 5))).toBe('[1, 2, 3, 4, 5]');
    expect(lit('sort', ['b', 'a', 'c'])).toBe('["a", "b", "c"]');
    const byFirst = new FeelFunction('lt', ['x', 'y'], (a) => {
      const x = a[0] as FeelValue[];
      const y = a[1] as FeelValue[];
      return compare(x[0] ?? null, y[0] ?? null) === -1;
    });
    // Stable: equal keys keep their order.
    expect(lit('sort', [[n(2), 'a'], [n(1), 'b'], [n(2), 'c'], [n(1), 'd']], byFirst)).toBe('[[1, "b"], [1, "d"], [2, "a"], [2, "c"]]');
    const broken = new FeelFunction('bad', ['x', 'y'], () => n(1));
    fails('sort', nums(2, 1), broken);
    fails('sort', nums(2, 1), n(1));
    fails('sort', [n(1), 'a']);
    isNull('sort', null);
  });
});

describe('numeric functions', () => {
  it('decimal, floor, ceiling and the rounding modes', () => {
    expect(lit('decimal', n(1).div(3), n(2))).toBe('0.33');
    expect(lit('decimal', n('1.5'), n(0))).toBe('2');
    expect(lit('decimal', n('2.5'), n(0))).toBe('2');
    expect(lit('decimal', n('1234'), n(-2))).toBe('1200');
    fails('decimal', n(1), n(7000));
    fails('decimal', 'x', n(1));
    expect(lit('floor', n('1.5'))).toBe('1');
    expect(lit('floor', n('-1.5'))).toBe('-2');
    expect(lit('floor', n('-1.56'), n(1))).toBe('-1.6');
    expect(lit('ceiling', n('1.5'))).toBe('2');
    expect(lit('ceiling', n('-1.56'), n(1))).toBe('-1.5');
    isNull('floor', null);
    expect(lit('round up', n('5.5'), n(0))).toBe('6');
    expect(lit('round up', n('-5.5'), n(0))).toBe('-6');
    expect(lit('round up', n('1.121'), n(2))).toBe('1.13');
    expect(lit('round down', n('5.5'), n(0))).toBe('5');
    expect(lit('round down', n('-1.126'), n(2))).toBe('-1.12');
    expect(lit('round half up', n('5.5'), n(0))).toBe('6');
    expect(lit('round half up', n('-5.5'), n(0))).toBe('-6');
    expect(lit('round half up', n('1.125'), n(2))).toBe('1.13');
    expect(lit('round half down', n('5.5'), n(0))).toBe('5');
    expect(lit('round half down', n('-5.5'), n(0))).toBe('-5');
    expect(lit('round half down', n('1.126'), n(2))).toBe('1.13');
    fails('round up', n('5.5'));
    fails('round half up', n('5.5'), 'x');
  });

  it('abs, modulo, sqrt, log, exp, odd, even', () => {
    expect(lit('abs', n(-10))).toBe('10');
    expect(lit('abs', dur('-PT5H'))).toBe('PT5H');
    expect(lit('abs', dur('-P1Y'))).toBe('P1Y');
    fails('abs', 'x');
    expect(lit('modulo', n(12), n(5))).toBe('2');
    expect(lit('modulo', n(-12), n(5))).toBe('3');
    expect(lit('modulo', n(12), n(-5))).toBe('-3');
    expect(lit('modulo', n(-12), n(-5))).toBe('-2');
    expect(lit('modulo', n('10.1'), n('4.5'))).toBe('1.1');
    expect(lit('modulo', n('-10.1'), n('4.5'))).toBe('3.4');
    fails('modulo', n(1), n(0));
    expect(lit('sqrt', n(16))).toBe('4');
    expect(lit('sqrt', n(2))).toBe('1.414213562373095048801688724209698');
    fails('sqrt', n(-1));
    expect(lit('log', n(10))).toBe('2.302585092994045684017991454684364');
    fails('log', n(0));
    expect(lit('exp', n(5))).toBe('148.4131591025766034211155800405523');
    expect(lit('exp', n(0))).toBe('1');
    isNull('exp', null);
    expect(lit('odd', n(5))).toBe('true');
    expect(lit('odd', n(-2))).toBe('false');
    expect(lit('even', n(2))).toBe('true');
    expect(lit('even', n(0))).toBe('true');
    fails('even', n('2.5'));
    fails('odd', 'x');
  });
});

describe('date and time functions', () => {
  it('day of year, day of week, month of year, week of year', () => {
    expect(lit('day of year', date('2019-09-17'))).toBe('260');
    expect(lit('day of week', date('2019-09-17'))).toBe('"Tuesday"');
    expect(lit('day of week', dt('2024-03-03T10:00:00'))).toBe('"Sunday"');
    expect(lit('month of year', date('2019-09-17'))).toBe('"September"');
    expect(lit('week of year', date('2019-09-17'))).toBe('38');
    expect(lit('week of year', date('2003-12-29'))).toBe('1');
    expect(lit('week of year', date('2005-01-01'))).toBe('53');
    fails('day of year', 'x');
    isNull('week of year', null);
  });

  it('now and today come from the environment', () => {
    const now = dt('2024-05-06T07:08:09Z') as never;
    expect(valueToLiteral(call('now', [], new EvaluationEnvironment(1000, now)).value)).toBe('2024-05-06T07:08:09Z');
    expect(valueToLiteral(call('today', [], new EvaluationEnvironment(1000, now)).value)).toBe('2024-05-06');
    fails('now');
    fails('today');
  });
});

describe('range functions', () => {
  const r = (a: number | null, b: number | null, si = true, ei = true) => range(a === null ? null : n(a), b === null ? null : n(b), si, ei);
  const table: Array<[string, FeelValue, FeelValue, boolean]> = [
    ['before', n(1), n(10), true],
    ['before', n(10), n(1), false],
    ['before', n(1), r(2, 5), true],
    ['before', n(1), r(1, 5, false), true],
    ['before', n(1), r(1, 5), false],
    ['before', r(1, 10), n(10), false],
    ['before', r(1, 10, true, false), n(10), true],
    ['before', r(1, 5), r(6, 8), true],
    ['before', r(1, 5), r(5, 8), false],
    ['before', r(1, 5, true, false), r(5, 8), true],
    ['before', r(null, 5, false), r(6, 8), true],
    ['after', n(10), n(1), true],
    ['after', n(12), r(2, 5), true],
    ['after', r(11, 20), n(12), false],
    ['after', r(6, 8), r(1, 5), true],
    ['after', r(5, 8, false), r(1, 5), true],
    ['after', r(5, 8), r(1, 5), false],
    ['meets', r(1, 5), r(5, 8), true],
    ['meets', r(1, 5, true, false), r(5, 8), false],
    ['met by', r(5, 8), r(1, 5), true],
    ['met by', r(5, 8, false), r(1, 5), false],
    ['overlaps', r(1, 5), r(3, 8), true],
    ['overlaps', r(3, 8), r(1, 5), true],
    ['overlaps', r(1, 8), r(3, 5), true],
    ['overlaps', r(1, 5), r(6, 8), false],
    ['overlaps', r(1, 5), r(5, 8), true],
    ['overlaps', r(1, 5, true, false), r(5, 8), false],
    ['overlaps', r(null, 5, false), r(4, null, true, false), true],
    ['overlaps before', r(1, 5), r(3, 8), true],
    ['overlaps before', r(1, 5), r(6, 8), false],
    ['overlaps before', r(1, 5), r(1, 8), false],
    ['overlaps before', r(1, 5), r(1, 8, false), true],
    ['overlaps after', r(3, 8), r(1, 5), true],
    ['overlaps after', r(6, 8), r(1, 5), false],
    ['finishes', n(10), r(1, 10), true],
    ['finishes', n(10), r(1, 10, true, false), false],
    ['finishes', r(3, 5), r(1, 5), true],
    ['finishes', r(1, 5, true, false), r(1, 5), false],
    ['finished by', r(1, 10), n(10), true],
    ['finished by', r(1, 5), r(3, 5), true],
    ['finished by', r(3, 5), r(1, 5), false],
    ['includes', r(1, 10), n(5), true],
    ['includes', r(1, 10, false), n(1), false],
    ['includes', r(1, 10), r(4, 6), true],
    ['includes', r(1, 10), r(1, 10, false), true],
    ['includes', r(1, 10, false), r(1, 10), false],
    ['includes', r(null, 10, false), r(-5, 6), true],
    ['during', n(5), r(1, 10), true],
    ['during', n(1), r(1, 10, false), false],
    ['during', r(4, 6), r(1, 10), true],
    ['during', r(1, 10), r(4, 6), false],
    ['starts', n(1), r(1, 10), true],
    ['starts', n(1), r(1, 10, false), false],
    ['starts', r(1, 5), r(1, 10), true],
    ['starts', r(1, 5, false), r(1, 10), false],
    ['started by', r(1, 10), n(1), true],
    ['started by', r(1, 10), r(1, 5), true],
    ['started by', r(1, 5), r(1, 10), false],
    ['coincides', n(5), n(5), true],
    ['coincides', n(3), n(4), false],
    ['coincides', r(1, 5), r(1, 5), true],
    ['coincides', r(1, 5, false), r(1, 5), false],
  ];

  it.each(table)('%s(%o, %o) is %s', (name, a, b, expected) => {
    const res = call(name, [a, b]);
    expect(res.value).toBe(expected);
    expect(res.warnings).toBe(0);
  });

  it('works on dates and answers null for bad arguments', () => {
    expect(lit('before', date('2021-01-01'), range(date('2021-02-01'), date('2021-03-01')))).toBe('true');
    expect(lit('includes', range(date('2021-01-01'), date('2021-12-31')), date('2021-06-01'))).toBe('true');
    isNull('before', null, n(1));
    fails('meets', n(1), n(2));
    fails('includes', n(1), range(n(1), n(2)));
    expect(call('before', [n(1), range('a', 'b')]).value).toBeNull();
  });
});

describe('the library', () => {
  it('holds the DMN 1.5 built-ins', () => {
    const expected = [
      'date', 'date and time', 'time', 'number', 'string', 'duration', 'years and months duration', 'range', 'context',
      'context put', 'context merge', 'get value', 'get entries', 'not', 'is', 'substring', 'string length', 'upper case',
      'lower case', 'substring before', 'substring after', 'replace', 'contains', 'starts with', 'ends with', 'matches',
      'split', 'string join', 'list contains', 'count', 'min', 'max', 'sum', 'mean', 'all', 'any', 'sublist', 'append',
      'concatenate', 'insert before', 'remove', 'reverse', 'index of', 'union', 'distinct values', 'flatten', 'product',
      'median', 'stddev', 'mode', 'sort', 'list replace', 'decimal', 'floor', 'ceiling', 'round up', 'round down',
      'round half up', 'round half down', 'abs', 'modulo', 'sqrt', 'log', 'exp', 'odd', 'even', 'day of year',
      'day of week', 'month of year', 'week of year', 'now', 'today', 'before', 'after', 'meets', 'met by', 'overlaps',
      'overlaps before', 'overlaps after', 'finishes', 'finished by', 'includes', 'during', 'starts', 'started by',
      'coincides',
    ];
    for (const name of expected) expect(BUILTINS.has(name), name).toBe(true);
    expect(BUILTINS.size).toBe(expected.length);
  });

  it('checks arity', () => {
    fails('string length');
    fails('string length', 'a', 'b');
    fails('substring', 'a', n(1), n(1), n(1));
  });

  it('uses the spec parameter names and binds named arguments, across overloads', () => {
    const e = new EvaluationEnvironment();
    const substring = BUILTINS.get('substring') as BuiltinFunction;
    expect(substring.parameters).toEqual(['string', 'start position', 'length']);
    const args = bindNamedArguments(substring, new Map<string, FeelValue>([['start position', n(2)], ['string', 'abc']]), e);
    expect(args).toEqual(['abc', n(2)]);
    expect(substring.invoke(args ?? [], e)).toBe('bc');
    const date = BUILTINS.get('date') as BuiltinFunction;
    const ymd = bindNamedArguments(date, new Map<string, FeelValue>([['year', n(2020)], ['month', n(2)], ['day', n(29)]]), e);
    expect(valueToLiteral(date.invoke(ymd ?? [], e))).toBe('2020-02-29');
    const before = BUILTINS.get('before') as BuiltinFunction;
    const rr = bindNamedArguments(before, new Map<string, FeelValue>([['range2', range(n(5), n(6))], ['range1', range(n(1), n(2))]]), e);
    expect(before.invoke(rr ?? [], e)).toBe(true);
    expect(bindNamedArguments(substring, new Map<string, FeelValue>([['text', 'a']]), e)).toBeNull();
    expect(bindNamedArguments(substring, new Map<string, FeelValue>([['string', 'a']]), e)).toBeNull();
    expect(e.warnings.length).toBe(2);
    const user = new FeelFunction('f', ['a', 'b'], () => null);
    expect(bindNamedArguments(user, new Map<string, FeelValue>([['b', n(1)]]), e)).toEqual([null, n(1)]);
    expect(BUILTINS.get('sum')?.variadic).toBe(true);
    expect(BUILTINS.get('number')?.parameters).toEqual(['from', 'grouping separator', 'decimal separator']);
  });

  it('picks an overload by the declared type of a named argument (context put: key is a string, keys a list)', () => {
    const e = new EvaluationEnvironment();
    const put = BUILTINS.get('context put') as BuiltinFunction;
    const c = ctx({ a: n(1) });
    const byKey = bindNamedArguments(put, new Map<string, FeelValue>([['context', c], ['key', 'b'], ['value', n(2)]]), e);
    expect(valueToLiteral(put.invoke(byKey ?? [], e))).toBe('{a: 1, b: 2}');
    const byKeys = bindNamedArguments(put, new Map<string, FeelValue>([['context', c], ['keys', ['b']], ['value', n(2)]]), e);
    expect(valueToLiteral(put.invoke(byKeys ?? [], e))).toBe('{a: 1, b: 2}');
    expect(e.warnings.length).toBe(0);
    expect(bindNamedArguments(put, new Map<string, FeelValue>([['context', c], ['key', ['b']], ['value', n(2)]]), e)).toBeNull();
    expect(bindNamedArguments(put, new Map<string, FeelValue>([['context', c], ['keys', 'b'], ['value', n(2)]]), e)).toBeNull();
    expect(e.warnings.length).toBe(2);
    // Positional calls take either form.
    expect(lit('context put', c, ['b'], n(2))).toBe('{a: 1, b: 2}');
  });
});
