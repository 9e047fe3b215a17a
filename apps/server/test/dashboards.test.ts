import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary, DashboardView, WidgetRunResult } from '@bankforge/client';
import { bankCrmEntities, loanPipelineReport, loansByBranchReport } from '@bankforge/example-bank-crm';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import type { RoleDefinition } from '../src/modules/access/role.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string; messageZh?: string }[]; filters?: string[]; messageZh?: string };

const PASSWORD = 'Dashboard-Pass-2026';

/** The test's own roles (the example's change as the bank grows): RMs their book, branch managers their branch, an analyst every customer with names masked and no loans. */
const ROLES: RoleDefinition[] = [
  { key: 'relationship_manager', label: { en: 'Relationship manager' }, entities: { customer: { read: 'own', export: 'own' }, loan_application: { read: 'own' }, branch: { read: 'all' } } },
  { key: 'branch_manager', label: { en: 'Branch manager' }, entities: { customer: { read: 'branch', export: 'branch' }, loan_application: { read: 'branch', export: 'branch' }, branch: { read: 'all' } } },
  { key: 'business_analyst', label: { en: 'Business analyst' }, entities: { customer: { read: 'all', fields: { name: { access: 'masked', mask: { strategy: 'chineseName' } } } } } },
  { key: 'head_of_risk', label: { en: 'Head of risk' }, entities: { loan_application: { read: 'all', export: 'all' }, customer: { read: 'all' }, branch: { read: 'all' } } },
];

/** The bank's people: two Shanghai RMs under their branch manager, a Beijing RM under theirs, and head-office staff. */
const PEOPLE = [
  { username: 'bm_sh', name: '陈静', branch: 'SH001', role: 'branch_manager' },
  { username: 'rm_sh1', name: '王芳', branch: 'SH001', role: 'relationship_manager' },
  { username: 'rm_sh2', name: '李强', branch: 'SH001', role: 'relationship_manager' },
  { username: 'bm_bj', name: '赵磊', branch: 'BJ001', role: 'branch_manager' },
  { username: 'rm_bj', name: '刘洋', branch: 'BJ001', role: 'relationship_manager' },
  { username: 'analyst', name: '周敏', branch: 'HQ', role: 'business_analyst' },
  { username: 'risk', name: '吴刚', branch: 'HQ', role: 'head_of_risk' },
] as const;
type Username = (typeof PEOPLE)[number]['username'];

/** Customers by owner, with their segment and branch; one loan each, submitted days ago. */
const CUSTOMERS = [
  { no: 'C0000000001', name: '张伟', segment: 'mass', branch: 'SH001', owner: 'rm_sh1', loan: { amount: 100000, status: 'approved' } },
  { no: 'C0000000002', name: '李娜', segment: 'affluent', branch: 'SH001', owner: 'rm_sh1', loan: { amount: 50000, status: 'submitted' } },
  { no: 'C0000000003', name: '王磊', segment: 'affluent', branch: 'SH001', owner: 'rm_sh2', loan: { amount: 80000, status: 'approved' } },
  { no: 'C0000000004', name: '刘梅', segment: 'mass', branch: 'BJ001', owner: 'rm_bj', loan: { amount: 200000, status: 'approved' } },
  { no: 'C0000000005', name: '陈晨', segment: 'private', branch: 'BJ001', owner: 'rm_bj', loan: { amount: 300000, status: 'rejected' } },
] as const;

const customersBySegment: ReportDefinition = {
  kind: 'report',
  key: 'customers_by_segment',
  title: 'Customers by segment',
  source: 'customer',
  dimensions: [{ key: 'segment', field: 'segment' }],
  measures: [{ key: 'customers', agg: 'count' }],
  chart: { type: 'pie', x: 'segment', y: ['customers'] },
};
const customerNames: ReportDefinition = {
  kind: 'report',
  key: 'customer_names',
  title: 'Customers by name',
  source: 'customer',
  dimensions: [{ key: 'name', field: 'name' }],
  measures: [{ key: 'customers', agg: 'count' }],
};
const loansByCustomer: ReportDefinition = {
  kind: 'report',
  key: 'loans_by_customer',
  title: 'Loans by customer',
  source: 'loan_application',
  dimensions: [{ key: 'customer', field: 'customer' }],
  measures: [{ key: 'applications', agg: 'count' }],
};

const overview: DashboardDefinition = {
  kind: 'dashboard',
  key: 'branch_overview',
  title: 'Branch overview',
  label: { en: 'Branch overview', 'zh-CN': '网点概览' },
  roles: ['branch_manager', 'relationship_manager', 'business_analyst'],
  filters: [
    { key: 'period', type: 'period', fields: ['submitted_at', 'onboarded_at'] },
    { key: 'segment', type: 'values', label: { en: 'Segment', 'zh-CN': '客户分层' }, fields: ['segment', 'c.segment'] },
    { key: 'rm', type: 'values', fields: ['owner_id'] },
    { key: 'branch', type: 'values', fields: ['branch', 'c.branch'] },
    { key: 'customer', type: 'values', fields: ['name', 'c.name'] },
  ],
  widgets: [
    { id: 'pipeline', report: 'loan_pipeline', layout: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'by_branch', report: 'loans_by_branch', layout: { x: 6, y: 0, w: 6, h: 4 }, title: { en: 'Where loans are booked', 'zh-CN': '贷款分布' } },
    { id: 'customers', report: 'customers_by_segment', layout: { x: 0, y: 4, w: 6, h: 4 }, chart: { type: 'bar', x: 'segment', y: ['customers'] } },
    { id: 'names', report: 'customer_names', layout: { x: 6, y: 4, w: 6, h: 4 }, filterFields: { period: null } },
  ],
};
/** Only for the head of risk's navigation. */
const riskDesk: DashboardDefinition = {
  kind: 'dashboard',
  key: 'risk_desk',
  title: 'Risk desk',
  roles: ['head_of_risk'],
  widgets: [{ id: 'pipeline', report: 'loan_pipeline', layout: { x: 0, y: 0, w: 12, h: 4 } }],
};
/** For everyone who may read loans. */
const loansOnly: DashboardDefinition = {
  kind: 'dashboard',
  key: 'loans_only',
  title: 'Loans',
  widgets: [{ id: 'pipeline', report: 'loan_pipeline', layout: { x: 0, y: 0, w: 12, h: 4 } }],
};

describe.each(dialects())('dashboards on %s', (dialect) => {
  let server: TestServer;
  const as = {} as Record<Username, Requester>;
  const userIds = {} as Record<Username, string>;
  const customerIds = new Map<string, string>();
  let records: RecordsService;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    records = server.app.get(RecordsService, { strict: false });
    for (const entity of bankCrmEntities) await server.publishEntity(entity);
    for (const role of ROLES) expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    const managers: Partial<Record<string, string>> = {};
    for (const person of PEOPLE) {
      const managerId = person.role === 'relationship_manager' ? (managers[person.branch] ?? null) : null;
      const created = await server.request<{ id: string }>('POST', '/api/auth/users', { username: person.username, displayName: person.name, branch: person.branch, roles: [person.role], managerId, password: PASSWORD });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      userIds[person.username] = created.body.id;
      if (person.role === 'branch_manager') managers[person.branch] = created.body.id;
      as[person.username] = await server.signIn(person.username, PASSWORD);
    }
    const branchIds: Record<string, string> = {};
    for (const [code, name, region] of [['SH001', 'Shanghai Pudong', 'east'], ['BJ001', 'Beijing Chaoyang', 'north']] as const) {
      branchIds[code] = (await records.create('branch', { code, name, city: name.split(' ')[0], region }, SYSTEM_ACTOR)).id as string;
    }
    for (const [i, c] of CUSTOMERS.entries()) {
      const owner = userIds[c.owner];
      const customer = await records.create(
        'customer',
        { customer_no: c.no, name: c.name, customer_type: 'individual', segment: c.segment, kyc_status: 'verified', branch: branchIds[c.branch], onboarded_at: new Date(Date.now() - (400 + i) * 86_400_000).toISOString() },
        SYSTEM_ACTOR,
        undefined,
        owner,
      );
      customerIds.set(c.no, customer.id as string);
      await records.create(
        'loan_application',
        { customer: customer.id, product: 'consumer', amount: { amount: c.loan.amount.toFixed(2), currency: 'CNY' }, term_months: 12, status: c.loan.status, submitted_at: new Date(Date.now() - (10 + i) * 86_400_000).toISOString() },
        SYSTEM_ACTOR,
        undefined,
        owner,
      );
    }
    for (const report of [loanPipelineReport, loansByBranchReport, customersBySegment, customerNames, loansByCustomer]) await server.publishArtifact(report);
    for (const dashboard of [overview, riskDesk, loansOnly]) await server.publishArtifact(dashboard);
  }, 120_000);
  afterAll(async () => server?.close());

  const run = (user: Username, widget: string, body: unknown = {}, dashboard = 'branch_overview') =>
    as[user]<WidgetRunResult & Problem>('POST', `/api/dashboards/${dashboard}/widgets/${widget}/run`, body);
  /** applications and volume over a pipeline run's rows. */
  const totals = (result: WidgetRunResult): { applications: number; volume: number } => ({
    applications: result.rows.reduce((sum, r) => sum + Number(r.applications), 0),
    volume: result.rows.reduce((sum, r) => sum + Number(r.volume), 0),
  });

  it("lists the dashboards each person's navigation holds: for their role, with a widget they may run", async () => {
    const listed = async (user: Username): Promise<string[]> => (await as[user]<DashboardSummary[]>('GET', '/api/dashboards')).body.map((d) => d.key);
    expect(await listed('bm_sh')).toEqual(['branch_overview', 'loans_only']);
    expect(await listed('rm_sh1')).toEqual(['branch_overview', 'loans_only']);
    expect(await listed('risk')).toEqual(['loans_only', 'risk_desk']);
    // The analyst reads customers, not loans: the overview's customer widgets, and no loans dashboard.
    expect(await listed('analyst')).toEqual(['branch_overview']);
    const all = await server.request<DashboardSummary[]>('GET', '/api/dashboards');
    expect(all.body).toEqual([
      { key: 'branch_overview', title: 'Branch overview', label: { en: 'Branch overview', 'zh-CN': '网点概览' }, version: 1 },
      { key: 'loans_only', title: 'Loans', version: 1 },
      { key: 'risk_desk', title: 'Risk desk', version: 1 },
    ]);
    for (const [method, path] of [
      ['GET', '/api/dashboards/risk_desk'],
      ['POST', '/api/dashboards/risk_desk/widgets/pipeline/run'],
      ['GET', '/api/dashboards/risk_desk/widgets/pipeline/export?format=csv'],
      ['GET', '/api/dashboards/loans_only'],
      ['GET', '/api/dashboards/nothing_here'],
      ['GET', '/api/dashboards/Not-A-Key'],
    ] as const) {
      const user = path.includes('loans_only') ? 'analyst' : 'bm_sh';
      const missing = await as[user]<Problem>(method, path, method === 'POST' ? {} : undefined);
      expect([path, missing.status, missing.body.code]).toEqual([path, 404, 'dashboardNotFound']);
      expect(missing.body.messageZh).toBeDefined();
    }
    const widget = await run('bm_sh', 'nowhere');
    expect([widget.status, widget.body.code]).toEqual([404, 'widgetNotFound']);
  });

  it('describes the dashboard as each reader may use it: widgets, the filters landing on each, clicks, drill-down and export', async () => {
    const view = await as.bm_sh<DashboardView>('GET', '/api/dashboards/branch_overview');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ key: 'branch_overview', version: 1, title: 'Branch overview', label: { en: 'Branch overview', 'zh-CN': '网点概览' } });
    expect(view.body.widgets.map((w) => [w.id, w.title.en, w.report.key, w.chart, w.filters, w.clickable, w.drillLevels, w.exportable])).toEqual([
      ['pipeline', 'Loan pipeline', 'loan_pipeline', 'bar', ['period', 'segment', 'rm', 'branch', 'customer'], ['status', 'segment'], 2, true],
      ['by_branch', 'Where loans are booked', 'loans_by_branch', 'bar', ['period', 'segment', 'rm', 'branch', 'customer'], ['branch', 'rm', 'customer'], 3, true],
      ['customers', 'Customers by segment', 'customers_by_segment', 'bar', ['period', 'segment', 'rm', 'branch', 'customer'], ['segment'], 1, true],
      ['names', 'Customers by name', 'customer_names', 'table', ['segment', 'rm', 'branch', 'customer'], ['name'], 1, true],
    ]);
    expect(view.body.widgets[0]!.layout).toEqual({ x: 0, y: 0, w: 6, h: 4 });
    const filters = Object.fromEntries(view.body.filters.map((f) => [f.key, f]));
    expect(filters.period).toEqual({ key: 'period', label: { en: 'Submitted at', 'zh-CN': '提交时间' }, type: 'period' });
    expect(filters.segment!.label).toEqual({ en: 'Segment', 'zh-CN': '客户分层' });
    expect(filters.segment!.choices?.map((c) => c.value)).toEqual(['mass', 'affluent', 'private', 'corporate']);
    expect(filters.segment!.choices?.[1]).toEqual({ value: 'affluent', label: { en: 'Affluent', 'zh-CN': '财富客户' } });
    // The people whose records the branch manager's scope reaches: the branch's, themselves included.
    expect(filters.rm!.label).toEqual({ en: 'Owner', 'zh-CN': '负责人' });
    const branchPeople: [Username, string][] = [['bm_sh', '陈静'], ['rm_sh2', '李强'], ['rm_sh1', '王芳']];
    expect(filters.rm!.choices).toEqual(
      branchPeople.map(([user, name]) => ({ value: userIds[user], label: { en: name, 'zh-CN': name } })).sort((a, b) => a.label.en.localeCompare(b.label.en)),
    );
    expect(filters.branch!.choices?.map((c) => c.label.en)).toEqual(['Beijing Chaoyang (BJ001)', 'Shanghai Pudong (SH001)']);
    expect(filters.customer!.choices).toBeUndefined();

    // An RM picks only themselves, and may export none of the loans.
    const rm = await as.rm_sh1<DashboardView>('GET', '/api/dashboards/branch_overview');
    expect(rm.body.filters.find((f) => f.key === 'rm')!.choices).toEqual([{ value: userIds.rm_sh1, label: { en: '王芳', 'zh-CN': '王芳' } }]);
    expect(rm.body.widgets.map((w) => [w.id, w.exportable])).toEqual([['pipeline', false], ['by_branch', false], ['customers', true], ['names', true]]);

    // The analyst reads customers only, their names masked: no loan widgets, no filter or click on the name.
    const analyst = await as.analyst<DashboardView>('GET', '/api/dashboards/branch_overview');
    expect(analyst.body.widgets.map((w) => [w.id, w.filters, w.clickable, w.exportable])).toEqual([
      ['customers', ['period', 'segment', 'rm', 'branch'], ['segment'], false],
      ['names', ['segment', 'rm', 'branch'], [], false],
    ]);
    expect(analyst.body.filters.find((f) => f.key === 'customer')).toEqual({ key: 'customer', label: { en: 'Name', 'zh-CN': '客户名称' }, type: 'values' });
    expect(analyst.body.filters.find((f) => f.key === 'period')!.label).toEqual({ en: 'Onboarded at', 'zh-CN': '开户时间' });
  });

  it("runs a widget under each reader's data scope: a branch manager sees only their branch's figures", async () => {
    const sh = await run('bm_sh', 'pipeline');
    expect(sh.status, JSON.stringify(sh.body)).toBe(200);
    expect(totals(sh.body)).toEqual({ applications: 3, volume: 230000 });
    expect(sh.body.applied).toEqual({ filters: [], cross: [] });
    expect(sh.body.report).toEqual({ key: 'loan_pipeline', version: 1, title: 'Loan pipeline' });
    expect(sh.body.presentation?.status?.labels?.approved).toEqual({ en: 'Approved', 'zh-CN': '已批准' });
    expect(sh.body.presentation?.volume).toEqual({ currency: 'CNY' });
    expect(totals((await run('bm_bj', 'pipeline')).body)).toEqual({ applications: 2, volume: 500000 });
    expect(totals((await run('rm_sh1', 'pipeline')).body)).toEqual({ applications: 2, volume: 150000 });
    const byBranch = await run('bm_sh', 'by_branch');
    // The branch is a reference, shown by its record's title.
    expect(byBranch.body.rows.map((r) => [byBranch.body.presentation?.branch?.labels?.[String(r.branch)]?.en, r.applications])).toEqual([[expect.stringContaining('Shanghai Pudong'), 3]]);
    // The widget's own chart replaces the report's pie.
    const customers = await run('bm_sh', 'customers');
    expect(customers.body.chart).toMatchObject({ type: 'echarts', chart: 'bar' });
    expect((await run('analyst', 'pipeline')).status).toBe(403);
  });

  it('narrows the widgets it lands on by a shared filter, and says which applied', async () => {
    const affluent = await run('bm_sh', 'pipeline', { filters: { segment: ['affluent'] } });
    expect(totals(affluent.body)).toEqual({ applications: 2, volume: 130000 });
    expect(affluent.body.applied.filters).toEqual(['segment']);
    const mine = await run('bm_sh', 'pipeline', { filters: { rm: [userIds.rm_sh1], segment: [] } });
    expect(totals(mine.body)).toEqual({ applications: 2, volume: 150000 });
    expect(mine.body.applied.filters).toEqual(['rm']);
    const customers = await run('bm_sh', 'customers', { filters: { segment: 'affluent' } });
    expect(customers.body.rows).toEqual([{ segment: 'affluent', customers: 2 }]);
    // A period on the loans' submission; the names widget opted out of it.
    // The day of the latest loan (submitted 10 days ago) through tomorrow: that loan alone.
    const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const recent = await run('bm_sh', 'pipeline', { filters: { period: { from, to } } });
    expect(recent.body.applied.filters).toEqual(['period']);
    expect(totals(recent.body).applications).toBe(1);
    expect((await run('bm_sh', 'names', { filters: { period: { from, to } } })).body.applied.filters).toEqual([]);
    // Another branch's values filter nothing in: the scope still holds.
    const elsewhere = await run('bm_sh', 'pipeline', { filters: { rm: [userIds.rm_bj] } });
    expect(elsewhere.body.rows).toEqual([]);
  });

  it('cross-filters by a click on another widget, by what the clicked field means', async () => {
    const click = { widget: 'customers', dimension: 'segment', value: 'mass' };
    const pipeline = await run('bm_sh', 'pipeline', { cross: [click] });
    expect(totals(pipeline.body)).toEqual({ applications: 1, volume: 100000 });
    expect(pipeline.body.applied).toEqual({ filters: [], cross: [click] });
    // The clicked widget stays whole.
    const itself = await run('bm_sh', 'customers', { cross: [click] });
    expect(itself.body.applied.cross).toEqual([]);
    expect(itself.body.rows.map((r) => r.segment)).toEqual(['affluent', 'mass']);
    const byRm = await run('bm_sh', 'customers', { cross: [{ widget: 'by_branch', dimension: 'rm', value: userIds.rm_sh2 }] });
    expect(byRm.body.rows).toEqual([{ segment: 'affluent', customers: 1 }]);
  });

  it('answers 422 invalidDashboardRequest with paths into the request', async () => {
    const cases: [unknown, [string, string][]][] = [
      [{ filters: { colour: ['red'] } }, [['/filters/colour', 'unknownFilter']]],
      [{ cross: [{ widget: 'nowhere', dimension: 'segment', value: 'mass' }] }, [['/cross/0/widget', 'notCrossFiltering']]],
      [{ cross: [{ widget: 'customers', dimension: 'colour', value: 'mass' }] }, [['/cross/0/dimension', 'notClickable']]],
      [{ filters: { period: { since: 3 } } }, [['/filters/period', 'invalidPeriod']]],
      [{ filters: { period: { from: 'yesterday', to: 'today' } } }, [['/filters/period', 'type']]],
      [{ cross: 'mass' }, [['/cross', 'type']]],
    ];
    for (const [body, expected] of cases) {
      const refused = await run('bm_sh', 'pipeline', body);
      expect([refused.status, refused.body.code, refused.body.errors?.map((e) => [e.path, e.code])], JSON.stringify(body)).toEqual([422, 'invalidDashboardRequest', expected]);
    }
    const bilingual = await run('bm_sh', 'pipeline', { cross: 'mass' });
    expect(bilingual.body.errors?.[0]?.messageZh).toBeDefined();
  });

  it('refuses a filter or a click on a field the reader sees masked, whatever the value', async () => {
    const attempts: [string, unknown][] = [
      ['names', { filters: { customer: ['张伟'] } }],
      ['customers', { filters: { customer: ['nobody'] } }],
      ['customers', { cross: [{ widget: 'names', dimension: 'name', value: '张*' }] }],
    ];
    for (const [widget, body] of attempts) {
      const refused = await run('analyst', widget, body);
      expect([refused.status, refused.body.code, refused.body.filters], JSON.stringify(body)).toEqual([403, 'reportFieldMasked', ['customer.name']]);
      expect(refused.body.rows).toBeUndefined();
    }
    // The branch manager reads names in clear: the same filter and click apply.
    const named = await run('bm_sh', 'names', { filters: { customer: ['张伟'] } });
    expect(named.body.rows).toEqual([{ name: '张伟', customers: 1 }]);
    const clicked = await run('bm_sh', 'pipeline', { cross: [{ widget: 'names', dimension: 'name', value: '李娜' }] });
    expect(totals(clicked.body)).toEqual({ applications: 1, volume: 50000 });
  });

  it("exports a widget's rows as filtered, with the reader's export right, and audits the dashboard and its filters", async () => {
    const query = new URLSearchParams({ format: 'csv', filters: JSON.stringify({ segment: ['affluent'] }), cross: JSON.stringify([]) });
    const csv = await as.bm_sh<string>('GET', `/api/dashboards/branch_overview/widgets/pipeline/export?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="loan_pipeline.csv"');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Status,Applications,Volume');
    expect(lines.slice(1).sort()).toEqual(['Approved,1,80000', 'Submitted,1,50000']);
    const audit = await server.request<{ action: string; actorName: string; detail: { report: string; dashboard?: unknown } }[]>('GET', '/api/audit?entity=loan_application&limit=100');
    expect(audit.body.filter((e) => e.action === 'export').map((e) => [e.actorName, e.detail.report, e.detail.dashboard])).toEqual([
      ['bm_sh', 'loan_pipeline', { key: 'branch_overview', widget: 'pipeline', filters: { segment: ['affluent'] }, cross: [] }],
    ]);
    const refused = await as.rm_sh1<Problem>('GET', '/api/dashboards/branch_overview/widgets/pipeline/export?format=csv');
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const masked = await as.analyst<Problem>('GET', `/api/dashboards/branch_overview/widgets/names/export?format=csv&filters=${encodeURIComponent(JSON.stringify({ customer: ['张伟'] }))}`);
    expect(masked.status).toBe(403);
    const badJson = await as.bm_sh<Problem>('GET', '/api/dashboards/branch_overview/widgets/pipeline/export?format=csv&cross=%5Bnope');
    expect([badJson.status, badJson.body.code]).toEqual([400, 'invalidParameter']);
    const badFilter = await as.bm_sh<Problem>('GET', `/api/dashboards/branch_overview/widgets/pipeline/export?format=csv&filters=${encodeURIComponent(JSON.stringify({ colour: ['red'] }))}`);
    expect([badFilter.status, badFilter.body.code]).toEqual([422, 'invalidDashboardRequest']);
  });

  it("names a referenced record the reader may not read '—', never by its title", async () => {
    // A loan of 王芳's that names a Beijing customer: she may read the loan, not the customer.
    const stranger = customerIds.get('C0000000004')!;
    await records.create('loan_application', { customer: stranger, product: 'auto', amount: { amount: '10000.00', currency: 'CNY' }, term_months: 12, status: 'draft' }, SYSTEM_ACTOR, undefined, userIds.rm_sh1);
    const result = await as.rm_sh1<WidgetRunResult>('POST', '/api/reports/loans_by_customer/run', {});
    expect(result.status).toBe(200);
    expect(result.body.presentation?.customer?.labels).toEqual({
      [customerIds.get('C0000000001')!]: { en: '张伟 · C0000000001', 'zh-CN': '张伟 · C0000000001' },
      [customerIds.get('C0000000002')!]: { en: '李娜 · C0000000002', 'zh-CN': '李娜 · C0000000002' },
      [stranger]: { en: '—', 'zh-CN': '—' },
    });
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await server.request<{ paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/dashboards', '/api/dashboards/{key}', '/api/dashboards/{key}/widgets/{id}/run', '/api/dashboards/{key}/widgets/{id}/export']),
    );
  });
});
