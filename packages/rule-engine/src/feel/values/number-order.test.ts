import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FeelDecimal } from './feel-value.js';
import { compareNumbers, isNumberValue } from './number-order.js';

describe('compareNumbers', () => {
  const samples = ['0', '-0', '1', '-1', '0.1', '0.3', '0.30000000000000000001', '10000000', '9999999', '12345678.9', '-12345678.9', '1e-30', '-1e-30', '123456789012345678901234567890.5', '123456789012345678901234567890.4', '7', '7.0000001', '-7.0000001', '100', '99.99'];

  it('orders every pair exactly as decimal.js does', () => {
    for (const a of samples) {
      for (const b of samples) {
        const x = new FeelDecimal(a);
        const y = new FeelDecimal(b);
        expect(compareNumbers(x, y), `${a} vs ${b}`).toBe(x.cmp(y));
      }
    }
  });

  it('recognises FEEL numbers and plain decimal.js numbers, nothing else', () => {
    expect(isNumberValue(new FeelDecimal(1))).toBe(true);
    expect(isNumberValue(new Decimal(1))).toBe(true);
    expect(isNumberValue(1)).toBe(false);
    expect(isNumberValue({ constructor: 1, s: 1, e: 0, d: [1] })).toBe(false);
    expect(isNumberValue(null)).toBe(false);
  });
});
