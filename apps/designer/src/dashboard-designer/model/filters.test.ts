import { dashboardKind, type DashboardDefinition } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { branchDashboard as dashboard, catalog } from '../testing/fixtures.js';
import { filterFieldChoices, filterLandings } from './catalog.js';
import { addFilter, moveFilterField, removeFilter, renameFilter, withFilterDefault, withFilterFields, withFilterLabel, withFilterType } from './filters.js';
import { withFilterChoice } from './widgets.js';

const landings = (d: DashboardDefinition, key: string) =>
  filterLandings(d, d.filters!.find((f) => f.key === key)!, catalog).map((l) => (l.status === 'field' ? `${l.widget.id}:${l.field.path}${l.chosen ? '!' : ''}` : `${l.widget.id}:${l.status}`));

/** The kind's own publish check over the catalog, as the server runs it. */
async function publishCheck(d: DashboardDefinition) {
  const warnings: string[] = [];
  const problems = await dashboardKind.check(d, {
    stage: 'publish',
    warn: (p) => void warnings.push(`${p.path} ${p.code}`),
    entity: (key) => Promise.resolve(catalog.entities.get(key)),
    report: (key) => Promise.resolve(catalog.reports.get(key)?.definition),
  });
  return { problems: problems.map((p) => `${p.path} ${p.code}`), warnings };
}

describe('shared filters', () => {
  it('offers the fields of the widgets’ reports that fit the type, each once, with the widgets that have it', () => {
    const periods = filterFieldChoices(dashboard, catalog, 'period');
    expect(periods.map((c) => c.field.path)).toContain('submitted_at');
    expect(periods.map((c) => c.field.path)).toContain('c.onboarded_at');
    expect(periods.every((c) => c.field.type === 'date' || c.field.type === 'datetime')).toBe(true);
    const created = periods.find((c) => c.field.path === 'created_at')!;
    expect(created.widgets).toEqual(['loan_pipeline', 'aum_by_segment']);
    const values = filterFieldChoices(dashboard, catalog, 'values').map((c) => c.field.path);
    expect(values).toContain('c.segment');
    expect(values).not.toContain('tags'); // a list of values is no value to pick
  });

  it('says where a filter lands on each widget, chosen by the widget, kept off, or on nothing', () => {
    expect(landings(dashboard, 'period')).toEqual(['loan_pipeline:submitted_at', 'aum_by_segment:onboarded_at']);
    const chosen = withFilterChoice(withFilterChoice(dashboard, 'loan_pipeline', 'period', 'decided_at'), 'aum_by_segment', 'period', null);
    expect(landings(chosen, 'period')).toEqual(['loan_pipeline:decided_at!', 'aum_by_segment:off']);
    const segment = addFilter(dashboard, { key: 'product', type: 'values', fields: ['product'] });
    expect(landings(segment, 'product')).toEqual(['loan_pipeline:product', 'aum_by_segment:none']);
    const unknown = { ...dashboard, widgets: [{ id: 'x', report: 'gone', layout: { x: 0, y: 0, w: 1, h: 1 } }] };
    expect(landings(unknown, 'period')).toEqual(['x:unknown']);
  });

  it('renames a filter in the widgets’ choices too, and removes it from them', async () => {
    const chosen = withFilterChoice(dashboard, 'loan_pipeline', 'period', 'decided_at');
    const renamed = renameFilter(chosen, 'period', 'when');
    expect(renamed.filters!.map((f) => f.key)).toEqual(['when']);
    expect(renamed.widgets[0]!.filterFields).toEqual({ when: 'decided_at' });
    expect(renameFilter(renamed, 'when', 'when')).toBe(renamed);
    const removed = removeFilter(renamed, 'when');
    expect(removed.filters).toEqual([]);
    expect(removed.widgets[0]).not.toHaveProperty('filterFields');
    expect((await publishCheck(removed)).problems).toEqual([]);
  });

  it('changes the type keeping the fields that fit, else the first that does; the default goes', () => {
    const values = withFilterType(dashboard, 'period', 'values', filterFieldChoices(dashboard, catalog, 'values'));
    const filter = values.filters![0]!;
    // A date is a value too: both fields fit a values filter.
    expect(filter).toEqual({ key: 'period', label: { en: 'Period', 'zh-CN': '期间' }, type: 'values', fields: ['submitted_at', 'onboarded_at'] });
    const segment = addFilter(dashboard, { key: 'segment', type: 'values', fields: ['c.segment', 'segment'], default: ['affluent'] });
    const asPeriod = withFilterType(segment, 'segment', 'period', filterFieldChoices(segment, catalog, 'period'));
    // No segment is a date: the first date of the widgets' reports stands in.
    expect(asPeriod.filters![1]).toEqual({ key: 'segment', type: 'period', fields: ['submitted_at'] });
    expect(withFilterType(segment, 'segment', 'values', [])).toBe(segment);
  });

  it('edits the label, the fields in their order and the default', async () => {
    let edited = withFilterLabel(dashboard, 'period', 'zh-CN', '统计期间');
    edited = withFilterFields(edited, 'period', ['submitted_at', 'onboarded_at', 'created_at']);
    edited = moveFilterField(edited, 'period', 'created_at', -1);
    expect(moveFilterField(edited, 'period', 'submitted_at', -1)).toBe(edited);
    edited = withFilterDefault(edited, 'period', 'lastQuarter');
    expect(edited.filters![0]).toEqual({ key: 'period', label: { en: 'Period', 'zh-CN': '统计期间' }, type: 'period', fields: ['submitted_at', 'created_at', 'onboarded_at'], default: 'lastQuarter' });
    expect(withFilterDefault(edited, 'period', undefined).filters![0]).not.toHaveProperty('default');
    expect(withFilterDefault(edited, 'period', []).filters![0]).not.toHaveProperty('default');
    expect(await publishCheck(edited)).toEqual({ problems: [], warnings: [] });
  });

  it('is warned on publish of a filter that lands on no widget, as the designer shows it', async () => {
    const lonely = addFilter(dashboard, { key: 'product', type: 'values', fields: ['product'] });
    const off = withFilterChoice(lonely, 'loan_pipeline', 'product', null);
    expect(landings(off, 'product')).toEqual(['loan_pipeline:off', 'aum_by_segment:none']);
    expect((await publishCheck(off)).warnings).toEqual(['/filters/1 filterUnused']);
  });
});
