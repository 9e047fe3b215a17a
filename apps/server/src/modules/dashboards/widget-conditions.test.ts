import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { LoadedReport } from '../reports/reports.service.js';
import { loadedWidget } from './dashboard-widgets.js';
import { atRequestPaths, widgetConditions } from './widget-conditions.js';

const customer: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    { id: 'f_segment', key: 'segment', type: 'singleSelect', label: { en: 'Segment', 'zh-CN': '分层' }, options: [{ value: 'mass', label: { en: 'Mass', 'zh-CN': '大众' } }] },
    { id: 'f_onboarded', key: 'onboarded_at', type: 'datetime', label: { en: 'Onboarded', 'zh-CN': '开户' } },
  ],
};
const catalog = new Map([['customer', customer]]);
const bySegment: ReportDefinition = { kind: 'report', key: 'by_segment', title: 'By segment', source: 'customer', dimensions: [{ key: 'segment', field: 'segment' }, { key: 'month', field: 'onboarded_at', date: 'month' }], measures: [{ key: 'n', agg: 'count' }] };
const loaded: LoadedReport = { report: bySegment, version: 1, catalog };
const dashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'd',
  title: 'D',
  filters: [
    { key: 'period', type: 'period', fields: ['onboarded_at'] },
    { key: 'segment', type: 'values', fields: ['segment'] },
  ],
  widgets: [
    { id: 'a', report: 'by_segment', layout: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'b', report: 'by_segment', layout: { x: 6, y: 0, w: 6, h: 4 } },
    { id: 'quiet', report: 'by_segment', layout: { x: 0, y: 4, w: 6, h: 4 }, crossFilter: false },
  ],
};
const target = loadedWidget(dashboard.widgets[0]!, loaded);
const reportOf = (): Promise<LoadedReport> => Promise.resolve(loaded);

async function refusal(work: Promise<unknown>): Promise<[string, string][]> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ProblemError)) throw new Error('expected a problem');
  expect(error.code).toBe('invalidDashboardRequest');
  return (error.errors ?? []).map((e) => [e.path, e.code]);
}

describe("a widget run's conditions", () => {
  it('names each condition by its place in the request, in the order of the filter', async () => {
    const click = { widget: 'b', dimension: 'segment', value: 'mass' };
    const conditions = await widgetConditions(dashboard, target, { filters: { period: 'thisYear', segment: ['mass'] }, cross: [{ ...click, widget: 'a' }, click] }, reportOf);
    expect(conditions.applied).toEqual({ filters: ['period', 'segment'], cross: [click] });
    expect(conditions.paths).toEqual(['/filters/period', '/filters/segment', '/cross/1/value']);
  });

  it('refuses unknown filters, clicks on widgets that do not cross-filter or on dimensions no click filters by', async () => {
    expect(
      await refusal(
        widgetConditions(
          dashboard,
          target,
          { filters: { colour: ['red'] }, cross: [{ widget: 'quiet', dimension: 'segment', value: 'mass' }, { widget: 'b', dimension: 'month', value: '2026-01' }] },
          reportOf,
        ),
      ),
    ).toEqual([
      ['/filters/colour', 'unknownFilter'],
      ['/cross/0/widget', 'notCrossFiltering'],
      ['/cross/1/dimension', 'notClickable'],
    ]);
  });

  it("says the report compiler's refusal of a condition at the request's path, once per condition", async () => {
    const conditions = await widgetConditions(dashboard, target, { filters: { period: { from: 'x', to: 'y' }, segment: ['mass'] } }, reportOf);
    const compiled = ProblemError.invalid('bad', [
      { path: '/filters/and/0/value/0', code: 'type', message: 'not a date-time' },
      { path: '/filters/and/0/value/1', code: 'type', message: 'not a date-time' },
      { path: '/drill/0', code: 'invalidSelection', message: 'no such level' },
    ], 'invalidReportRequest');
    expect(await refusal(Promise.reject(atRequestPaths(compiled, conditions)))).toEqual([
      ['/filters/period', 'type'],
      ['/drill/0', 'invalidSelection'],
    ]);
    const other = new ProblemError(403, 'reportFieldMasked', 'masked');
    expect(atRequestPaths(other, conditions)).toBe(other);
  });
});
