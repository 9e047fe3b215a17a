/** Text of FEEL values: what `string(x)` gives, and a FEEL-literal form for nested values. */
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
import { formatDate, formatDateTime, formatDaysTimeDuration, formatTime, formatYearsMonthsDuration } from './temporal.js';

export function formatNumber(n: FeelNumber): string {
  return n.toString();
}

const SIMPLE_NAME = /^[\p{L}_?][\p{L}\p{N}_?]*$/u;

function formatKey(key: string): string {
  return SIMPLE_NAME.test(key) ? key : JSON.stringify(key);
}

/**
 * A value as FEEL would write it: strings quoted, temporals as `@"..."` would show their text
 * without the `@`, lists `[1, 2]`, contexts `{a: 1}`, ranges `[1..10)`.
 */
export function valueToLiteral(value: FeelValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return valueToString(value) ?? 'null';
}

/** The text `string(from)` returns: a string as it is, other values in their canonical form. */
export function valueToString(value: FeelValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof FeelDecimal) return formatNumber(value);
  if (Array.isArray(value)) {
    const list = value as readonly FeelValue[];
    return `[${list.map(valueToLiteral).join(', ')}]`;
  }
  if (value instanceof FeelDate) return formatDate(value);
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelTime) return formatTime(value);
  if (value instanceof DaysTimeDuration) return formatDaysTimeDuration(value);
  if (value instanceof YearsMonthsDuration) return formatYearsMonthsDuration(value);
  if (value instanceof FeelContext) {
    const parts: string[] = [];
    for (const [k, v] of value.entries) parts.push(`${formatKey(k)}: ${valueToLiteral(v)}`);
    return `{${parts.join(', ')}}`;
  }
  if (value instanceof FeelRange) {
    const start = value.start === null ? '' : valueToLiteral(value.start);
    const end = value.end === null ? '' : valueToLiteral(value.end);
    if (value.start === null && value.end !== null) return `${value.endIncluded ? '<=' : '<'} ${end}`;
    if (value.end === null && value.start !== null) return `${value.startIncluded ? '>=' : '>'} ${start}`;
    return `${value.startIncluded ? '[' : '('}${start}..${end}${value.endIncluded ? ']' : ')'}`;
  }
  if (value instanceof FeelFunction) return `function ${value.name}(${value.parameters.join(', ')})`;
  return null;
}
