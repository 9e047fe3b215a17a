/**
 * The guide's automation scenarios (issue 23), as the example bank CRM ships them, driven through a
 * real server on SQLite and on MariaDB: the month-end close, the wealth platform's file, the core's
 * feed, the survey system and the mobile app write as integrations do (the administrator here), the
 * RM 王芳 reads what the rules opened for her. Time moves as the bank's does: a month-end close per
 * month, a schedule's slot as if its rule had been published long ago, a wait's or a business-time
 * timeout's due time reached (never slept).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApprovalTask, AutomationRunSummary, CaseDetail, CaseSummary, ReportRunResult } from '@bankforge/client';
import { cnMainlandCalendar, wealthCampaignAutomation, wealthMaturityAutomation } from '@bankforge/example-bank-crm';
import { toStoredDatetime } from '@bankforge/data-model';
import { addBusinessDuration, latestScheduleSlot, type AutomationDefinition, type ScheduleTrigger } from '@bankforge/flow-engine';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutomationActions } from '../src/modules/automations/automation-actions.js';
import { AutomationRunner } from '../src/modules/automations/automation-runner.js';
import { AutomationScheduler } from '../src/modules/automations/automation-scheduler.js';
import { PublishedArtifacts } from '../src/modules/artifacts/published-artifacts.js';
import { DomainEventDispatcher } from '../src/modules/events/domain-event-dispatcher.js';
import { loadExample } from '../src/modules/example/example-loader.js';
import { FlowOutboxDispatcher } from '../src/modules/flows/flow-outbox-dispatcher.js';
import { FlowTimers } from '../src/modules/flows/flow-timers.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

const PASSWORD = 'Scenario-Desk-Pass-2026';
const DAY_MS = 86_400_000;
type Values = Record<string, unknown> & { id: string; version: number };

/** A schedule moved to another time of day: its latest slot is then another one (as the next morning's would be). */
function runAt(automation: AutomationDefinition, at: string): AutomationDefinition {
  return automation.trigger.type === 'schedule' ? { ...automation, trigger: { ...automation.trigger, at } } : automation;
}

/** A date `days` from today (UTC, as the relative-date filters count). */
const day = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe.each(dialects())('the guide’s automation scenarios on %s', (dialect) => {
  let server: TestServer;
  let rm: Requester;
  let events: DomainEventDispatcher;
  let runner: AutomationRunner;
  /** 王芳's customers, one per scenario so that none sees another's writes. */
  let customers: Values[] = [];
  const saved = { events: process.env.BANKFORGE_EVENT_POLL_MS, automations: process.env.BANKFORGE_AUTOMATION_POLL_MS };

  /** Events to runs, runs to actions: what the background ticks do. */
  const settle = async (): Promise<void> => {
    await events.dispatchDue();
    await runner.runDue();
  };
  const read = async (entity: string, id: string): Promise<Values> => {
    const answer = await server.request<Values>('GET', `/api/records/${entity}/${id}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  /** An integration's (or the RM's) write of a few fields, on the record's current version. */
  const write = async (entity: string, id: string, values: Record<string, unknown>, as: Requester = server.request): Promise<void> => {
    const { version } = await read(entity, id);
    const answer = await as('PATCH', `/api/records/${entity}/${id}`, { ...values, version });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  };
  const query = async (entity: string, filter: unknown, as: Requester = rm): Promise<Values[]> => {
    const answer = await as<{ items: Values[] }>('POST', `/api/records/${entity}/query`, { filter, limit: 100 });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items;
  };
  const runsOf = async (key: string, recordId: string): Promise<AutomationRunSummary[]> => {
    const answer = await server.request<AutomationRunSummary[]>('GET', `/api/automations/${key}/runs?limit=200`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.filter((r) => r.recordId === recordId);
  };
  const notices = async (): Promise<{ kind: string; text: { en: string; 'zh-CN'?: string }; record?: { entity: string; id: string } }[]> =>
    (await rm<{ items: { kind: string; text: { en: string }; record?: { entity: string; id: string } }[] }>('GET', '/api/notifications')).body.items;
  /**
   * The next morning's slot of a schedule: its versions as if published just before its latest slot
   * (so that one slot is due, not a week's caught up), asked by a replica with its own memory.
   */
  const morning = async (key: string): Promise<number> => {
    const published = server.app.get(PublishedArtifacts);
    published.forgetLatest();
    const trigger = (await published.latest<AutomationDefinition>('automation')).get(key)!.document.trigger as ScheduleTrigger;
    const slot = latestScheduleSlot(trigger, await server.app.get(AutomationActions).now(), trigger.calendar ? cnMainlandCalendar : undefined)!;
    const before = toStoredDatetime(new Date(Date.parse(slot) - 1).toISOString());
    await server.database.single((sql) => sql.execute("UPDATE bf_artifact_version SET published_at = ? WHERE kind = 'automation' AND artifact_key = ?", [before, key]));
    const scheduler = new AutomationScheduler(server.database, server.app.get(PublishedArtifacts), server.app.get(RecordsService), server.app.get(AutomationActions));
    return scheduler.scheduleDue();
  };

  beforeAll(async () => {
    process.env.BANKFORGE_EVENT_POLL_MS = '0';
    process.env.BANKFORGE_AUTOMATION_POLL_MS = '0';
    server = await startTestServer(dialect);
    events = server.app.get(DomainEventDispatcher);
    runner = server.app.get(AutomationRunner);
    await loadExample(server.app, server.database, 'bank-crm', pino({ level: 'silent' }), PASSWORD);
    rm = await server.signIn('wang_fang', PASSWORD);
    customers = (await rm<{ items: Values[] }>('POST', '/api/records/customer/query', { filter: { field: 'customer_type', op: 'eq', value: 'individual' }, limit: 8 })).body.items;
    expect(customers.length).toBe(8);
    // Their seeded tags cleared, so that each scenario's tag is its rule's doing.
    for (const customer of customers) await write('customer', customer.id, { tags: [] });
    // Whatever the loader's own writes left queued is done before a scenario starts.
    await settle();
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    for (const [name, value] of [['BANKFORGE_EVENT_POLL_MS', saved.events], ['BANKFORGE_AUTOMATION_POLL_MS', saved.automations]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('1: deposits up more than 20,000 three month-ends running tag the customer high-potential, tell the RM and offer a wealth product, once', async () => {
    const customer = customers[0]!;
    const wealthOffers = () => query('opportunity', { and: [{ field: 'customer', op: 'eq', value: customer.id }, { field: 'product', op: 'eq', value: 'wealth_management' }, { field: 'stage', op: 'eq', value: 'lead' }] });
    const before = (await wealthOffers()).length;
    // A weak month first, then three strong ones, then a fourth: one close per month.
    const closes = ['8000.00', '25000.00', '30000.00', '21000.50', '40000.00'];
    const streaks: unknown[] = [];
    const tagged: boolean[] = [];
    for (const amount of closes) {
      await write('customer', customer.id, { monthly_deposit_growth: { amount, currency: 'CNY' } });
      await settle();
      const now = await read('customer', customer.id);
      streaks.push(now.deposit_growth_streak);
      tagged.push(Array.isArray(now.tags) && now.tags.includes('high_potential'));
    }
    expect(streaks).toEqual([0, 1, 2, 3, 4]);
    expect(tagged).toEqual([false, false, false, true, true]);
    // Offered on the third strong month only, owned by the RM, who is told (in both languages).
    const offers = await wealthOffers();
    expect(offers.length).toBe(before + 1);
    const runs = await runsOf('deposit_growth_high_potential', customer.id);
    expect(runs.map((r) => r.status).sort()).toEqual(['stopped', 'stopped', 'stopped', 'stopped', 'succeeded']);
    const notice = (await notices()).find((n) => n.record?.id === customer.id && /three months running/.test(n.text.en));
    expect(notice).toMatchObject({ kind: 'automation', record: { entity: 'customer', id: customer.id } });
    expect(notice!.text['zh-CN']).toContain('连续三个月');
    // A weak month starts the count over.
    await write('customer', customer.id, { monthly_deposit_growth: { amount: '-3000.00', currency: 'CNY' } });
    await settle();
    expect((await read('customer', customer.id)).deposit_growth_streak).toBe(0);
  });

  it('4: each morning, a wealth holding maturing within 15 days gets one renewal opportunity for its RM, never a second', async () => {
    const customer = customers[1]!;
    const holding = async (product_name: string, days: number): Promise<string> => {
      const created = await server.request<Values>('POST', '/api/records/wealth_holding', {
        customer: customer.id,
        product_name,
        product_risk: 'R2',
        amount: { amount: '500000.00', currency: 'CNY' },
        maturity_date: day(days),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id;
    };
    const soon = await holding('稳享 90 天理财', 10);
    const later = await holding('安盈 180 天理财', 40);
    // Loaded by the wealth platform's file (the administrator here), the holdings go to the customer's RM.
    const handed = await server.request('POST', '/api/records/wealth_holding/transfer', { ids: [soon, later], to: 'wang_fang', reason: 'held by her customer' });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(await morning('wealth_maturity_renewal')).toBeGreaterThanOrEqual(1);
    await runner.runDue();
    const [renewalRun] = await runsOf('wealth_maturity_renewal', soon);
    expect(renewalRun).toMatchObject({ status: 'succeeded', trigger: 'schedule' });
    expect(await runsOf('wealth_maturity_renewal', later)).toEqual([]);
    const marked = await read('wealth_holding', soon);
    expect(marked.renewal_opportunity).toEqual(expect.any(String));
    expect((await read('wealth_holding', later)).renewal_opportunity ?? null).toBeNull();
    const [opportunity] = await query('opportunity', { field: 'id', op: 'eq', value: marked.renewal_opportunity });
    expect(opportunity).toMatchObject({ customer: customer.id, product: 'wealth_management', stage: 'qualified', close_date: day(10), expected_amount: { amount: '500000.00', currency: 'CNY' } });
    expect(opportunity!.owner_id).toBe(customer.owner_id);
    // The next morning (a later slot of the same rule): the holding has its renewal, so nothing runs for it.
    await server.publishArtifact(runAt(wealthMaturityAutomation, '08:30'));
    await morning('wealth_maturity_renewal');
    await runner.runDue();
    expect(await runsOf('wealth_maturity_renewal', soon)).toHaveLength(1);
    expect(await query('opportunity', { and: [{ field: 'customer', op: 'eq', value: customer.id }, { field: 'stage', op: 'eq', value: 'qualified' }, { field: 'close_date', op: 'eq', value: day(10) }] })).toHaveLength(1);
  });

  it('6: three months without a transaction, or a service score below 4, tag churn risk and open a retention task with a deadline, counted in the churn report', async () => {
    const [quiet, active, unhappy] = [customers[2]!, customers[3]!, customers[4]!];
    // The core's daily feed stamps the last transaction.
    await write('customer', quiet.id, { last_transaction_on: day(-100) });
    await write('customer', active.id, { last_transaction_on: day(-20) });
    await settle();
    expect(await morning('churn_no_transactions')).toBeGreaterThanOrEqual(1);
    await runner.runDue();
    const retention = (id: string) => query('rm_task', { and: [{ field: 'customer', op: 'eq', value: id }, { field: 'kind', op: 'eq', value: 'retention' }] });
    expect((await read('customer', quiet.id)).tags).toContain('churn_risk');
    expect((await read('customer', active.id)).tags ?? []).not.toContain('churn_risk');
    const [task] = await retention(quiet.id);
    expect(task).toMatchObject({ status: 'open', due_on: day(5), owner_id: quiet.owner_id });
    expect(await retention(active.id)).toEqual([]);

    // The survey system writes back a service score: below 4 warns at once, and only once.
    await write('customer', unhappy.id, { service_score: 4 });
    await settle();
    expect(await retention(unhappy.id)).toEqual([]);
    await write('customer', unhappy.id, { service_score: 3 });
    await settle();
    await write('customer', unhappy.id, { service_score: 2 });
    await settle();
    expect((await read('customer', unhappy.id)).tags).toContain('churn_risk');
    expect(await retention(unhappy.id)).toHaveLength(1);
    expect((await notices()).filter((n) => n.record?.id === unhappy.id && /retention task/.test(n.text.en))).toHaveLength(1);

    // The churn report counts them at their branch and RM, with their open retention tasks.
    const report = await server.request<ReportRunResult>('POST', '/api/reports/churn_watch/run', {});
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const mine = report.body.rows.filter((row) => row.rm === quiet.owner_id);
    expect(mine.reduce((n, row) => n + Number(row.customers), 0)).toBeGreaterThanOrEqual(2);
    expect(mine.reduce((n, row) => n + Number(row.open_retention_tasks), 0)).toBeGreaterThanOrEqual(2);
  });

  it('3: a complaint becomes a ticket in its category’s department queue, escalates to the supervisor after 2 business days, and an NPS of 6 or less opens a follow-up', async () => {
    const people: Record<string, Requester> = {};
    for (const [username, role] of [['card_agent', 'card_center'], ['service_agent', 'customer_service'], ['supervisor', 'service_supervisor']] as const) {
      const created = await server.request('POST', '/api/auth/users', { username, displayName: username, branch: 'HQ', roles: [role], managerId: null, password: PASSWORD });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      people[username] = await server.signIn(username, PASSWORD);
    }
    const customer = customers[0]!;
    const complain = async (category: string, summary: string): Promise<{ ticket: string; case: CaseSummary }> => {
      const created = await rm<{ id: string }>('POST', '/api/records/complaint_ticket', { customer: customer.id, category, summary });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // The flow starts itself on the new ticket, through its outbox.
      await server.app.get(FlowOutboxDispatcher).dispatchDue();
      const cases = await server.request<{ items: CaseSummary[] }>('GET', `/api/flows/instances?record=${created.body.id}`);
      expect(cases.body.items.map((c) => c.flowKey)).toEqual(['complaint_handling']);
      return { ticket: created.body.id, case: cases.body.items[0]! };
    };
    const card = await complain('card', 'Card swallowed by the ATM');
    const branch = await complain('service', 'Waited an hour at the counter');
    expect(card.case.waitingAt.map((w) => [w.nodeId, w.assignees.map((a) => a.id)])).toEqual([['cardCenter', ['card_agent']]]);
    expect(branch.case.waitingAt.map((w) => [w.nodeId, w.assignees.map((a) => a.id)])).toEqual([['customerService', ['service_agent']]]);
    expect((await read('complaint_ticket', card.ticket)).status).toBe('open');
    // Its deadline: 2 business days on the bank's calendar (weekends and holidays skipped).
    const [timer] = await server.database.read((sql) => sql.rows<{ id: string; due_at: string }>("SELECT id, due_at FROM bf_flow_timer WHERE instance_id = ? AND state = 'scheduled'", [card.case.id]));
    const due = Date.parse(`${String(timer!.due_at).replace(' ', 'T')}Z`);
    expect(Math.abs(due - Date.parse(addBusinessDuration(cnMainlandCalendar, card.case.startedAt, 'P2D')))).toBeLessThan(1000);
    // The card center lets it pass: at the deadline the task goes to the service supervisor.
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_timer SET due_at = '2020-01-01 00:00:00.000' WHERE id = ?", [timer!.id]));
    expect(await server.app.get(FlowTimers).fireDue()).toBeGreaterThanOrEqual(1);
    const escalated = await server.request<CaseDetail>('GET', `/api/flows/instances/${card.case.id}`);
    expect(escalated.body.trail.map((t) => t.action)).toContain('escalated');
    const task = escalated.body.tasks[0]! as ApprovalTask & { claimable?: boolean };
    expect(task.assignees.map((a) => a.id)).toEqual(['supervisor']);
    if (task.claimable) expect((await people.supervisor!('POST', `/api/tasks/${task.id}/claim`, {})).status).toBe(200);
    const resolved = await people.supervisor!<CaseDetail>('POST', `/api/tasks/${task.id}/approve`, { comment: 'Card returned, fee refunded' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const closed = await read('complaint_ticket', card.ticket);
    expect([closed.status, typeof closed.resolved_at]).toEqual(['resolved', 'string']);

    // The survey: 9 is a promoter, 5 a detractor whose RM follows up within 3 days.
    const followUps = () => query('rm_task', { and: [{ field: 'customer', op: 'eq', value: customer.id }, { field: 'kind', op: 'eq', value: 'follow_up' }] });
    await write('complaint_ticket', branch.ticket, { nps_score: 9 }, rm);
    await settle();
    expect(await followUps()).toEqual([]);
    await write('complaint_ticket', card.ticket, { nps_score: 5 }, rm);
    await settle();
    const [followUp] = await followUps();
    expect(followUp).toMatchObject({ status: 'open', due_on: day(3), subject: 'NPS 5: Card swallowed by the ATM', owner_id: customer.owner_id });
    expect((await notices()).some((n) => n.record?.id === card.ticket && /scored 5 out of 10/.test(n.text.en))).toBe(true);
  });

  it('5: a new lead is routed to its team by the routing rules (region, industry), then handed to the team’s RMs in turn', async () => {
    const lead = async (company: string, region: string, industry: string): Promise<string> => {
      const created = await server.request<{ id: string }>('POST', '/api/records/lead', { company, region, industry });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id;
    };
    const trade = await lead('宁波远洋贸易有限公司', 'east', 'trade');
    const tech = await lead('北京智算科技有限公司', 'north', 'technology');
    const shop = await lead('成都小馆餐饮', 'southwest', 'retail');
    await settle();
    expect(await Promise.all([trade, tech, shop].map(async (id) => (await read('lead', id)).team))).toEqual(['trade_finance_east', 'tech_sme', 'inclusive_finance']);
    expect((await runsOf('lead_routing', trade))[0]!.steps.map((s) => [s.actionId, s.status])).toEqual([
      ['route', 'done'],
      ['hand_out', 'done'],
    ]);
    // Shanghai's trade-finance team is its two RMs: the next east-coast trade lead goes to the other one.
    const second = await lead('舟山港航物流有限公司', 'east', 'trade');
    await settle();
    const ownerOf = async (id: string): Promise<string> =>
      (await server.database.read((sql) => sql.rows<{ username: string }>('SELECT u.username FROM e_lead l JOIN bf_user u ON u.id = l.owner_id WHERE l.id = ?', [id])))[0]!.username;
    expect([await ownerOf(trade), await ownerOf(second)].sort()).toEqual(['li_qiang', 'wang_fang']);
    expect([await ownerOf(tech), await ownerOf(shop)]).toEqual(['rm_bj002', 'rm_gz001']);
    // The RM who took it works it in the runtime; the other does not see it.
    const taker = await ownerOf(second);
    const other = taker === 'wang_fang' ? 'li_qiang' : 'wang_fang';
    const takerSession = await server.signIn(taker, PASSWORD);
    const otherSession = await server.signIn(other, PASSWORD);
    expect((await takerSession('GET', `/api/records/lead/${second}`)).status).toBe(200);
    expect((await otherSession('GET', `/api/records/lead/${second}`)).status).toBe(404);
  });

  it('2: more than 3 views of large-deposit rates in the app tell the RM and open a proposal; without contact in 48 hours a rate-bonus coupon is issued', async () => {
    const [ignored, called, browsing] = [customers[5]!, customers[6]!, customers[7]!];
    const post = async (customer: Values, views: number): Promise<number> => {
      const posted = await server.request<{ runs: number }>('POST', '/api/automations/events/large_deposit_rate_views', { payload: { customer_no: customer.customer_no, views } });
      expect(posted.status, JSON.stringify(posted.body)).toBe(202);
      return posted.body.runs;
    };
    expect(await post(ignored, 5)).toBe(1);
    expect(await post(called, 4)).toBe(1);
    expect(await post(browsing, 3)).toBe(0);
    await settle();
    for (const customer of [ignored, called]) {
      const [run] = await runsOf('large_deposit_interest', customer.id);
      // Past the wait (action 3 of 5), which holds it.
      expect(run).toMatchObject({ status: 'waiting', step: 3 });
      // Due 48 hours on.
      expect(Date.parse(run!.dueAt!) - Date.now()).toBeGreaterThan(48 * 3600_000 - 120_000);
      expect(await query('opportunity', { and: [{ field: 'customer', op: 'eq', value: customer.id }, { field: 'product', op: 'eq', value: 'large_deposit' }, { field: 'stage', op: 'eq', value: 'proposal' }] })).not.toEqual([]);
      expect((await notices()).some((n) => n.record?.id === customer.id && /large-deposit rates/.test(n.text.en))).toBe(true);
    }
    // 王芳 reaches one of them and logs the call: the contact_logged rule stamps the customer.
    const logged = await rm<{ id: string }>('POST', '/api/records/interaction', { customer: called.id, channel: 'phone', occurred_at: new Date().toISOString(), summary: 'Called about large-deposit rates' });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    await settle();
    expect((await read('customer', called.id)).last_contacted_at).not.toBeNull();
    expect((await read('customer', ignored.id)).last_contacted_at ?? null).toBeNull();
    // 48 hours later.
    for (const customer of [ignored, called]) {
      const [run] = await runsOf('large_deposit_interest', customer.id);
      await server.database.single((sql) => sql.execute('UPDATE bf_automation_run SET due_at = ? WHERE id = ?', ['2020-01-01 00:00:00.000', run!.id]));
    }
    await runner.runDue();
    expect((await runsOf('large_deposit_interest', ignored.id))[0]).toMatchObject({ status: 'succeeded' });
    expect((await runsOf('large_deposit_interest', called.id))[0]).toMatchObject({ status: 'stopped' });
    const coupons = await query('rate_coupon', { field: 'customer', op: 'in', value: [ignored.id, called.id] });
    expect(coupons.map((c) => [c.customer, c.status, c.bonus_rate])).toEqual([[ignored.id, 'issued', '0.20']]);
    // What the runs keep holds no mobile number or resident ID.
    const stored = await server.database.read((sql) => sql.rows<{ context: string }>("SELECT context FROM bf_automation_run WHERE automation_key = 'large_deposit_interest'"));
    for (const row of stored) expect(row.context).not.toMatch(/mobile|resident_id|1[3-9]\d{9}/);
  });

  it('7: a campaign texts the segment’s customers it suits through the SMS gateway (never above their risk level, never a phone number), records replies, and counts its funnel', async () => {
    const received: { url: string; body: Record<string, unknown> }[] = [];
    const gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ url: request.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
        response.writeHead(202, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ accepted: true }));
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const port = (gateway.address() as AddressInfo).port;
      expect((await server.request('PUT', '/api/connectors/allowed-hosts', { hosts: [`127.0.0.1:${port}`] })).status).toBe(200);
      const connector = await server.request('POST', '/api/connectors', { key: 'sms_gateway', name: { en: 'SMS gateway', 'zh-CN': '短信平台' }, baseUrl: `http://127.0.0.1:${port}/sms`, auth: { kind: 'none' } });
      expect(connector.status, JSON.stringify(connector.body)).toBe(201);
      // The segment: an affluent R4 customer it suits, an affluent R2 one (the product is R3), a mass one outside it.
      const [suited, cautious, mass] = [customers[5]!, customers[6]!, customers[7]!];
      const profile = (segment: string, risk_level: string) => ({ customer_type: 'individual', segment, risk_level, aum: { amount: '800000.00', currency: 'CNY' } });
      await write('customer', suited.id, profile('affluent', 'R4'));
      await write('customer', cautious.id, profile('affluent', 'R2'));
      await write('customer', mass.id, profile('mass', 'R5'));
      await settle();
      // An administrator enables the campaign once the gateway is configured.
      const enabled: AutomationDefinition = { ...wealthCampaignAutomation, enabled: true };
      await server.publishArtifact(enabled);
      await morning('wealth_campaign_sms');
      await runner.runDue();
      expect((await runsOf('wealth_campaign_sms', suited.id)).map((r) => r.status)).toEqual(['succeeded']);
      const [stopped] = await runsOf('wealth_campaign_sms', cautious.id);
      expect(stopped!.status).toBe('stopped');
      expect(stopped!.steps.map((step) => [step.actionId, step.status])).toEqual([['check_suitability', 'done'], ['suitable_only', 'stopped']]);
      expect(await runsOf('wealth_campaign_sms', mass.id)).toEqual([]);
      const mine = received.filter((m) => [suited, cautious, mass].some((c) => c.customer_no === m.body.customer_no));
      expect(mine).toEqual([{ url: '/sms/messages', body: { campaign: 'WM2026Q4', template: 'wealth_r3_offer', customer_no: suited.customer_no, reference: `${String(suited.customer_no)}-WM2026Q4` } }]);
      // No phone number or resident ID leaves for the gateway.
      for (const message of received) expect(JSON.stringify(message.body)).not.toMatch(/mobile|resident|1[3-9]\d{9}/);
      const [contact] = await query('campaign_contact', { field: 'customer', op: 'eq', value: suited.id });
      expect(contact).toMatchObject({ campaign: 'WM2026Q4', channel: 'sms', status: 'sent', owner_id: suited.owner_id });
      expect((await read('customer', suited.id)).last_marketed_at).toEqual(expect.any(String));
      // The next morning the customer is inside the 30 quiet days: not texted again.
      await server.publishArtifact(runAt(enabled, '10:30'));
      await morning('wealth_campaign_sms');
      await runner.runDue();
      expect(await runsOf('wealth_campaign_sms', suited.id)).toHaveLength(1);

      // The customer answers Y; the RM then makes the sale and marks it converted.
      const reply = await server.request<{ runs: number }>('POST', '/api/automations/events/campaign_sms_reply', { payload: { reference: contact!.reference_no, reply: 'y ' } });
      expect([reply.status, reply.body.runs]).toEqual([202, 1]);
      await settle();
      expect((await read('campaign_contact', contact!.id)).status).toBe('responded');
      // The RM makes the sale: an opportunity from the campaign, won; its rule converts the contact.
      const opened = await rm<Values>('POST', '/api/records/opportunity', { customer: suited.id, product: 'wealth_management', stage: 'proposal', campaign: 'WM2026Q4' });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      await settle();
      expect((await read('campaign_contact', contact!.id)).status).toBe('responded');
      await write('opportunity', opened.body.id, { stage: 'won' }, rm);
      await settle();
      expect((await read('campaign_contact', contact!.id)).status).toBe('converted');
      const conversions = await server.request<AutomationRunSummary[]>('GET', '/api/automations/campaign_conversion/runs');
      expect(conversions.body.filter((r) => r.recordId === opened.body.id).map((r) => [r.status, r.steps[0]!.detail])).toEqual([['succeeded', 'set status = "converted" on 1 campaign_contact']]);
      const funnel = await server.request<ReportRunResult>('POST', '/api/reports/campaign_funnel/run', {});
      expect(funnel.status, JSON.stringify(funnel.body)).toBe(200);
      const row = funnel.body.rows.find((r) => r.campaign === 'WM2026Q4')!;
      expect(Number(row.reached)).toBeGreaterThanOrEqual(1);
      expect(Number(row.converted)).toBeGreaterThanOrEqual(1);
      expect(Number(row.responded)).toBeGreaterThanOrEqual(Number(row.converted));
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });
});
