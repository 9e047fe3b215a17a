import type { ValueType } from '../sql/value-type.js';
import { FILTER_OPERATORS, type FilterOperator } from './record-filter.js';

const ORDERED: ReadonlySet<ValueType> = new Set(['text', 'integer', 'decimal', 'date', 'datetime']);
const KNOWN: ReadonlySet<string> = new Set(FILTER_OPERATORS);

/**
 * Whether a condition may compare a value of `type` with `op`: the same rules wherever a filter is
 * compiled. Everything answers `isNull`; JSON nothing else; a multi select only `contains` (one of
 * its options); booleans only `eq`/`ne`; text alone `contains`/`startsWith`; dates alone `within`.
 */
export function operatorAllowed(type: ValueType, op: FilterOperator): boolean {
  if (!KNOWN.has(op)) return false;
  if (op === 'isNull') return true;
  if (type === 'json') return false;
  if (type === 'multi') return op === 'contains';
  if (op === 'within') return type === 'date' || type === 'datetime';
  if (type === 'boolean') return op === 'eq' || op === 'ne';
  if (op === 'contains' || op === 'startsWith') return type === 'text';
  if (op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte' || op === 'between')
    return ORDERED.has(type);
  return true;
}
