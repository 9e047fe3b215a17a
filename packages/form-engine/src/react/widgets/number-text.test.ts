import { describe, expect, it } from 'vitest';
import { numberText, parseDecimalText, parseIntegerText } from './number-text.js';

describe('parseDecimalText', () => {
  it('keeps amounts exact and pads to the scale', () => {
    expect(parseDecimalText('1234.50', 2)).toEqual({ value: '1234.50', problem: null });
    expect(parseDecimalText('0.1', 4)).toEqual({ value: '0.1000', problem: null });
    expect(parseDecimalText('12345678901234.99', 2).value).toBe('12345678901234.99');
  });

  it('drops grouping separators', () => {
    expect(parseDecimalText('1,234,567.5', 2).value).toBe('1234567.50');
  });

  it('is no value when empty', () => {
    expect(parseDecimalText('  ', 2)).toEqual({ value: null, problem: null });
  });

  it('never rounds: extra decimals are a problem and the text is kept', () => {
    expect(parseDecimalText('12.345', 2)).toEqual({ value: '12.345', problem: { code: 'tooManyDecimals', scale: 2 } });
  });

  it('reports text that is not a number', () => {
    expect(parseDecimalText('12a', 2)).toEqual({ value: '12a', problem: { code: 'invalidNumber' } });
    expect(parseDecimalText('1e3', 2).problem).toEqual({ code: 'invalidNumber' });
  });
});

describe('parseIntegerText', () => {
  it('reads whole numbers as JSON numbers', () => {
    expect(parseIntegerText('42')).toEqual({ value: 42, problem: null });
    expect(parseIntegerText('-7')).toEqual({ value: -7, problem: null });
    expect(parseIntegerText('-0').value).toBe(0);
  });

  it('reports fractions and integers beyond 2^53', () => {
    expect(parseIntegerText('4.5')).toEqual({ value: '4.5', problem: { code: 'invalidInteger' } });
    expect(parseIntegerText('9007199254740993').problem).toEqual({ code: 'invalidInteger' });
  });
});

describe('numberText', () => {
  it('shows strings and numbers as they are, anything else as empty', () => {
    expect(numberText('1234.50')).toBe('1234.50');
    expect(numberText(42)).toBe('42');
    expect(numberText(null)).toBe('');
  });
});
