/** Conversions between JSON-like JavaScript data and FEEL values. */
import { Decimal } from 'decimal.js';
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  FeelFunction,
  FeelRange,
  FeelTime,
  YearsMonthsDuration,
  type FeelNumber,
  type FeelValue,
} from './feel-value.js';
import { valueToString } from './format.js';
import { civilFromDays } from './temporal.js';

/** True for a FEEL number: an instance of FeelDecimal or of decimal.js's own Decimal. */
export function isFeelNumber(value: unknown): value is FeelNumber {
  return value instanceof FeelDecimal || value instanceof Decimal;
}

function isFeelObject(value: object): value is Exclude<FeelValue, null | boolean | string | readonly FeelValue[]> {
  return (
    value instanceof FeelDate ||
    value instanceof FeelTime ||
    value instanceof FeelDateTime ||
    value instanceof DaysTimeDuration ||
    value instanceof YearsMonthsDuration ||
    value instanceof FeelContext ||
    value instanceof FeelRange ||
    value instanceof FeelFunction
  );
}

function dateToFeel(date: Date): FeelValue {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const days = Math.floor(ms / 86_400_000);
  const rest = ms - days * 86_400_000;
  const hour = Math.floor(rest / 3_600_000);
  const minute = Math.floor((rest % 3_600_000) / 60_000);
  const second = new FeelDecimal(rest % 60_000).div(1000);
  return new FeelDateTime(civilFromDays(days), new FeelTime(hour, minute, second, 0, null));
}

/**
 * JSON (or JSON-like) data to a FEEL value: numbers become decimals (NaN and infinities null),
 * arrays lists, plain objects contexts; FEEL values pass through; a JS Date becomes a UTC date-time.
 */
export function toFeelValue(json: unknown): FeelValue {
  if (json === null || json === undefined) return null;
  switch (typeof json) {
    case 'string':
    case 'boolean':
      return json;
    case 'number':
      return Number.isFinite(json) ? new FeelDecimal(json) : null;
    case 'bigint':
      return new FeelDecimal(json.toString());
    case 'object':
      break;
    default:
      return null;
  }
  if (json instanceof FeelDecimal) return json;
  if (json instanceof Decimal) return new FeelDecimal(json);
  if (Array.isArray(json)) return json.map(toFeelValue);
  if (isFeelObject(json)) return json;
  if (json instanceof Date) return dateToFeel(json);
  if (json instanceof Map) {
    const entries: Array<[string, FeelValue]> = [];
    for (const [k, v] of json as Map<unknown, unknown>) if (typeof k === 'string') entries.push([k, toFeelValue(v)]);
    return new FeelContext(entries);
  }
  const entries: Array<[string, FeelValue]> = [];
  for (const key of Object.keys(json)) entries.push([key, toFeelValue((json as Record<string, unknown>)[key])]);
  return new FeelContext(entries);
}

/** A decimal as a JS number when it converts back exactly, else as its decimal string. */
export function numberToJson(n: FeelNumber): number | string {
  const x = n.toNumber();
  return Number.isFinite(x) && new FeelDecimal(x).eq(n) ? x : n.toString();
}

/**
 * A FEEL value to JSON data: decimals to numbers when exact (else strings), temporals to their
 * canonical strings, lists to arrays, contexts to objects, ranges and functions to descriptive text.
 */
export function fromFeelValue(value: FeelValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isFeelNumber(value)) return numberToJson(value);
  if (Array.isArray(value)) return (value as readonly FeelValue[]).map(fromFeelValue);
  if (value instanceof FeelContext) {
    const entries: Array<[string, unknown]> = [];
    for (const [k, v] of value.entries) entries.push([k, fromFeelValue(v)]);
    return Object.fromEntries(entries);
  }
  return valueToString(value);
}
