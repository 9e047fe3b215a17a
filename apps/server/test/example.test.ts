import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadExample } from '../src/modules/example/example-loader.js';
import { FlowTimers } from '../src/modules/flows/flow-timers.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { loanNumberPrefix } from './loan-fixtures.js';

describe.each(dialects())('the example bank CRM on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await loadExample(server.app, server.database, 'bank-crm', pino({ level: 'silent' }));
  });
  afterAll(async () => server?.close());

  it('publishes every artifact of the app, the customer form, the loan decision and flow included', async () => {
    const bundle = await server.request<{ artifacts: { kind: string; key: string }[] }>('GET', '/api/apps/bank_crm/bundle');
    expect(bundle.status).toBe(200);
    expect(bundle.body.artifacts.map((a) => `${a.kind}:${a.key}`)).toEqual([
      'entity:branch',
      'entity:customer',
      'entity:contact',
      'entity:account',
      'entity:account_balance',
      'entity:loan_application',
      'entity:opportunity',
      'entity:interaction',
      'entity:relationship',
      'entity:wealth_holding',
      'entity:rm_task',
      'entity:rate_coupon',
      'entity:complaint_ticket',
      'entity:lead',
      'entity:campaign_contact',
      'form:customer_form',
      'calendar:cn_mainland',
      'decision:loan_scoring',
      'decision:product_suitability',
      'decision:fraud_screening',
      'decision:lead_routing',
      'flow:loan_approval',
      'flow:complaint_handling',
      'report:loan_pipeline',
      'report:loan_funnel',
      'report:aum_by_segment',
      'report:aum_trend',
      'report:loans_by_branch',
      'report:rm_performance',
      'report:cross_sell_ratio',
      'report:churn_risk',
      'report:churn_watch',
      'report:campaign_funnel',
      'report:approval_sla',
      'dashboard:branch_performance',
      'dashboard:my_book',
      'dashboard:approvals',
      'automation:deposit_growth_high_potential',
      'automation:wealth_maturity_renewal',
      'automation:churn_no_transactions',
      'automation:churn_low_service_score',
      'automation:contact_logged',
      'automation:large_deposit_interest',
      'automation:nps_follow_up',
      'automation:lead_routing',
      'automation:wealth_campaign_sms',
      'automation:campaign_sms_reply',
      'automation:campaign_conversion',
    ]);
  });

  it("gives every seeded customer to a relationship manager of its branch, and its contacts, accounts, balances and loans with it", async () => {
    const rows = await server.database.read((sql) =>
      sql.rows<{ branch_code: string; owner_branch: string | null; roles: string | null; n: number | string }>(
        `SELECT b.code AS branch_code, u.branch AS owner_branch, u.roles AS roles, COUNT(*) AS n
           FROM e_customer c JOIN e_branch b ON b.id = c.branch LEFT JOIN bf_user u ON u.id = c.owner_id
          GROUP BY b.code, u.branch, u.roles`,
      ),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect([row.branch_code, row.owner_branch, String(row.roles)]).toEqual([row.branch_code, row.branch_code, expect.stringContaining('relationship_manager')]);
    const strays = await server.database.read((sql) =>
      sql.rows<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM (SELECT x.owner_id, x.customer FROM e_contact x UNION ALL SELECT x.owner_id, x.customer FROM e_account x UNION ALL SELECT x.owner_id, x.customer FROM e_account_balance x UNION ALL SELECT x.owner_id, x.customer FROM e_loan_application x) r
           JOIN e_customer c ON c.id = r.customer WHERE r.owner_id IS NULL OR r.owner_id <> c.owner_id`,
      ),
    );
    expect(Number(strays[0]!.n)).toBe(0);
    // The Shanghai book is shared by the demo desk's two RMs.
    const shanghai = await server.database.read((sql) =>
      sql.rows<{ username: string }>("SELECT DISTINCT u.username FROM e_customer c JOIN e_branch b ON b.id = c.branch JOIN bf_user u ON u.id = c.owner_id WHERE b.code = 'SH001' ORDER BY u.username"),
    );
    expect(shanghai.map((r) => r.username)).toEqual(['li_qiang', 'wang_fang']);
  });

  it('seeds valid, linked records that the query API can page through', async () => {
    const customers = await server.request<{ total: number; items: { branch: string }[] }>('POST', '/api/records/customer/query', { count: true, limit: 5 });
    // The 300 generated, and one copied into the book of each demo relationship manager's case.
    expect(customers.body.total).toBe(306);
    const branch = await server.request('GET', `/api/records/branch/${customers.body.items[0]!.branch}`);
    expect(branch.status).toBe(200);
    const loans = await server.request<{ total: number }>('POST', '/api/records/loan_application/query', { count: true, limit: 1 });
    expect(loans.body.total).toBeGreaterThan(50);
  });

  it('ships the bank roles: a relationship manager works their own book, ID numbers masked', async () => {
    const roles = await server.request<{ key: string }[]>('GET', '/api/auth/roles');
    expect(roles.body.map((r) => r.key)).toEqual(
      expect.arrayContaining(['relationship_manager', 'branch_manager', 'credit_officer', 'compliance_officer', 'business_analyst']),
    );
    await server.request('POST', '/api/auth/users', { username: 'rm_li', displayName: '李经理', branch: 'SH', roles: ['relationship_manager'], password: 'Rm-Li-Pass-2026' });
    const rm = await server.signIn('rm_li', 'Rm-Li-Pass-2026');
    const seeded = await rm<{ total: number }>('POST', '/api/records/customer/query', { count: true });
    expect(seeded.body.total).toBe(0);
    const [branch] = (await server.request<{ items: { id: string }[] }>('POST', '/api/records/branch/query', { limit: 1 })).body.items;
    const created = await rm<{ resident_id: string }>('POST', '/api/records/customer', {
      customer_no: 'C9900000001',
      name: '周敏',
      customer_type: 'individual',
      onboarded_at: '2026-11-23T09:00:00Z',
      segment: 'mass',
      branch: branch!.id,
      resident_id: '110105200002290013',
      birth_date: '2000-02-29',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.resident_id).toBe('1101************13');
    // The birth date is read from the ID: masked with it, or the two together would give the ID away.
    expect((created.body as Record<string, unknown>).birth_date).toBe('2*********');
    const byBirth = await rm<{ code: string }>('POST', '/api/records/customer/query', { filter: { field: 'birth_date', op: 'eq', value: '2000-02-29' } });
    expect([byBirth.status, byBirth.body.code]).toEqual([403, 'fieldMasked']);
    // The runtime draws its pages from the same rules: both fields arrive masked and read as such.
    const page = await rm<{ fieldAccess: Record<string, string> }>('GET', '/api/runtime/entities/customer');
    expect(page.body.fieldAccess).toMatchObject({ resident_id: 'masked', birth_date: 'masked' });
    expect((await rm<{ total: number }>('POST', '/api/records/customer/query', { count: true })).body.total).toBe(1);
    // The example reports run under the same scope: the bank's totals for the administrator, one customer for the RM.
    type Run = { rows: { customers: number }[] };
    const count = (run: Run): number => run.rows.reduce((sum, row) => sum + Number(row.customers), 0);
    expect(count((await server.request<Run>('POST', '/api/reports/cross_sell_ratio/run', {})).body)).toBe(307);
    expect(count((await rm<Run>('POST', '/api/reports/cross_sell_ratio/run', {})).body)).toBe(1);
    // Her customer has no month-end balances yet: no AUM of hers, and none of anyone else's.
    expect((await rm<Run>('POST', '/api/reports/aum_by_segment/run', {})).body.rows).toEqual([]);
    expect((await rm('PUT', '/api/artifacts/entity/customer', {})).status).toBe(403);
  });

  it('loads nothing twice', async () => {
    await loadExample(server.app, server.database, 'bank-crm', pino({ level: 'silent' }));
    const customers = await server.request<{ total: number }>('POST', '/api/records/customer/query', { count: true, limit: 1 });
    // The 306 seeded, plus the one the relationship manager created above.
    expect(customers.body.total).toBe(307);
    expect((await server.request<{ username: string }[]>('GET', '/api/auth/users')).body.filter((u) => u.username === 'wang_fang')).toHaveLength(1);
  });

  it('opens a demo loan desk: a person per role and cases in every state, driven through the flow', async () => {
    const cases = await server.database.read((sql) => sql.rows<{ status: string; outcome: string | null }>("SELECT status, outcome FROM bf_flow_instance WHERE flow_key = 'loan_approval'"));
    const states = cases.map((c) => c.outcome ?? c.status).sort();
    expect(states).toEqual(['approved', 'rejected', 'running', 'running', 'running', 'running']);
    const loans = await server.request<{ items: { application_no: string; status: string }[] }>('POST', '/api/records/loan_application/query', {
      // The demo desk's loans are this month's first (the seed's end at the last month-end), numbered in the order they were made.
      filter: { field: 'application_no', op: 'startsWith', value: loanNumberPrefix() },
      sort: [{ field: 'application_no' }],
    });
    expect(loans.body.items.map((l) => l.status)).toEqual(['submitted', 'submitted', 'returned', 'approved', 'rejected', 'submitted']);
    // Without BANKFORGE_DEMO_PASSWORD the demo people exist but cannot sign in.
    expect((await server.anonymous('POST', '/api/auth/login', { username: 'wang_fang', password: '' })).status).not.toBe(200);
  });

  describe('its reports, on the seeded bank, for the administrator', () => {
    type Row = Record<string, string | number | null>;
    type Run = { level: number; rows: Row[] };
    const run = async (key: string, drill?: Row[]): Promise<Row[]> => {
      const answer = await server.request<Run>('POST', `/api/reports/${key}/run`, drill ? { drill } : {});
      expect(answer.status, `${key}: ${JSON.stringify(answer.body)}`).toBe(200);
      return answer.body.rows;
    };
    const total = (rows: Row[], key: string): number => rows.reduce((sum, row) => sum + Number(row[key]), 0);
    /** The month before this one (UTC, as reports resolve periods): the seed's latest month-end. */
    const lastMonth = (): string => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0)).toISOString().slice(0, 7);

    it('answers rows for every report the app ships', async () => {
      const counts: Record<string, number> = {};
      for (const key of ['loan_pipeline', 'loan_funnel', 'aum_by_segment', 'aum_trend', 'loans_by_branch', 'rm_performance', 'cross_sell_ratio', 'churn_risk', 'approval_sla']) counts[key] = (await run(key)).length;
      expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    });

    it('sums AUM at the latest month-end only: the accounts held today, once', async () => {
      const bySegment = await run('aum_by_segment');
      const [held] = await server.database.read((sql) => sql.rows<{ balance: string | number }>("SELECT SUM(balance) AS balance FROM e_account WHERE status <> 'closed' AND deleted_at IS NULL"));
      expect(total(bySegment, 'aum')).toBeCloseTo(Number(held!.balance), 0);
      // Every seeded customer holds an account; the demo desk's copies and the RM's new customer have no month-end yet.
      expect(total(bySegment, 'customers')).toBe(300);
      // Month by month the same sum: twelve month-ends, the latest last month, with the same AUM.
      const trend = await run('aum_trend');
      const months = [...new Set(trend.map((row) => row.month))];
      expect(months).toHaveLength(12);
      expect(months.at(-1)).toBe(lastMonth());
      expect(total(trend.filter((row) => row.month === lastMonth()), 'aum')).toBeCloseTo(total(bySegment, 'aum'), 0);
    });

    it('lists the loan funnel in pipeline order and drills loans from branch to RM to customer', async () => {
      const pipeline = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn'];
      const funnel = (await run('loan_funnel')).map((row) => String(row.status));
      expect(funnel).toEqual(pipeline.filter((status) => funnel.includes(status)));
      expect(funnel).toContain('approved');
      const branches = await run('loans_by_branch');
      const top = branches[0]!;
      const rms = await run('loans_by_branch', [{ branch: top.branch! }]);
      expect(total(rms, 'applications')).toBe(Number(top.applications));
      const customers = await run('loans_by_branch', [{ branch: top.branch! }, { rm: rms[0]!.rm! }]);
      expect(Object.keys(customers[0]!)).toEqual(['customer', 'applications', 'volume', 'approved']);
      expect(total(customers, 'applications')).toBe(Number(rms[0]!.applications));
    });

    it("measures the demo desk's approval SLA by step: the officers' overdue case late, the rest decided on time or still open", async () => {
      // The overdue case's timeout fires on the next poll: now.
      await server.app.get(FlowTimers).fireDue();
      const bySteps = Object.fromEntries((await run('approval_sla')).map((row) => [row.step, [Number(row.tasks), Number(row.on_time), Number(row.with_verdict), row.on_time_share === null ? null : Number(row.on_time_share)]]));
      expect(bySteps).toEqual({
        // Returned, approved and rejected at once; the fourth overdue.
        'Credit officer approval': [4, 3, 4, 0.75],
        'Credit officer review': [1, 1, 1, 1],
        // Waiting, not yet due: no verdict.
        'Branch manager approval': [1, 0, 0, null],
        'Credit committee countersign': [1, 0, 0, null],
      });
    });

    it("shows each RM's book and drills to its customers; cross-sell and churn risk from the same data", async () => {
      const books = await run('rm_performance');
      expect(total(books, 'customers')).toBe(307);
      const best = books[0]!;
      expect(Number(best.aum)).toBe(Math.max(...books.map((row) => Number(row.aum))));
      const customers = await run('rm_performance', [{ rm: best.rm! }]);
      expect(customers).toHaveLength(Number(best.customers));
      expect(total(customers, 'opportunities_won')).toBe(Number(best.opportunities_won));
      const [ratio] = await run('cross_sell_ratio');
      expect(Number(ratio!.products_per_customer)).toBeCloseTo(Number(ratio!.accounts) / Number(ratio!.customers), 3);
      for (const row of await run('churn_risk')) expect(Number(row.aum_change_pct) < -5 || Number(row.churn_score) >= 40, JSON.stringify(row)).toBe(true);
    });
  });
});

describe('flow artifacts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => server?.close());

  it("are validated with the flow engine's schema", async () => {
    const refused = await server.request('PUT', '/api/artifacts/flow/onboarding', {
      kind: 'flow',
      key: 'onboarding',
      title: 'Onboarding',
      schemaVersion: 1,
      variables: [],
      nodes: [{ id: 'a', type: 'teleport', name: { en: 'A', 'zh-CN': 'A' } }],
      edges: [],
    });
    expect(refused.status).toBe(422);
    expect((refused.body.errors as { path: string }[]).some((e) => e.path.startsWith('/nodes/0'))).toBe(true);
  });
});
