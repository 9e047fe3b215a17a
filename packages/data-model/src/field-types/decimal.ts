/**
 * Exact decimals as strings. Amounts never pass through binary floating point here: parsing,
 * padding and comparison work on the digits.
 */

interface ParsedDecimal {
  negative: boolean;
  /** Integer digits without leading zeros ('' for a zero integer part). */
  int: string;
  /** Fraction digits without trailing zeros. */
  frac: string;
}

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const EXPONENT_FORM = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

function parseDecimal(text: string): ParsedDecimal | undefined {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return undefined;
  const intRaw = m[2] ?? '';
  const fracRaw = m[3] ?? '';
  if (intRaw === '' && fracRaw === '') return undefined;
  const int = intRaw.replace(/^0+/, '');
  const frac = fracRaw.replace(/0+$/, '');
  return { negative: m[1] === '-' && (int !== '' || frac !== ''), int, frac };
}

/**
 * The decimal digits of a JS number as written by `String(n)` (the shortest text that reads back
 * as the same double), with any exponent expanded. Numbers beyond ±(2^53 − 1) are refused: past
 * that a double no longer tells which integer was meant.
 */
function numberToPlain(n: number): string | undefined {
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return undefined;
  const text = String(n);
  const m = EXPONENT_FORM.exec(text);
  if (!m) return text;
  const sign = m[1] ?? '';
  const intDigits = m[2] ?? '';
  const digits = intDigits + (m[3] ?? '');
  const point = intDigits.length + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function format(p: ParsedDecimal, scale: number | undefined): string | undefined {
  if (scale !== undefined && p.frac.length > scale) return undefined;
  const frac = scale === undefined ? p.frac : p.frac.padEnd(scale, '0');
  return `${p.negative ? '-' : ''}${p.int || '0'}${frac ? `.${frac}` : ''}`;
}

function checkScale(scale: number | undefined): void {
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 0)) {
    throw new RangeError(`scale must be a non-negative integer, got ${String(scale)}`);
  }
}

/**
 * The canonical text of a decimal: no leading zeros, no `+`, no `-0`, and exactly `scale`
 * fraction digits when `scale` is given (`"0012.5"`, 2 → `"12.50"`), else as few as possible
 * (`"12.50"` → `"12.5"`). Strings are trimmed; exponent notation (`"1e3"`) is refused; numbers
 * are taken at their shortest decimal text (`0.1` → `"0.1"`). Undefined for anything that is not
 * a decimal and when there are more fraction digits than `scale`: nothing is rounded.
 */
export function canonicalDecimal(input: string | number, scale?: number): string | undefined {
  checkScale(scale);
  let text: string | undefined;
  if (typeof input === 'number') text = numberToPlain(input);
  else if (typeof input === 'string') text = input.trim();
  if (text === undefined) return undefined;
  const parsed = parseDecimal(text);
  return parsed && format(parsed, scale);
}

/**
 * Whether a decimal fits a DECIMAL(precision, scale) column: at most `precision − scale` integer
 * digits and at most `scale` significant fraction digits. False for text that is not a decimal.
 */
export function decimalFits(canonical: string, precision: number, scale: number): boolean {
  if (!Number.isInteger(precision) || !Number.isInteger(scale) || scale < 0 || scale > precision) {
    return false;
  }
  const parsed = typeof canonical === 'string' ? parseDecimal(canonical) : undefined;
  return parsed !== undefined && parsed.int.length <= precision - scale && parsed.frac.length <= scale;
}

function signOf(p: ParsedDecimal): -1 | 0 | 1 {
  if (p.int === '' && p.frac === '') return 0;
  return p.negative ? -1 : 1;
}

function compareMagnitude(a: ParsedDecimal, b: ParsedDecimal): -1 | 0 | 1 {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const width = Math.max(a.frac.length, b.frac.length);
  const af = a.frac.padEnd(width, '0');
  const bf = b.frac.padEnd(width, '0');
  if (af === bf) return 0;
  return af < bf ? -1 : 1;
}

/** Compares two decimal strings exactly. Throws a RangeError for text that is not a decimal. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const pa = typeof a === 'string' ? parseDecimal(a) : undefined;
  const pb = typeof b === 'string' ? parseDecimal(b) : undefined;
  if (!pa || !pb) throw new RangeError(`compareDecimal: not a decimal: ${String(pa ? b : a)}`);
  const sa = signOf(pa);
  const sb = signOf(pb);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const m = compareMagnitude(pa, pb);
  return sa > 0 ? m : ((-m || 0) as -1 | 0 | 1);
}
