import '../flow-designer/testing/dom-stubs.js';
import { problem, renderPage } from '@bankforge/app-shell/testing';
import type { DashboardDefinition } from '@bankforge/report-engine';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../shell/testing/i18n.js';
import DashboardDesigner from './DashboardDesigner.js';
import { dashboardServer } from './testing/dashboard-server.js';
import { branchDashboard } from './testing/fixtures.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function openDesigner(server = dashboardServer()) {
  renderPage(<DashboardDesigner />, server.client, { path: '/dashboard/branch_performance', pattern: '/dashboard/:key' });
  return { server, user: userEvent.setup() };
}
const widget = (name: string) => screen.getByRole('button', { name: `Widget: ${name}` });
const properties = (name: string) => screen.getByRole('complementary', { name });
/** Focuses a widget as the keyboard does: it is selected and its properties show. */
async function focusWidget(name: string) {
  act(() => widget(name).focus());
  await screen.findByRole('complementary', { name: `Widget: ${name}` });
}
const status = () => document.querySelector('.dashboard-announce')!.textContent;
const saved = (server: ReturnType<typeof dashboardServer>) => server.requests.filter((r) => r.method === 'PUT').at(-1)!.body as DashboardDefinition;
const layouts = (d: DashboardDefinition) => Object.fromEntries(d.widgets.map((w) => [w.id, [w.layout.x, w.layout.y, w.layout.w, w.layout.h]]));
async function loaded() {
  await screen.findByRole('heading', { level: 1, name: 'Dashboard: Branch performance' });
  await screen.findByText('No problems: the dashboard can be published.');
}
async function save(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText('Draft saved');
}

describe('DashboardDesigner', () => {
  it('draws the widgets with their reports’ data, the shared filter with the period it opens with, and no problems', async () => {
    const { server } = openDesigner();
    await loaded();
    expect(widget('Loan pipeline')).toBeTruthy();
    expect(widget('AUM by segment')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Period: This quarter' })).toBeTruthy();
    // Each report runs once, with the analyst's rights, and its rows are shown (the table here).
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Widgets' })).getAllByRole('table')).toHaveLength(2));
    expect(server.requests.filter((r) => r.url === '/api/reports/loan_pipeline/run')).toHaveLength(1);
    expect(widget('Loan pipeline').getAttribute('aria-describedby')).toContain('dashboard-keys');
    expect(document.getElementById(widget('Loan pipeline').getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('Columns 1 to 6, rows 1 to 4.');
  });

  it('moves a widget with the arrows and resizes it with Shift+arrows, says so, pushes what it covers down, and undoes a run of presses at once', async () => {
    const { server, user } = openDesigner();
    await loaded();
    await focusWidget('Loan pipeline');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(status()).toBe('Loan pipeline moved to column 1, row 3.');
    await user.keyboard('{ArrowLeft}');
    expect(status()).toBe('Loan pipeline is at the edge of the grid.');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(status()).toBe('Loan pipeline is now 7 columns wide and 4 rows tall. Moved down: AUM by segment.');
    expect(document.activeElement).toBe(widget('Loan pipeline'));
    await save(user);
    expect(layouts(saved(server))).toEqual({ loan_pipeline: [0, 2, 7, 4], aum_by_segment: [6, 6, 6, 4] });
    // The whole run of presses on the widget is one step: one Ctrl+Z takes it back.
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(layouts(saved(server))).toEqual({ loan_pipeline: [0, 0, 6, 4], aum_by_segment: [6, 0, 6, 4] });
  });

  it('changes places with the widgets above and below by the arrows, saying which moved which way', async () => {
    const stacked: DashboardDefinition = { ...branchDashboard, widgets: [...branchDashboard.widgets, { id: 'wide', report: 'loan_pipeline', title: { en: 'All loans', 'zh-CN': '全部贷款' }, layout: { x: 0, y: 4, w: 12, h: 3 } }] };
    openDesigner(dashboardServer({}, stacked));
    await loaded();
    await focusWidget('All loans');
    await userEvent.keyboard('{ArrowUp}');
    expect(status()).toBe('All loans moved to column 1, row 1. Moved down: Loan pipeline, AUM by segment.');
    await userEvent.keyboard('{ArrowDown}');
    expect(status()).toBe('All loans moved to column 1, row 5. Moved up: Loan pipeline, AUM by segment.');
  });

  it('removes a widget with Delete, moves the focus to the next, and brings it back with Ctrl+Z', async () => {
    openDesigner();
    await loaded();
    await focusWidget('Loan pipeline');
    await userEvent.keyboard('{Delete}');
    expect(screen.queryByRole('button', { name: 'Widget: Loan pipeline' })).toBeNull();
    expect(status()).toBe('Loan pipeline removed. Ctrl+Z brings it back.');
    await waitFor(() => expect(document.activeElement).toBe(widget('AUM by segment')));
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(widget('Loan pipeline')).toBeTruthy();
  });

  it('adds a published report as a widget, names it, gives it its own chart, drill target and no cross-filtering, and duplicates it', async () => {
    const { server, user } = openDesigner();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add widget…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a widget' });
    expect(within(dialog).getByText('1 report is not published yet and cannot be added.')).toBeTruthy();
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a report' }), 'pipe');
    expect(within(dialog).queryByRole('button', { name: 'AUM by segment' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Loan pipeline' }));
    expect(status()).toBe('Loan pipeline added at column 1, row 5.');
    const panel = properties('Widget: Loan pipeline');
    expect(within(panel).getByText('loan_pipeline_2')).toBeTruthy();
    await user.type(within(panel).getByRole('textbox', { name: 'Title (English)' }), 'Loans by segment');
    expect(widget('Loans by segment')).toBeTruthy();
    const named = properties('Widget: Loans by segment');
    expect((within(named).getByRole('textbox', { name: 'Title (Chinese)' }) as HTMLInputElement).value).toBe('Loan pipeline');
    await user.selectOptions(within(named).getByRole('combobox', { name: 'Chart type' }), 'pie');
    await user.selectOptions(within(named).getByRole('combobox', { name: 'Categories' }), 'segment');
    await user.selectOptions(within(named).getByRole('combobox', { name: 'Measure' }), 'applications');
    await user.click(within(named).getByRole('checkbox', { name: 'A click on this widget filters the others' }));
    await user.selectOptions(within(named).getByRole('combobox', { name: 'A click past the report’s own levels opens' }), 'list');
    // The list of the clicked segment's entity, filtered by it.
    expect((within(named).getByRole('combobox', { name: 'Entity' }) as HTMLSelectElement).value).toBe('customer');
    expect((within(named).getByRole('combobox', { name: 'Filtered by field' }) as HTMLSelectElement).value).toBe('segment');
    await save(user);
    expect(saved(server).widgets[2]).toEqual({
      id: 'loan_pipeline_2',
      report: 'loan_pipeline',
      layout: { x: 0, y: 4, w: 6, h: 4 },
      title: { en: 'Loans by segment', 'zh-CN': 'Loan pipeline' },
      chart: { type: 'pie', x: 'segment', y: ['applications'] },
      crossFilter: false,
      drill: { kind: 'list', entity: 'customer', field: 'segment' },
    });
    await user.click(within(properties('Widget: Loans by segment')).getByRole('button', { name: 'Duplicate widget' }));
    expect(status()).toBe('Loans by segment duplicated at column 7, row 5.');
    await save(user);
    expect(saved(server).widgets[3]).toMatchObject({ id: 'loan_pipeline_3', chart: { type: 'pie' }, drill: { kind: 'list' }, layout: { x: 6, y: 4, w: 6, h: 4 } });
  });

  it('adds a values filter on a field of the widgets’ reports, shows where it lands, lets a widget keep it off, and opens with chosen values', async () => {
    const { server, user } = openDesigner();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add filter…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a shared filter' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Type' }), 'values');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Field' }), 'c.segment');
    expect((within(dialog).getByRole('textbox', { name: 'Key' }) as HTMLInputElement).value).toBe('segment');
    expect((within(dialog).getByRole('textbox', { name: 'Label (Chinese)' }) as HTMLInputElement).value).toBe('客户分层');
    await user.click(within(dialog).getByRole('button', { name: 'Add filter' }));

    const panel = properties('Filter: Segment');
    const lands = () => within(panel).getByRole('group', { name: 'Lands on' }).querySelectorAll('li');
    expect([...lands()].map((li) => li.textContent)).toEqual(['Loan pipeline: Customer › Segment (c.segment)', 'AUM by segment: its report has none of these fields']);
    // The customers' own segment is the same thing by another path: added, the filter lands on both.
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Add a field' }), 'segment');
    expect([...lands()].map((li) => li.textContent)).toEqual(['Loan pipeline: Customer › Segment (c.segment)', 'AUM by segment: Segment (segment)']);
    await user.click(within(panel).getByRole('button', { name: 'Move Segment (segment) up' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Affluent' }));
    expect(screen.getByRole('button', { name: 'Segment: affluent' })).toBeTruthy();

    // The loans keep it off.
    await focusWidget('Loan pipeline');
    await user.selectOptions(within(properties('Widget: Loan pipeline')).getByRole('combobox', { name: 'Segment' }), '\u0000off');
    await user.click(screen.getByRole('button', { name: 'Segment: affluent' }));
    expect([...lands()].map((li) => li.textContent)).toEqual(['Loan pipeline: kept off by the widget', 'AUM by segment: Segment (segment)']);
    await save(user);
    const stored = saved(server);
    expect(stored.filters![1]).toEqual({ key: 'segment', label: { en: 'Segment', 'zh-CN': '客户分层' }, type: 'values', fields: ['segment', 'c.segment'], default: ['affluent'] });
    expect(stored.widgets[0]!.filterFields).toEqual({ segment: null });
  });

  it('edits the period filter’s default and key, carrying the key into the widgets’ choices, and removes it', async () => {
    const { server, user } = openDesigner();
    await loaded();
    await focusWidget('AUM by segment');
    await user.selectOptions(within(properties('Widget: AUM by segment')).getByRole('combobox', { name: 'Period' }), 'created_at');
    await user.click(screen.getByRole('button', { name: 'Period: This quarter' }));
    const panel = properties('Filter: Period');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Period' }), 'lastQuarter');
    expect(screen.getByRole('button', { name: 'Period: Last quarter' })).toBeTruthy();
    const key = within(panel).getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, 'Bad key');
    expect(within(panel).getByText('A key starts with a letter and has only lower case letters, digits and _.')).toBeTruthy();
    await user.clear(key);
    await user.type(key, 'reporting_period{Enter}');
    await save(user);
    expect(saved(server).filters![0]).toMatchObject({ key: 'reporting_period', default: 'lastQuarter' });
    expect(saved(server).widgets[1]!.filterFields).toEqual({ reporting_period: 'created_at' });
    await user.click(within(properties('Filter: Period')).getByRole('button', { name: 'Remove filter' }));
    await save(user);
    expect(saved(server).filters).toEqual([]);
    expect(saved(server).widgets[1]).not.toHaveProperty('filterFields');
  });

  it('lists the dashboard for the roles chosen from the bank’s list', async () => {
    const { server, user } = openDesigner();
    await loaded();
    const panel = properties('Dashboard');
    await user.click(await within(panel).findByRole('checkbox', { name: /^Branch manager/ }));
    await user.click(within(panel).getByRole('checkbox', { name: /^Relationship manager/ }));
    await user.clear(within(panel).getByRole('textbox', { name: 'Name in the navigation (Chinese)' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Name in the navigation (Chinese)' }), '支行业绩');
    await save(user);
    expect(saved(server)).toMatchObject({ roles: ['branch_manager', 'relationship_manager'], label: { en: 'Branch performance', 'zh-CN': '支行业绩' } });
  });

  it('shows the server’s problems at their widget, and blocks Publish on what the live check finds', async () => {
    const { user } = openDesigner(
      dashboardServer({
        'POST /api/artifacts/dashboard/branch_performance/publish': problem(422, 'invalidArtifact', { errors: [{ path: '/widgets/1/chart/x', code: 'unknownDimension', message: 'region is not a dimension of this report', messageZh: 'region 不是此报表的维度' }] }),
      }),
    );
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const card = widget('AUM by segment');
    await waitFor(() => expect(card.getAttribute('aria-describedby')).toContain('widget-aum_by_segment-problems'));
    expect(document.getElementById('widget-aum_by_segment-problems')!.textContent).toBe('1 problem');
    const listed = within(screen.getByRole('region', { name: 'Checks' })).getByRole('button', { name: /AUM by segment: region is not a dimension/ });
    await user.click(listed);
    expect(properties('Widget: AUM by segment')).toBeTruthy();
    expect(document.activeElement).toBe(widget('AUM by segment'));
  });

  it('says which widget reads a report that is not published, and keeps Publish until it is solved', async () => {
    const broken: DashboardDefinition = { ...branchDashboard, widgets: [...branchDashboard.widgets, { id: 'gone', report: 'churn_watch', layout: { x: 0, y: 4, w: 4, h: 3 } }] };
    openDesigner(dashboardServer({}, broken));
    await screen.findByRole('heading', { level: 1, name: 'Dashboard: Branch performance' });
    expect(await within(screen.getByRole('region', { name: 'Checks' })).findByRole('button', { name: 'churn_watch: No published report is called churn_watch' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Publish is available once the 1 problem under Checks is solved.')).toBeTruthy();
    expect(within(widget('churn_watch').closest('.dashboard-widget')!).getByText('No published report is called churn_watch.')).toBeTruthy();
  });

  it('warns of a filter that lands on no widget, at the filter, without keeping Publish', async () => {
    const lonely: DashboardDefinition = { ...branchDashboard, filters: [...branchDashboard.filters!, { key: 'region', label: { en: 'Region', 'zh-CN': '区域' }, type: 'values', fields: ['region'] }] };
    openDesigner(dashboardServer({}, lonely));
    await screen.findByRole('heading', { level: 1, name: 'Dashboard: Branch performance' });
    const checks = screen.getByRole('region', { name: 'Checks' });
    await within(checks).findByRole('button', { name: 'Warning Region: No widget has a field region can filter' });
    expect(screen.getByRole('button', { name: 'Region: all, 1 problem' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('draws a widget whose data the analyst may not read as its chart type, saying why', async () => {
    openDesigner(dashboardServer({ 'POST /api/reports/loan_pipeline/run': problem(403, 'forbidden', { entity: 'loan_application' }) }));
    await loaded();
    const card = widget('Loan pipeline').closest<HTMLElement>('.dashboard-widget')!;
    expect(await within(card).findByText('Bar chart of Loan pipeline')).toBeTruthy();
    expect(within(card).getByText('Your roles may not read loan_application records, so no data is shown here; the dashboard’s readers who may will see it.')).toBeTruthy();
  });

  it('says which hidden fields keep a report’s data from the analyst', async () => {
    openDesigner(dashboardServer({ 'POST /api/reports/aum_by_segment/run': problem(403, 'reportFieldHidden', { filters: ['opportunity.stage'] }) }));
    await loaded();
    const card = widget('AUM by segment').closest<HTMLElement>('.dashboard-widget')!;
    expect(await within(card).findByText('The report chooses its rows by fields your roles hide (opportunity.stage), so no data is shown here; the dashboard’s readers who may will see it.')).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    await initTestI18n('zh-CN');
    try {
      openDesigner();
      expect(await screen.findByRole('heading', { level: 1, name: '仪表板：网点业绩' })).toBeTruthy();
      expect(await screen.findByRole('button', { name: '组件：Loan pipeline' })).toBeTruthy();
      expect(screen.getByRole('button', { name: '期间：本季度' })).toBeTruthy();
      expect(await screen.findByText('没有问题：可以发布此仪表板。')).toBeTruthy();
    } finally {
      await initTestI18n('en');
    }
  });
});
