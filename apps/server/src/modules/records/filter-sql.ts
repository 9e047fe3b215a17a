import {
  blindIndexForm,
  CURRENCY_CODE,
  dialectOf,
  FilterCompiler,
  ident,
  type FilterColumn,
  type RecordFilter,
  type SqlFragment,
  type ValueType,
} from '@bankforge/data-model';
import type { Dialect } from '../../platform/config/server-config.js';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';
import { resolveColumn, type RecordColumn } from './record-fields.js';
import type { RecordView } from './record-view.js';

/** A records query's filter as SQL over the entity's table, with what is wrong in it. */
export interface RecordFilterSql {
  where: SqlFragment;
  /** A malformed filter: 422. */
  errors: ProblemFieldError[];
  /** Conditions on fields the reader's field rules forbid: answered as 403, not as a malformed filter. */
  denied: ProblemFieldError[];
}

export interface RecordFilterOptions {
  dialect: Dialect;
  /** The server's keyed hash of an encrypted field's normalised value (its blind index). */
  blindIndex: (canonical: string) => string;
  /** The server's clock, for `within`. */
  now: Date;
}

const VALUE_TYPES: Record<RecordColumn['kind'], ValueType> = {
  string: 'text',
  text: 'text',
  integer: 'integer',
  decimal: 'decimal',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  json: 'json',
  multi: 'multi',
  currency: 'text',
  encrypted: 'text',
};

/** A records column as the filter compiler takes it: a currency code and a blind index have their own stored forms. */
function filterColumn(column: RecordColumn, sql: SqlFragment, blindIndex: RecordFilterOptions['blindIndex']): FilterColumn {
  const type = VALUE_TYPES[column.kind];
  if (column.kind === 'currency') return { sql, type, stored: CURRENCY_CODE };
  if (column.kind === 'encrypted') return { sql, type, stored: blindIndexForm(column.field!, blindIndex) };
  return { sql, type };
}

/**
 * Compiles a records query's filter with the data model's filter compiler. Field names reach SQL
 * only through `resolveColumn` (metadata's identifiers), each checked against the reader's field
 * rules first.
 */
export function recordFilterSql(view: RecordView, filter: RecordFilter, options: RecordFilterOptions): RecordFilterSql {
  const errors: ProblemFieldError[] = [];
  const denied: ProblemFieldError[] = [];
  const dialect = dialectOf(options.dialect);
  const compiler = new FilterCompiler({
    dialect,
    now: options.now,
    issue: (path, code, message) => errors.push({ path, code, message }),
    resolve: (name, issuePath) => {
      const column = resolveColumn(view.model, name);
      if (!column) {
        errors.push({ path: issuePath, code: 'unknownField', message: `${name} is not a field of ${view.model.key}` });
        return undefined;
      }
      const denial = view.columnDenial(column, 'filter', issuePath);
      if (denial) {
        denied.push(denial);
        return undefined;
      }
      return filterColumn(column, ident(dialect, column.column), options.blindIndex);
    },
  });
  return { where: compiler.compile(filter, '/filter'), errors, denied };
}
