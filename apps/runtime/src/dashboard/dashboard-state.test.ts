import { describe, expect, it } from 'vitest';
import { filterValues, readState, widgetRequest, writeState, type DashboardState } from './dashboard-state.js';
import { branchDashboard as view } from './testing.js';

const [customers, pipeline] = view.widgets as [(typeof view.widgets)[0], (typeof view.widgets)[0]];

describe('the dashboard in its link', () => {
  it("opens with each filter's default, and nothing clicked or drilled", () => {
    expect(readState(new URLSearchParams(), view)).toEqual({ filters: { period: 'thisQuarter' }, cross: [], drill: {} });
  });

  it('keeps filters, clicks and drill-downs, writing only what differs from the defaults', () => {
    const state: DashboardState = {
      filters: { period: { last: 12, unit: 'month' }, segment: ['vip', 'mass'] },
      cross: [{ widget: 'pipeline', dimension: 'status', value: 'approved' }],
      drill: { customers: [{ branch: 'b-sh' }] },
    };
    const params = writeState(state, view);
    expect([...params.entries()]).toEqual([
      ['f.period', 'last-12-month'],
      ['f.segment', 'vip'],
      ['f.segment', 'mass'],
      ['cross', '[{"widget":"pipeline","dimension":"status","value":"approved"}]'],
      ['drill.customers', '[{"branch":"b-sh"}]'],
    ]);
    expect(readState(params, view)).toEqual(state);
    expect(writeState({ ...state, filters: { period: 'thisQuarter' }, cross: [], drill: {} }, view).toString()).toBe('');
  });

  it('keeps a filter the reader cleared cleared, though it has a default', () => {
    const params = writeState({ filters: { period: null }, cross: [], drill: {} }, view);
    expect(params.toString()).toBe('f.period=');
    expect(readState(params, view).filters).toEqual({ period: null });
    expect(filterValues(readState(params, view))).toEqual({});
  });

  it('leaves out what it cannot read: unknown widgets, objects as values, paths deeper than the report goes', () => {
    const params = new URLSearchParams({
      'f.period': 'sometime',
      cross: JSON.stringify([{ widget: 'gone', dimension: 'x', value: 1 }, { widget: 'pipeline', dimension: 'status', value: { a: 1 } }, { widget: 'pipeline', dimension: 'status', value: null }]),
      'drill.customers': JSON.stringify([{ branch: 'b1' }, { owner_id: 'u1' }]),
      'drill.pipeline': '{not json',
    });
    expect(readState(params, view)).toEqual({
      filters: {},
      cross: [{ widget: 'pipeline', dimension: 'status', value: null }],
      drill: { customers: [{ branch: 'b1' }] },
    });
  });
});

describe('widgetRequest', () => {
  const state: DashboardState = {
    filters: { period: 'thisYear', segment: ['vip'] },
    cross: [
      { widget: 'pipeline', dimension: 'status', value: 'approved' },
      { widget: 'customers', dimension: 'branch', value: 'b-sh' },
    ],
    drill: { customers: [{ branch: 'b-sh' }] },
  };

  it("asks with the filters that land on the widget, the other widgets' clicks, and its own drill-down", () => {
    expect(widgetRequest(customers, state)).toEqual({
      filters: { segment: ['vip'] },
      cross: [{ widget: 'pipeline', dimension: 'status', value: 'approved' }],
      drill: [{ branch: 'b-sh' }],
    });
    expect(widgetRequest(pipeline, { ...state, filters: { segment: [] }, cross: [] })).toEqual({});
  });
});
