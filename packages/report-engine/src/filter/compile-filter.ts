import { canonicalDatetime, canonicalDecimal, isIsoDate } from '@bankforge/data-model';
import type {
  FilterCondition,
  FilterOperator,
  ReportFilter,
  ReportParameter,
} from '../artifact/report-definition.js';
import type { IssueSink, ResolvedValue } from '../model/resolved-value.js';
import type { ValueType } from '../model/value-type.js';
import type { SqlDialect } from '../sql/dialect.js';
import { FALSE_SQL, joinSql, raw, sql, TRUE_SQL, type SqlFragment } from '../sql/fragment.js';
import type { ParameterValue } from '../parameters/parameter-values.js';
import { isRelativePeriod, resolvePeriod } from './relative-dates.js';

export interface FilterContext {
  dialect: SqlDialect;
  /** Resolves a field path, reporting unknown ones itself. */
  resolve(path: string, issuePath: string): ResolvedValue | undefined;
  /**
   * Resolves a field path compared with a value the report's runner chooses (a parameter): such a
   * condition lets the runner probe the field's values, so field rules may refuse it. Defaults to `resolve`.
   */
  resolveChosen?(path: string, issuePath: string): ResolvedValue | undefined;
  now: Date;
  parameters: ReadonlyMap<string, ReportParameter>;
  values: ReadonlyMap<string, ParameterValue>;
  issue: IssueSink;
}

const ORDERED: ReadonlySet<ValueType> = new Set(['text', 'integer', 'decimal', 'date', 'datetime']);
const COMPARISON: Partial<Record<FilterOperator, string>> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};
const MAX_CONDITIONS = 200;

/** Which parameter types may feed a column of each type. */
const PARAMETER_TYPES: Record<ValueType, readonly ReportParameter['type'][]> = {
  text: ['text', 'select'],
  integer: ['integer', 'number'],
  decimal: ['number', 'integer'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['datetime'],
  multi: ['text', 'select'],
  json: [],
};

/** The same operator rules as the records API, plus `within` on dates. */
export function operatorAllowed(type: ValueType, op: FilterOperator): boolean {
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

/** `!` escapes LIKE's wildcards: unlike a backslash it means the same to SQLite and MySQL. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

function isParameterReference(value: unknown): value is { param: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'param' in value;
}

/** Marks a condition whose parameter was left empty: the condition is dropped. */
const UNSET = Symbol('unset parameter');

/**
 * Compiles the records API's JSON filter (and/or/not of {field, op, value}) to a WHERE fragment
 * over the report's tables. Values are converted to each column's stored form and bound; a value
 * may be `{param: key}` (a report parameter) and `within` takes a relative period.
 */
export class FilterCompiler {
  private conditions = 0;

  constructor(private readonly ctx: FilterContext) {}

  compile(filter: ReportFilter, path: string): SqlFragment {
    if (typeof filter !== 'object' || filter === null)
      return this.fail(path, 'invalidFilter', 'A filter is an object');
    const shapes = ['and', 'or', 'not', 'field'].filter((k) => k in filter);
    if (shapes.length !== 1 || (shapes[0] !== 'field' && Object.keys(filter).length !== 1)) {
      return this.fail(
        path,
        'invalidFilter',
        'A filter is exactly one of {and: [...]}, {or: [...]}, {not: {...}} or {field, op, value}',
      );
    }
    if ('and' in filter || 'or' in filter) {
      const isAnd = 'and' in filter;
      const list = isAnd ? filter.and : (filter as { or: ReportFilter[] }).or;
      if (!Array.isArray(list)) return this.fail(path, 'invalidFilter', 'and/or take a list of filters');
      const parts = list
        .map((f, i) => this.compile(f, `${path}/${isAnd ? 'and' : 'or'}/${i}`))
        .filter((p) => p !== TRUE_SQL);
      // Conditions on empty parameters drop out; an emptied "or" means no restriction either.
      if (parts.length === 0) return list.length === 0 && !isAnd ? FALSE_SQL : TRUE_SQL;
      return sql`(${joinSql(parts, isAnd ? ' AND ' : ' OR ')})`;
    }
    if ('not' in filter) {
      const inner = this.compile(filter.not, `${path}/not`);
      if (inner === TRUE_SQL) return TRUE_SQL;
      // The complement, rows with empty values included: SQL's NOT would drop those (NOT NULL is NULL).
      return sql`((${inner}) IS NOT TRUE)`;
    }
    return this.condition(filter, path);
  }

  private fail(path: string, code: string, message: string): SqlFragment {
    this.ctx.issue(path, code, message);
    return FALSE_SQL;
  }

  private condition(condition: FilterCondition, path: string): SqlFragment {
    if (++this.conditions > MAX_CONDITIONS)
      return this.fail(path, 'tooManyConditions', `A filter may hold at most ${MAX_CONDITIONS} conditions`);
    if (typeof condition.field !== 'string')
      return this.fail(`${path}/field`, 'invalidFilter', 'field must be a field path');
    const column =
      isParameterReference(condition.value) && this.ctx.resolveChosen
        ? this.ctx.resolveChosen(condition.field, `${path}/field`)
        : this.ctx.resolve(condition.field, `${path}/field`);
    if (!column) return FALSE_SQL;
    const { op } = condition;
    if (!operatorAllowed(column.type, op))
      return this.fail(
        `${path}/op`,
        'operatorNotSupported',
        `${op} does not apply to ${condition.field} (${column.type})`,
      );
    const valuePath = `${path}/value`;
    const value = this.parameterValue(condition.value, column.type, valuePath);
    if (value === UNSET) return TRUE_SQL;
    const c = column.sql;
    if (op === 'isNull') {
      if (typeof value !== 'boolean') return this.fail(valuePath, 'type', 'isNull takes true or false');
      return sql`(${c} IS ${raw(value ? '' : 'NOT ')}NULL)`;
    }
    if (op === 'within') {
      if (!isRelativePeriod(value))
        return this.fail(
          valuePath,
          'invalidPeriod',
          'within takes a period such as "thisQuarter", "yearToDate" or {"last": 30, "unit": "day"}',
        );
      const { start, end } = resolvePeriod(value, this.ctx.now);
      const bound = (d: string): string => (column.type === 'datetime' ? `${d} 00:00:00.000` : d);
      return sql`(${c} >= ${bound(start)} AND ${c} < ${bound(end)})`;
    }
    if (column.type === 'multi') {
      if (typeof value !== 'string' || value.length > 200)
        return this.fail(valuePath, 'type', 'contains takes one option');
      return this.ctx.dialect.jsonArrayContains(c, value);
    }
    if (op === 'contains' || op === 'startsWith') {
      if (typeof value !== 'string' || value.length === 0 || value.length > 200)
        return this.fail(valuePath, 'type', `${op} takes text of 1 to 200 characters`);
      const pattern = `${op === 'contains' ? '%' : ''}${escapeLike(value.toLowerCase())}%`;
      return sql`(LOWER(${c}) LIKE ${pattern} ESCAPE '!')`;
    }
    if (op === 'in' || op === 'nin') {
      if (!Array.isArray(value) || value.length === 0 || value.length > 1000)
        return this.fail(valuePath, 'type', `${op} takes a list of 1 to 1000 values`);
      const values = value.map((v, i) => this.value(column.type, v, `${valuePath}/${i}`));
      if (values.some((v) => v === undefined)) return FALSE_SQL;
      const list = joinSql(values as SqlFragment[], ', ');
      // "not in" keeps the rows that have no value, as a person reading the filter expects.
      return op === 'in' ? sql`(${c} IN (${list}))` : sql`(${c} NOT IN (${list}) OR ${c} IS NULL)`;
    }
    if (op === 'between') {
      if (!Array.isArray(value) || value.length !== 2)
        return this.fail(valuePath, 'type', 'between takes [low, high]');
      const low = this.value(column.type, value[0], `${valuePath}/0`);
      const high = this.value(column.type, value[1], `${valuePath}/1`);
      if (low === undefined || high === undefined) return FALSE_SQL;
      return sql`(${c} BETWEEN ${low} AND ${high})`;
    }
    const bound = this.value(column.type, value, valuePath);
    if (bound === undefined) return FALSE_SQL;
    const comparison = sql`${c} ${raw(COMPARISON[op] ?? '=')} ${bound}`;
    return op === 'ne' ? sql`(${comparison} OR ${c} IS NULL)` : sql`(${comparison})`;
  }

  /** Replaces `{param: key}` by the parameter's value (UNSET when the user left it empty). */
  private parameterValue(value: unknown, type: ValueType, path: string): unknown {
    if (!isParameterReference(value)) return value;
    const key = (value as { param: unknown }).param;
    const declared = typeof key === 'string' ? this.ctx.parameters.get(key) : undefined;
    if (!declared) {
      this.ctx.issue(`${path}/param`, 'unknownParameter', `${String(key)} is not a parameter of this report`);
      return UNSET;
    }
    if (!PARAMETER_TYPES[type].includes(declared.type)) {
      this.ctx.issue(
        `${path}/param`,
        'typeMismatch',
        `parameter ${declared.key} (${declared.type}) cannot be compared with a ${type} field`,
      );
      return UNSET;
    }
    return this.ctx.values.has(declared.key) ? this.ctx.values.get(declared.key) : UNSET;
  }

  /** A filter value in the column's stored form, bound; or undefined after recording why not. */
  value(type: ValueType, value: unknown, path: string): SqlFragment | undefined {
    const bad = (expected: string): undefined => {
      this.ctx.issue(path, 'type', `compares with ${expected}`);
      return undefined;
    };
    switch (type) {
      case 'text':
      case 'multi':
        return typeof value === 'string' && value.length <= 4000 ? sql`${value}` : bad('text');
      case 'integer':
        return typeof value === 'number' && Number.isSafeInteger(value) ? sql`${value}` : bad('an integer');
      case 'decimal': {
        const decimal =
          typeof value === 'string' || typeof value === 'number' ? canonicalDecimal(value) : undefined;
        return decimal === undefined ? bad('a decimal number') : this.ctx.dialect.decimalParam(decimal);
      }
      case 'boolean':
        return typeof value === 'boolean' ? sql`${value ? 1 : 0}` : bad('true or false');
      case 'date':
        return typeof value === 'string' && isIsoDate(value) ? sql`${value}` : bad('a date (YYYY-MM-DD)');
      case 'datetime': {
        const instant = typeof value === 'string' ? canonicalDatetime(value) : undefined;
        return instant ? sql`${toStoredDatetime(instant)}` : bad('an ISO 8601 date-time');
      }
      case 'json':
        return bad('nothing (JSON fields only answer isNull)');
    }
  }
}

/** `2024-03-01T08:00:00.000Z` -> `2024-03-01 08:00:00.000`: how both databases store instants. */
export function toStoredDatetime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
