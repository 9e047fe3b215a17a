import type { FieldDefinition, RecordFilter } from '@bankforge/data-model';
import { columnCondition, filterKindOf, type DayRange, type FilterInput } from './column-filter.js';

type Condition = { field: string; op: string; value?: unknown };

function isCondition(filter: RecordFilter): filter is RecordFilter & Condition {
  return typeof (filter as { field?: unknown }).field === 'string';
}

/** The local calendar day (YYYY-MM-DD) an instant falls on, `back` days earlier. */
function localDay(iso: string, back = 0): string {
  const date = new Date(Date.parse(iso));
  date.setDate(date.getDate() - back);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What one column's filter holds for the conditions on its field, or undefined when they are not ones it writes. */
function inputOf(field: FieldDefinition, conditions: readonly Condition[]): FilterInput | undefined {
  const kind = filterKindOf(field);
  if (kind === 'dateRange' || kind === 'datetimeRange') {
    const range: DayRange = { from: '', to: '' };
    for (const { op, value } of conditions) {
      if (op === 'between' && Array.isArray(value)) [range.from, range.to] = value.map(String) as [string, string];
      else if (op === 'gte' && typeof value === 'string') range.from = kind === 'datetimeRange' ? localDay(value) : value;
      else if (op === 'lte' && typeof value === 'string' && kind === 'dateRange') range.to = value;
      else if (op === 'lt' && typeof value === 'string' && kind === 'datetimeRange') range.to = localDay(value, 1);
      else return undefined;
    }
    return range;
  }
  if (conditions.length !== 1) return undefined;
  const value = conditions[0]!.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * The column filters that make a filter, the inverse of `recordFilter`: how a saved segment is put
 * back in the list's filter row. Undefined when the filter is not one the columns write (made
 * elsewhere, or naming a field the list does not offer), so the caller can say so.
 */
export function filterInputs(fields: readonly FieldDefinition[], filter: RecordFilter | undefined): Record<string, FilterInput> | undefined {
  if (filter === undefined) return {};
  const parts = 'and' in filter && Array.isArray(filter.and) ? filter.and : [filter];
  const byField = new Map<string, Condition[]>();
  for (const part of parts) {
    // A date-time column writes its range as an `and` of its own two conditions.
    const conditions = 'and' in part && Array.isArray(part.and) ? part.and : [part];
    for (const condition of conditions) {
      if (!isCondition(condition)) return undefined;
      byField.set(condition.field, [...(byField.get(condition.field) ?? []), condition]);
    }
  }
  const inputs: Record<string, FilterInput> = {};
  for (const [key, conditions] of byField) {
    const field = fields.find((f) => f.key === key);
    const input = field && inputOf(field, conditions);
    if (!field || input === undefined) return undefined;
    // Only what the column would write back the same: anything else is not this list's filter.
    if (JSON.stringify(columnCondition(field, input)) !== JSON.stringify(conditions.length === 1 ? conditions[0] : { and: conditions })) return undefined;
    inputs[key] = input;
  }
  return inputs;
}
