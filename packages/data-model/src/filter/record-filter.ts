/**
 * The one filter language: what the records query API takes, what a lookup field's options are
 * chosen by, and what a report's rows, measures and joins are filtered by. JSON, so that the
 * browser builds it, the server checks it and the engines compile it alike.
 */

/** How a condition compares a field with its value; `within` takes a relative period of dates. */
export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'nin'
  | 'contains'
  | 'startsWith'
  | 'isNull'
  | 'between'
  | 'within';

export const FILTER_OPERATORS: readonly FilterOperator[] = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'nin',
  'contains',
  'startsWith',
  'isNull',
  'between',
  'within',
];

/** A value taken from a report parameter the person running the report fills in: `{ "param": "since" }`. */
export interface ParameterRef {
  param: string;
}

/** `{ field, op, value }`: `field` names a field, a money field's `<key>.currency` or a standard column. */
export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

/** `and`/`or`/`not` over conditions; `not` keeps the records whose value is empty, as a person expects. */
export type RecordFilter =
  { and: RecordFilter[] } | { or: RecordFilter[] } | { not: RecordFilter } | FilterCondition;

/** A problem in a filter at a JSON Pointer, with a stable code. */
export interface FilterProblem {
  path: string;
  code: string;
  message: string;
}
