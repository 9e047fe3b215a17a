/** Expected outputs against actual ones, as JSON: what differs, by output name. */
import { FeelDecimal } from '../feel/values/feel-value.js';

/** An output whose value is not the one expected (`actual` null when the decision did not answer it). */
export interface OutputDifference {
  output: string;
  expected: unknown;
  actual: unknown;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** A JSON number, or the decimal text an inexact FEEL number is written as. */
function decimalOf(value: unknown): InstanceType<typeof FeelDecimal> | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new FeelDecimal(value) : undefined;
  return typeof value === 'string' && DECIMAL_TEXT.test(value) ? new FeelDecimal(value) : undefined;
}

/** Equal JSON values; a number equals the decimal text of the same number (either side). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = decimalOf(a);
    const y = decimalOf(b);
    return x !== undefined && y !== undefined && x.eq(y);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameJson((a as Record<string, unknown>)[k], rb[k]));
}

/** The expected outputs that the actual ones do not match; outputs not expected are not compared. */
export function differingOutputs(expected: Readonly<Record<string, unknown>>, actual: Readonly<Record<string, unknown>>): OutputDifference[] {
  const differences: OutputDifference[] = [];
  for (const [output, value] of Object.entries(expected)) {
    const got = Object.hasOwn(actual, output) ? actual[output] : null;
    if (!sameJson(value, got)) differences.push({ output, expected: value, actual: got ?? null });
  }
  return differences;
}
