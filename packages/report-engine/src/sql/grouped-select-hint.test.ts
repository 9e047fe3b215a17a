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
    expect(sqlOf(byDimension([{ key: 'rm', field: 'rm', top: { n: 5, by: 'n' } }]))).toMatch(/LEFT JOIN \(SELECT SQL_BIG_RESULT /);
  });

  it('leaves the database its temporary table over buckets, unindexed fields and joined columns, and says nothing to SQLite', () => {
    expect(sqlOf(byDimension([{ key: 'month', field: 'submitted_at', date: 'month' }]))).not.toContain('SQL_BIG_RESULT');
    expect(sqlOf(byDimension([{ key: 'status', field: 'status' }]))).not.toContain('SQL_BIG_RESULT');
    expect(sqlOf(byDimension([{ key: 'branch', field: 'c.branch' }]))).not.toContain('SQL_BIG_RESULT');
    expect(sqlOf(byDimension([{ key: 'branch', field: 'branch' }]), 'sqlite')).not.toContain('SQL_BIG_RESULT');
  });
});
