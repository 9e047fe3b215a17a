import { describe, expect, it } from 'vitest';
import { andSql, raw, sql, TRUE_SQL } from './fragment.js';

describe('sql fragments', () => {
  it('binds plain values and splices fragments in order', () => {
    const inner = sql`x = ${'a'}`;
    const outer = sql`SELECT ${raw('"c"')} WHERE ${inner} AND y > ${3} OR z IS ${null}`;
    expect(outer.sql).toBe('SELECT "c" WHERE x = ? AND y > ? OR z IS ?');
    expect(outer.params).toEqual(['a', 3, null]);
  });

  it('binds text that looks like SQL instead of splicing it', () => {
    const f = sql`name = ${"'; DROP TABLE x; --"}`;
    expect(f.sql).toBe('name = ?');
  });

  it('ANDs predicates and drops the always-true ones', () => {
    expect(andSql([TRUE_SQL, TRUE_SQL])).toBe(TRUE_SQL);
    expect(andSql([TRUE_SQL, sql`a = ${1}`]).sql).toBe('a = ?');
    expect(andSql([sql`a = ${1}`, sql`b = ${2}`])).toEqual({ sql: '(a = ?) AND (b = ?)', params: [1, 2] });
  });
});
