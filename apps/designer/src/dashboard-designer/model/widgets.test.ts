import { dashboardKind, dashboardLayoutProblems } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { branchDashboard as dashboard } from '../testing/fixtures.js';
import { freeKey, newDashboardDocument, withDashboardLabel, withRole } from './dashboard-document.js';
import { addWidget, duplicateWidget, removeWidget, withChart, withCrossFilter, withDrill, withFilterChoice, withWidgetTitle } from './widgets.js';

const widget = (d: typeof dashboard, id: string) => d.widgets.find((w) => w.id === id)!;

describe('widgets', () => {
  it('adds a widget of a report under the report’s key at the first free place', () => {
    const first = addWidget(newDashboardDocument('d', 'D'), 'loan_pipeline');
    expect(first.id).toBe('loan_pipeline');
    const second = addWidget(first.dashboard, 'loan_pipeline');
    expect(second.id).toBe('loan_pipeline_2');
    const third = addWidget(second.dashboard, 'aum_by_segment');
    expect(third.dashboard.widgets.map((w) => [w.id, w.layout])).toEqual([
      ['loan_pipeline', { x: 0, y: 0, w: 6, h: 4 }],
      ['loan_pipeline_2', { x: 6, y: 0, w: 6, h: 4 }],
      ['aum_by_segment', { x: 0, y: 4, w: 6, h: 4 }],
    ]);
    expect(dashboardLayoutProblems(third.dashboard)).toEqual([]);
  });

  it('finds a free key however long the report’s key is', () => {
    const long = 'a'.repeat(48);
    expect(freeKey(long, new Set([long.slice(0, 44)]))).toBe(`${'a'.repeat(44)}_2`);
  });

  it('duplicates a widget with all it says, beside or below it, and removes one', () => {
    const configured = withDrill(withChart(dashboard, 'loan_pipeline', { type: 'line', x: 'status', y: ['applications'] }), 'loan_pipeline', { kind: 'list', entity: 'loan_application', field: 'status' });
    const copy = duplicateWidget(configured, 'loan_pipeline')!;
    expect(copy.id).toBe('loan_pipeline_2');
    const made = widget(copy.dashboard, 'loan_pipeline_2');
    expect(made).toMatchObject({ report: 'loan_pipeline', chart: { type: 'line' }, drill: { kind: 'list' }, layout: { x: 0, y: 4, w: 6, h: 4 } });
    // The copy is its own: changing it leaves the original's chart alone.
    expect(copy.dashboard.widgets.map((w) => w.id)).toEqual(['loan_pipeline', 'loan_pipeline_2', 'aum_by_segment']);
    expect(made.chart).not.toBe(widget(configured, 'loan_pipeline').chart);
    expect(removeWidget(copy.dashboard, 'loan_pipeline').widgets.map((w) => w.id)).toEqual(['loan_pipeline_2', 'aum_by_segment']);
    expect(duplicateWidget(dashboard, 'nobody')).toBeNull();
  });

  it('names a widget in each language, the report’s title standing in; both emptied, the report’s title again', () => {
    const named = withWidgetTitle(dashboard, 'loan_pipeline', 'zh-CN', '贷款管道', 'Loan pipeline');
    expect(widget(named, 'loan_pipeline').title).toEqual({ en: 'Loan pipeline', 'zh-CN': '贷款管道' });
    const cleared = withWidgetTitle(withWidgetTitle(named, 'loan_pipeline', 'en', '', 'Loan pipeline'), 'loan_pipeline', 'zh-CN', '', 'Loan pipeline');
    expect(widget(cleared, 'loan_pipeline')).not.toHaveProperty('title');
  });

  it('stores a filter choice, an opt-out, and drops the choice to follow the filter again', () => {
    const chosen = withFilterChoice(dashboard, 'loan_pipeline', 'period', 'decided_at');
    expect(widget(chosen, 'loan_pipeline').filterFields).toEqual({ period: 'decided_at' });
    const off = withFilterChoice(chosen, 'loan_pipeline', 'period', null);
    expect(widget(off, 'loan_pipeline').filterFields).toEqual({ period: null });
    expect(widget(withFilterChoice(off, 'loan_pipeline', 'period', undefined), 'loan_pipeline')).not.toHaveProperty('filterFields');
  });

  it('stores cross-filtering only when it is off (on is the default), and drops a chart or drill set back', () => {
    const off = withCrossFilter(dashboard, 'aum_by_segment', false);
    expect(widget(off, 'aum_by_segment').crossFilter).toBe(false);
    expect(widget(withCrossFilter(off, 'aum_by_segment', true), 'aum_by_segment')).not.toHaveProperty('crossFilter');
    const charted = withChart(dashboard, 'aum_by_segment', { type: 'bar', x: 'segment', y: ['customers'] });
    expect(widget(withChart(charted, 'aum_by_segment', undefined), 'aum_by_segment')).not.toHaveProperty('chart');
  });

  it('keeps what the schema asks on save after every kind of edit', async () => {
    let edited = addWidget(dashboard, 'aum_by_segment').dashboard;
    edited = withWidgetTitle(edited, 'aum_by_segment_2', 'en', 'Wealth', 'AUM by segment');
    edited = withFilterChoice(edited, 'aum_by_segment_2', 'period', null);
    edited = withDashboardLabel(withRole(withRole(edited, 'branch_manager', true), 'head_of_retail', true), 'zh-CN', '支行业绩');
    expect(edited.roles).toEqual(['branch_manager', 'head_of_retail']);
    expect(withRole(edited, 'branch_manager', false).roles).toEqual(['head_of_retail']);
    expect(withRole(withRole(edited, 'branch_manager', false), 'head_of_retail', false)).not.toHaveProperty('roles');
    expect(edited.label).toEqual({ en: 'Branch performance', 'zh-CN': '支行业绩' });
    expect(await dashboardKind.check(edited, { stage: 'save', warn: () => undefined, entity: () => Promise.resolve(undefined), report: () => Promise.resolve(undefined) })).toEqual([]);
  });
});
