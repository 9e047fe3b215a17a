import { fromStoredDatetime, type ValueType } from '@bankforge/data-model';
import type { ReportValue, ResultType } from './result-types.js';

export function resultTypeOf(type: ValueType): ResultType {
  switch (type) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'multi':
    case 'json':
      return 'json';
    default:
      return type;
  }
}

/**
 * A database value in the result's form, the same from both drivers: MySQL answers DECIMAL and
 * SUM as exact text and SQLite as doubles, so numbers become JS numbers (dashboards and charts
 * need numbers; 15 significant digits); datetimes become ISO instants; booleans true/false.
 */
export function normalizeValue(type: ValueType, raw: unknown): ReportValue {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'integer':
    case 'decimal': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isNaN(n) ? String(raw) : n;
    }
    case 'boolean':
      return raw === 1 || raw === true || raw === '1';
    case 'date':
      return String(raw).slice(0, 10);
    case 'datetime':
      return fromStoredDatetime(raw);
    case 'multi':
    case 'json':
      return typeof raw === 'string' ? (JSON.parse(raw) as ReportValue) : (raw as ReportValue);
    default:
      return String(raw);
  }
}
