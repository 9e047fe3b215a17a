import { describe, expect, it } from 'vitest';
import { canonicalDecimal, compareDecimal, decimalFits } from './decimal.js';

describe('canonicalDecimal', () => {
  it.each([
    ['12.5', undefined, '12.5'],
    ['0012.50', undefined, '12.5'],
    ['0012.50', 2, '12.50'],
    ['12.5', 4, '12.5000'],
    ['-12.5', 2, '-12.50'],
    ['+7', 0, '7'],
    ['7', 2, '7.00'],
    ['.5', 2, '0.50'],
    ['5.', undefined, '5'],
    ['-0', undefined, '0'],
    ['-0.000', 2, '0.00'],
    ['000', undefined, '0'],
    ['  42.10  ', undefined, '42.1'],
    ['123456789012345678901234567890.123456789', undefined, '123456789012345678901234567890.123456789'],
  ] as const)('%s with scale %s → %s', (input, scale, expected) => {
    expect(canonicalDecimal(input, scale)).toBe(expected);
  });

  it.each([
    [-12.5, undefined, '-12.5'],
    [12.5, 4, '12.5000'],
    [0.1, undefined, '0.1'],
    [0.1, 2, '0.10'],
    [-0, undefined, '0'],
    [1e-7, undefined, '0.0000001'],
    [1.5e-10, 11, '0.00000000015'],
    [9007199254740991, 0, '9007199254740991'],
  ] as const)('number %s with scale %s → %s', (input, scale, expected) => {
    expect(canonicalDecimal(input, scale)).toBe(expected);
  });

  it('never rounds: more fraction digits than the scale is undefined', () => {
    expect(canonicalDecimal('12.345', 2)).toBeUndefined();
    expect(canonicalDecimal('0.005', 2)).toBeUndefined();
    expect(canonicalDecimal(0.1 + 0.2, 4)).toBeUndefined(); // 0.30000000000000004
    expect(canonicalDecimal('12.3400', 2)).toBe('12.34'); // trailing zeros are not digits lost
  });

  it('keeps every digit of long decimal strings exactly', () => {
    expect(canonicalDecimal('9999999999999999.99', 2)).toBe('9999999999999999.99');
    expect(canonicalDecimal('0.1', 20)).toBe('0.10000000000000000000');
  });

  it.each([
    '1e3',
    '1E3',
    '1.5e-2',
    'abc',
    '',
    ' ',
    '.',
    '-',
    '+',
    '1.2.3',
    '1,000.00',
    '12 5',
    '0x1A',
    'NaN',
    'Infinity',
    '--1',
  ])('rejects the string %j', (input) => {
    expect(canonicalDecimal(input)).toBeUndefined();
  });

  it('rejects non-finite and unsafe numbers, and non-numbers', () => {
    expect(canonicalDecimal(Number.NaN)).toBeUndefined();
    expect(canonicalDecimal(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(canonicalDecimal(2 ** 53)).toBeUndefined();
    expect(canonicalDecimal(1e21)).toBeUndefined();
    expect(canonicalDecimal(null as unknown as string)).toBeUndefined();
    expect(canonicalDecimal({} as unknown as string)).toBeUndefined();
  });

  it('refuses a scale that is not a non-negative integer', () => {
    expect(() => canonicalDecimal('1', -1)).toThrow(RangeError);
    expect(() => canonicalDecimal('1', 1.5)).toThrow(RangeError);
  });
});

describe('decimalFits', () => {
  it('counts integer digits against precision - scale and fraction digits against scale', () => {
    expect(decimalFits('99999999999999.9999', 18, 4)).toBe(true);
    expect(decimalFits('100000000000000.0000', 18, 4)).toBe(false);
    expect(decimalFits('-99999999999999.9999', 18, 4)).toBe(true);
    expect(decimalFits('1.23456', 18, 4)).toBe(false);
    expect(decimalFits('0.9999', 4, 4)).toBe(true);
    expect(decimalFits('1.0000', 4, 4)).toBe(false);
    expect(decimalFits('0.00', 2, 2)).toBe(true);
    expect(decimalFits('12', 2, 0)).toBe(true);
    expect(decimalFits('123', 2, 0)).toBe(false);
  });

  it('ignores leading and trailing zeros', () => {
    expect(decimalFits('0012.5000000', 4, 2)).toBe(true);
  });

  it('is false for text that is not a decimal and for impossible shapes', () => {
    expect(decimalFits('1e3', 18, 4)).toBe(false);
    expect(decimalFits('abc', 18, 4)).toBe(false);
    expect(decimalFits('1', 4, 5)).toBe(false);
    expect(decimalFits('1', 4, -1)).toBe(false);
  });
});

describe('compareDecimal', () => {
  it.each([
    ['1', '2', -1],
    ['2', '1', 1],
    ['1.0', '1.00', 0],
    ['9', '10', -1],
    ['10.25', '10.5', -1],
    ['-1', '1', -1],
    ['-2', '-10', 1],
    ['-0.5', '-0.25', -1],
    ['0', '-0', 0],
    ['0.00', '0', 0],
    ['-0.01', '0', -1],
    ['0.1', '0.10000000000000000001', -1],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
    ['99999999999999999.99', '99999999999999999.98', 1],
  ] as const)('%s vs %s → %s', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
    expect(compareDecimal(b, a)).toBe(expected === 0 ? 0 : -expected);
  });

  it('compares values doubles cannot tell apart', () => {
    expect(Number('9007199254740993') === Number('9007199254740992')).toBe(true);
    expect(compareDecimal('9007199254740993', '9007199254740992')).toBe(1);
  });

  it('throws for text that is not a decimal', () => {
    expect(() => compareDecimal('1e3', '1')).toThrow(RangeError);
    expect(() => compareDecimal('1', 'x')).toThrow(RangeError);
  });
});
