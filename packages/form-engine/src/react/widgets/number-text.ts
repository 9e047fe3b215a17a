import { canonicalDecimal } from '@bankforge/data-model';
import type { InputProblem } from './widget-props.js';

/** What typed number text means: the value to store and, when it is not a valid number, why. */
export interface ParsedNumberText {
  value: string | number | null;
  problem: InputProblem | null;
}

/** Grouping separators people type in amounts ("1,234.50", "1 234.50"); they carry no meaning. */
const GROUPING = /[,\s]/g;

/**
 * Reads typed text as an exact decimal string with `scale` fraction digits (padded, never
 * rounded). Text that is not such a decimal is kept as typed, so the value still shows what
 * the user entered, and reported as a problem.
 */
export function parseDecimalText(text: string, scale: number): ParsedNumberText {
  const plain = text.replace(GROUPING, '');
  if (plain === '') return { value: null, problem: null };
  const canonical = canonicalDecimal(plain, scale);
  if (canonical !== undefined) return { value: canonical, problem: null };
  if (canonicalDecimal(plain) !== undefined) return { value: plain, problem: { code: 'tooManyDecimals', scale } };
  return { value: plain, problem: { code: 'invalidNumber' } };
}

/** Reads typed text as a safe integer (a JSON number); anything else is kept as typed and reported. */
export function parseIntegerText(text: string): ParsedNumberText {
  const plain = text.replace(GROUPING, '');
  if (plain === '') return { value: null, problem: null };
  if (/^[+-]?\d+$/.test(plain)) {
    const n = Number(plain);
    if (Number.isSafeInteger(n)) return { value: n === 0 ? 0 : n, problem: null };
  }
  return { value: plain, problem: { code: 'invalidInteger' } };
}

/** The text a stored number shows as. */
export function numberText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
