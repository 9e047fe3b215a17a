/**
 * Equality (DMN 1.5, 10.3.2.9 and Table 57), `in` (10.3.2.14, Table 55), `is()` (10.3.4.x: the
 * same element of the semantic domain) and `instance of` (10.3.2.9.3).
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { valueToLiteral } from './format.js';

const feel = (source: string, vars: Record<string, never> = {}): string => valueToLiteral(compileExpression(source).evaluate(vars).value);
const table = (rows: readonly (readonly [string, string])[]): void => {
  for (const [source, expected] of rows) expect(feel(source), source).toBe(expected);
};

describe('= over lists, contexts and ranges', () => {
  it('compares lists element by element, in order', () => {
    table([
      ['[1, 2] = [1, 2]', 'true'],
      ['[1, 2] = [2, 1]', 'false'],
      ['[1, 2] = [1, 2, 3]', 'false'],
      ['[] = []', 'true'],
      ['[1, null] = [1, null]', 'true'],
      ['[1, 2] = [1, null]', 'false'],
      ['[[1, 2], [3]] = [[1, 2], [3]]', 'true'],
      ['[1, 2] != [1, 2]', 'false'],
      ['[1.0, 2.00] = [1, 2]', 'true'],
    ]);
  });

  it('compares contexts by their keys and values, in any order', () => {
    table([
      ['{a: 1} = {a: 1}', 'true'],
      ['{a: 1, b: 2} = {b: 2, a: 1}', 'true'],
      ['{a: 1} = {a: 2}', 'false'],
      ['{a: 1} = {b: 1}', 'false'],
      ['{a: 1} = {a: 1, b: 2}', 'false'],
      ['{} = {}', 'true'],
      ['{a: {b: [1, 2]}} = {a: {b: [1, 2]}}', 'true'],
      ['{a: null} = {a: null}', 'true'],
    ]);
  });

  it('compares ranges by their endpoints and inclusion', () => {
    table([
      ['[1..2] = [1..2]', 'true'],
      ['[1..2] = [1..2)', 'false'],
      ['(1..2] = ]1..2]', 'true'],
      ['[1..2] = [1..3]', 'false'],
      ['(< 5) = (< 5)', 'true'],
      ['(< 5) = (<= 5)', 'false'],
      ['(>= 5) = (> 5)', 'false'],
      ['[date("2020-01-01")..date("2020-12-31")] = [@"2020-01-01"..@"2020-12-31"]', 'true'],
    ]);
  });

  it('is null between values of different types, null only equal to null', () => {
    table([
      ['1 = "1"', 'null'],
      ['[1] = 1', 'null'],
      ['{a: 1} = [1]', 'null'],
      ['[1..2] = [1, 2]', 'null'],
      ['null = null', 'true'],
      ['null = 1', 'false'],
      ['[1] = null', 'false'],
      ['null != {a: 1}', 'true'],
    ]);
  });
});

describe('= over temporal values', () => {
  it('compares date-times with offsets as instants', () => {
    table([
      ['date and time("2020-01-01T10:00:00+01:00") = date and time("2020-01-01T09:00:00Z")', 'true'],
      ['date and time("2020-01-01T10:00:00+01:00") = date and time("2020-01-01T10:00:00Z")', 'false'],
      ['date and time("2020-01-01T10:00:00Z") = date and time("2020-01-01T10:00:00+00:00")', 'true'],
      ['date and time("2020-07-01T11:00:00@Europe/Paris") = date and time("2020-07-01T10:00:00@Europe/London")', 'true'],
      ['time("10:00:00+01:00") = time("09:00:00Z")', 'true'],
      ['time("10:00:00") = time("10:00:00")', 'true'],
    ]);
  });

  it('keeps local and zoned values, and dates and date-times, apart', () => {
    table([
      ['date and time("2020-01-01T10:00:00") = date and time("2020-01-01T10:00:00Z")', 'false'],
      ['time("10:00:00") = time("10:00:00Z")', 'false'],
      ['date("2020-01-01") = date and time("2020-01-01T00:00:00")', 'null'],
      ['date("2020-01-01") = date("2020-01-01")', 'true'],
    ]);
  });

  it('compares durations of one kind by value', () => {
    table([
      ['duration("P1Y") = duration("P12M")', 'true'],
      ['duration("P1D") = duration("PT24H")', 'true'],
      ['duration("P1Y") = duration("P365D")', 'null'],
    ]);
  });
});

describe('< > over temporal values (Table 80)', () => {
  it('gives a value without a time zone the offset of the other', () => {
    table([
      ['@"2020-01-01T10:00:00" < @"2020-01-01T10:30:00+01:00"', 'true'],
      ['@"2020-01-01T10:30:00+01:00" > @"2020-01-01T10:00:00"', 'true'],
      ['@"2020-01-01T11:00:00" > @"2020-01-01T10:30:00@Europe/Paris"', 'true'],
      ['@"2020-01-01T10:00:00+01:00" < @"2020-01-01T09:30:00Z"', 'true'],
      ['time("10:00:00") < time("10:30:00+05:00")', 'true'],
      ['time("10:00:00+01:00") > time("09:30:00Z")', 'false'],
      ['time("10:00:00") <= time("10:00:00-03:00")', 'true'],
    ]);
  });
});

describe('in', () => {
  it('tests ranges, lists and lists of unary tests', () => {
    table([
      ['5 in [1..10]', 'true'],
      ['5 in (5..10]', 'false'],
      ['5 in [1, 5]', 'true'],
      ['5 in [1, 6]', 'false'],
      ['5 in (<5, >10)', 'false'],
      ['11 in (<5, >10)', 'true'],
      ['5 in (<= 5, > 10)', 'true'],
      ['5 in < 10', 'true'],
      ['5 in [[1..3], [4..6]]', 'true'],
      ['5 in [< 3, > 4]', 'true'],
      ['"b" in ["a".."c"]', 'true'],
      ['date("2020-01-05") in [date("2020-01-01")..date("2020-01-10")]', 'true'],
    ]);
  });

  it('finds a list in a list of lists', () => {
    table([
      ['[1, 2] in [[1, 2], [3]]', 'true'],
      ['[3] in [[1, 2], [3]]', 'true'],
      ['[1, 3] in [[1, 2], [3]]', 'false'],
      ['{a: 1} in [{a: 1}, {a: 2}]', 'true'],
    ]);
  });

  it('is three-valued with null', () => {
    table([
      ['null in [1, null]', 'true'],
      ['null in [1, 2]', 'false'],
      ['null in [1..10]', 'null'],
    ]);
  });
});

describe('is()', () => {
  it('is true for the same element of the same type', () => {
    table([
      ['is(1, 1.0)', 'true'],
      ['is(1, "1")', 'false'],
      ['is(null, null)', 'true'],
      ['is(null, 1)', 'false'],
      ['is(date("2012-12-25"), date("2012-12-25"))', 'true'],
      ['is(date("2012-12-25"), time("23:00:50"))', 'false'],
      ['is(date("2012-12-25"), date and time("2012-12-25T00:00:00"))', 'false'],
      ['is(duration("P1Y"), duration("P12M"))', 'true'],
      ['is(value1: "a", value2: "a")', 'true'],
    ]);
  });

  it('tells apart equal instants with different offsets or zones', () => {
    table([
      ['is(time("23:00:50z"), time("23:00:50"))', 'false'],
      ['is(time("23:00:50Z"), time("23:00:50+00:00"))', 'true'],
      ['is(time("23:00:50@Etc/UTC"), time("23:00:50Z"))', 'false'],
      ['is(time("10:00:00+01:00"), time("09:00:00Z"))', 'false'],
      ['is(date and time("2012-12-25T12:00:00+01:00"), date and time("2012-12-25T11:00:00Z"))', 'false'],
      ['is(date and time("2012-12-25T12:00:00@Europe/Paris"), date and time("2012-12-25T12:00:00@Europe/Paris"))', 'true'],
    ]);
  });

  it('looks into lists, contexts and ranges the same way', () => {
    table([
      ['is([1, 2], [1, 2])', 'true'],
      ['is([1, 2], [1, "2"])', 'false'],
      ['is({a: 1}, {a: 1})', 'true'],
      ['is({a: 1}, {a: 1, b: 2})', 'false'],
      ['is([time("10:00:00+01:00")], [time("09:00:00Z")])', 'false'],
      ['is({t: time("10:00:00Z")}, {t: time("10:00:00+00:00")})', 'true'],
      ['is([1..2], [1..2])', 'true'],
      ['is([1..2], [1..2))', 'false'],
    ]);
  });
});

describe('instance of', () => {
  it('checks base, list, context, range and function types', () => {
    table([
      ['1 instance of number', 'true'],
      ['"a" instance of string', 'true'],
      ['null instance of Null', 'true'],
      ['null instance of number', 'false'],
      ['1 instance of Any', 'true'],
      ['[1, 2] instance of list<number>', 'true'],
      ['[1, "a"] instance of list<number>', 'false'],
      ['[] instance of list<string>', 'true'],
      ['[1] instance of number', 'false'],
      ['1 instance of list<number>', 'false'],
      ['{a: 1, b: 2} instance of context<a: number>', 'true'],
      ['{a: 1} instance of context<a: number, b: number>', 'false'],
      ['[1..2] instance of range<number>', 'true'],
      ['[1..2] instance of range<string>', 'false'],
      ['(function(a) a) instance of function<Any>->Any', 'true'],
    ]);
  });

  it('checks a function type: parameters contravariant, a result known from a literal body covariant', () => {
    table([
      ['(function(a: list<number>) {b: "b"}) instance of function<list<number>> -> context<b: string, c: string>', 'false'],
      ['(function(a: list<number>) {b: "b", c: "c"}) instance of function<list<number>> -> context<b: string, c: string>', 'true'],
      ['(function(a) 1) instance of function<Any> -> number', 'true'],
      ['(function(a) 1) instance of function<Any> -> string', 'false'],
      ['(function(a) a) instance of function<Any> -> string', 'true'], // unknown until it runs
      ['(function(a: number) a) instance of function<string> -> Any', 'false'],
    ]);
  });

  it('keeps temporal types apart', () => {
    table([
      ['date("2020-01-01") instance of date', 'true'],
      ['date("2020-01-01") instance of date and time', 'false'],
      ['@"2020-01-01T00:00:00" instance of date', 'false'],
      ['@"2020-01-01T00:00:00" instance of date and time', 'true'],
      ['@"10:00:00" instance of time', 'true'],
      ['duration("P1D") instance of days and time duration', 'true'],
      ['duration("P1D") instance of years and months duration', 'false'],
      ['duration("P1Y") instance of years and months duration', 'true'],
    ]);
  });
});
