import { canonicalDatetime, canonicalDecimal, isIsoDate, normalizeFieldValue } from '@bankforge/data-model';
import type { Dialect } from '../../platform/config/server-config.js';
import type { SqlValue } from '../../platform/database/database.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { toDbDatetime } from '../metadata/record-codec.js';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';
import { resolveColumn, type RecordColumn } from './record-fields.js';
import type { FilterCondition, FilterOperator, RecordFilter } from './record-query.js';

export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

const ORDERED: ReadonlySet<RecordColumn['kind']> = new Set(['string', 'text', 'integer', 'decimal', 'date', 'datetime', 'currency']);
const TEXTUAL: ReadonlySet<RecordColumn['kind']> = new Set(['string', 'text']);

/** Which operators each kind of column answers. */
function operatorAllowed(kind: RecordColumn['kind'], op: FilterOperator): boolean {
  if (op === 'isNull') return true;
  if (kind === 'encrypted') return op === 'eq' || op === 'ne' || op === 'in' || op === 'nin';
  if (kind === 'json') return false;
  if (kind === 'multi') return op === 'contains';
  if (kind === 'boolean') return op === 'eq' || op === 'ne';
  if (op === 'contains' || op === 'startsWith') return TEXTUAL.has(kind);
  if (op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte' || op === 'between') return ORDERED.has(kind);
  return true;
}

const COMPARISON: Partial<Record<FilterOperator, string>> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** `!` escapes LIKE's wildcards: unlike a backslash it means the same to SQLite and MySQL. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * Compiles a JSON filter to a parameterised WHERE fragment. Every column comes from metadata
 * (through `resolveColumn`) and every value is a bound parameter converted to the column's
 * canonical form, so the same filter means the same thing on SQLite and MySQL.
 */
export class FilterCompiler {
  readonly errors: ProblemFieldError[] = [];
  /** Conditions the caller's field rules forbid: answered as 403, not as a malformed filter. */
  readonly denied: ProblemFieldError[] = [];
  private conditions = 0;

  constructor(
    private readonly model: EntityModel,
    private readonly dialect: Dialect,
    private readonly quote: (identifier: string) => string,
    private readonly permits: (column: RecordColumn, op: FilterOperator, path: string) => ProblemFieldError | undefined = () => undefined,
    private readonly blindIndex?: (canonical: string) => string,
  ) {}

  compile(filter: RecordFilter, path: string): SqlFragment {
    const shapes = ['and', 'or', 'not', 'field'].filter((k) => k in filter);
    if (shapes.length !== 1 || (shapes[0] === 'field' && !('op' in filter)) || (shapes[0] !== 'field' && Object.keys(filter).length !== 1)) {
      return this.fail(path || '/', 'invalidFilter', 'A filter is exactly one of {and: [...]}, {or: [...]}, {not: {...}} or {field, op, value}');
    }
    if ('and' in filter || 'or' in filter) {
      const list = 'and' in filter ? filter.and : (filter as { or: RecordFilter[] }).or;
      const joiner = 'and' in filter ? ' AND ' : ' OR ';
      const key = 'and' in filter ? 'and' : 'or';
      if (list.length === 0) return { sql: key === 'and' ? '1=1' : '1=0', params: [] };
      const parts = list.map((f, i) => this.compile(f, `${path}/${key}/${i}`));
      return { sql: `(${parts.map((p) => p.sql).join(joiner)})`, params: parts.flatMap((p) => p.params) };
    }
    if ('not' in filter) {
      // The complement, records with empty values included: SQL's NOT would drop those (NOT NULL is NULL).
      const inner = this.compile(filter.not, `${path}/not`);
      return { sql: `(${inner.sql}) IS NOT TRUE`, params: inner.params };
    }
    return this.condition(filter, path);
  }

  /** A decimal parameter: MySQL would compare a string with a DECIMAL as a double. */
  private placeholder(column: RecordColumn): string {
    return column.kind === 'decimal' && this.dialect === 'mysql' ? 'CAST(? AS DECIMAL(65,30))' : '?';
  }

  private fail(path: string, code: string, message: string): SqlFragment {
    this.errors.push({ path, code, message });
    return { sql: '1=0', params: [] };
  }

  private condition(condition: FilterCondition, path: string): SqlFragment {
    if (++this.conditions > 200) return this.fail(path, 'tooManyConditions', 'A filter may hold at most 200 conditions');
    const column = resolveColumn(this.model, condition.field);
    if (!column) return this.fail(`${path}/field`, 'unknownField', `${condition.field} is not a field of ${this.model.key}`);
    const { op } = condition;
    const denial = this.permits(column, op, `${path}/field`);
    if (denial) {
      this.denied.push(denial);
      return { sql: '1=0', params: [] };
    }
    if (!operatorAllowed(column.kind, op)) {
      return this.fail(`${path}/op`, 'operatorNotSupported', `${op} does not apply to ${condition.field} (${column.field?.type ?? column.kind})`);
    }
    const c = this.quote(column.column);
    const valuePath = `${path}/value`;
    if (op === 'isNull') {
      if (typeof condition.value !== 'boolean') return this.fail(valuePath, 'type', 'isNull takes true or false');
      return { sql: `${c} IS ${condition.value ? '' : 'NOT '}NULL`, params: [] };
    }
    if (column.kind === 'multi') {
      const option = this.value(column, condition.value, valuePath);
      if (option === undefined) return { sql: '1=0', params: [] };
      return this.dialect === 'mysql'
        ? { sql: `JSON_CONTAINS(${c}, JSON_ARRAY(?))`, params: [option] }
        : { sql: `EXISTS (SELECT 1 FROM json_each(${c}) WHERE json_each.value = ?)`, params: [option] };
    }
    if (op === 'contains' || op === 'startsWith') {
      if (typeof condition.value !== 'string' || condition.value.length === 0 || condition.value.length > 200) {
        return this.fail(valuePath, 'type', `${op} takes text of 1 to 200 characters`);
      }
      const pattern = `${op === 'contains' ? '%' : ''}${escapeLike(condition.value.toLowerCase())}%`;
      return { sql: `LOWER(${c}) LIKE ? ESCAPE '!'`, params: [pattern] };
    }
    if (op === 'in' || op === 'nin') {
      if (!Array.isArray(condition.value) || condition.value.length === 0 || condition.value.length > 1000) {
        return this.fail(valuePath, 'type', `${op} takes a list of 1 to 1000 values`);
      }
      const values = condition.value.map((v, i) => this.value(column, v, `${valuePath}/${i}`));
      if (values.some((v) => v === undefined)) return { sql: '1=0', params: [] };
      const list = values.map(() => this.placeholder(column)).join(', ');
      // "not in" keeps the records that have no value, as a person reading the filter expects.
      return op === 'in'
        ? { sql: `${c} IN (${list})`, params: values as SqlValue[] }
        : { sql: `(${c} NOT IN (${list}) OR ${c} IS NULL)`, params: values as SqlValue[] };
    }
    if (op === 'between') {
      if (!Array.isArray(condition.value) || condition.value.length !== 2) return this.fail(valuePath, 'type', 'between takes [low, high]');
      const low = this.value(column, condition.value[0], `${valuePath}/0`);
      const high = this.value(column, condition.value[1], `${valuePath}/1`);
      if (low === undefined || high === undefined) return { sql: '1=0', params: [] };
      return { sql: `${c} BETWEEN ${this.placeholder(column)} AND ${this.placeholder(column)}`, params: [low, high] };
    }
    const value = this.value(column, condition.value, valuePath);
    if (value === undefined) return { sql: '1=0', params: [] };
    const sql = `${c} ${COMPARISON[op]} ${this.placeholder(column)}`;
    return op === 'ne' ? { sql: `(${sql} OR ${c} IS NULL)`, params: [value] } : { sql, params: [value] };
  }

  /** Converts a filter value to the column's stored form, or records why it cannot be. */
  value(column: RecordColumn, value: unknown, path: string): SqlValue | undefined {
    const bad = (expected: string): undefined => {
      this.errors.push({ path, code: 'type', message: `${column.name} compares with ${expected}` });
      return undefined;
    };
    switch (column.kind) {
      case 'string':
      case 'text':
      case 'multi':
        return typeof value === 'string' && value.length <= 4000 ? value : bad('text');
      case 'currency':
        return typeof value === 'string' && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : bad('an ISO 4217 currency code');
      case 'integer':
        return typeof value === 'number' && Number.isSafeInteger(value) ? value : bad('an integer');
      case 'decimal': {
        const decimal = typeof value === 'string' || typeof value === 'number' ? canonicalDecimal(value) : undefined;
        if (decimal === undefined) return bad('a decimal number');
        return this.dialect === 'sqlite' ? Number(decimal) : decimal;
      }
      case 'boolean':
        return typeof value === 'boolean' ? (value ? 1 : 0) : bad('true or false');
      case 'date':
        return typeof value === 'string' && isIsoDate(value) ? value : bad('a date (YYYY-MM-DD)');
      case 'datetime': {
        const iso = typeof value === 'string' ? canonicalDatetime(value) : undefined;
        return iso ? toDbDatetime(iso) : bad('an ISO 8601 date-time');
      }
      case 'json':
        return bad('nothing (JSON fields only answer isNull)');
      case 'encrypted': {
        // The value is normalised as a write would be (138 0013 8000 finds 13800138000), then blind-indexed.
        const canonical = typeof value === 'string' ? normalizeFieldValue(column.field!, value) : undefined;
        if (typeof canonical !== 'string' || canonical.length > 4000) return bad('text');
        if (!this.blindIndex) throw new Error('an encrypted field is filtered without a blind index');
        return this.blindIndex(canonical);
      }
    }
  }
}
