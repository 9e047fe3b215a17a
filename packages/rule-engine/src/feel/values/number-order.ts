import { Decimal } from 'decimal.js';
import { FeelDecimal, type FeelNumber } from './feel-value.js';

/**
 * The hot path of every decision table: is it a number, and how do two numbers order. decimal.js's
 * `cmp` copies its argument into a new Decimal and `instanceof` runs a Symbol.hasInstance check;
 * these read the documented representation instead (sign `s`, exponent `e` of the leading digit,
 * digits `d` in base 10^7 words) and allocate nothing.
 */
interface DecimalParts {
  s: number;
  e: number;
  d: number[] | null;
}

export function isNumberValue(value: unknown): value is FeelNumber {
  if (typeof value !== 'object' || value === null) return false;
  const constructor = (value as { constructor?: unknown }).constructor;
  return constructor === FeelDecimal || constructor === Decimal || value instanceof Decimal;
}

export function compareNumbers(x: FeelNumber, y: FeelNumber): -1 | 0 | 1 {
  const a = x as unknown as DecimalParts;
  const b = y as unknown as DecimalParts;
  const ad = a.d;
  const bd = b.d;
  // NaN and infinities never arise from FEEL, but a caller's Decimal could carry them.
  if (ad === null || bd === null) return x.cmp(y) as -1 | 0 | 1;
  const aZero = ad[0] === 0;
  const bZero = bd[0] === 0;
  if (aZero || bZero) return aZero ? (bZero ? 0 : b.s > 0 ? -1 : 1) : a.s > 0 ? 1 : -1;
  if (a.s !== b.s) return a.s > 0 ? 1 : -1;
  const flip = a.s < 0;
  if (a.e !== b.e) return (a.e > b.e) !== flip ? 1 : -1;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) {
    const p = ad[i]!;
    const q = bd[i]!;
    if (p !== q) return (p > q) !== flip ? 1 : -1;
  }
  if (ad.length === bd.length) return 0;
  return (ad.length > bd.length) !== flip ? 1 : -1;
}
