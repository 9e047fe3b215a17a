import { describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../artifact/report-definition.js';
import { CATALOG } from '../test-support/entities.js';
import type { DashboardDefinition, DashboardWidget } from './dashboard-definition.js';
import { clickedField, filterBindings, widgetFilters } from './dashboard-filters.js';
import { reportFields } from './report-fields.js';

const loansByBranch: ReportDefinition = {
  kind: 'report',
  key: 'loans_by_branch',
  title: 'Loans by branch',
  source: 'loan',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  dimensions: [
    { key: 'branch', field: 'branch' },
    { key: 'month', field: 'submitted_at', date: 'month' },
    { key: 'segment', field: 'c.segment' },
  ],
  measures: [{ key: 'n', agg: 'count' }],
};

const customersBySegment: ReportDefinition = {
  kind: 'report',
  key: 'customers',
  title: 'Customers',
  source: 'customer',
  dimensions: [{ key: 'segment', field: 'segment' }],
  measures: [{ key: 'n', agg: 'count' }],
};

const branches: ReportDefinition = {
  kind: 'report',
  key: 'branches',
  title: 'Branches',
  source: 'branch',
  dimensions: [{ key: 'region', field: 'region' }],
  measures: [{ key: 'n', agg: 'count' }],
};

const widget = (id: string, report: string, extra: Partial<DashboardWidget> = {}): DashboardWidget => ({
  id,
  report,
  layout: { x: 0, y: 0, w: 6, h: 4 },
  ...extra,
});

const dashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'pipeline',
  title: 'Pipeline',
  filters: [
    { key: 'period', type: 'period', fields: ['submitted_at', 'onboarded_at'] },
    { key: 'branch', type: 'values', fields: ['branch'] },
    { key: 'segment', type: 'values', fields: ['segment', 'c.segment'] },
  ],
  widgets: [widget('loans', 'loans_by_branch'), widget('customers', 'customers_by_segment'), widget('branches', 'branches')],
};

const fieldsOf = (report: ReportDefinition) => reportFields(report, CATALOG);

describe('the fields a dashboard filter may land on', () => {
  it('lists the source fields and standard columns, then each many-to-one join under its alias', () => {
    const paths = fieldsOf(loansByBranch).map((f) => f.path);
    expect(paths).toContain('branch');
    expect(paths).toContain('owner_id');
    expect(paths).toContain('c.segment');
    expect(paths).not.toContain('extra'); // JSON is no filter
    expect(paths).not.toContain('id');
  });

  it('names what a field means across entities: a reference by the entity it points at, the owner as the RM', () => {
    const byPath = new Map(fieldsOf(loansByBranch).map((f) => [f.path, f.meaning]));
    expect(byPath.get('branch')).toBe('ref:branch');
    expect(byPath.get('c.branch')).toBe('ref:branch');
    expect(byPath.get('owner_id')).toBe('owner');
    expect(byPath.get('c.segment')).toBe('customer.segment');
  });
});

describe('shared filters on widgets', () => {
  it('applies each filter on the first of its fields the report has, of a fitting type', () => {
    const loans = filterBindings(dashboard, dashboard.widgets[0]!, fieldsOf(loansByBranch));
    expect(loans.map((b) => [b.filter, b.field.path])).toEqual([
      ['period', 'submitted_at'],
      ['branch', 'branch'],
      ['segment', 'c.segment'],
    ]);
    const customers = filterBindings(dashboard, dashboard.widgets[1]!, fieldsOf(customersBySegment));
    expect(customers.map((b) => [b.filter, b.field.path])).toEqual([
      ['period', 'onboarded_at'],
      ['branch', 'branch'],
      ['segment', 'segment'],
    ]);
  });

  it('leaves a widget alone when its report lacks the field, or when the widget opts out', () => {
    expect(filterBindings(dashboard, dashboard.widgets[2]!, fieldsOf(branches))).toEqual([]);
    const optedOut = widget('loans', 'loans_by_branch', { filterFields: { branch: null, period: 'decided_on' } });
    expect(filterBindings(dashboard, optedOut, fieldsOf(loansByBranch)).map((b) => [b.filter, b.field.path])).toEqual([
      ['period', 'decided_on'],
      ['segment', 'c.segment'],
    ]);
  });

  it('refuses a period on a field that is no date', () => {
    const wrong = widget('loans', 'loans_by_branch', { filterFields: { period: 'note' } });
    expect(filterBindings(dashboard, wrong, fieldsOf(loansByBranch)).map((b) => b.filter)).not.toContain('period');
  });

  it('turns values into conditions and says which applied', () => {
    const result = widgetFilters(
      dashboard,
      dashboard.widgets[0]!,
      fieldsOf(loansByBranch),
      { period: 'thisQuarter', branch: ['B1', 'B2'], segment: [] },
      [],
    );
    expect(result.issues).toEqual([]);
    expect(result.filter).toEqual({
      and: [
        { field: 'submitted_at', op: 'within', value: 'thisQuarter' },
        { field: 'branch', op: 'in', value: ['B1', 'B2'] },
      ],
    });
    expect(result.applied.filters).toEqual(['period', 'branch']);
  });

  it('takes a period between two days (on a datetime, from the first instant of one to the last of the other), and names a malformed one at its filter', () => {
    const quarter = { period: { from: '2026-01-01', to: '2026-03-31' } };
    const between = widgetFilters(dashboard, dashboard.widgets[0]!, fieldsOf(loansByBranch), quarter, []);
    expect(between.filter).toEqual({ field: 'submitted_at', op: 'between', value: ['2026-01-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z'] });
    const onDates = widget('loans', 'loans_by_branch', { filterFields: { period: 'decided_on' } });
    expect(widgetFilters(dashboard, onDates, fieldsOf(loansByBranch), quarter, []).filter).toEqual({ field: 'decided_on', op: 'between', value: ['2026-01-01', '2026-03-31'] });
    const bad = widgetFilters(dashboard, dashboard.widgets[0]!, fieldsOf(loansByBranch), { period: { since: 3 }, branch: [{}] }, []);
    expect(bad.issues.map((i) => [i.path, i.code])).toEqual([
      ['/filters/period', 'invalidPeriod'],
      ['/filters/branch', 'invalidValues'],
    ]);
    expect(bad.filter).toBeUndefined();
  });
});

describe('cross-filtering by click', () => {
  it('filters the other widgets that have a field of the same meaning, not the clicked widget itself', () => {
    const clicked = clickedField(customersBySegment, CATALOG, 'segment');
    expect(clicked?.meaning).toBe('customer.segment');
    const click = { cross: { widget: 'customers', dimension: 'segment', value: 'affluent' }, field: clicked! };
    const loans = widgetFilters(dashboard, dashboard.widgets[0]!, fieldsOf(loansByBranch), {}, [click]);
    expect(loans.filter).toEqual({ field: 'c.segment', op: 'eq', value: 'affluent' });
    expect(loans.applied.cross).toEqual([click.cross]);
    const itself = widgetFilters(dashboard, dashboard.widgets[1]!, fieldsOf(customersBySegment), {}, [click]);
    expect(itself.filter).toBeUndefined();
    const unrelated = widgetFilters(dashboard, dashboard.widgets[2]!, fieldsOf(branches), {}, [click]);
    expect(unrelated.applied.cross).toEqual([]);
  });

  it('matches a branch clicked on loans with the branch of customers, and an empty value with isNull', () => {
    const clicked = clickedField(loansByBranch, CATALOG, 'branch')!;
    const result = widgetFilters(dashboard, dashboard.widgets[1]!, fieldsOf(customersBySegment), {}, [
      { cross: { widget: 'loans', dimension: 'branch', value: null }, field: clicked },
    ]);
    expect(result.filter).toEqual({ field: 'branch', op: 'isNull', value: true });
  });

  it('does not cross-filter from a date bucket (a month is no stored value)', () => {
    expect(clickedField(loansByBranch, CATALOG, 'month')).toBeUndefined();
    expect(clickedField(loansByBranch, CATALOG, 'nope')).toBeUndefined();
  });
});
