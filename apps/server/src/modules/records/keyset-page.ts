import type { SqlFragment } from '@bankforge/data-model';
import type { Dialect } from '../../platform/config/server-config.js';
import type { SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { RecordColumn } from './record-fields.js';

export interface OrderKey {
  column: RecordColumn;
  direction: 'asc' | 'desc';
}

interface CursorPayload {
  /** The sort the cursor belongs to: a cursor from another sort would skip or repeat rows. */
  s: string;
  /** The last row's values of the sort keys, as stored, then its id. */
  v: SqlValue[];
}

function signature(keys: readonly OrderKey[]): string {
  return keys.map((k) => `${k.column.name}:${k.direction}`).join(',');
}

export function encodeCursor(keys: readonly OrderKey[], lastRow: Record<string, unknown>): string {
  const payload: CursorPayload = {
    s: signature(keys),
    v: keys.map((k) => (lastRow[k.column.column] ?? null) as SqlValue),
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

const DATE_LIKE = /^\d{4}-\d\d-\d\d(?: \d\d:\d\d:\d\d(?:\.\d{1,6})?)?$/;

/** A cursor value must be what the column stores: a crafted one could otherwise compare across types. */
function fitsColumn(column: RecordColumn, value: unknown): boolean {
  switch (column.kind) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'decimal':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,40}(?:\.\d{1,30})?$/.test(value));
    case 'boolean':
      return value === 0 || value === 1 || typeof value === 'boolean';
    case 'date':
    case 'datetime':
      return typeof value === 'string' && DATE_LIKE.test(value);
    default:
      return typeof value === 'string' && value.length <= 4000;
  }
}

export function decodeCursor(keys: readonly OrderKey[], cursor: string): SqlValue[] {
  const invalid = (): ProblemError =>
    ProblemError.badRequest('invalidCursor', 'The cursor is not one this query returned; start again without it.', [
      { path: '/cursor', code: 'invalidCursor', message: 'is not a cursor of this query' },
    ]);
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const p = payload as Partial<CursorPayload>;
  if (!p || p.s !== signature(keys) || !Array.isArray(p.v) || p.v.length !== keys.length) throw invalid();
  if (!p.v.every((v, i) => v === null || fitsColumn(keys[i]!.column, v))) throw invalid();
  return p.v;
}

/**
 * Rows strictly after the cursor row in the (null-aware) sort order. Both databases put NULL
 * first when ascending and last when descending, so one predicate serves both. The last key is
 * always the unique id.
 */
export function afterCursor(keys: readonly OrderKey[], values: readonly SqlValue[], dialect: Dialect, quote: (id: string) => string): SqlFragment {
  const placeholder = (key: OrderKey): string => (key.column.kind === 'decimal' && dialect === 'mysql' ? 'CAST(? AS DECIMAL(65,30))' : '?');
  const alternatives: SqlFragment[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    for (let j = 0; j < i; j++) {
      const c = quote(keys[j]!.column.column);
      const v = values[j] ?? null;
      if (v === null) parts.push(`${c} IS NULL`);
      else {
        parts.push(`${c} = ${placeholder(keys[j]!)}`);
        params.push(v);
      }
    }
    const key = keys[i]!;
    const c = quote(key.column.column);
    const v = values[i] ?? null;
    if (key.direction === 'asc') {
      if (v === null) parts.push(`${c} IS NOT NULL`);
      else {
        parts.push(`${c} > ${placeholder(key)}`);
        params.push(v);
      }
    } else {
      if (v === null) continue;
      parts.push(`(${c} < ${placeholder(key)} OR ${c} IS NULL)`);
      params.push(v);
    }
    alternatives.push({ sql: parts.join(' AND '), params });
  }
  if (alternatives.length === 0) return { sql: '1=0', params: [] };
  return { sql: `(${alternatives.map((a) => `(${a.sql})`).join(' OR ')})`, params: alternatives.flatMap((a) => a.params) };
}
