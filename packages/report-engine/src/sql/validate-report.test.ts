import { describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../artifact/report-definition.js';
import { CATALOG } from '../test-support/entities.js';
import { compileReport, validateReport } from './compile-report.js';

const base: ReportDefinition = {
  kind: 'report',
  key: 'r',
  title: 'R',
  source: 'loan',
  measures: [{ key: 'n', agg: 'count' }],
};
const issues = (extra: Partial<ReportDefinition>): [string, string][] =>
  validateReport({ ...base, ...extra }, CATALOG).map((i) => [i.path, i.code]);

describe('semantic validation against the entity definitions', () => {
  it('accepts a complete report, leaving required parameters empty', () => {
    expect(
      issues({
        parameters: [{ key: 'since', type: 'date', required: true }],
        joins: [{ alias: 'cust', kind: 'manyToOne', field: 'customer' }],
        calculated: [{ key: 'big', expression: 'amount > 100000' }],
        filter: { field: 'decided_on', op: 'gte', value: { param: 'since' } },
        dimensions: [
          { key: 'segment', field: 'cust.segment' },
          { key: 'big', field: 'big' },
        ],
        sort: [{ by: 'n', direction: 'desc' }],
        pivot: { rows: ['segment'], columns: ['big'], values: ['n'] },
        chart: { type: 'stackedBar', x: 'segment', series: 'big', y: ['n'] },
      }),
    ).toEqual([]);
  });

  it('reports unknown entities and fields with JSON Pointers', () => {
    expect(issues({ source: 'nothing' })).toEqual([['/source', 'unknownEntity']]);
    expect(
      issues({ dimensions: [{ key: 'x', field: 'colour' }], filter: { field: 'nope', op: 'eq', value: 1 } }),
    ).toEqual([
      ['/dimensions/0/field', 'unknownField'],
      ['/filter/field', 'unknownField'],
    ]);
  });

  it('reports a missing field path instead of failing on a draft that skipped the schema check', () => {
    const draft = {
      ...base,
      dimensions: [{ key: 'x' }],
      measures: [{ key: 'n', agg: 'sum' }],
    } as unknown as ReportDefinition;
    expect(validateReport(draft, CATALOG).map((i) => [i.path, i.code])).toEqual([
      ['/measures/0/field', 'required'],
      ['/dimensions/0/field', 'required'],
    ]);
  });

  it('reports bad joins', () => {
    expect(
      issues({
        joins: [
          { alias: 'a', kind: 'manyToOne', field: 'status' },
          {
            alias: 'b',
            kind: 'oneToMany',
            entity: 'customer',
            field: 'branch',
            aggregates: [{ key: 'n', agg: 'count' }],
          },
          {
            alias: 'c',
            kind: 'oneToMany',
            entity: 'ghost',
            field: 'x',
            aggregates: [{ key: 'n', agg: 'count' }],
          },
          { alias: 'd', kind: 'manyToOne', field: 'branch', from: 'zzz' },
          { alias: 'e', kind: 'manyToOne', field: 'customer' },
          { alias: 'e', kind: 'manyToOne', field: 'branch' },
        ],
      }),
    ).toEqual([
      ['/joins/0/field', 'notAReference'],
      ['/joins/1/field', 'badJoin'],
      ['/joins/2/entity', 'unknownEntity'],
      ['/joins/3/from', 'badJoin'],
      ['/joins/5/alias', 'duplicateKey'],
    ]);
  });

  it('refuses aggregates on the wrong types', () => {
    expect(
      issues({
        measures: [
          { key: 'a', agg: 'sum', field: 'status' },
          { key: 'b', agg: 'avg', field: 'submitted_at' },
          { key: 'c', agg: 'max', field: 'note' },
          { key: 'd', agg: 'sum' },
          { key: 'e', agg: 'ratio', numerator: 'a', denominator: 'zz' },
        ],
      }),
    ).toEqual([
      ['/measures/0/field', 'notNumeric'],
      ['/measures/1/field', 'notNumeric'],
      ['/measures/2/field', 'notNumeric'],
      ['/measures/3/field', 'required'],
      ['/measures/4/numerator', 'unknownMeasure'],
      ['/measures/4/denominator', 'unknownMeasure'],
    ]);
  });

  it('refuses date buckets and bins on the wrong types, and filters operators that do not apply', () => {
    expect(
      issues({
        dimensions: [
          { key: 'a', field: 'status', date: 'month' },
          { key: 'b', field: 'note', bin: { width: 10 } },
          { key: 'c', field: 'extra' },
          { key: 'd', field: 'rm', top: { n: 3, by: 'ghost' } },
        ],
        filter: {
          and: [
            { field: 'status', op: 'within', value: 'today' },
            { field: 'term_months', op: 'contains', value: 'x' },
            { field: 'decided_on', op: 'within', value: 'someday' },
          ],
        },
      }),
    ).toEqual([
      ['/dimensions/0/date', 'notDate'],
      ['/dimensions/1/bin', 'notNumeric'],
      ['/dimensions/2/field', 'notGroupable'],
      ['/dimensions/3/top/by', 'unknownMeasure'],
      ['/filter/and/0/op', 'operatorNotSupported'],
      ['/filter/and/1/op', 'operatorNotSupported'],
      ['/filter/and/2/value', 'invalidPeriod'],
    ]);
  });

  it('names the FEEL construct a calculated field cannot push down', () => {
    const found = validateReport(
      {
        ...base,
        calculated: [
          { key: 'x', expression: 'sum([amount, 1])' },
          { key: 'y', expression: 'y + 1' },
        ],
      },
      CATALOG,
    );
    expect(found.map((i) => [i.path, i.code])).toEqual([
      ['/calculated/0/expression', 'notPushedDown'],
      ['/calculated/1/expression', 'calculatedCycle'],
    ]);
    expect(found[0]!.message).toContain('a function call');
  });

  it('checks keys used by sort, pivot, drill-down and chart', () => {
    expect(
      issues({
        dimensions: [
          { key: 'p', field: 'product' },
          { key: 't', field: 'rm', top: { n: 2, by: 'n' } },
        ],
        sort: [{ by: 'q' }],
        pivot: { rows: ['x'], columns: [], values: ['p'] },
        drillDown: { levels: [{ dimensions: ['p'] }, { dimensions: ['t', 'zz'] }] },
        chart: { type: 'bar', x: 'n', y: ['p'] },
      }),
    ).toEqual([
      ['/drillDown/levels/1/dimensions/0', 'topNotDrillable'],
      ['/drillDown/levels/1/dimensions/1', 'unknownDimension'],
      ['/sort/0/by', 'unknownKey'],
      ['/pivot/rows/0', 'unknownDimension'],
      ['/pivot/values/0', 'unknownMeasure'],
      ['/chart/x', 'unknownDimension'],
      ['/chart/y/0', 'unknownMeasure'],
    ]);
  });

  it('reports parameters used with the wrong type or not declared', () => {
    expect(
      issues({
        parameters: [{ key: 'since', type: 'date' }],
        filter: {
          and: [
            { field: 'amount', op: 'gt', value: { param: 'since' } },
            { field: 'status', op: 'eq', value: { param: 'who' } },
          ],
        },
      }),
    ).toEqual([
      ['/filter/and/0/value/param', 'typeMismatch'],
      ['/filter/and/1/value/param', 'unknownParameter'],
    ]);
  });
});

describe('compiled SQL', () => {
  it('binds every value and quotes identifiers per dialect', () => {
    const report: ReportDefinition = {
      ...base,
      dimensions: [{ key: 's', field: 'status' }],
      filter: { field: 'note', op: 'eq', value: "x' OR 1=1 --" },
    };
    const sqlite = compileReport(report, CATALOG, { dialect: 'sqlite', now: new Date() });
    expect(sqlite.sql).toBe(
      'SELECT "src"."status" AS "d0", COUNT(*) AS "m0" FROM "e_loan" "src" WHERE ("src"."deleted_at" IS NULL) AND (("src"."note" = ?)) GROUP BY 1 ORDER BY 1 ASC',
    );
    expect(sqlite.params).toEqual(["x' OR 1=1 --"]);
    const mysql = compileReport(report, CATALOG, { dialect: 'mysql', now: new Date() });
    expect(mysql.sql).toContain('FROM `e_loan` `src`');
  });

  it('caps the rows asked for at the smaller of the report limit and the caller limit', () => {
    const report: ReportDefinition = { ...base, dimensions: [{ key: 's', field: 'status' }], limit: 50 };
    expect(compileReport(report, CATALOG, { dialect: 'sqlite', now: new Date(), maxRows: 11 }).sql).toMatch(
      / LIMIT 11$/,
    );
    expect(compileReport(report, CATALOG, { dialect: 'sqlite', now: new Date(), maxRows: 1000 }).sql).toMatch(
      / LIMIT 50$/,
    );
  });

  it('only joins what an expression uses', () => {
    const report: ReportDefinition = {
      ...base,
      joins: [{ alias: 'cust', kind: 'manyToOne', field: 'customer' }],
    };
    expect(compileReport(report, CATALOG, { dialect: 'sqlite', now: new Date() }).sql).not.toContain('JOIN');
  });
});

describe('column sources', () => {
  it('names the stored fields behind each column, through joins, calculated fields, child aggregates and measure filters', () => {
    const compiled = compileReport(
      {
        kind: 'report',
        key: 'r',
        title: 'R',
        source: 'customer',
        joins: [
          { alias: 'home', kind: 'manyToOne', field: 'branch' },
          {
            alias: 'loans',
            kind: 'oneToMany',
            entity: 'loan',
            field: 'customer',
            aggregates: [
              { key: 'total', agg: 'sum', field: 'amount' },
              { key: 'n', agg: 'count' },
            ],
          },
        ],
        calculated: [
          { key: 'label', expression: 'home.code + "/" + name' },
          { key: 'tier', expression: 'if label = "x" then 1 else credit_score' },
        ],
        dimensions: [
          { key: 'tier', field: 'tier' },
          { key: 'region', field: 'home.region' },
        ],
        measures: [
          { key: 'volume', agg: 'sum', field: 'loans.total' },
          { key: 'rich', agg: 'count', filter: { field: 'aum', op: 'gt', value: 1000000 } },
          { key: 'loans', agg: 'sum', field: 'loans.n' },
          { key: 'share', agg: 'ratio', numerator: 'rich', denominator: 'loans' },
        ],
      },
      CATALOG,
      { dialect: 'sqlite', now: new Date() },
    );
    const names = (key: string): string[] =>
      compiled.columnSources[key]!.map((r) => `${r.entity}.${r.field}`).sort();
    expect(names('tier')).toEqual([
      'branch.code',
      'customer.branch',
      'customer.credit_score',
      'customer.name',
    ]);
    expect(names('region')).toEqual(['branch.region', 'customer.branch']);
    expect(names('volume')).toEqual(['loan.amount', 'loan.customer']);
    expect(names('rich')).toEqual(['customer.aum']);
    expect(names('loans')).toEqual(['loan.customer']);
    expect(names('share')).toEqual(['customer.aum', 'loan.customer']);
  });
});

describe('filter sources', () => {
  it("names the stored fields the report's filter and the drilled-into dimensions choose rows by, not the shown ones", () => {
    const report: ReportDefinition = {
      kind: 'report',
      key: 'r',
      title: 'R',
      source: 'customer',
      joins: [{ alias: 'home', kind: 'manyToOne', field: 'branch' }],
      filter: { and: [{ field: 'aum', op: 'gt', value: 1000 }, { field: 'home.region', op: 'eq', value: 'east' }] },
      dimensions: [
        { key: 'tier', field: 'credit_score' },
        { key: 'who', field: 'name' },
      ],
      measures: [{ key: 'n', agg: 'count' }],
      drillDown: { levels: [{ dimensions: ['tier'] }, { dimensions: ['who'] }] },
    };
    const names = (drill: Record<string, unknown>[]): string[] =>
      compileReport(report, CATALOG, { dialect: 'sqlite', now: new Date(), drill })
        .filterSources.map((r) => `${r.entity}.${r.field}`)
        .sort();
    expect(names([])).toEqual(['branch.region', 'customer.aum', 'customer.branch']);
    expect(names([{ tier: 700 }])).toEqual(['branch.region', 'customer.aum', 'customer.branch', 'customer.credit_score']);
  });
});
