import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FeelContext, FeelDecimal, FeelFunction, FeelRange, type FeelNumber, type FeelValue } from './feel-value.js';
import { fromFeelValue, isFeelNumber, toFeelValue } from './json.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal.js';

describe('toFeelValue', () => {
  it('turns JSON into FEEL values', () => {
    const v = toFeelValue({ amount: 0.1, tags: ['a', 2], nested: { ok: true, none: null } });
    expect(v).toBeInstanceOf(FeelContext);
    const ctx = v as FeelContext;
    expect((ctx.get('amount') as FeelNumber).toString()).toBe('0.1');
    expect(ctx.get('amount')).toBeInstanceOf(FeelDecimal);
    const tags = ctx.get('tags') as FeelValue[];
    expect(tags[0]).toBe('a');
    expect(isFeelNumber(tags[1])).toBe(true);
    expect((ctx.get('nested') as FeelContext).get('none')).toBeNull();
    expect((ctx.get('nested') as FeelContext).get('ok')).toBe(true);
  });

  it('maps non-finite numbers and undefined to null, big ints exactly', () => {
    expect(toFeelValue(Number.NaN)).toBeNull();
    expect(toFeelValue(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toFeelValue(undefined)).toBeNull();
    expect((toFeelValue(12345678901234567890n) as FeelNumber).toString()).toBe('12345678901234567890');
  });

  it('keeps FEEL values and reads a JS Date as UTC', () => {
    const d = parseDate('2024-01-01');
    expect(toFeelValue(d)).toBe(d);
    expect(fromFeelValue(toFeelValue(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 500))))).toBe('2024-01-02T03:04:05.5Z');
  });

  it('does not pick up a prototype', () => {
    const v = toFeelValue(JSON.parse('{"__proto__": {"x": 1}}')) as FeelContext;
    expect(v.has('__proto__')).toBe(true);
    expect(v.has('toString')).toBe(false);
  });
});

describe('fromFeelValue', () => {
  it('returns numbers when exact, strings when not', () => {
    expect(fromFeelValue(new FeelDecimal('0.3'))).toBe(0.3);
    expect(fromFeelValue(new FeelDecimal('12345678901234567890.12'))).toBe('12345678901234567890.12');
    expect(fromFeelValue(new FeelDecimal(1).div(3))).toBe(`0.${'3'.repeat(34)}`);
  });

  it('writes temporals canonically and contexts as objects', () => {
    const v = new FeelContext([
      ['d', parseDate('2024-03-01')],
      ['t', parseTime('10:30:00+00:00')],
      ['dt', parseDateTime('2024-03-01T10:30:00@Europe/Paris')],
      ['ym', parseDuration('P14M')],
      ['dtd', parseDuration('PT90M')],
      ['list', [new FeelDecimal(1), null]],
      ['range', new FeelRange(true, new FeelDecimal(1), new FeelDecimal(10), false)],
      ['fn', new FeelFunction('f', ['a'], () => null)],
    ]);
    expect(fromFeelValue(v)).toEqual({
      d: '2024-03-01',
      t: '10:30:00Z',
      dt: '2024-03-01T10:30:00@Europe/Paris',
      ym: 'P1Y2M',
      dtd: 'PT1H30M',
      list: [1, null],
      range: '[1..10)',
      fn: 'function f(a)',
    });
  });

  it('round-trips JSON', () => {
    const json = { a: [1, 2.5, 'x', true, null], b: { c: -3 } };
    expect(fromFeelValue(toFeelValue(json))).toEqual(json);
  });
});

describe('isFeelNumber', () => {
  it('accepts FeelDecimal and Decimal instances only', () => {
    expect(isFeelNumber(new FeelDecimal(1))).toBe(true);
    expect(isFeelNumber(new Decimal(1))).toBe(true);
    expect(isFeelNumber(1)).toBe(false);
    expect(isFeelNumber('1')).toBe(false);
    expect(isFeelNumber(null)).toBe(false);
  });
});
