import { describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../artifact/report-definition.js';
import { CATALOG } from '../test-support/entities.js';
import { compileReport } from './compile-report.js';

const now = new Date('2026-01-15T00:00:00Z');
const byDimension = (dimension: ReportDefinition['dimensions']): ReportDefinition => ({
  kind: 'report',
  key: 'r',
  title: 'R',
  source: 'loan',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  dimensions: dimension,
  measures: [{ key: 'n', agg: 'count' }],
});
const sqlOf = (report: ReportDefinition, dialect: 'mysql' | 'sqlite' = 'mysql') => compileReport(report, CATALOG, { dialect, now }).sql;

describe('the grouped-select hint on MariaDB', () => {
  it('asks a scan and a sort when a grouped column has its own index (a reference, the owner)', () => {
    expect(sqlOf(byDimension([{ key: 'branch', field: 'branch' }]))).toMatch(/^SELECT SQL_BIG_RESULT /);
    expect(sqlOf(byDimension([{ key: 'rm', field: 'owner_id' }]))).toMatch(/^SELECT SQL_BIG_RESULT /);
    expect(sqlOf(byDimension([{ key: 'rm', field: 'rm', top: { n: 5, by: 'n' } }]))).toMatch(/ FROM \(SELECT SQL_BIG_RESULT /);
  });

  it('leaves the database its temporary table over buckets, unindexed fields and joined columns, and says nothing to SQLite', () => {
    expect(sqlOf(byDimension([{ key: 'month', field: 'submitted_at', date: 'month' }]))).not.toContain('SQL_BIG_RESULT');
    expect(sqlOf(byDimension([{ key: 'status', field: 'status' }]))).not.toContain('SQL_BIG_RESULT');
    expect(sqlOf(byDimension([{ key: 'branch', field: 'c.branch' }]))).not.toContain('SQL_BIG_RESULT');
    expect(sqlOf(byDimension([{ key: 'branch', field: 'branch' }]), 'sqlite')).not.toContain('SQL_BIG_RESULT');
  });

  it('leaves it out when a composite index of the source holds every column the report reads', () => {
    const loan = CATALOG.get('loan')!;
    const indexed = new Map([...CATALOG, ['loan', { ...loan, indexes: [{ key: 'by_branch', fields: ['submitted_at', 'branch', 'amount'] }] }]]);
    const report: ReportDefinition = {
      ...byDimension([{ key: 'branch', field: 'branch', top: { n: 5, by: 'total' } }]),
      joins: [],
      measures: [{ key: 'total', agg: 'sum', field: 'amount' }],
      filter: { field: 'submitted_at', op: 'gte', value: '2025-01-01T00:00:00.000Z' },
    };
    expect(compileReport(report, indexed, { dialect: 'mysql', now }).sql).not.toContain('SQL_BIG_RESULT');
    // A column the index lacks (the status filtered on) sends the database back to the path the hint avoids.
    const outside = { ...report, filter: { and: [report.filter!, { field: 'status', op: 'eq' as const, value: 'approved' }] } };
    expect(compileReport(outside, indexed, { dialect: 'mysql', now }).sql).toMatch(/ FROM \(SELECT SQL_BIG_RESULT /);
  });
});

describe('the row cap of an aggregate', () => {
  const capped = (report: ReportDefinition) => compileReport(report, CATALOG, { dialect: 'mysql', now, maxRows: 10001 }).sql;

  it('counts groups out of a derived table, so the grouping query never sees the LIMIT (MariaDB would read through an index)', () => {
    const sql = capped({ ...byDimension([{ key: 'status', field: 'status' }]), sort: [{ by: 'n', direction: 'desc' }] });
    expect(sql).toMatch(/^SELECT \* FROM \(SELECT .* GROUP BY 1\) `grouped` ORDER BY 2 DESC, 1 ASC LIMIT 10001$/);
  });

  it('puts no LIMIT on totals, which are one row, and keeps it on a list of rows', () => {
    expect(capped(byDimension([]))).not.toContain('LIMIT');
    const list: ReportDefinition = { kind: 'report', key: 'l', title: 'L', source: 'loan', dimensions: [{ key: 'status', field: 'status' }] };
    expect(capped(list)).toMatch(/^SELECT `src`.`status` AS `d0` FROM .* ORDER BY `src`.`id` LIMIT 10001$/);
  });
});

