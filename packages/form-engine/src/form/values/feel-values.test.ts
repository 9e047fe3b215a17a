import { FeelContext, FeelDate, FeelDecimal, isFeelNumber, parseDate, parseDateTime } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { firstCurrency, fromFeel, isEmptyValue, sameValue, toFeel } from './feel-values.js';

describe('record values to FEEL', () => {
  it('reads amounts as exact decimals and money as a context', () => {
    const amount = toFeel(field('rate', 'decimal'), '0.10');
    expect(isFeelNumber(amount) && amount.plus('0.20').toString()).toBe('0.3');
    const money = toFeel(field('balance', 'money'), { amount: '12.50', currency: 'CNY' });
    expect(money).toBeInstanceOf(FeelContext);
    expect((money as FeelContext).get('currency')).toBe('CNY');
    expect(String((money as FeelContext).get('amount'))).toBe('12.5');
  });

  it('reads dates, datetimes, lists and booleans; malformed values are null', () => {
    expect(toFeel(field('d', 'date'), '2024-02-29')).toEqual(new FeelDate(2024, 2, 29));
    expect(toFeel(field('t', 'datetime'), '2024-03-01T10:00:00.000Z')).toEqual(parseDateTime('2024-03-01T10:00:00.000Z'));
    expect(toFeel(field('m', 'multiSelect'), ['a', 'b'])).toEqual(['a', 'b']);
    expect(toFeel(field('v', 'boolean'), false)).toBe(false);
    expect(toFeel(field('rate', 'decimal'), '12a')).toBeNull();
    expect(toFeel(field('d', 'date'), 20240229)).toBeNull();
    expect(toFeel(field('n', 'text'), undefined)).toBeNull();
  });
});

describe('FEEL results to record values', () => {
  it('writes numbers at the field scale, rounding half to even', () => {
    expect(fromFeel(field('rate', 'decimal', { scale: 2 }), new FeelDecimal('2.345'), null)).toBe('2.34');
    expect(fromFeel(field('rate', 'decimal'), new FeelDecimal(1).div(3), null)).toBe('0.3333');
    expect(fromFeel(field('share', 'percentage', { scale: 1 }), new FeelDecimal('12'), null)).toBe('12.0');
    expect(fromFeel(field('n', 'integer'), new FeelDecimal('41.5'), null)).toBe(42);
  });

  it('writes money with the currency of the amounts read, or the one currency allowed', () => {
    expect(fromFeel(field('m', 'money'), new FeelDecimal('3.5'), 'USD')).toEqual({ amount: '3.50', currency: 'USD' });
    expect(fromFeel(field('m', 'money', { currencies: ['CNY'] }), new FeelDecimal('3.5'), null)).toEqual({ amount: '3.50', currency: 'CNY' });
    expect(fromFeel(field('m', 'money'), new FeelDecimal('3.5'), null)).toBeNull();
    expect(fromFeel(field('m', 'money'), new FeelContext([['amount', new FeelDecimal('1')], ['currency', 'HKD']]), null)).toEqual({ amount: '1.00', currency: 'HKD' });
  });

  it('writes dates and datetimes in record form; a mismatched type is null', () => {
    expect(fromFeel(field('d', 'date'), parseDate('2024-01-31'), null)).toBe('2024-01-31');
    expect(fromFeel(field('t', 'datetime'), parseDateTime('2024-03-01T10:00:00+08:00'), null)).toBe('2024-03-01T02:00:00.000Z');
    expect(fromFeel(field('d', 'date'), 'tomorrow', null)).toBeNull();
    expect(fromFeel(field('v', 'boolean'), new FeelDecimal(1), null)).toBeNull();
  });
});

describe('value helpers', () => {
  it('finds the first money currency', () => {
    expect(firstCurrency([null, new FeelDecimal(1), new FeelContext([['amount', null], ['currency', 'EUR']])])).toBe('EUR');
    expect(firstCurrency([null])).toBeNull();
  });

  it('treats blank text, empty lists and amount-less money as empty, false as filled', () => {
    expect([null, undefined, '  ', [], { amount: '', currency: 'CNY' }].every(isEmptyValue)).toBe(true);
    expect([false, 0, 'x', ['a'], { amount: '0', currency: 'CNY' }].some(isEmptyValue)).toBe(false);
  });

  it('compares JSON values structurally, undefined as null', () => {
    expect(sameValue({ amount: '1', currency: 'CNY' }, { currency: 'CNY', amount: '1' })).toBe(true);
    expect(sameValue(['a'], ['b'])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
  });
});
