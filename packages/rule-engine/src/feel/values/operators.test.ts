import { describe, expect, it } from 'vitest';
import {
  DaysTimeDuration,
  EvaluationEnvironment,
  FeelContext,
  FeelDecimal,
  FeelFunction,
  FeelRange,
  YearsMonthsDuration,
  type FeelValue,
} from './feel-value.js';
import { valueToString } from './format.js';
import {
  add,
  compare,
  conformsTo,
  divide,
  feelEquals,
  feelNotEquals,
  inRange,
  isInstanceOf,
  isSameValue,
  multiply,
  negate,
  parseType,
  power,
  rangeIncludes,
  subtract,
  typeNameOf,
  unaryTestMatches,
} from './operators.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal.js';

const n = (x: string | number) => new FeelDecimal(x);
const date = (s: string) => parseDate(s) as FeelValue;
const dt = (s: string) => parseDateTime(s) as FeelValue;
const time = (s: string) => parseTime(s) as FeelValue;
const dur = (s: string) => parseDuration(s) as FeelValue;
const text = (v: FeelValue) => valueToString(v);

function env() {
  return new EvaluationEnvironment();
}

describe('number arithmetic is exact decimal', () => {
  it('adds 0.1 + 0.2 to exactly 0.3', () => {
    const e = env();
    const r = add(n('0.1'), n('0.2'), e);
    expect(feelEquals(r, n('0.3'))).toBe(true);
    expect(text(r)).toBe('0.3');
  });

  it('rounds 1/3*3 to 34 digits (decimal128)', () => {
    const e = env();
    const third = divide(n(1), n(3), e);
    expect(text(third)).toBe(`0.${'3'.repeat(34)}`);
    expect(text(multiply(third, n(3), e))).toBe(`0.${'9'.repeat(34)}`);
  });

  it('keeps large money sums exact', () => {
    const e = env();
    let total: FeelValue = n(0);
    for (let i = 0; i < 1000; i++) total = add(total, n('12345678901234.01'), e);
    expect(text(total)).toBe('12345678901234010');
    expect(text(subtract(n('1000000000000000000.10'), n('0.01'), e))).toBe('1000000000000000000.09');
  });

  it('divides, powers and negates', () => {
    const e = env();
    expect(text(divide(n(10), n(4), e))).toBe('2.5');
    expect(text(power(n(2), n(10), e))).toBe('1024');
    expect(text(power(n(2), n(-1), e))).toBe('0.5');
    expect(text(negate(n(5), e))).toBe('-5');
    expect(e.warnings).toEqual([]);
  });

  it('answers null with a warning for division by zero and bad operands', () => {
    const e = env();
    expect(divide(n(1), n(0), e)).toBeNull();
    expect(e.warnings[0]?.code).toBe('divisionByZero');
    expect(power(n(0), n(-1), e)).toBeNull();
    expect(power(n(-8), n('0.5'), e)).toBeNull();
    expect(add(n(1), 'a', e)).toBeNull();
    expect(add('a', n(1), e)).toBeNull();
    expect(subtract('a', 'b', e)).toBeNull();
    expect(multiply(true, n(1), e)).toBeNull();
    expect(negate('x', e)).toBeNull();
    expect(e.warnings.length).toBe(8);
  });

  it('propagates null without a warning', () => {
    const e = env();
    for (const op of [add, subtract, multiply, divide, power]) {
      expect(op(null, n(1), e)).toBeNull();
      expect(op(n(1), null, e)).toBeNull();
    }
    expect(negate(null, e)).toBeNull();
    expect(e.warnings).toEqual([]);
  });

  it('works without an environment', () => {
    expect(add(n(1), 'a')).toBeNull();
    expect(compare(n(1), 'a')).toBeNull();
  });
});

describe('string concatenation', () => {
  it('concatenates strings only', () => {
    const e = env();
    expect(add('foo', 'bar', e)).toBe('foobar');
    expect(add('foo', true, e)).toBeNull();
    expect(e.warnings.length).toBe(1);
  });
});

describe('temporal arithmetic', () => {
  it('adds years-months to dates clamping the day', () => {
    const e = env();
    expect(text(add(date('2021-01-31'), dur('P1M'), e))).toBe('2021-02-28');
    expect(text(add(dur('P1M'), date('2020-01-31'), e))).toBe('2020-02-29');
    expect(text(subtract(date('2021-03-31'), dur('P1M'), e))).toBe('2021-02-28');
    expect(text(add(date('2021-12-15'), dur('P1Y1M'), e))).toBe('2023-01-15');
    expect(text(add(dt('2021-01-31T10:00:00Z'), dur('P1M'), e))).toBe('2021-02-28T10:00:00Z');
  });

  it('adds days-time durations to dates, date-times and times', () => {
    const e = env();
    expect(text(add(date('2021-12-31'), dur('P1D'), e))).toBe('2022-01-01');
    expect(text(add(date('2021-12-31'), dur('PT12H'), e))).toBe('2021-12-31');
    expect(text(subtract(date('2021-01-01'), dur('PT1H'), e))).toBe('2020-12-31');
    expect(text(add(dt('2021-12-31T23:30:00'), dur('PT1H'), e))).toBe('2022-01-01T00:30:00');
    expect(text(add(dt('2021-12-31T23:30:00+02:00'), dur('PT1H'), e))).toBe('2022-01-01T00:30:00+02:00');
    expect(text(add(time('23:30:00Z'), dur('PT1H'), e))).toBe('00:30:00Z');
    expect(text(subtract(time('00:30:00'), dur('PT1H'), e))).toBe('23:30:00');
    expect(text(add(time('10:00:00'), dur('PT0.25S'), e))).toBe('10:00:00.25');
    expect(e.warnings).toEqual([]);
  });

  it('adds across a DST change in a zone on the instant line', () => {
    const e = env();
    // Paris moves from +01:00 to +02:00 on 2021-03-28 at 02:00 local.
    expect(text(add(dt('2021-03-27T12:00:00@Europe/Paris'), dur('PT24H'), e))).toBe('2021-03-28T13:00:00@Europe/Paris');
    expect(text(add(dt('2021-03-27T12:00:00@Europe/Paris'), dur('P1D'), e))).toBe('2021-03-28T13:00:00@Europe/Paris');
    const diff = subtract(dt('2021-03-28T12:00:00@Europe/Paris'), dt('2021-03-27T12:00:00@Europe/Paris'), e);
    expect(text(diff)).toBe('PT23H');
    expect(text(add(dt('2021-10-30T12:00:00@Europe/Paris'), dur('P1M'), e))).toBe('2021-11-30T12:00:00@Europe/Paris');
  });

  it('subtracts temporals to days-time durations', () => {
    const e = env();
    expect(text(subtract(dt('2021-01-02T10:00:00Z'), dt('2021-01-01T09:30:00Z'), e))).toBe('P1DT30M');
    expect(text(subtract(dt('2021-01-01T10:00:00+01:00'), dt('2021-01-01T09:00:00Z'), e))).toBe('PT0S');
    expect(text(subtract(date('2021-03-01'), date('2021-02-01'), e))).toBe('P28D');
    expect(text(subtract(date('2021-02-01'), date('2021-03-01'), e))).toBe('-P28D');
    expect(text(subtract(time('10:00:00'), time('11:30:00'), e))).toBe('-PT1H30M');
    expect(text(subtract(time('10:00:00+01:00'), time('09:00:00Z'), e))).toBe('PT0S');
    expect(text(subtract(dt('2021-01-02T01:00:00Z'), date('2021-01-01'), e))).toBe('P1DT1H');
    expect(text(subtract(date('2021-01-02'), dt('2021-01-01T10:10:10+11:00'), e))).toBe('P1DT49M50S');
    expect(text(subtract(dt('2021-01-02T10:10:10'), dt('2021-01-01T10:10:10'), e))).toBe('P1D');
  });

  it('finds times and date-times equal only with the same kind of zone (none, offset, zone id)', () => {
    expect(feelEquals(dt('2018-12-08T00:00:00+00:00'), dt('2018-12-08T00:00:00@Etc/UTC'))).toBe(false);
    expect(feelEquals(dt('2018-12-08T00:00:00Z'), dt('2018-12-08T01:00:00+01:00'))).toBe(true);
    expect(feelEquals(dt('2018-12-08T00:00:00'), dt('2018-12-08T00:00:00Z'))).toBe(false);
    expect(feelEquals(dt('2018-12-08T01:00:00@Europe/Paris'), dt('2018-12-08T00:00:00@Etc/UTC'))).toBe(true);
    expect(feelEquals(time('10:30:00Z'), time('10:30:00+00:00'))).toBe(true);
    expect(feelEquals(time('10:30:00@Europe/Paris'), time('10:30:00'))).toBe(false);
  });

  it('gives null for the difference of a zoned and a local date-time (a date counts as UTC midnight)', () => {
    const e = env();
    expect(subtract(dt('2021-01-02T10:10:10+02:00'), dt('2021-01-01T10:10:10'), e)).toBeNull();
    expect(subtract(dt('2021-01-02T10:10:10'), dt('2021-01-01T10:10:10@Europe/Paris'), e)).toBeNull();
    expect(subtract(dt('2021-01-02T00:00:00'), date('2021-01-01'), e)).toBeNull();
    expect(subtract(date('2021-01-02'), dt('2021-01-01T10:10:10'), e)).toBeNull();
    expect(e.warnings.length).toBe(4);
  });

  it('does duration arithmetic of one kind', () => {
    const e = env();
    expect(text(add(dur('P1Y'), dur('P2M'), e))).toBe('P1Y2M');
    expect(text(subtract(dur('P1D'), dur('PT1H'), e))).toBe('PT23H');
    expect(text(multiply(dur('PT1H'), n('1.5'), e))).toBe('PT1H30M');
    expect(text(multiply(n(2), dur('P7M'), e))).toBe('P1Y2M');
    expect(text(multiply(dur('P1M'), n('2.5'), e))).toBe('P2M');
    expect(text(divide(dur('P1D'), n(4), e))).toBe('PT6H');
    expect(text(divide(dur('P1D'), dur('PT1H'), e))).toBe('24');
    expect(text(divide(dur('P1Y'), dur('P1M'), e))).toBe('12');
    expect(text(divide(dur('P1Y'), n(5), e))).toBe('P2M');
    expect(text(negate(dur('P1D'), e))).toBe('-P1D');
    expect(text(negate(dur('P1M'), e))).toBe('-P1M');
    expect(e.warnings).toEqual([]);
    expect(add(dur('P1Y'), dur('P1D'), e)).toBeNull();
    expect(divide(dur('P1Y'), dur('P1D'), e)).toBeNull();
    expect(divide(dur('P1D'), n(0), e)).toBeNull();
    expect(add(date('2021-01-01'), date('2021-01-01'), e)).toBeNull();
    expect(add(time('10:00:00'), dur('P1M'), e)).toBeNull();
    expect(e.warnings.length).toBe(5);
  });

  it('refuses results outside the year range', () => {
    const e = env();
    expect(add(date('999999999-12-31'), dur('P1D'), e)).toBeNull();
    expect(e.warnings[0]?.code).toBe('outOfRange');
  });
});

describe('equality', () => {
  const ctx = (o: Record<string, FeelValue>) => new FeelContext(Object.entries(o));
  const fn = new FeelFunction('f', [], () => null);
  const samples: Array<[string, FeelValue]> = [
    ['number', n(1)],
    ['string', 'a'],
    ['boolean', true],
    ['date', date('2021-01-01')],
    ['time', time('10:00:00')],
    ['date and time', dt('2021-01-01T10:00:00')],
    ['days and time duration', dur('P1D')],
    ['years and months duration', dur('P1Y')],
    ['list', [n(1)]],
    ['context', ctx({ a: n(1) })],
    ['range', new FeelRange(true, n(1), n(2), true)],
  ];

  it('is null between different non-null types, and reflexive within one', () => {
    for (const [ta, a] of samples) {
      for (const [tb, b] of samples) {
        const r = feelEquals(a, b);
        if (ta === tb) expect(r, `${ta} = ${tb}`).toBe(true);
        else expect(r, `${ta} = ${tb}`).toBeNull();
      }
      expect(feelEquals(a, null)).toBe(false);
      expect(feelEquals(null, a)).toBe(false);
    }
    expect(feelEquals(null, null)).toBe(true);
    expect(feelEquals(fn, fn)).toBe(true);
  });

  it('compares values within a type', () => {
    expect(feelEquals(n('1.0'), n(1))).toBe(true);
    expect(feelEquals(n('1.01'), n(1))).toBe(false);
    expect(feelEquals('a', 'b')).toBe(false);
    expect(feelEquals(true, false)).toBe(false);
    expect(feelEquals(dt('2021-01-01T10:00:00Z'), dt('2021-01-01T10:00:00+00:00'))).toBe(true);
    expect(feelEquals(dt('2021-01-01T11:00:00+01:00'), dt('2021-01-01T10:00:00Z'))).toBe(true);
    expect(feelEquals(time('10:00:00Z'), time('10:00:00+00:00'))).toBe(true);
    expect(feelEquals(dur('P1Y'), dur('P12M'))).toBe(true);
    expect(feelEquals(dur('P1D'), dur('PT24H'))).toBe(true);
    expect(feelEquals([n(1), 'a'], [n(1), 'a'])).toBe(true);
    expect(feelEquals([n(1), 'a'], [n(1), 'b'])).toBe(false);
    expect(feelEquals([n(1)], [n(1), n(2)])).toBe(false);
    expect(feelEquals([n(1), 'a'], [n(1), n(2)])).toBeNull();
    expect(feelEquals([null], [null])).toBe(true);
    expect(feelEquals(ctx({ a: n(1), b: 'x' }), ctx({ b: 'x', a: n('1.0') }))).toBe(true);
    expect(feelEquals(ctx({ a: n(1) }), ctx({ a: n(2) }))).toBe(false);
    expect(feelEquals(ctx({ a: n(1) }), ctx({ b: n(1) }))).toBe(false);
    expect(feelEquals(new FeelRange(true, n(1), n(2), false), new FeelRange(true, n(1), n(2), true))).toBe(false);
    expect(feelEquals(new FeelRange(false, null, n(2), false), new FeelRange(false, null, n(2), false))).toBe(true);
    expect(feelNotEquals(n(1), n(2))).toBe(true);
    expect(feelNotEquals(n(1), 'a')).toBeNull();
  });

  it('is() separates what = equates', () => {
    expect(isSameValue(time('23:00:50Z'), time('23:00:50'))).toBe(false);
    expect(isSameValue(time('23:00:50Z'), time('23:00:50+00:00'))).toBe(true);
    expect(isSameValue(dt('2012-12-25T12:00:00+01:00'), dt('2012-12-25T11:00:00Z'))).toBe(false);
    expect(isSameValue(date('2012-12-25'), dt('2012-12-25T00:00:00'))).toBe(false);
    expect(isSameValue(n(1), n('1.0'))).toBe(true);
    expect(isSameValue(n(1), '1')).toBe(false);
    expect(isSameValue(null, null)).toBe(true);
  });
});

describe('ordering', () => {
  it('orders numbers, strings, temporals and durations of one kind', () => {
    const e = env();
    expect(compare(n(1), n(2), e)).toBe(-1);
    expect(compare(n('2.0'), n(2), e)).toBe(0);
    expect(compare('b', 'a', e)).toBe(1);
    expect(compare(date('2021-01-01'), date('2021-01-02'), e)).toBe(-1);
    expect(compare(time('10:00:00'), time('09:00:00'), e)).toBe(1);
    expect(compare(dt('2021-01-01T10:00:00+01:00'), dt('2021-01-01T09:30:00Z'), e)).toBe(-1);
    expect(compare(dur('P1D'), dur('PT25H'), e)).toBe(-1);
    expect(compare(dur('P1Y'), dur('P11M'), e)).toBe(1);
    expect(e.warnings).toEqual([]);
  });

  it('answers null (with a warning) for unordered types and mixed pairs', () => {
    const e = env();
    expect(compare(true, false, e)).toBeNull();
    expect(compare(n(1), '1', e)).toBeNull();
    expect(compare(date('2021-01-01'), dt('2021-01-01T00:00:00'), e)).toBeNull();
    expect(compare(dur('P1Y'), dur('P1D'), e)).toBeNull();
    expect(compare([n(1)], [n(1)], e)).toBeNull();
    expect(e.warnings.length).toBe(5);
    expect(compare(null, n(1), e)).toBeNull();
    expect(e.warnings.length).toBe(5);
  });
});

describe('ranges and unary tests', () => {
  it('tests membership with open and closed endpoints', () => {
    const e = env();
    const r = new FeelRange(true, n(1), n(10), false);
    expect(inRange(n(1), r, e)).toBe(true);
    expect(inRange(n(10), r, e)).toBe(false);
    expect(inRange(n('9.99'), r, e)).toBe(true);
    expect(inRange(n(0), r, e)).toBe(false);
    expect(rangeIncludes(new FeelRange(false, null, n(10), true), n(-1e9), e)).toBe(true);
    expect(inRange(n(5), new FeelRange(false, n(5), null, false), e)).toBe(false);
    expect(inRange(date('2021-06-01'), new FeelRange(true, date('2021-01-01'), date('2021-12-31'), true), e)).toBe(true);
    expect(inRange(null, r, e)).toBeNull();
    expect(inRange('a', r, e)).toBeNull();
    expect(e.warnings.length).toBe(1);
  });

  it('matches unary test values', () => {
    const e = env();
    expect(unaryTestMatches(n(5), [n(1), new FeelRange(true, n(4), n(6), true)], e)).toBe(true);
    expect(unaryTestMatches(n(7), [n(1), n(2)], e)).toBe(false);
    expect(unaryTestMatches('a', 'a', e)).toBe(true);
    expect(unaryTestMatches(null, null, e)).toBe(true);
    expect(unaryTestMatches(n(1), null, e)).toBe(false);
  });
});

describe('types', () => {
  it('names the type of every value', () => {
    expect(typeNameOf(null)).toBe('Null');
    expect(typeNameOf(n(1))).toBe('number');
    expect(typeNameOf('a')).toBe('string');
    expect(typeNameOf(false)).toBe('boolean');
    expect(typeNameOf(date('2021-01-01'))).toBe('date');
    expect(typeNameOf(time('10:00:00'))).toBe('time');
    expect(typeNameOf(dt('2021-01-01T10:00:00'))).toBe('date and time');
    expect(typeNameOf(new DaysTimeDuration(n(1)))).toBe('days and time duration');
    expect(typeNameOf(new YearsMonthsDuration(1))).toBe('years and months duration');
    expect(typeNameOf([])).toBe('list');
    expect(typeNameOf(new FeelContext())).toBe('context');
    expect(typeNameOf(new FeelRange(true, n(1), n(2), true))).toBe('range');
    expect(typeNameOf(new FeelFunction('f', [], () => null))).toBe('function');
  });

  it('checks instance of against type expressions', () => {
    const ctx = new FeelContext([
      ['name', 'x'],
      ['age', n(3)],
    ]);
    expect(isInstanceOf(n(1), 'number')).toBe(true);
    expect(isInstanceOf(n(1), 'string')).toBe(false);
    expect(isInstanceOf(n(1), 'Any')).toBe(true);
    // Null is an instance of Null only (DMN TCK 0070 null_001); a null entry conforms to any type.
    expect(isInstanceOf(null, 'Any')).toBe(false);
    expect(isInstanceOf(null, 'Null')).toBe(true);
    expect(isInstanceOf(null, 'number')).toBe(false);
    expect(isInstanceOf(new FeelContext([['a', null]]), 'context<a: string>')).toBe(true);
    expect(isInstanceOf([n(1), null], 'list<number>')).toBe(true);
    // Names other than FEEL's types resolve through the named types given (item definitions).
    const named = new Map([['tAges', parseType('list<number>')!]]);
    expect(conformsTo([n(1)], parseType('tAges')!, named)).toBe(true);
    expect(conformsTo(['a'], parseType('tAges')!, named)).toBe(false);
    expect(conformsTo([n(1)], parseType('tAges')!)).toBe(false);
    expect(isInstanceOf(dt('2021-01-01T10:00:00'), 'date and time')).toBe(true);
    expect(isInstanceOf(date('2021-01-01'), 'date and time')).toBe(false);
    expect(isInstanceOf(dur('P1D'), 'days and time duration')).toBe(true);
    expect(isInstanceOf(dur('P1Y'), 'years and months duration')).toBe(true);
    expect(isInstanceOf([n(1), n(2)], 'list<number>')).toBe(true);
    expect(isInstanceOf([n(1), 'a'], 'list<number>')).toBe(false);
    expect(isInstanceOf([[n(1)]], 'list<list<number>>')).toBe(true);
    expect(isInstanceOf([], 'list<string>')).toBe(true);
    expect(isInstanceOf(ctx, 'context<name: string, age: number>')).toBe(true);
    expect(isInstanceOf(ctx, 'context<name: string>')).toBe(true);
    expect(isInstanceOf(ctx, 'context<name: number>')).toBe(false);
    expect(isInstanceOf(ctx, 'context<"first name": string>')).toBe(false);
    expect(isInstanceOf(new FeelRange(true, n(1), n(2), true), 'range<number>')).toBe(true);
    expect(isInstanceOf(new FeelRange(true, n(1), n(2), true), 'range<date>')).toBe(false);
    const f = new FeelFunction('f', ['a', 'b'], () => null);
    expect(isInstanceOf(f, 'function<number, number>->number')).toBe(true);
    expect(isInstanceOf(f, 'function<number>->number')).toBe(false);
    expect(isInstanceOf(f, 'function')).toBe(true);
    expect(isInstanceOf(n(1), 'list<')).toBe(false);
    expect(isInstanceOf(n(1), 'tPerson')).toBe(false);
  });
});
