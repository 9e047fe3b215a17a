/**
 * Record values <-> FEEL values, by field type. Amounts travel as exact decimal strings in
 * records and as FEEL decimals in expressions, so money arithmetic never touches binary floats.
 */
import {
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  formatDate,
  instantSeconds,
  isFeelNumber,
  parseDate,
  parseDateTime,
  toFeelValue,
  type FeelNumber,
  type FeelValue,
} from '@bankforge/rule-engine';
import type { FieldDefinition } from '@bankforge/data-model';
import { decimalShape } from '@bankforge/data-model';
import { canonicalDecimal } from '@bankforge/data-model';

function feelNumber(value: unknown): FeelNumber | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = canonicalDecimal(value);
  return text === undefined ? null : new FeelDecimal(text);
}

/** The FEEL value of a record value; null for an absent or malformed value. */
export function toFeel(field: FieldDefinition, value: unknown): FeelValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'percentage':
      return feelNumber(value);
    case 'money': {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const money = value as { amount?: unknown; currency?: unknown };
      return new FeelContext([
        ['amount', feelNumber(money.amount)],
        ['currency', typeof money.currency === 'string' ? money.currency : null],
      ]);
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? parseDate(value) : null;
    case 'datetime':
      return typeof value === 'string' ? parseDateTime(value) : null;
    case 'multiSelect':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
    case 'json':
      return toFeelValue(value);
    default:
      return typeof value === 'string' ? value : null;
  }
}

/** A record of values as a FEEL context of the given fields (a repeating group's row as `item`). */
export function rowContext(fields: readonly FieldDefinition[], row: Readonly<Record<string, unknown>>): FeelContext {
  return new FeelContext(fields.map((f) => [f.key, toFeel(f, row[f.key])] as const));
}

function amountText(n: FeelNumber, field: FieldDefinition): string {
  // FeelDecimal rounds half to even (banker's rounding) when the result has more digits than the column
  return n.toFixed(decimalShape(field).scale);
}

function utcDatetime(value: FeelDateTime): string | null {
  const ms = instantSeconds(value).times(1000).toNumber();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * A computed FEEL result as the record value of `field`; null when the result does not fit the
 * type. A money field given a bare number takes `currency` (the currency of the amounts read).
 */
export function fromFeel(field: FieldDefinition, value: FeelValue, currency: string | null): unknown {
  if (value === null) return null;
  switch (field.type) {
    case 'integer':
      return isFeelNumber(value) ? value.toDecimalPlaces(0).toNumber() : null;
    case 'decimal':
    case 'percentage':
      return isFeelNumber(value) ? amountText(value, field) : null;
    case 'money': {
      if (isFeelNumber(value)) {
        const code = field.currencies?.length === 1 ? (field.currencies[0] ?? currency) : currency;
        return code === null ? null : { amount: amountText(value, field), currency: code };
      }
      if (!(value instanceof FeelContext)) return null;
      const amount = value.get('amount');
      const code = value.get('currency');
      return isFeelNumber(amount) && typeof code === 'string' ? { amount: amountText(amount, field), currency: code } : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      if (value instanceof FeelDate) return formatDate(value);
      return value instanceof FeelDateTime ? formatDate(value.date) : null;
    case 'datetime':
      if (value instanceof FeelDateTime) return utcDatetime(value);
      return value instanceof FeelDate ? `${formatDate(value)}T00:00:00.000Z` : null;
    case 'multiSelect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])] : null;
    case 'json':
      return null;
    default:
      if (typeof value === 'string') return value;
      return isFeelNumber(value) && field.type === 'text' ? value.toString() : null;
  }
}

/** The currency of the first money value among `values` (for a computed money amount). */
export function firstCurrency(values: Iterable<FeelValue | undefined>): string | null {
  for (const v of values) {
    if (v instanceof FeelContext) {
      const code = v.get('currency');
      if (typeof code === 'string' && v.has('amount')) return code;
    }
  }
  return null;
}

/** Whether a value counts as not filled in for `required`. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'amount' in value) {
    const amount = (value as { amount?: unknown }).amount;
    return amount === null || amount === undefined || (typeof amount === 'string' && amount.trim() === '');
  }
  return false;
}

/** Structural equality of JSON-like record values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return (a ?? null) === (b ?? null);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
