import { dialectOf, raw } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import type { ResolvedValue } from '../model/resolved-value.js';
import { CalculatedFieldError, FeelToSql } from './feel-to-sql.js';

const FIELDS: Record<string, ResolvedValue> = {
  amount: { sql: raw('"src"."amount"'), type: 'decimal' },
  term: { sql: raw('"src"."term"'), type: 'integer' },
  name: { sql: raw('"src"."name"'), type: 'text' },
  'br.code': { sql: raw('"j1"."code"'), type: 'text' },
  opened: { sql: raw('"src"."opened"'), type: 'date' },
};

const sqlite = new FeelToSql(dialectOf('sqlite'), (n) => FIELDS[n]);
const mysql = new FeelToSql(dialectOf('mysql'), (n) => FIELDS[n]);

function refusal(source: string): CalculatedFieldError {
  try {
    sqlite.compile(source);
  } catch (error) {
    if (error instanceof CalculatedFieldError) return error;
    throw error;
  }
  throw new Error(`${source} compiled`);
}

describe('FEEL to SQL', () => {
  it('binds literals and types arithmetic', () => {
    const value = sqlite.compile('amount * 2 + term');
    expect(value.sql).toEqual({ sql: '(("src"."amount" * ?) + "src"."term")', params: [2] });
    expect(value.type).toBe('decimal');
    expect(sqlite.compile('term - 1').type).toBe('integer');
    expect(sqlite.compile('term / 2').type).toBe('decimal');
  });

  it('concatenates text per dialect, joined fields included', () => {
    expect(sqlite.compile('br.code + "-" + name').sql.sql).toBe('(("j1"."code" || ?) || "src"."name")');
    expect(mysql.compile('br.code + "-" + name').sql.sql).toBe(
      'CONCAT(CONCAT("j1"."code", ?), "src"."name")',
    );
  });

  it('compiles comparisons, null-safe equality, and/or and if-then-else', () => {
    expect(sqlite.compile('name = null').sql.sql).toBe('("src"."name" IS NULL)');
    expect(mysql.compile('name != "x"').sql.sql).toBe('(NOT ("src"."name" <=> ?))');
    const value = sqlite.compile('if amount > 10 and term <= 12 then "short" else "long"');
    expect(value.type).toBe('text');
    expect(value.sql.sql).toBe(
      '(CASE WHEN (("src"."amount" > ?) AND ("src"."term" <= ?)) THEN ? ELSE ? END)',
    );
    expect(value.sql.params).toEqual([10, 12, 'short', 'long']);
  });

  it.each([
    ['sum([1, 2])', 'a function call'],
    ['for x in [1] return x', '"for" loop'],
    ['some x in [1] satisfies x > 1', '"some"/"every"'],
    ['{a: 1}', 'a context'],
    ['amount ** 2', 'exponentiation'],
    ['amount in [1, 2]', '"in"'],
    ['amount between 1 and 2', '"between"'],
    ['@"2024-01-01"', 'date/time literal'],
    ['function(x) x', 'function definition'],
  ])('refuses %s, naming the construct', (source, construct) => {
    const error = refusal(source);
    expect(error.code).toBe('notPushedDown');
    expect(error.message).toContain(construct);
  });

  it.each([
    ['amount + name', 'typeMismatch'],
    ['if amount then 1 else 2', 'typeMismatch'],
    ['if term > 1 then 1 else "x"', 'typeMismatch'],
    ['-name', 'typeMismatch'],
    ['opened > 3', 'typeMismatch'],
    ['missing + 1', 'unknownField'],
    ['amount +', 'feelSyntax'],
  ])('refuses %s (%s)', (source, code) => {
    expect(refusal(source).code).toBe(code);
  });
});
