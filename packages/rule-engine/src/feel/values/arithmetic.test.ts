/**
 * FEEL arithmetic (DMN 1.5, 10.3.2.12 and Tables 61-65): decimal128 numbers, exponentiation,
 * division by zero, temporal and duration arithmetic, duration comparisons.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { valueToLiteral } from './format.js';

const run = (source: string) => compileExpression(source).evaluate({});
const feel = (source: string): string => valueToLiteral(run(source).value);
/** Null with a warning saying why. */
const fails = (source: string, why: RegExp): void => {
  const r = run(source);
  expect(r.value, source).toBeNull();
  expect(r.warnings.map((w) => w.message).join('\n'), source).toMatch(why);
};

describe('exponentiation', () => {
  it('binds tighter than * / but looser than negation, and to the left (10.3.1.2)', () => {
    expect(feel('2 ** 3')).toBe('8');
    // the spec's own example: -4 ** 2 is (-4) * (-4)
    expect(feel('-4 ** 2')).toBe('16');
    expect(feel('-(4 ** 2)')).toBe('-16');
    expect(feel('-2 ** 3')).toBe('-8');
    expect(feel('(-2) ** 2')).toBe('4');
    expect(feel('2 ** 3 ** 2')).toBe('64');
    expect(feel('2 ** (3 ** 2)')).toBe('512');
    expect(feel('1 + 3/2*2 - 2**3')).toBe('-4');
    expect(feel('3 * 2 ** 2')).toBe('12');
    expect(feel('2 ** 2 * 3')).toBe('12');
    expect(feel('1 + 2 ** 2')).toBe('5');
  });

  it('takes negative and fractional exponents, answering decimals', () => {
    expect(feel('2 ** -1')).toBe('0.5');
    expect(feel('2 ** -2')).toBe('0.25');
    expect(feel('4 ** 0.5')).toBe('2');
    expect(feel('2 ** 0.5')).toBe('1.414213562373095048801688724209698');
    expect(feel('1.1 ** 2')).toBe('1.21');
    expect(feel('2.5 ** 3')).toBe('15.625');
    expect(feel('0 ** 0')).toBe('1');
    expect(feel('10 ** 34')).toBe('10000000000000000000000000000000000');
  });

  it('is null when there is no FEEL number to answer', () => {
    fails('0 ** -1', /Division by zero/);
    fails('(-8) ** 0.5', /not real/);
    fails('10 ** 6145', /decimal128/);
    fails('2 ** 1000000', /decimal128/);
    fails('2 ** 1000000000', /outside the FEEL range/);
    expect(feel('2 ** null')).toBe('null');
    fails('"a" ** 2', /Cannot apply/);
  });
});

describe('numbers are decimal128', () => {
  it('keeps 34 significant digits, rounding half even', () => {
    expect(feel('1 / 3')).toBe('0.3333333333333333333333333333333333');
    expect(feel('2 / 3')).toBe('0.6666666666666666666666666666666667');
    expect(feel('0.1 + 0.2')).toBe('0.3');
    expect(feel('0.1 + 0.2 = 0.3')).toBe('true');
    expect(feel('123456789012345678901234567890.123456789')).toBe('123456789012345678901234567890.1235');
    expect(feel('number("1.23456789012345678901234567890123456789")')).toBe('1.234567890123456789012345678901235');
  });

  it('is null beyond decimal128 and underflows to zero', () => {
    fails('9e6144 + 9e6144', /decimal128/);
    fails('-9e6144 - 9e6144', /decimal128/);
    fails('1e6144 * 100', /decimal128/);
    fails('1e6144 / 0.01', /decimal128/);
    fails('1e7000', /beyond the range/);
    fails('product([1e6144, 1e6144])', /beyond the range/);
    fails('exp(100000)', /not a finite number|beyond the range/);
    expect(feel('1e-6176 / 10')).toBe('0');
  });

  it('is null on division by zero', () => {
    fails('1 / 0', /Division by zero/);
    fails('0 / 0', /Division by zero/);
    fails('duration("P1D") / 0', /Division by zero/);
    fails('duration("P1D") / duration("PT0S")', /Division by zero/);
    fails('duration("P1Y") / duration("P0M")', /Division by zero/);
    fails('modulo(1, 0)', /division by zero/);
  });
});

describe('temporal and duration arithmetic', () => {
  it('date minus date is a days and time duration', () => {
    expect(feel('date("2021-01-10") - date("2021-01-01")')).toBe('P9D');
    expect(feel('date("2021-01-01") - date("2021-01-10")')).toBe('-P9D');
    expect(feel('date("2021-03-01") - date("2020-03-01")')).toBe('P365D');
    expect(feel('date and time("2021-01-10T10:00:00") - date and time("2021-01-01T00:00:00")')).toBe('P9DT10H');
    expect(feel('date and time("2021-01-10T10:00:00Z") - date("2021-01-01")')).toBe('P9DT10H');
    expect(feel('time("10:00:00") - time("08:30:00")')).toBe('PT1H30M');
  });

  it('adds durations to dates and date-times (months clamp to the month end)', () => {
    expect(feel('date("2021-01-31") + duration("P1M")')).toBe('2021-02-28');
    expect(feel('duration("P1M") + date("2021-01-31")')).toBe('2021-02-28');
    expect(feel('date("2021-01-31") + duration("P1D")')).toBe('2021-02-01');
    expect(feel('date("2021-01-31") - duration("PT1H")')).toBe('2021-01-30');
    expect(feel('date and time("2021-01-31T10:00:00") + duration("P1M")')).toBe('2021-02-28T10:00:00');
    expect(feel('time("10:00:00") + duration("PT15H")')).toBe('01:00:00');
    fails('time("10:00:00") + duration("P1Y")', /Cannot apply/);
    fails('date("2021-01-01") + 1', /Cannot apply/);
  });

  it('adds, scales and divides durations of one kind', () => {
    expect(feel('duration("P1Y") + duration("P2M")')).toBe('P1Y2M');
    expect(feel('duration("P1D") + duration("PT1H")')).toBe('P1DT1H');
    expect(feel('duration("P1D") * 2')).toBe('P2D');
    expect(feel('2 * duration("P1D")')).toBe('P2D');
    expect(feel('duration("P1D") / 2')).toBe('PT12H');
    expect(feel('duration("P1Y") / 2')).toBe('P6M');
    expect(feel('duration("P1Y") * 1.5')).toBe('P1Y6M');
    expect(feel('duration("P1D") / duration("PT1H")')).toBe('24');
    expect(feel('duration("P1Y") / duration("P1M")')).toBe('12');
    expect(feel('-duration("P1Y")')).toBe('-P1Y');
    fails('duration("P1Y") + duration("P1D")', /Cannot apply/);
  });

  it('compares years and months durations by months, never with days and time ones', () => {
    expect(feel('duration("P1Y") > duration("P11M")')).toBe('true');
    expect(feel('duration("P1Y") = duration("P12M")')).toBe('true');
    expect(feel('duration("P1Y") >= duration("P12M")')).toBe('true');
    expect(feel('duration("-P1Y") < duration("P0M")')).toBe('true');
    expect(feel('years and months duration(date("2011-12-22"), date("2013-08-24")) = duration("P1Y8M")')).toBe('true');
    fails('duration("P1Y") < duration("P1D")', /Cannot compare/);
  });
});
