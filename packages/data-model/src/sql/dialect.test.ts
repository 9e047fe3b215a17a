import { describe, expect, it } from 'vitest';
import { dialectOf, ident } from './dialect.js';
import { raw } from './fragment.js';

describe('SQL dialects', () => {
  it('quotes only metadata identifiers (lower snake case), per dialect', () => {
    expect(ident(dialectOf('sqlite'), 'src', 'created_at').sql).toBe('"src"."created_at"');
    expect(ident(dialectOf('mysql'), 'src', 'created_at').sql).toBe('`src`.`created_at`');
    for (const bad of ['Name', 'a"b', 'a`b', '1st', '', 'x'.repeat(65), 'a b'])
      expect(() => dialectOf('sqlite').quote(bad), bad).toThrow(/refusing to quote/);
  });

  it('binds decimals so that MySQL compares them exactly', () => {
    expect(dialectOf('sqlite').decimalParam('12.50')).toEqual({ sql: '?', params: [12.5] });
    expect(dialectOf('mysql').decimalParam('12.50')).toEqual({
      sql: 'CAST(? AS DECIMAL(65,30))',
      params: ['12.50'],
    });
  });

  it('asks a JSON array for a value in each dialect’s way', () => {
    expect(dialectOf('mysql').jsonArrayContains(raw('`tags`'), 'sme')).toEqual({
      sql: 'JSON_CONTAINS(`tags`, JSON_ARRAY(?))',
      params: ['sme'],
    });
    expect(dialectOf('sqlite').jsonArrayContains(raw('"tags"'), 'sme').sql).toBe(
      'EXISTS (SELECT 1 FROM json_each("tags") WHERE json_each.value = ?)',
    );
  });
});
