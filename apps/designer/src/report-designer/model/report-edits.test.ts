// @vitest-environment node
import { validateReport, type ReportDefinition } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { CATALOG, loansReport } from '../testing/catalog.js';
import {
  addAggregate,
  addCalculated,
  addDimension,
  addDrillLevel,
  addJoin,
  addMeasure,
  addParameter,
  addSort,
  changeSource,
  moveDimension,
  moveDrillLevel,
  moveMeasure,
  removeAggregate,
  removeDimension,
  removeDrillLevel,
  removeMeasure,
  renameJoin,
  setFilter,
  setJoinFilter,
  setLimit,
  setPivot,
  startDrillDown,
  updateAggregate,
  updateCalculated,
  updateChart,
  updateDimension,
  updateDrillLevel,
  updateMeasure,
  updateParameter,
} from './report-edits.js';
import { relationChoices } from './relations.js';

const problems = (report: ReportDefinition) => validateReport(report, CATALOG).map((i) => `${i.path} ${i.code}`);

/** Loan approvals by branch this quarter, built step by step as the analyst does. */
function approvalsByBranch(): ReportDefinition {
  let report = loansReport();
  const [customer] = relationChoices(report, CATALOG);
  report = addJoin(report, customer!);
  const branch = relationChoices(report, CATALOG).find((r) => r.kind === 'manyToOne' && r.from === 'customer')!;
  report = addJoin(report, branch);
  report = addDimension(report, { field: 'branch.name', label: 'Branch' });
  report = updateMeasure(report, 0, { label: 'Approved', filter: { field: 'status', op: 'eq', value: 'approved' } });
  report = setFilter(report, { field: 'submitted_at', op: 'within', value: 'thisQuarter' });
  return updateChart(report, { type: 'bar', x: 'branch_name', y: ['count'] });
}

describe('report edits', () => {
  it('build a report the engine accepts: joins from relations, a dimension through two joins, a filtered count', () => {
    const report = approvalsByBranch();
    expect(report.joins).toEqual([
      { alias: 'customer', kind: 'manyToOne', field: 'customer' },
      { alias: 'branch', kind: 'manyToOne', field: 'branch', from: 'customer' },
    ]);
    expect(report.dimensions).toEqual([{ key: 'branch_name', field: 'branch.name', label: 'Branch' }]);
    expect(problems(report)).toEqual([]);
  });

  it('give new columns free keys from their field and aggregate', () => {
    let report = addDimension(loansReport(), { field: 'status' });
    report = addDimension(report, { field: 'submitted_at', date: 'month' });
    report = addMeasure(report, { agg: 'sum', field: 'amount' });
    report = addMeasure(report, { agg: 'count' });
    report = addMeasure(report, { agg: 'countDistinct', field: 'customer' });
    expect([...report.dimensions!.map((d) => d.key), ...report.measures!.map((m) => m.key)]).toEqual(['status', 'submitted_at_month', 'count', 'sum_amount', 'count_2', 'distinct_customer']);
    report = addJoin(report, relationChoices(report, CATALOG)[0]!);
    report = addDimension(report, { field: 'customer.name' });
    report = addDimension(report, { field: 'customer.name' });
    expect(report.dimensions!.map((d) => d.key)).toEqual(['status', 'submitted_at_month', 'customer_name', 'customer_name_2']);
  });

  it('rename a column wherever it is named and take a removed one out of the lists', () => {
    let report = addDimension(addDimension(loansReport(), { field: 'status' }), { field: 'term_months' });
    report = addSort(report, { by: 'status' });
    report = updateChart(report, { type: 'stackedBar', x: 'status', series: 'term_months', y: ['count'] });
    report = setPivot(report, { rows: ['status'], columns: ['term_months'], values: ['count'] });
    report = startDrillDown(report);
    report = updateDimension(report, 0, { key: 'state' });
    expect(report.sort).toEqual([{ by: 'state' }]);
    expect(report.chart).toEqual({ type: 'stackedBar', x: 'state', series: 'term_months', y: ['count'] });
    expect(report.pivot!.rows).toEqual(['state']);
    expect(report.drillDown!.levels[0]!.dimensions).toEqual(['state']);
    expect(problems(report)).toEqual([]);

    report = removeDimension(report, 0);
    expect(report.sort).toBeUndefined();
    expect(report.chart).toEqual({ type: 'stackedBar', series: 'term_months', y: ['count'] });
    expect(report.pivot).toEqual({ rows: [], columns: ['term_months'], values: ['count'] });
    // One level left is no drill-down.
    expect(report.drillDown).toBeUndefined();

    report = removeMeasure(report, 0);
    expect(report.measures).toBeUndefined();
    expect(report.chart).toEqual({ type: 'stackedBar', series: 'term_months' });
    expect(report.pivot).toBeUndefined();
  });

  it('rename a measure in ratios, top N and sort; a removed one stays where it cannot simply go, for the check to say', () => {
    let report = addMeasure(loansReport(), { agg: 'count', filter: { field: 'status', op: 'eq', value: 'approved' } });
    report = addMeasure(report, { agg: 'ratio', numerator: 'count_2', denominator: 'count' });
    report = addDimension(report, { field: 'status', top: { n: 3, by: 'count_2' } });
    report = updateMeasure(report, 1, { key: 'approved' });
    expect(report.measures![2]).toMatchObject({ numerator: 'approved', denominator: 'count' });
    expect(report.dimensions![0]!.top).toEqual({ n: 3, by: 'approved' });
    report = removeMeasure(report, 1);
    expect(problems(report)).toEqual(['/measures/1/numerator unknownMeasure', '/dimensions/0/top/by unknownMeasure']);
  });

  it('turn a measure into a ratio and back, dropping what the other kind does not read', () => {
    let report = addMeasure(loansReport(), { agg: 'sum', field: 'amount', filter: { field: 'status', op: 'eq', value: 'approved' } });
    report = updateMeasure(report, 1, { agg: 'ratio', numerator: 'sum_amount', denominator: 'count' });
    expect(report.measures![1]).toEqual({ key: 'sum_amount', agg: 'ratio', numerator: 'sum_amount', denominator: 'count' });
    report = updateMeasure(report, 1, { agg: 'avg', field: 'amount' });
    expect(report.measures![1]).toEqual({ key: 'sum_amount', agg: 'avg', field: 'amount' });
    report = updateMeasure(report, 1, { label: undefined, key: 'average' });
    expect(report.measures![1]).toEqual({ key: 'average', agg: 'avg', field: 'amount' });
  });

  it('move columns', () => {
    let report = addDimension(addDimension(loansReport(), { field: 'status' }), { field: 'term_months' });
    report = moveDimension(report, 0, 1);
    expect(report.dimensions!.map((d) => d.key)).toEqual(['term_months', 'status']);
    report = moveMeasure(addMeasure(report, { agg: 'sum', field: 'amount' }), 1, 0);
    expect(report.measures!.map((m) => m.key)).toEqual(['sum_amount', 'count']);
  });

  it('rename a join’s alias in later joins, field paths, filters and FEEL', () => {
    let report = approvalsByBranch();
    report = addCalculated(report, { expression: 'if customer.segment = "affluent" then 1 else 0' }, []);
    report = setFilter(report, { and: [{ field: 'customer.segment', op: 'eq', value: 'affluent' }] });
    report = renameJoin(report, 0, 'c');
    expect(report.joins![1]).toMatchObject({ from: 'c' });
    expect(report.filter).toEqual({ and: [{ field: 'c.segment', op: 'eq', value: 'affluent' }] });
    expect(report.calculated![0]!.expression).toBe('if c.segment = "affluent" then 1 else 0');
    expect(problems(report)).toEqual([]);
  });

  it('start a one-to-many join with a count and edit its aggregates, renamed where they are read', () => {
    let report: ReportDefinition = { kind: 'report', key: 'c', title: 'Customers', source: 'customer', measures: [{ key: 'count', agg: 'count' }] };
    report = addJoin(report, relationChoices(report, CATALOG).find((r) => r.kind === 'oneToMany')!);
    expect(report.joins).toEqual([{ alias: 'loan_application', kind: 'oneToMany', entity: 'loan_application', field: 'customer', aggregates: [{ key: 'count', agg: 'count' }] }]);
    report = addAggregate(report, 0, 'sum', 'amount');
    report = addMeasure(report, { agg: 'sum', field: 'loan_application.sum_amount' });
    report = updateAggregate(report, 0, 1, { key: 'total' });
    expect(report.measures![1]!.field).toBe('loan_application.total');
    report = setJoinFilter(report, 0, { field: 'status', op: 'eq', value: 'approved' });
    expect(problems(report)).toEqual([]);
    report = removeAggregate(report, 0, 0);
    expect(report.joins![0]).toMatchObject({ aggregates: [{ key: 'total', agg: 'sum', field: 'amount' }] });
    // A join keeps one aggregate.
    expect(removeAggregate(report, 0, 0)).toBe(report);
  });

  it('rename a calculated field where dimensions and other calculated fields read it', () => {
    let report = addCalculated(loansReport(), { key: 'big', expression: 'amount > 100000' }, ['amount']);
    report = addCalculated(report, { key: 'flag', expression: 'if big then "big" else "small"' }, []);
    report = addDimension(report, { field: 'big' });
    report = updateCalculated(report, 0, { key: 'large' });
    expect(report.dimensions![0]!.field).toBe('large');
    expect(report.calculated![1]!.expression).toBe('if large then "big" else "small"');
    // A key a source field has is not given.
    expect(addCalculated(loansReport(), { key: 'amount', expression: '1' }, ['amount']).calculated![0]!.key).toBe('amount_2');
  });

  it('rename a parameter in the filters that read it; another type drops its default and bounds', () => {
    let report = addParameter(loansReport(), { key: 'since', type: 'datetime', default: '2026-01-01T00:00:00Z' });
    report = setFilter(report, { field: 'submitted_at', op: 'gte', value: { param: 'since' } });
    report = updateParameter(report, 0, { key: 'from' });
    expect(report.filter).toEqual({ field: 'submitted_at', op: 'gte', value: { param: 'from' } });
    report = updateParameter(report, 0, { type: 'select' });
    expect(report.parameters).toEqual([{ key: 'from', type: 'select', options: [] }]);
  });

  it('keep a drill-down two levels or more, each with a dimension', () => {
    let report = addDimension(loansReport(), { field: 'status' });
    expect(startDrillDown(report)).toBe(report);
    report = addDimension(report, { field: 'term_months' });
    report = addDimension(report, { field: 'customer' });
    report = startDrillDown(report);
    report = addDrillLevel(report, 'customer');
    expect(report.drillDown!.levels.map((l) => l.dimensions)).toEqual([['status'], ['term_months'], ['customer']]);
    expect(updateDrillLevel(report, 0, { dimensions: [] })).toBe(report);
    report = updateDrillLevel(report, 0, { dimensions: ['status'], label: 'Status' });
    report = moveDrillLevel(report, 0, 2);
    expect(report.drillDown!.levels.map((l) => l.dimensions)).toEqual([['term_months'], ['customer'], ['status']]);
    expect(problems(report)).toEqual([]);
    report = removeDrillLevel(removeDrillLevel(report, 0), 0);
    expect(report.drillDown).toBeUndefined();
  });

  it('start over from a count when the base entity changes, keeping title and parameters; a limit comes and goes', () => {
    const report = setLimit(addParameter(approvalsByBranch(), { key: 'since', type: 'date' }), 20);
    expect(report.limit).toBe(20);
    expect(setLimit(report, undefined).limit).toBeUndefined();
    expect(changeSource(report, 'customer', 'Count')).toEqual({ kind: 'report', key: 'loans', title: 'Loans', source: 'customer', parameters: [{ key: 'since', type: 'date' }], measures: [{ key: 'count', label: 'Count', agg: 'count' }] });
    expect(changeSource(report, 'loan_application', 'Count')).toBe(report);
  });
});
