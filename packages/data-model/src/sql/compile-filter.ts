import { canonicalDatetime, isIsoDate } from '../field-types/date-time.js';
import { canonicalDecimal } from '../field-types/decimal.js';
import { operatorAllowed } from '../filter/operator-allowed.js';
import type { FilterCondition, FilterOperator, RecordFilter } from '../filter/record-filter.js';
import { isRelativePeriod, resolvePeriod } from '../filter/relative-dates.js';
import type { SqlDialect } from './dialect.js';
import { FALSE_SQL, joinSql, raw, sql, TRUE_SQL, type SqlFragment, type SqlValue } from './fragment.js';
import { toStoredDatetime } from './stored-datetime.js';
import type { ValueType } from './value-type.js';

/** Records a problem at a JSON Pointer; compilation goes on so that every problem is reported at once. */
export type IssueSink = (path: string, code: string, message: string) => void;

/**
 * How a column stores its values when that is not its type's plain form: an encrypted field's blind
 * index, a money field's currency code. It narrows the operators and converts every value.
 */
export interface StoredForm {
  /** What the column holds, for messages: `encrypted`, `currency code`. */
  readonly label: string;
  /** The operators the stored form can answer. */
  readonly operators: readonly FilterOperator[];
  /** What a value must be, for messages: `an ISO 4217 currency code`. */
  readonly expects: string;
  /** A filter value in the stored form; undefined when it cannot be one. */
  toStored(value: unknown): SqlValue | undefined;
}

/** What a condition's field resolves to: SQL over the caller's tables, its type, and its stored form if special. */
export interface FilterColumn {
  readonly sql: SqlFragment;
  readonly type: ValueType;
  readonly stored?: StoredForm;
}

export interface FilterContext {
  readonly dialect: SqlDialect;
  /** Resolves a field path; reports unknown (or forbidden) ones itself and answers undefined. */
  resolve(path: string, issuePath: string): FilterColumn | undefined;
  /**
   * Resolves a field compared with a value the runner chooses (a parameter): such a condition lets
   * the runner probe the field's values, so field rules may refuse it. Defaults to `resolve`.
   */
  resolveChosen?(path: string, issuePath: string): FilterColumn | undefined;
  issue: IssueSink;
  /** The instant `within` counts its calendar units from; without it, `within` is not supported. */
  readonly now?: Date;
  /**
   * What a `{param: key}` value stands for, compared with a field of `type`: `{ value }`, or
   * undefined to drop the condition (a parameter left empty, or one it reported at `issuePath`).
   * Without it, a parameter is refused as a value of the wrong type.
   */
  parameterValue?(key: unknown, type: ValueType, issuePath: string): { value: unknown } | undefined;
}

const COMPARISON: Partial<Record<FilterOperator, string>> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};
const MAX_CONDITIONS = 200;
const MAX_LIST = 1000;
/** contains, startsWith and a multi select's option: longer text can be no option nor a search anyone types. */
const MAX_SEARCH = 200;
const MAX_TEXT = 4000;

/** `!` escapes LIKE's wildcards: unlike a backslash it means the same to SQLite and MySQL. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

function isParameterRef(value: unknown): value is { param: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'param' in value;
}

/**
 * Compiles the JSON filter (`and`/`or`/`not` over `{field, op, value}`) to a WHERE predicate over
 * the caller's tables, the same on SQLite and MySQL: columns come only from `resolve`, every value
 * is bound in its column's stored form. What is wrong goes to `issue` at its JSON Pointer (the
 * predicate is then false); a condition whose parameter was left empty drops out.
 */
export class FilterCompiler {
  private conditions = 0;

  constructor(private readonly ctx: FilterContext) {}

  compile(filter: RecordFilter, path: string): SqlFragment {
    return this.node(filter, path) ?? TRUE_SQL;
  }

  /** A filter value in the column's stored form, bound; or undefined after recording why not. */
  value(column: FilterColumn, value: unknown, path: string, name: string): SqlFragment | undefined {
    const bad = (expected: string): undefined => {
      this.ctx.issue(path, 'type', `${name} compares with ${expected}`);
      return undefined;
    };
    if (column.stored) {
      const stored = column.stored.toStored(value);
      return stored === undefined ? bad(column.stored.expects) : sql`${stored}`;
    }
    switch (column.type) {
      case 'text':
      case 'multi':
        return typeof value === 'string' && value.length <= MAX_TEXT ? sql`${value}` : bad('text');
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

  /** The predicate, or undefined when every condition in it dropped out (empty parameters). */
  private node(filter: RecordFilter, path: string): SqlFragment | undefined {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
      return this.fail(path, 'invalidFilter', 'A filter is an object');
    const shapes = ['and', 'or', 'not', 'field'].filter((k) => k in filter);
    const shape = shapes.length === 1 ? shapes[0] : undefined;
    if (shape === undefined || (shape === 'field' ? !('op' in filter) : Object.keys(filter).length !== 1)) {
      return this.fail(
        path,
        'invalidFilter',
        'A filter is exactly one of {and: [...]}, {or: [...]}, {not: {...}} or {field, op, value}',
      );
    }
    if ('and' in filter || 'or' in filter) {
      const isAnd = 'and' in filter;
      const list: unknown = isAnd ? filter.and : (filter as { or: unknown }).or;
      if (!Array.isArray(list)) return this.fail(path, 'invalidFilter', 'and/or take a list of filters');
      // Nothing to AND is no restriction; nothing to OR matches nothing.
      if (list.length === 0) return isAnd ? TRUE_SQL : FALSE_SQL;
      const parts = list
        .map((f: RecordFilter, i) => this.node(f, `${path}/${isAnd ? 'and' : 'or'}/${i}`))
        .filter((p) => p !== undefined);
      if (parts.length === 0) return undefined;
      return sql`(${joinSql(parts, isAnd ? ' AND ' : ' OR ')})`;
    }
    if ('not' in filter) {
      const inner = this.node(filter.not, `${path}/not`);
      if (inner === undefined) return undefined;
      // The complement, rows with empty values included: SQL's NOT would drop those (NOT NULL is NULL).
      return sql`((${inner}) IS NOT TRUE)`;
    }
    return this.condition(filter, path);
  }

  private fail(path: string, code: string, message: string): SqlFragment {
    this.ctx.issue(path, code, message);
    return FALSE_SQL;
  }

  private allowed(column: FilterColumn, op: FilterOperator): boolean {
    if (op === 'within' && this.ctx.now === undefined) return false;
    return column.stored ? column.stored.operators.includes(op) : operatorAllowed(column.type, op);
  }

  private condition(condition: FilterCondition, path: string): SqlFragment | undefined {
    if (++this.conditions > MAX_CONDITIONS)
      return this.fail(path, 'tooManyConditions', `A filter may hold at most ${MAX_CONDITIONS} conditions`);
    const { field, op } = condition;
    if (typeof field !== 'string')
      return this.fail(`${path}/field`, 'invalidFilter', 'field must be a field path');
    const chosen = isParameterRef(condition.value);
    const column =
      chosen && this.ctx.resolveChosen
        ? this.ctx.resolveChosen(field, `${path}/field`)
        : this.ctx.resolve(field, `${path}/field`);
    if (!column) return FALSE_SQL;
    if (!this.allowed(column, op))
      return this.fail(
        `${path}/op`,
        'operatorNotSupported',
        `${String(op)} does not apply to ${field} (${column.stored?.label ?? column.type})`,
      );
    const valuePath = `${path}/value`;
    let value = condition.value;
    if (chosen) {
      if (!this.ctx.parameterValue)
        return this.fail(valuePath, 'type', `${field} compares with a value here, not a parameter`);
      const given = this.ctx.parameterValue(
        (condition.value as { param: unknown }).param,
        column.type,
        `${valuePath}/param`,
      );
      if (!given) return undefined;
      value = given.value;
    }
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
      const { start, end } = resolvePeriod(value, this.ctx.now!);
      const bound = (day: string): string =>
        column.type === 'datetime' ? toStoredDatetime(`${day}T00:00:00.000Z`) : day;
      return sql`(${c} >= ${bound(start)} AND ${c} < ${bound(end)})`;
    }
    if (column.type === 'multi') {
      if (typeof value !== 'string' || value.length > MAX_SEARCH)
        return this.fail(valuePath, 'type', 'contains takes one option');
      return this.ctx.dialect.jsonArrayContains(c, value);
    }
    if (op === 'contains' || op === 'startsWith') {
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SEARCH)
        return this.fail(valuePath, 'type', `${op} takes text of 1 to ${MAX_SEARCH} characters`);
      const pattern = `${op === 'contains' ? '%' : ''}${escapeLike(value.toLowerCase())}%`;
      return sql`(LOWER(${c}) LIKE ${pattern} ESCAPE '!')`;
    }
    if (op === 'in' || op === 'nin') {
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST)
        return this.fail(valuePath, 'type', `${op} takes a list of 1 to ${MAX_LIST} values`);
      const values = value.map((v: unknown, i) => this.value(column, v, `${valuePath}/${i}`, field));
      if (values.some((v) => v === undefined)) return FALSE_SQL;
      const list = joinSql(values as SqlFragment[], ', ');
      // "not in" keeps the rows that have no value, as a person reading the filter expects.
      return op === 'in' ? sql`(${c} IN (${list}))` : sql`(${c} NOT IN (${list}) OR ${c} IS NULL)`;
    }
    if (op === 'between') {
      if (!Array.isArray(value) || value.length !== 2)
        return this.fail(valuePath, 'type', 'between takes [low, high]');
      const low = this.value(column, value[0], `${valuePath}/0`, field);
      const high = this.value(column, value[1], `${valuePath}/1`, field);
      if (low === undefined || high === undefined) return FALSE_SQL;
      return sql`(${c} BETWEEN ${low} AND ${high})`;
    }
    const bound = this.value(column, value, valuePath, field);
    if (bound === undefined) return FALSE_SQL;
    const comparison = sql`${c} ${raw(COMPARISON[op]!)} ${bound}`;
    // "not equal" keeps the rows that have no value, as "not in" does.
    return op === 'ne' ? sql`(${comparison} OR ${c} IS NULL)` : sql`(${comparison})`;
  }
}
