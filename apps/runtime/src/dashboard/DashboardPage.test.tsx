import type { RuntimeApp, WidgetRunRequest } from '@bankforge/client';
import { problem, type FakeHandler, type RecordedRequest } from '@bankforge/app-shell/testing';
import type { ResultColumn } from '@bankforge/report-engine';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { renderRoute, where } from '../testing/render-route.js';
import DashboardPage from './DashboardPage.js';
import { branchDashboard, tableRun } from './testing.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const crm: RuntimeApp = {
  key: 'crm',
  label: { en: 'Bank CRM', 'zh-CN': '银行客户管理' },
  menu: [{ entity: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, pluralLabel: { en: 'Customers', 'zh-CN': '客户' } }],
};
const dimension = (key: string, label: string, labelZh = label): ResultColumn => ({ key, label, labelZh, role: 'dimension', type: 'text' });
const measure = (key: string, label: string, labelZh = label): ResultColumn => ({ key, label, labelZh, role: 'measure', type: 'number' });
const names = (labels: Record<string, [string, string]>) => ({ labels: Object.fromEntries(Object.entries(labels).map(([value, [en, zh]]) => [value, { en, 'zh-CN': zh }])) });

/** Customers by branch (level 0), by the branch's RMs once a branch is picked (level 1). */
const customersRun: FakeHandler = (request) => {
  const drill = (request.body as WidgetRunRequest).drill ?? [];
  const applied = { filters: (request.body as WidgetRunRequest).filters?.segment ? ['segment'] : [], cross: (request.body as WidgetRunRequest).cross ?? [] };
  if (drill.length === 0)
    return {
      body: tableRun([dimension('branch', 'Branch'), measure('customers', 'Customers')], [{ branch: 'b-sh', customers: 1200 }, { branch: 'b-bj', customers: 800 }], {
        presentation: { branch: names({ 'b-sh': ['Shanghai', '上海分行'], 'b-bj': ['Beijing', '北京分行'] }) },
        applied,
      }),
    };
  return {
    body: tableRun([dimension('owner_id', 'RM'), measure('customers', 'Customers')], [{ owner_id: 'u-wf', customers: 640 }], {
      level: 1,
      presentation: { owner_id: names({ 'u-wf': ['Wang Fang', '王芳'] }) },
      applied,
    }),
  };
};
const pipelineRun: FakeHandler = (request) => {
  const body = request.body as WidgetRunRequest;
  return {
    body: tableRun([dimension('status', 'Status'), measure('volume', 'Volume')], [{ status: 'approved', volume: 1500000 }, { status: 'submitted', volume: 250000 }], {
      presentation: { status: names({ approved: ['Approved', '已批准'], submitted: ['Submitted', '已提交'] }), volume: { currency: 'CNY' } },
      applied: { filters: Object.keys(body.filters ?? {}), cross: body.cross ?? [] },
    }),
  };
};
const aumRun: FakeHandler = () => ({ body: tableRun([measure('aum', 'AUM')], [{ aum: 98000000 }], { presentation: { aum: { currency: 'CNY' } }, kpi: 'aum' }) });

function renderDashboard(path = '/dashboards/branch_overview', overrides: Record<string, FakeHandler> = {}) {
  const { server } = renderRoute(<DashboardPage />, {
    path,
    pattern: path.includes('/widgets/') ? '/dashboards/:key/widgets/:widget' : '/dashboards/:key',
    apps: [crm],
    routes: {
      'GET /api/dashboards/branch_overview': { body: branchDashboard },
      'POST /api/dashboards/branch_overview/widgets/customers/run': customersRun,
      'POST /api/dashboards/branch_overview/widgets/pipeline/run': pipelineRun,
      'POST /api/dashboards/branch_overview/widgets/aum/run': aumRun,
      ...overrides,
    },
  });
  const runs = (widget: string): WidgetRunRequest[] =>
    server.requests.filter((r: RecordedRequest) => r.url === `/api/dashboards/branch_overview/widgets/${widget}/run`).map((r) => r.body as WidgetRunRequest);
  return { server, runs };
}

const widgetNamed = (name: string) => screen.getByRole('article', { name });

describe('DashboardPage', () => {
  it('shows each widget with its title, what filters it and its chart, each run with the filters that land on it', async () => {
    const { runs } = renderDashboard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Branch overview' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Period' }) as HTMLSelectElement).value).toBe('thisQuarter');
    const pipeline = await screen.findByRole('article', { name: 'Loan pipeline' });
    expect(await within(pipeline).findByRole('cell', { name: 'CN¥1,500,000.00' })).toBeTruthy();
    expect(within(within(pipeline).getByRole('list', { name: 'What filters Loan pipeline' })).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Period: This quarter']);
    expect(await within(widgetNamed('Total AUM')).findByText('CN¥98,000,000.00')).toBeTruthy();
    expect(runs('pipeline')).toEqual([{ filters: { period: 'thisQuarter' } }]);
    expect(runs('customers')).toEqual([{}]);
    // The widgets are laid out in reading order, for the keyboard and for a phone's one column.
    expect(screen.getAllByRole('article').map((article) => article.querySelector('h2')?.textContent)).toEqual(['Customers by branch', 'Loan pipeline', 'Total AUM']);
  });

  it('tells a widget\'s problem on that widget, the others shown', async () => {
    renderDashboard('/dashboards/branch_overview', { 'POST /api/dashboards/branch_overview/widgets/pipeline/run': () => problem(403, 'reportFieldMasked', { detail: 'You may not filter by a masked field.' }) });
    const pipeline = await screen.findByRole('article', { name: 'Loan pipeline' });
    expect((await within(pipeline).findByRole('alert')).textContent).toContain('This widget could not be loaded. You may not filter by a masked field.');
    expect(await within(widgetNamed('Customers by branch')).findByRole('button', { name: 'Shanghai' })).toBeTruthy();
  });

  it('reruns only the widgets a changed filter lands on, and keeps the filters in the link', async () => {
    const { runs } = renderDashboard();
    await within(await screen.findByRole('article', { name: 'Loan pipeline' })).findByRole('cell', { name: 'Approved' });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 12 months');
    await waitFor(() => expect(runs('pipeline').at(-1)).toEqual({ filters: { period: { last: 12, unit: 'month' } } }));
    expect(where()).toBe('/dashboards/branch_overview?f.period=last-12-month');
    await user.click(screen.getByRole('button', { name: 'Segment: All' }));
    await user.click(screen.getByRole('checkbox', { name: 'Private banking' }));
    await waitFor(() => expect(runs('customers').at(-1)).toEqual({ filters: { segment: ['vip'] } }));
    expect(runs('customers')).toHaveLength(2);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Segment: Private banking' })).toBe(document.activeElement);
    expect(where()).toBe('/dashboards/branch_overview?f.period=last-12-month&f.segment=vip');
  });

  it('opens with the filters, clicks and drill-down its link keeps', async () => {
    const { runs } = renderDashboard(`/dashboards/branch_overview?f.period=lastYear&cross=${encodeURIComponent('[{"widget":"pipeline","dimension":"status","value":"approved"}]')}&drill.customers=${encodeURIComponent('[{"branch":"b-sh"}]')}`);
    const customers = await screen.findByRole('article', { name: 'Customers by branch' });
    expect(await within(customers).findByRole('button', { name: 'Wang Fang' })).toBeTruthy();
    expect(runs('customers')[0]).toEqual({ cross: [{ widget: 'pipeline', dimension: 'status', value: 'approved' }], drill: [{ branch: 'b-sh' }] });
    expect(runs('pipeline')[0]).toEqual({ filters: { period: 'lastYear' } });
  });

  it('drills from a branch to its RMs and on to the RM\'s customers, the branch filtering the other widgets meanwhile', async () => {
    const { runs } = renderDashboard();
    const customers = await screen.findByRole('article', { name: 'Customers by branch' });
    const user = userEvent.setup();
    await user.click(await within(customers).findByRole('button', { name: 'Shanghai' }));
    expect(await within(customers).findByRole('button', { name: 'Wang Fang' })).toBeTruthy();
    expect(runs('customers').at(-1)).toEqual({ drill: [{ branch: 'b-sh' }] });
    await waitFor(() => expect(runs('pipeline').at(-1)).toEqual({ filters: { period: 'thisQuarter' }, cross: [{ widget: 'customers', dimension: 'branch', value: 'b-sh' }] }));
    const path = within(customers).getByRole('navigation', { name: 'Drill-down of Customers by branch' });
    expect(path.textContent).toBe('AllShanghai');
    expect(within(screen.getByRole('region', { name: 'Selected in the widgets' })).getByText('Branch: Shanghai')).toBeTruthy();
    expect(await within(widgetNamed('Loan pipeline')).findByText('Branch: Shanghai')).toBeTruthy();

    await user.click(within(customers).getByRole('button', { name: 'Wang Fang' }));
    expect(where()).toBe('/crm/customer?owner_id=u-wf');
  });

  it('backs out of a drill-down by its breadcrumbs, taking its selection off the other widgets', async () => {
    const { runs } = renderDashboard(`/dashboards/branch_overview?drill.customers=${encodeURIComponent('[{"branch":"b-sh"}]')}&cross=${encodeURIComponent('[{"widget":"customers","dimension":"branch","value":"b-sh"}]')}`);
    const customers = await screen.findByRole('article', { name: 'Customers by branch' });
    await userEvent.setup().click(within(customers).getByRole('button', { name: 'All' }));
    expect(await within(customers).findByRole('button', { name: 'Shanghai' })).toBeTruthy();
    expect(where()).toBe('/dashboards/branch_overview');
    await waitFor(() => expect(runs('pipeline').at(-1)).toEqual({ filters: { period: 'thisQuarter' } }));
    expect(screen.queryByRole('region', { name: 'Selected in the widgets' })).toBeNull();
  });

  it('filters the other widgets by a click, marks it, and clears it from its chip', async () => {
    const { runs } = renderDashboard();
    const pipeline = await screen.findByRole('article', { name: 'Loan pipeline' });
    const user = userEvent.setup();
    await user.click(await within(pipeline).findByRole('button', { name: 'Approved' }));
    await waitFor(() => expect(runs('customers').at(-1)).toEqual({ cross: [{ widget: 'pipeline', dimension: 'status', value: 'approved' }] }));
    expect(within(pipeline).getByRole('button', { name: 'Approved' }).getAttribute('aria-pressed')).toBe('true');
    expect(runs('pipeline')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Clear the selection Status: Approved' }));
    await waitFor(() => expect(runs('customers').at(-1)).toEqual({}));
    expect(within(pipeline).getByRole('button', { name: 'Approved' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('offers as buttons only the values a click does something with', async () => {
    const bySegment = () => ({
      body: tableRun([dimension('status', 'Status'), dimension('segment', 'Segment'), measure('volume', 'Volume')], [{ status: 'approved', segment: 'vip', volume: 1500000 }], {
        presentation: { status: names({ approved: ['Approved', '已批准'] }), segment: names({ vip: ['Private banking', '私人银行'] }) },
      }),
    });
    renderDashboard('/dashboards/branch_overview', { 'POST /api/dashboards/branch_overview/widgets/pipeline/run': bySegment });
    const pipeline = await screen.findByRole('article', { name: 'Loan pipeline' });
    // Its status filters the other widgets; its segment does nothing, so it is plain text.
    await within(pipeline).findByRole('button', { name: 'Approved' });
    expect(within(pipeline).getByRole('cell', { name: 'Private banking' }).querySelector('button')).toBeNull();
  });

  it("offers export only where the reader may export the widget's rows", async () => {
    renderDashboard();
    const pipeline = await screen.findByRole('article', { name: 'Loan pipeline' });
    const user = userEvent.setup();
    await user.click(within(pipeline).getByRole('button', { name: 'Export Loan pipeline' }));
    expect(within(pipeline).getAllByRole('button').map((b) => b.textContent)).toEqual(expect.arrayContaining(['CSV', 'Excel (XLSX)']));
    expect(within(widgetNamed('Total AUM')).queryByRole('button', { name: /Export/ })).toBeNull();
  });

  it('shows one widget alone, with the way back to its dashboard keeping the filters', async () => {
    const { runs } = renderDashboard('/dashboards/branch_overview/widgets/pipeline?f.period=lastYear');
    expect(await screen.findByRole('article', { name: 'Loan pipeline' })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(runs('customers')).toEqual([]);
    expect(screen.getByRole('link', { name: 'Back to the dashboard' }).getAttribute('href')).toBe('/dashboards/branch_overview?f.period=lastYear');
  });

  it('speaks Chinese: filters, chips, labels and money', async () => {
    await initTestI18n('zh-CN');
    renderDashboard();
    expect(await screen.findByRole('heading', { level: 1, name: '网点概览' })).toBeTruthy();
    const pipeline = await screen.findByRole('article', { name: '贷款管道' });
    expect(await within(pipeline).findByRole('cell', { name: '¥1,500,000.00' })).toBeTruthy();
    expect(within(pipeline).getByRole('button', { name: '已批准' })).toBeTruthy();
    expect(within(within(pipeline).getByRole('list', { name: '贷款管道的筛选条件' })).getByRole('listitem').textContent).toBe('期间：本季度');
    expect(screen.getByRole('button', { name: '客户分层：全部' })).toBeTruthy();
  });

  it("tells a widget's problem in Chinese as the server says it", async () => {
    await initTestI18n('zh-CN');
    renderDashboard('/dashboards/branch_overview', {
      'POST /api/dashboards/branch_overview/widgets/pipeline/run': () => problem(403, 'reportFieldMasked', { detail: 'You may not filter by a masked field.', messageZh: '您不能按脱敏字段筛选。' }),
    });
    const pipeline = await screen.findByRole('article', { name: '贷款管道' });
    expect((await within(pipeline).findByRole('alert')).textContent).toContain('无法加载此组件。 您不能按脱敏字段筛选。');
  });

  it('says when the dashboard cannot be loaded', async () => {
    renderDashboard('/dashboards/branch_overview', { 'GET /api/dashboards/branch_overview': () => problem(404, 'dashboardNotFound', { detail: 'No dashboard branch_overview for you.' }) });
    expect((await screen.findByRole('alert')).textContent).toContain('The dashboard could not be loaded. No dashboard branch_overview for you.');
  });
});
