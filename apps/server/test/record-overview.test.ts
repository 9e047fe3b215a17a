/**
 * The 360° record page in one round trip: header, related lists, timeline and relationship graph,
 * each within the reader's data scope, field rules and masking, on the example bank CRM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordOverview, TimelinePage } from '@bankforge/client';
import { bankCrmApp } from '@bankforge/example-bank-crm';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { openLoanDesk, type LoanDesk } from './loan-fixtures.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

const RESIDENT_ID = '11010519491231002X';
const NEW_RESIDENT_ID = '44030519900101123X';
const ACCOUNT_NOS = ['6222020000000000011', '6222020000000000029', '6222020000000000037'];

describe.each(dialects())('record overview on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;
  let mine: string;
  let second: string;
  let theirs: string;
  let theirName: string;
  let adminAccount: string;
  let loan: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    mine = desk.customerOf.rm_sh!;
    theirs = desk.customerOf.rm_bj!;
    theirName = String((await server.request<{ name: string }>('GET', `/api/records/customer/${theirs}`)).body.name);
    const owner = async (entity: string, id: string, username: string): Promise<void> => {
      await server.database.transaction((sql) => sql.execute(`UPDATE e_${entity} SET owner_id = (SELECT id FROM bf_user WHERE username = ?) WHERE id = ?`, [username, id]));
    };
    // The customer's ID number and tags, as the administrator sets them.
    const current = await server.request<{ version: number }>('GET', `/api/records/customer/${mine}`);
    const first = await server.request('PATCH', `/api/records/customer/${mine}`, { version: current.body.version, customer_type: 'individual', resident_id: RESIDENT_ID, birth_date: null, tags: ['vip', 'payroll'], risk_level: 'R3', aum: { amount: '1200000.00', currency: 'CNY' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await server.request<{ version: number }>('GET', `/api/records/customer/${mine}`);
    expect((await server.request('PATCH', `/api/records/customer/${mine}`, { version: again.body.version, resident_id: NEW_RESIDENT_ID, birth_date: null })).status).toBe(200);
    // Three accounts: two the RM holds, one the bank's (outside the RM's scope).
    const accounts: string[] = [];
    for (const [i, balance] of ['100.00', '250.50', '1000.00'].entries()) {
      const created = await server.request<{ id: string }>('POST', '/api/records/account', { account_no: ACCOUNT_NOS[i], customer: mine, product: 'savings', balance: { amount: balance, currency: 'CNY' }, opened_on: '2024-01-0' + (i + 1) });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      accounts.push(created.body.id);
    }
    await owner('account', accounts[0]!, 'rm_sh');
    await owner('account', accounts[1]!, 'rm_sh');
    adminAccount = accounts[2]!;
    expect((await desk.as.rm_sh('POST', '/api/records/contact', { customer: mine, name: '李娜', relation: 'spouse', mobile: '13912345678' })).status).toBe(201);
    loan = await desk.newLoan('rm_sh', 300_000);
    expect((await desk.as.rm_sh('POST', '/api/flows/loan_approval/instances', { recordId: loan })).status).toBe(201);
    const logged = await desk.as.rm_sh('POST', '/api/records/interaction', { customer: mine, channel: 'phone', occurred_at: '2026-03-02T02:00:00.000Z', summary: '电话回访，客户对服务满意', follow_up_on: '2026-03-09' });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    // A second customer of the RM's, related as spouse; and one of another branch's RM, as guarantor.
    const branch = (await server.request<{ branch: string }>('GET', `/api/records/customer/${mine}`)).body.branch;
    const made = await desk.as.rm_sh<{ id: string }>('POST', '/api/records/customer', { customer_no: 'C0000009901', name: '王小红', customer_type: 'individual', segment: 'mass', resident_id: '310115198511204566', branch, onboarded_at: '2024-05-01T02:00:00.000Z' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    second = made.body.id;
    expect((await desk.as.rm_sh('POST', '/api/records/relationship', { from_customer: mine, to_customer: second, kind: 'spouse', note: '夫妻' })).status).toBe(201);
    // The RM cannot relate a customer they may not read: the administrator records it on the RM's book.
    const guarantor = await server.request<{ id: string }>('POST', '/api/records/relationship', { from_customer: theirs, to_customer: mine, kind: 'guarantor' });
    expect(guarantor.status).toBe(201);
    await owner('relationship', guarantor.body.id, 'rm_sh');
  });
  afterAll(async () => server?.close());

  const overview = (who: keyof LoanDesk['as'], id: string, app = 'bank_crm') => desk.as[who]<RecordOverview & Problem>('GET', `/api/records/customer/${id}/overview${app ? `?app=${app}` : ''}`);

  it("answers the RM's customer: title, figures over what the RM may read, labelled tags", async () => {
    const answer = await overview('rm_sh', mine);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { header } = answer.body;
    expect(header.title).toMatch(/ · C\d{10}$/);
    const figures = Object.fromEntries(header.figures.map((f) => [f.key, f]));
    expect(figures.aum).toMatchObject({ kind: 'field', type: 'money', value: { amount: '1200000.00', currency: 'CNY' }, label: { en: 'Assets under management' } });
    // 100.00 + 250.50: the bank's own account is outside the RM's scope, so outside the sum.
    expect(figures.deposits).toMatchObject({ kind: 'sum', type: 'money', value: [{ amount: '350.50', currency: 'CNY' }] });
    expect(figures.approved_loans).toMatchObject({ kind: 'sum', value: [] });
    expect(figures.risk_level).toMatchObject({ value: 'R3', option: { value: 'R3', label: { en: 'R3 Balanced', 'zh-CN': 'R3 平衡型' } } });
    expect(header.tags).toEqual({ field: 'tags', label: { en: 'Tags', 'zh-CN': '客户标签' }, values: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾客户' }, color: 'purple' }, { value: 'payroll', label: { en: 'Payroll customer', 'zh-CN': '代发工资客户' }, color: 'blue' }] });
  });

  it('lists the related records the RM may read, counted in their scope, titled with sensitive values masked', async () => {
    const { related, activities } = (await overview('rm_sh', mine)).body;
    expect(related.map((l) => [l.entity, l.total, l.rows.length, l.canCreate])).toEqual([
      ['account', 2, 2, false],
      ['loan_application', 1, 1, true],
      ['contact', 1, 1, true],
      ['opportunity', 0, 0, true],
      ['interaction', 1, 1, true],
      // What the bank's rules open for the RM (tasks) or the platform loads (holdings) they read; complaints they log.
      ['rm_task', 0, 0, false],
      ['complaint_ticket', 0, 0, true],
      ['campaign_contact', 0, 0, false],
      ['wealth_holding', 0, 0, false],
    ]);
    const accounts = related[0]!;
    expect(accounts.columns.map((c) => c.key)).toEqual(['product', 'balance', 'status']);
    expect(accounts.rows.map((r) => r.title).sort()).toEqual(['***************0011', '***************0029']);
    expect(accounts.rows.map((r) => r.id)).not.toContain(adminAccount);
    expect(related[2]!.rows[0]).toMatchObject({ title: '李娜', values: { relation: 'spouse', mobile: '13912345678' } });
    expect(activities).toEqual([{ entity: 'interaction', via: 'customer', label: { en: 'Interaction', 'zh-CN': '客户互动' }, canCreate: true }]);
  });

  it('draws the timeline: the interaction, the case, and changes of readable records with masked values masked', async () => {
    const { timeline } = (await overview('rm_sh', mine)).body;
    const kinds = timeline.entries.map((e) => e.kind);
    expect(kinds).toContain('activity');
    expect(kinds).toContain('case');
    const activity = timeline.entries.find((e) => e.kind === 'activity');
    expect(activity).toMatchObject({ summary: '电话回访，客户对服务满意', activityKind: { value: 'phone' }, by: { username: 'rm_sh', displayName: 'RM_SH' }, details: [{ field: 'follow_up_on', value: '2026-03-09' }] });
    const caseEntry = timeline.entries.find((e) => e.kind === 'case');
    expect(caseEntry).toMatchObject({ entity: 'loan_application', recordId: loan, status: 'running', flowName: { en: expect.any(String) as string }, by: { username: 'rm_sh' } });
    const changes = timeline.entries.filter((e) => e.kind === 'change');
    const idChange = changes.find((e) => e.kind === 'change' && e.changes.some((c) => c.field === 'resident_id' && c.before !== null));
    expect(idChange).toMatchObject({ action: 'update', entity: 'customer', by: { username: 'admin' } });
    const text = JSON.stringify(timeline);
    for (const secret of [RESIDENT_ID, NEW_RESIDENT_ID, ...ACCOUNT_NOS]) expect(text).not.toContain(secret);
    // Nothing of the account outside the RM's scope, and the interaction is told once (as an activity).
    expect(changes.some((e) => e.kind === 'change' && e.recordId === adminAccount)).toBe(false);
    expect(changes.some((e) => e.kind === 'change' && e.entity === 'interaction')).toBe(false);
    expect(timeline.entries.map((e) => e.at)).toEqual([...timeline.entries.map((e) => e.at)].sort().reverse());
    // References in changes come with their titles (the loan's customer), only of records the RM may read.
    const loanCreated = changes.find((e) => e.kind === 'change' && e.recordId === loan && e.action === 'create');
    expect(loanCreated).toMatchObject({ action: 'create', changes: expect.arrayContaining([expect.objectContaining({ field: 'customer', after: mine, refersTo: 'customer' })]) as unknown });
    expect(timeline.titles.customer?.[mine]).toMatch(/ · C\d{10}$/);
    expect(JSON.stringify(timeline.titles)).not.toContain(theirs);
  });

  it("draws the graph with related customers the reader may read, and the others without name or id", async () => {
    const { graph } = (await overview('rm_sh', mine)).body;
    expect(graph).toBeDefined();
    const nodes = graph!.nodes;
    expect(nodes.find((n) => n.center)).toMatchObject({ id: mine, visible: true });
    expect(nodes.find((n) => n.id === second)).toMatchObject({ visible: true, title: '王小红 · C0000009901' });
    const hidden = nodes.filter((n) => !n.visible);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toEqual({ id: expect.stringMatching(/^hidden-/) as string, visible: false });
    expect(JSON.stringify(graph)).not.toContain(theirs);
    expect(JSON.stringify(graph)).not.toContain(theirName);
    expect(graph!.edges.map((e) => e.kind?.value).sort()).toEqual(['guarantor', 'spouse']);
    expect(graph!.edges.find((e) => e.kind?.value === 'guarantor')).toMatchObject({ from: hidden[0]!.id, to: mine });
    // Compliance reads every customer: the guarantor is named.
    const compliance = (await overview('compliance', mine)).body.graph!;
    expect(compliance.nodes.find((n) => n.id === theirs)).toMatchObject({ visible: true, title: expect.stringContaining(theirName) as string });
  });

  it('answers compliance every record, with personal data masked everywhere', async () => {
    const answer = await overview('compliance', mine);
    expect(answer.status).toBe(200);
    const figures = Object.fromEntries(answer.body.header.figures.map((f) => [f.key, f]));
    expect(figures.deposits!.value).toEqual([{ amount: '1350.50', currency: 'CNY' }]);
    const accounts = answer.body.related.find((l) => l.entity === 'account')!;
    expect(accounts.total).toBe(3);
    expect(accounts.canCreate).toBe(false);
    const text = JSON.stringify(answer.body);
    for (const secret of [RESIDENT_ID, NEW_RESIDENT_ID, ...ACCOUNT_NOS, '13912345678']) expect(text).not.toContain(secret);
  });

  it('shows the head of risk only what their role reads: no accounts, contacts, interactions or graph', async () => {
    const answer = await overview('risk', mine);
    expect(answer.status).toBe(200);
    // The head of risk reads customers and loans, not accounts, contacts or interactions.
    expect(answer.body.related.map((l) => l.entity)).toEqual(['loan_application']);
    expect(answer.body.header.figures.map((f) => f.key)).toEqual(['aum', 'approved_loans', 'risk_level']);
    expect(answer.body.activities).toEqual([]);
    expect(answer.body.graph).toBeUndefined();
    expect(answer.body.timeline.entries.some((e) => e.kind === 'activity')).toBe(false);
  });

  it('answers 404 for a record outside the scope, 403 without read, and problems for bad parameters', async () => {
    expect((await overview('rm_sh2', mine)).body).toMatchObject({ status: 404, code: 'recordNotFound' });
    expect((await overview('rm_bj', mine)).status).toBe(404);
    expect((await desk.as.rm_sh2('GET', `/api/records/customer/${mine}/timeline`)).status).toBe(404);
    expect((await desk.as.cc_1<Problem>('GET', `/api/records/account/${adminAccount}/overview`)).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await overview('rm_sh', mine, 'no_such_app')).body).toMatchObject({ status: 404, code: 'appNotFound' });
    expect((await overview('rm_sh', mine, 'Bad-Key')).body).toMatchObject({ status: 400, code: 'invalidParameter' });
    for (const limit of ['0', '201', 'ten']) {
      const refused = await desk.as.rm_sh<Problem>('GET', `/api/records/customer/${mine}/timeline?limit=${limit}`);
      expect([refused.status, refused.body.code, refused.body.errors?.[0]?.path]).toEqual([400, 'invalidParameter', 'limit']);
    }
  });

  it('pages the timeline by limit, saying when there is more', async () => {
    const first = await desk.as.rm_sh<TimelinePage>('GET', `/api/records/customer/${mine}/timeline?app=bank_crm&limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(1);
    expect(first.body.more).toBe(true);
    const all = await desk.as.rm_sh<TimelinePage>('GET', `/api/records/customer/${mine}/timeline?app=bank_crm&limit=200`);
    expect(all.body.more).toBe(false);
    expect(all.body.entries[0]).toEqual(first.body.entries[0]);
  });

  it('lists every reference to the entity when no app designs its page', async () => {
    const answer = await overview('rm_sh', mine, '');
    expect(answer.status).toBe(200);
    expect(answer.body.header.figures).toEqual([]);
    expect(answer.body.related.map((l) => `${l.entity}.${l.via}`).sort()).toEqual([
      'account.customer',
      'account_balance.customer',
      'campaign_contact.customer',
      'complaint_ticket.customer',
      'contact.customer',
      'interaction.customer',
      'loan_application.customer',
      'opportunity.customer',
      'rate_coupon.customer',
      'relationship.from_customer',
      'relationship.to_customer',
      'rm_task.customer',
      'wealth_holding.customer',
    ]);
    expect(answer.body.related.find((l) => l.via === 'to_customer')!.total).toBe(1);
  });

  it("checks an app's record pages: duplicates on save, the entities' fields on publish", async () => {
    const page = bankCrmApp.recordPages![0]!;
    const twice = await server.request<Problem>('PUT', '/api/artifacts/app/bank_crm', { ...bankCrmApp, recordPages: [page, page] });
    expect([twice.status, twice.body.errors?.map((e) => [e.path, e.code])]).toEqual([422, [['/recordPages/1/entity', 'duplicate']]]);
    const wrong = {
      ...bankCrmApp,
      recordPages: [
        {
          entity: 'customer',
          figures: [{ key: 'x', label: { en: 'X', 'zh-CN': 'X' }, sum: { entity: 'account', via: 'customer', field: 'status' } }],
          tags: 'segment',
          related: [{ entity: 'loan_application', via: 'product' }, { entity: 'report_only', via: 'customer' }],
          activities: [{ entity: 'interaction', via: 'customer', at: 'follow_up_on' }],
          graph: { entity: 'relationship', from: 'from_customer', to: 'from_customer' },
        },
      ],
    };
    expect((await server.request('PUT', '/api/artifacts/app/bank_crm', wrong)).status).toBe(200);
    const refused = await server.request<Problem>('POST', '/api/artifacts/app/bank_crm/publish', {});
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['/recordPages/0/figures/0/sum/field', 'fieldType'],
      ['/recordPages/0/tags', 'fieldType'],
      ['/recordPages/0/related/0/via', 'notAReference'],
      ['/recordPages/0/related/1/entity', 'entityNotInApp'],
      ['/recordPages/0/activities/0/at', 'notIndexed'],
      ['/recordPages/0/graph/to', 'sameField'],
    ]);
    expect((await server.request('PUT', '/api/artifacts/app/bank_crm', bankCrmApp)).status).toBe(200);
  });
});
