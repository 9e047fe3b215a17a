import { describe, expect, it } from 'vitest';
import type { RecordFilter } from '../filter/record-filter.js';
import { field } from '../testing/fixtures.js';
import { FilterCompiler, type FilterColumn, type FilterContext } from './compile-filter.js';
import { dialectOf, ident, type DialectName } from './dialect.js';
import type { SqlFragment } from './fragment.js';
import { blindIndexForm, CURRENCY_CODE } from './stored-forms.js';
import type { ValueType } from './value-type.js';

const TYPES: Record<string, ValueType> = {
  name: 'text',
  age: 'integer',
  income: 'decimal',
  vip: 'boolean',
  born: 'date',
  seen: 'datetime',
  tags: 'multi',
  extra: 'json',
};

interface Compiled extends SqlFragment {
  issues: [string, string][];
}

function compile(
  filter: unknown,
  options: Omit<Partial<FilterContext>, 'dialect'> & { dialect?: DialectName } = {},
): Compiled {
  const issues: [string, string][] = [];
  const dialect = dialectOf(options.dialect ?? 'sqlite');
  const columns: Record<string, FilterColumn> = {
    ...Object.fromEntries(
      Object.entries(TYPES).map(([key, type]) => [key, { sql: ident(dialect, key), type }]),
    ),
    'amount.currency': { sql: ident(dialect, 'amount_currency'), type: 'text', stored: CURRENCY_CODE },
    mobile: {
      sql: ident(dialect, 'mobile_bidx'),
      type: 'text',
      stored: blindIndexForm(field('mobile', 'mobile'), (canonical) => `hmac(${canonical})`),
    },
  };
  const compiler = new FilterCompiler({
    resolve: (path, issuePath) => {
      const column = Object.hasOwn(columns, path) ? columns[path] : undefined;
      if (!column) issues.push([issuePath, 'unknownField']);
      return column;
    },
    issue: (path, code) => issues.push([path, code]),
    ...options,
    dialect,
  });
  return { ...compiler.compile(filter as RecordFilter, '/filter'), issues };
}

const cond = (f: string, op: string, value?: unknown): unknown => ({ field: f, op, value });

describe('the filter compiler', () => {
  it('binds every value in its stored form, the same on both dialects but for decimals and multi selects', () => {
    const filter = {
      and: [
        cond('name', 'eq', "x' OR 1=1 --"),
        cond('income', 'gte', '1000.5'),
        cond('vip', 'ne', true),
        cond('seen', 'lt', '2025-01-01T08:00:00+08:00'),
        cond('tags', 'contains', 'sme'),
      ],
    };
    expect(compile(filter)).toEqual({
      sql: '(("name" = ?) AND ("income" >= ?) AND ("vip" <> ? OR "vip" IS NULL) AND ("seen" < ?) AND EXISTS (SELECT 1 FROM json_each("tags") WHERE json_each.value = ?))',
      params: ["x' OR 1=1 --", 1000.5, 1, '2025-01-01 00:00:00.000', 'sme'],
      issues: [],
    });
    expect(compile(filter, { dialect: 'mysql' })).toEqual({
      sql: '((`name` = ?) AND (`income` >= CAST(? AS DECIMAL(65,30))) AND (`vip` <> ? OR `vip` IS NULL) AND (`seen` < ?) AND JSON_CONTAINS(`tags`, JSON_ARRAY(?)))',
      params: ["x' OR 1=1 --", '1000.5', 1, '2025-01-01 00:00:00.000', 'sme'],
      issues: [],
    });
  });

  it('keeps empty values in ne, nin and not, and escapes LIKE with !', () => {
    expect(compile(cond('age', 'nin', [1, 2]))).toMatchObject({
      sql: '("age" NOT IN (?, ?) OR "age" IS NULL)',
      params: [1, 2],
    });
    expect(compile({ not: cond('age', 'eq', 1) }).sql).toBe('((("age" = ?)) IS NOT TRUE)');
    expect(compile(cond('name', 'contains', '50%_off!'))).toMatchObject({
      sql: `(LOWER("name") LIKE ? ESCAPE '!')`,
      params: ['%50!%!_off!!%'],
    });
    expect(compile(cond('name', 'startsWith', 'Wang')).params).toEqual(['wang%']);
    expect(compile(cond('born', 'between', ['2000-01-01', '2000-12-31'])).sql).toBe(
      '("born" BETWEEN ? AND ?)',
    );
    expect(compile(cond('extra', 'isNull', false)).sql).toBe('("extra" IS NOT NULL)');
  });

  it('makes nothing to AND true and nothing to OR false, wherever they stand', () => {
    expect(compile({ and: [] }).sql).toBe('1=1');
    expect(compile({ or: [] }).sql).toBe('1=0');
    expect(compile({ or: [{ and: [] }, cond('age', 'eq', 1)] }).sql).toBe('(1=1 OR ("age" = ?))');
    expect(compile({ not: { and: [] } }).sql).toBe('((1=1) IS NOT TRUE)');
  });

  it('answers problems at JSON Pointers with stable codes, and a false predicate', () => {
    const cases: [unknown, string, string][] = [
      [cond('nope', 'eq', 1), '/filter/field', 'unknownField'],
      [cond('vip', 'gt', true), '/filter/op', 'operatorNotSupported'],
      [cond('tags', 'eq', 'sme'), '/filter/op', 'operatorNotSupported'],
      [cond('extra', 'contains', 'x'), '/filter/op', 'operatorNotSupported'],
      [cond('age', 'contains', '7'), '/filter/op', 'operatorNotSupported'],
      [cond('name', 'like', 'x'), '/filter/op', 'operatorNotSupported'],
      [cond('age', 'gt', 1.5), '/filter/value', 'type'],
      [cond('born', 'gte', '2023-02-30'), '/filter/value', 'type'],
      [cond('seen', 'lt', 'yesterday'), '/filter/value', 'type'],
      [cond('income', 'in', ['1.00', 'abc']), '/filter/value/1', 'type'],
      [cond('income', 'in', []), '/filter/value', 'type'],
      [cond('age', 'between', [1, null]), '/filter/value/1', 'type'],
      [cond('age', 'isNull', 'yes'), '/filter/value', 'type'],
      [cond('name', 'contains', ''), '/filter/value', 'type'],
      [cond('tags', 'contains', 'x'.repeat(201)), '/filter/value', 'type'],
      [cond('name', 'eq', { param: 'who' }), '/filter/value', 'type'],
      [{ field: 'name', value: 'x' }, '/filter', 'invalidFilter'],
      [{ and: [{ not: { and: [], or: [] } }] }, '/filter/and/0/not', 'invalidFilter'],
      [{ and: [], field: 'name', op: 'eq', value: 'x' }, '/filter', 'invalidFilter'],
      [{ or: 'x' }, '/filter', 'invalidFilter'],
      [[], '/filter', 'invalidFilter'],
      [{ field: 3, op: 'eq', value: 1 }, '/filter/field', 'invalidFilter'],
    ];
    for (const [filter, path, code] of cases) {
      const compiled = compile(filter);
      expect(compiled.issues, JSON.stringify(filter)).toEqual([[path, code]]);
      expect(compiled.sql).toContain('1=0');
    }
  });

  it('holds at most 200 conditions', () => {
    const many = { or: Array.from({ length: 201 }, (_, i) => cond('age', 'eq', i)) };
    expect(compile(many).issues).toEqual([['/filter/or/200', 'tooManyConditions']]);
    expect(compile({ or: many.or.slice(0, 200) }).issues).toEqual([]);
  });

  it('resolves within against the caller’s clock, and refuses it without one', () => {
    const now = new Date('2025-05-14T10:00:00.000Z');
    expect(compile(cond('seen', 'within', 'thisMonth'), { now })).toMatchObject({
      sql: '("seen" >= ? AND "seen" < ?)',
      params: ['2025-05-01 00:00:00.000', '2025-06-01 00:00:00.000'],
    });
    expect(compile(cond('born', 'within', { last: 2, unit: 'year' }), { now }).params).toEqual([
      '2024-01-01',
      '2026-01-01',
    ]);
    expect(compile(cond('born', 'within', 'someday'), { now }).issues).toEqual([
      ['/filter/value', 'invalidPeriod'],
    ]);
    expect(compile(cond('name', 'within', 'today'), { now }).issues).toEqual([
      ['/filter/op', 'operatorNotSupported'],
    ]);
    expect(compile(cond('born', 'within', 'today')).issues).toEqual([['/filter/op', 'operatorNotSupported']]);
  });

  it('compares a currency code upper-cased and never as text to search', () => {
    expect(compile(cond('amount.currency', 'in', ['cny', 'USD']))).toMatchObject({
      sql: '("amount_currency" IN (?, ?))',
      params: ['CNY', 'USD'],
    });
    expect(compile(cond('amount.currency', 'gte', 'EUR')).params).toEqual(['EUR']);
    expect(compile(cond('amount.currency', 'contains', 'C')).issues).toEqual([
      ['/filter/op', 'operatorNotSupported'],
    ]);
    expect(compile(cond('amount.currency', 'eq', 'dollars')).issues).toEqual([['/filter/value', 'type']]);
  });

  it('finds an encrypted field through its blind index, by a value normalised like a write', () => {
    expect(compile(cond('mobile', 'eq', '138 0013 8000'))).toMatchObject({
      sql: '("mobile_bidx" = ?)',
      params: ['hmac(13800138000)'],
    });
    expect(compile(cond('mobile', 'nin', ['13800138000'])).sql).toBe(
      '("mobile_bidx" NOT IN (?) OR "mobile_bidx" IS NULL)',
    );
    expect(compile(cond('mobile', 'isNull', true)).sql).toBe('("mobile_bidx" IS NULL)');
    for (const op of ['startsWith', 'contains', 'lt', 'between', 'within'])
      expect(compile(cond('mobile', op, '138')).issues, op).toEqual([['/filter/op', 'operatorNotSupported']]);
    expect(compile(cond('mobile', 'eq', 138)).issues).toEqual([['/filter/value', 'type']]);
  });

  describe('with parameters', () => {
    const VALUES: Record<string, unknown> = { city: 'Shanghai' };
    /** `city` is filled in, `unset` left empty; `ghost` is no parameter at all. */
    const parameterValue: FilterContext['parameterValue'] = (key, _type, issuePath) => {
      if (key === 'ghost') {
        throw new Error(`reported at ${issuePath}`);
      }
      return typeof key === 'string' && key in VALUES ? { value: VALUES[key] } : undefined;
    };

    it('puts a parameter’s value in, and drops the conditions of an empty one', () => {
      expect(
        compile(
          { and: [cond('name', 'eq', { param: 'city' }), cond('age', 'gt', { param: 'unset' })] },
          { parameterValue },
        ),
      ).toEqual({ sql: '(("name" = ?))', params: ['Shanghai'], issues: [] });
      expect(compile({ or: [cond('age', 'gt', { param: 'unset' })] }, { parameterValue }).sql).toBe('1=1');
      expect(compile({ not: cond('age', 'gt', { param: 'unset' }) }, { parameterValue }).sql).toBe('1=1');
      expect(
        compile({ or: [cond('age', 'gt', { param: 'unset' }), cond('age', 'eq', 1)] }, { parameterValue })
          .sql,
      ).toBe('(("age" = ?))');
    });

    it('asks for a parameter with the field’s type, where the parameter is named', () => {
      expect(() => compile({ and: [cond('name', 'eq', { param: 'ghost' })] }, { parameterValue })).toThrow(
        'reported at /filter/and/0/value/param',
      );
      const asked: [unknown, ValueType][] = [];
      compile(cond('income', 'gt', { param: 'floor' }), {
        parameterValue: (key, type) => {
          asked.push([key, type]);
          return undefined;
        },
      });
      expect(asked).toEqual([['floor', 'decimal']]);
    });

    it('resolves a field compared with a chosen value through resolveChosen', () => {
      const chosen: string[] = [];
      const dialect = dialectOf('sqlite');
      compile(cond('name', 'eq', { param: 'city' }), {
        parameterValue,
        resolveChosen: (path) => {
          chosen.push(path);
          return { sql: ident(dialect, 'name'), type: 'text' };
        },
      });
      expect(chosen).toEqual(['name']);
    });
  });
});
