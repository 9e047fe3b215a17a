import type { FieldDefinition, RecordFilter } from '@bankforge/data-model';

/** How a column is filtered, chosen by its field's type (and the server's rules for encrypted fields). */
export type FilterKind =
  | 'contains' // text: any part of the value, case-insensitive
  | 'equals' // exact text: encrypted fields (found through their blind index), references
  | 'integer'
  | 'decimal' // decimal, percentage, a money amount
  | 'option' // a single select's option
  | 'hasOption' // a multi-select holding the option
  | 'boolean'
  | 'dateRange'
  | 'datetimeRange'
  | 'none';

/** Types stored encrypted when sensitive (the server answers only equality on them). */
const ENCRYPTABLE = new Set(['text', 'longText', 'email', 'mobile', 'residentId', 'url']);

export function filterKindOf(field: FieldDefinition): FilterKind {
  if (field.sensitive && ENCRYPTABLE.has(field.type)) return 'equals';
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'url':
    case 'mobile':
    case 'residentId':
    case 'autoNumber':
      return 'contains';
    case 'reference':
      return 'equals';
    case 'integer':
      return 'integer';
    case 'decimal':
    case 'percentage':
    case 'money':
      return 'decimal';
    case 'singleSelect':
      return 'option';
    case 'multiSelect':
      return 'hasOption';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'dateRange';
    case 'datetime':
      return 'datetimeRange';
    case 'json':
      return 'none';
  }
}

/** A range of days, either end open (''); dates as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** What the reader entered in a column's filter: text (or an option, 'true'/'false'), or a range of days. */
export type FilterInput = string | DayRange;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether the text entered cannot be compared with the column (shown as an invalid filter, not sent). */
export function isInvalidFilter(field: FieldDefinition, input: FilterInput | undefined): boolean {
  if (typeof input !== 'string' || input.trim() === '') return false;
  const kind = filterKindOf(field);
  const text = input.trim().replace(/,/g, '');
  if (kind === 'integer') return !INTEGER.test(text) || !Number.isSafeInteger(Number(text));
  if (kind === 'decimal') return !DECIMAL.test(text);
  return false;
}

/** The start of a local calendar day as an ISO instant (date-time filters read days in the reader's zone). */
function startOfLocalDay(date: string, addDays = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + addDays).toISOString();
}

function dayRange(field: string, range: DayRange, datetime: boolean): RecordFilter | undefined {
  const from = range.from.trim();
  const to = range.to.trim();
  if (datetime) {
    const parts: RecordFilter[] = [];
    if (from) parts.push({ field, op: 'gte', value: startOfLocalDay(from) });
    // Up to the end of the last day: before the next day starts.
    if (to) parts.push({ field, op: 'lt', value: startOfLocalDay(to, 1) });
    return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { and: parts };
  }
  if (from && to) return { field, op: 'between', value: [from, to] };
  if (from) return { field, op: 'gte', value: from };
  if (to) return { field, op: 'lte', value: to };
  return undefined;
}

/** The query condition for one column's filter, or undefined when it filters nothing (empty or invalid). */
export function columnCondition(field: FieldDefinition, input: FilterInput | undefined): RecordFilter | undefined {
  if (input === undefined || isInvalidFilter(field, input)) return undefined;
  const kind = filterKindOf(field);
  if (typeof input !== 'string') {
    return kind === 'dateRange' || kind === 'datetimeRange' ? dayRange(field.key, input, kind === 'datetimeRange') : undefined;
  }
  const text = input.trim();
  if (text === '') return undefined;
  const key = field.key;
  switch (kind) {
    case 'contains':
      return { field: key, op: 'contains', value: text };
    case 'equals':
    case 'option':
      return { field: key, op: 'eq', value: text };
    case 'hasOption':
      return { field: key, op: 'contains', value: text };
    case 'integer':
      return { field: key, op: 'eq', value: Number(text.replace(/,/g, '')) };
    case 'decimal':
      return { field: key, op: 'eq', value: text.replace(/,/g, '') };
    case 'boolean':
      return text === 'true' || text === 'false' ? { field: key, op: 'eq', value: text === 'true' } : undefined;
    default:
      return undefined;
  }
}

/** Every column's filter combined with `and`; undefined when none filters anything. */
export function recordFilter(fields: readonly FieldDefinition[], inputs: Readonly<Record<string, FilterInput>>): RecordFilter | undefined {
  const conditions = fields.flatMap((field) => {
    const condition = columnCondition(field, inputs[field.key]);
    return condition ? [condition] : [];
  });
  return conditions.length === 0 ? undefined : { and: conditions };
}
