import type { RuntimeApp } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { clickOutcome, drillBack, drillTargetUrl } from './clicks.js';
import type { DashboardState } from './dashboard-state.js';
import { branchDashboard as view, widget } from './testing.js';

const [customers, pipeline] = view.widgets as [(typeof view.widgets)[0], (typeof view.widgets)[0]];
const crm: RuntimeApp = { key: 'crm', label: { en: 'CRM', 'zh-CN': '客户' }, menu: [{ entity: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, pluralLabel: { en: 'Customers', 'zh-CN': '客户' } }] };
const start: DashboardState = { filters: { period: 'thisQuarter' }, cross: [], drill: {} };

describe('clickOutcome', () => {
  it('drills into a branch while the report has levels left, and filters the other widgets by it', () => {
    const outcome = clickOutcome(view, customers, 0, { dimension: 'branch', value: 'b-sh' }, start, [crm]);
    expect(outcome).toEqual({
      kind: 'show',
      state: { ...start, cross: [{ widget: 'customers', dimension: 'branch', value: 'b-sh' }], drill: { customers: [{ branch: 'b-sh' }] } },
    });
  });

  it("opens the drill target at the last level: the RM's customers in the app that lists them", () => {
    const drilled: DashboardState = { ...start, drill: { customers: [{ branch: 'b-sh' }] } };
    expect(clickOutcome(view, customers, 1, { dimension: 'owner_id', value: 'u-wf' }, drilled, [crm])).toEqual({ kind: 'open', to: '/crm/customer?owner_id=u-wf' });
  });

  it('filters the others by a click, and takes it back on a second click on the same point', () => {
    const once = clickOutcome(view, pipeline, 0, { dimension: 'status', value: 'approved' }, start, [crm]);
    expect(once).toEqual({ kind: 'show', state: { ...start, cross: [{ widget: 'pipeline', dimension: 'status', value: 'approved' }] } });
    if (once.kind !== 'show') throw new Error('not shown');
    const other = clickOutcome(view, pipeline, 0, { dimension: 'status', value: 'rejected' }, once.state, [crm]);
    expect(other).toMatchObject({ state: { cross: [{ widget: 'pipeline', dimension: 'status', value: 'rejected' }] } });
    expect(clickOutcome(view, pipeline, 0, { dimension: 'status', value: 'approved' }, once.state, [crm])).toEqual({ kind: 'show', state: start });
  });

  it('does nothing for a dimension that filters nothing, on a widget with no drill left', () => {
    expect(clickOutcome(view, pipeline, 0, { dimension: 'segment', value: 'vip' }, start, [crm])).toEqual({ kind: 'none' });
  });
});

describe('drillTargetUrl', () => {
  const pick = { dimension: 'owner_id', value: 'u 1' };
  it('opens a record, or a list filtered by the field, in the app that lists the entity', () => {
    expect(drillTargetUrl(view, widget({ id: 'w', drill: { kind: 'record', entity: 'customer' } }), pick, start, [crm])).toBe('/crm/customer/u%201');
    expect(drillTargetUrl(view, widget({ id: 'w', drill: { kind: 'list', entity: 'customer', field: 'segment' } }), { dimension: 'segment', value: 'vip' }, start, [crm])).toBe('/crm/customer?segment=vip');
  });

  it("opens a report shown on the dashboard as that widget alone, the click filtering it, the dashboard's filters kept", () => {
    const to = drillTargetUrl(view, widget({ id: 'w', drill: { kind: 'report', report: 'loan_pipeline', field: 'customer' } }), pick, { ...start, filters: { period: 'thisYear' } }, [crm]);
    const url = new URL(to ?? '', 'http://runtime');
    expect(url.pathname).toBe('/dashboards/branch_overview/widgets/pipeline');
    expect([...url.searchParams.entries()]).toEqual([
      ['f.period', 'thisYear'],
      ['cross', JSON.stringify([{ widget: 'w', dimension: 'owner_id', value: 'u 1' }])],
    ]);
  });

  it('has no page for an entity no app of the reader lists, a report not on the dashboard, or an empty value', () => {
    expect(drillTargetUrl(view, widget({ id: 'w', drill: { kind: 'record', entity: 'account' } }), pick, start, [crm])).toBeUndefined();
    expect(drillTargetUrl(view, widget({ id: 'w', drill: { kind: 'report', report: 'elsewhere', field: 'x' } }), pick, start, [crm])).toBeUndefined();
    expect(drillTargetUrl(view, widget({ id: 'w', drill: { kind: 'record', entity: 'customer' } }), { dimension: 'id', value: null }, start, [crm])).toBeUndefined();
  });
});

describe('drillBack', () => {
  it("backs up to a level, filtering the others by the selection that led there, or by nothing at the top", () => {
    const deep: DashboardState = { ...start, cross: [{ widget: 'customers', dimension: 'owner_id', value: 'u1' }], drill: { customers: [{ branch: 'b1' }, { owner_id: 'u1' }] } };
    expect(drillBack(deep, customers, 1)).toEqual({ ...start, cross: [{ widget: 'customers', dimension: 'branch', value: 'b1' }], drill: { customers: [{ branch: 'b1' }] } });
    expect(drillBack(deep, customers, 0)).toEqual(start);
  });
});
