import {
  FILTER_OPERATORS,
  isRelativePeriod,
  operatorAllowed,
  type CalendarUnit,
  type FilterCondition,
  type FilterOperator,
  type NamedPeriod,
  type RelativePeriod,
  type ValueType,
} from '@bankforge/data-model';

/** What a condition's value looks like for its operator. */
export type ValueShape = 'one' | 'list' | 'range' | 'period' | 'emptiness';

export function valueShape(op: FilterOperator): ValueShape {
  switch (op) {
    case 'in':
    case 'nin':
      return 'list';
    case 'between':
      return 'range';
    case 'within':
      return 'period';
    case 'isNull':
      return 'emptiness';
    default:
      return 'one';
  }
}

/** The operators that apply to a field of the type (the data model's rule); a calculated field's type is known only to the engine, so all. */
export function operatorsFor(type: ValueType | undefined): FilterOperator[] {
  return FILTER_OPERATORS.filter((op) => type === undefined || operatorAllowed(type, op));
}

/** A parameter's value in a filter: `{ param: key }`. */
export function parameterOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const param = (value as { param?: unknown }).param;
  return typeof param === 'string' ? param : undefined;
}

/** A value fitting the operator's shape, kept from the old one where it fits (a parameter stays a parameter). */
export function valueFor(op: FilterOperator, type: ValueType | undefined, old: unknown): unknown {
  if (parameterOf(old) !== undefined && valueShape(op) !== 'emptiness' && valueShape(op) !== 'period') return old;
  switch (valueShape(op)) {
    case 'emptiness':
      return true;
    case 'period':
      return isRelativePeriod(old) ? old : 'thisMonth';
    case 'list':
      return Array.isArray(old) ? old : old === undefined || old === '' ? [] : [old];
    case 'range':
      return Array.isArray(old) && old.length === 2 ? old : [Array.isArray(old) ? old[0] : old ?? '', ''];
    case 'one':
      if (Array.isArray(old)) return old[0] ?? '';
      if (type === 'boolean') return typeof old === 'boolean' ? old : true;
      return old === undefined || typeof old === 'boolean' || isRelativePeriod(old) ? '' : old;
  }
}

/** The first operator a field's type offers, for a new condition (equality where it applies). */
export function firstOperator(type: ValueType | undefined): FilterOperator {
  const ops = operatorsFor(type);
  return ops.includes('eq') ? 'eq' : ops.includes('contains') ? 'contains' : (ops[0] ?? 'isNull');
}

/** A new condition on a field: its first operator and an empty value. */
export function newCondition(field: string, type: ValueType | undefined): FilterCondition {
  const op = firstOperator(type);
  return { field, op, value: valueFor(op, type, undefined) };
}

/**
 * The value a person typed, as the filter stores it for the field's type: integers and decimals as
 * numbers when they read as one (otherwise the text, which the check then flags), dates as typed
 * (YYYY-MM-DD), booleans from 'true'/'false'.
 */
export function parseTyped(text: string, type: ValueType | undefined): unknown {
  const trimmed = text.trim();
  if (type === 'integer' && /^-?\d+$/.test(trimmed)) return Number(trimmed);
  if (type === 'decimal' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (type === 'boolean') return trimmed === 'true';
  return text;
}

/** A value shown in a text box. */
export function typedText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `{ last: 3, unit: 'month' }`-style periods as their parts, or a named period. */
export type PeriodChoice = { kind: 'named'; name: NamedPeriod } | { kind: 'last' | 'next'; count: number; unit: CalendarUnit };

export function periodChoice(value: unknown): PeriodChoice {
  if (typeof value === 'string' && isRelativePeriod(value)) return { kind: 'named', name: value };
  if (isRelativePeriod(value) && typeof value === 'object') {
    return 'last' in value ? { kind: 'last', count: value.last, unit: value.unit } : { kind: 'next', count: value.next, unit: value.unit };
  }
  return { kind: 'named', name: 'thisMonth' };
}

export function periodValue(choice: PeriodChoice): RelativePeriod {
  if (choice.kind === 'named') return choice.name;
  return choice.kind === 'last' ? { last: choice.count, unit: choice.unit } : { next: choice.count, unit: choice.unit };
}
