import type { ApprovalTask, CaseDetail, CaseSummary, PeoplePage, TaskInboxPage } from '@bankforge/client';
import { cnMainlandCalendar, generateBankCrmSeed } from '@bankforge/example-bank-crm';
import { execute, type ApprovalNode, type FlowDefinition, type FlowState } from '@bankforge/flow-engine';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDemoDesk } from '../src/modules/example/demo-desk.js';
import { dueClock } from '../src/modules/flows/due-clock.js';
import { FlowTimers } from '../src/modules/flows/flow-timers.js';
import { returnTargets } from '../src/modules/flows/return-targets.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { loanNumberPrefix, openLoanDesk, type LoanDesk } from './loan-fixtures.js';

type Problem = { code: string; errors?: { path: string; code: string }[] };

const DEMO_PASSWORD = 'Demo-Desk-Passw0rd-2026';
const INITIATOR = { en: 'The initiator (amend and resubmit)', 'zh-CN': '发起人（修改后重新提交）' };

describe('working time to a due time, on the mainland calendar', () => {
  // Shanghai is UTC+8; the bank works 09:00–12:00 and 13:00–17:30 (450 minutes a day).
  it('counts Friday afternoon and Monday morning, not the weekend', () => {
    const friday4pm = '2026-03-06T08:00:00Z';
    const clock = dueClock(cnMainlandCalendar, friday4pm)!;
    // Friday 16:00–17:30 (90) and Monday 09:00–10:30 (90).
    expect(clock('2026-03-09T02:30:00Z')).toEqual({ businessMinutes: 180, workingDayMinutes: 450 });
    // Due the next Wednesday 16:00: Friday 90, Monday and Tuesday 450 each, Wednesday until 16:00 360.
    expect(clock('2026-03-11T08:00:00Z').businessMinutes).toBe(90 + 450 + 450 + 360);
  });

  it('is negative once overdue: Friday 17:00 seen on Monday 10:00 is 90 minutes late', () => {
    expect(dueClock(cnMainlandCalendar, '2026-03-09T02:00:00Z')!('2026-03-06T09:00:00Z')).toEqual({ businessMinutes: -90, workingDayMinutes: 450 });
  });

  it('has no clock without a calendar', () => {
    expect(dueClock(undefined, '2026-03-09T02:00:00Z')).toBeUndefined();
  });
});

describe('return targets, as the engine allows them', () => {
  const user = (id: string) => ({ kind: 'user' as const, userId: id });
  const step = (id: string, returnTo?: ApprovalNode['returnTo']): ApprovalNode => ({
    id,
    type: 'approval',
    name: { en: `Step ${id}`, 'zh-CN': `步骤${id}` },
    assignees: [user(`u_${id}`)],
    mode: 'single',
    actions: ['approve', 'return'],
    ...(returnTo ? { returnTo } : {}),
  });
  const flowWith = (last: ApprovalNode['returnTo']): FlowDefinition => ({
    kind: 'flow',
    key: 'chain',
    title: 'Chain',
    version: 1,
    schemaVersion: 1,
    variables: [],
    nodes: [{ id: 'start', type: 'start', name: { en: 'Start', 'zh-CN': '开始' } }, step('a'), step('b', 'any'), step('c', last), { id: 'end', type: 'end', name: { en: 'End', 'zh-CN': '结束' } }],
    edges: [
      { id: 'e1', source: 'start', target: 'a' },
      { id: 'e2', source: 'a', target: 'b' },
      { id: 'e3', source: 'b', target: 'c' },
      { id: 'e4', source: 'c', target: 'end' },
    ],
  });
  /** The case waiting at `c`, after a and b approved. */
  const atC = (flow: FlowDefinition): FlowState => {
    let state = execute(flow, null, { type: 'start', commandId: 's', actor: { userId: 'rm' } }, '2026-03-02T01:00:00Z').state;
    for (const id of ['a', 'b']) {
      const task = state.tasks!.find((t) => t.nodeId === id)!;
      state = execute(flow, state, { type: 'completeTask', commandId: `ok-${id}`, taskId: task.id, actor: { userId: `u_${id}` }, action: 'approve' }, '2026-03-02T02:00:00Z').state;
    }
    return state;
  };
  /** What the engine answers a return from `c` to `to`: `ok`, or its refusal's code. */
  const returning = (flow: FlowDefinition, state: FlowState, to: string): string => {
    const task = state.tasks!.find((t) => t.nodeId === 'c')!;
    try {
      execute(flow, state, { type: 'completeTask', commandId: `back-${to}`, taskId: task.id, actor: { userId: 'u_c' }, action: 'return', returnToNodeId: to, comment: 'why' }, '2026-03-02T03:00:00Z');
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };

  it.each([
    ['any', ['b', 'a', 'start']],
    ['previous', ['b']],
    ['initiator', ['start']],
  ] as const)('lists for returnTo %s the targets the engine takes, and no other', (returnTo, expected) => {
    const flow = flowWith(returnTo);
    const state = atC(flow);
    const targets = returnTargets(flow, state, state.tasks![0]!.id);
    expect(targets).toEqual(expected.map((id) => ({ nodeId: id, name: id === 'start' ? INITIATOR : { en: `Step ${id}`, 'zh-CN': `步骤${id}` } })));
    for (const id of ['start', 'a', 'b']) expect(returning(flow, state, id), id).toBe((expected as readonly string[]).includes(id) ? 'ok' : 'invalidReturnTarget');
  });

  it('offers none on a step without the return action, nor for a task the case does not have', () => {
    const flow = flowWith('any');
    const noReturn = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'c' ? { ...step('c'), actions: ['approve' as const] } : n)) };
    const state = atC(noReturn);
    expect(returnTargets(noReturn, state, state.tasks![0]!.id)).toEqual([]);
    expect(returnTargets(flow, state, 'k999')).toEqual([]);
  });
});

describe.each(dialects())('people, return targets, working time and case commands on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;
  const pollMs = process.env.BANKFORGE_FLOW_TIMER_POLL_MS;

  const submit = async (amount: number, rm: 'rm_sh' | 'rm_bj' = 'rm_sh'): Promise<CaseDetail> => {
    const started = await desk.as[rm]<CaseDetail>('POST', '/api/flows/loan_approval/instances', { recordId: await desk.newLoan(rm, amount) });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body;
  };
  const taskOf = (detail: CaseDetail, node: string): ApprovalTask => detail.tasks.find((t) => t.nodeId === node)!;
  const userId = async (username: string): Promise<string> => (await server.request<{ id: string; username: string }[]>('GET', '/api/auth/users')).body.find((u) => u.username === username)!.id;
  const people = async (query: string): Promise<string[]> => {
    const found = await desk.as.co_1<PeoplePage>('GET', `/api/people${query}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    return found.body.items.map((p) => p.id);
  };

  beforeAll(async () => {
    // The timers fire when a test says so: the seeded overdue case must stay where it was seeded until then.
    process.env.BANKFORGE_FLOW_TIMER_POLL_MS = '0';
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    const colleague = async (username: string, displayName: string, branch = 'BR001') =>
      expect((await server.request('POST', '/api/auth/users', { username, displayName, branch, roles: [] })).status).toBe(201);
    await colleague('Marco.Polo', 'Marco Polo');
    await colleague('teller_a', 'Chen Jun');
    await colleague('teller_b', '陈静', 'BR002');
    for (let i = 1; i <= 6; i++) await colleague(`teller_0${i}`, `Teller 0${i}`);
  });
  afterAll(async () => {
    await server?.close();
    if (pollMs === undefined) delete process.env.BANKFORGE_FLOW_TIMER_POLL_MS;
    else process.env.BANKFORGE_FLOW_TIMER_POLL_MS = pollMs;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds colleagues by username or name, case-insensitive, those starting with the text first', async () => {
    expect(await people('?q=co')).toEqual(['compliance', 'co_1', 'co_2', 'Marco.Polo']);
    expect(await people('?q=MARCO')).toEqual(['Marco.Polo']);
    expect(await people('?q=chen')).toEqual(['teller_a']);
    expect(await people(`?q=${encodeURIComponent('陈')}`)).toEqual(['teller_b']);
    // The wildcards are letters like any other: `co_` is not `co` and one more character.
    expect(await people('?q=co_')).toEqual(['co_1', 'co_2']);
    expect(await people('?q=nobody')).toEqual([]);
    // Names and branches only: no roles, no other attributes.
    const found = await desk.as.co_1<PeoplePage>('GET', `/api/people?q=${encodeURIComponent('陈')}`);
    expect(found.body.items).toEqual([{ id: 'teller_b', name: '陈静', branch: 'BR002' }]);
  });

  it('answers at most 20, fewer when asked, and refuses a larger page', async () => {
    expect(await people('')).toHaveLength(20);
    expect(await people('?q=teller&limit=2')).toEqual(['teller_a', 'teller_01']);
    for (const limit of ['0', '21', 'x']) expect((await desk.as.co_1<Problem>('GET', `/api/people?limit=${limit}`)).body.code).toBe('invalidPeopleQuery');
    expect((await desk.as.co_1<Problem>('GET', `/api/people?q=${'x'.repeat(65)}`)).status).toBe(400);
  });

  it('leaves out people who left', async () => {
    expect(await people('?q=cc_')).toEqual(['cc_1', 'cc_2', 'cc_3']);
    expect((await server.request('PATCH', `/api/auth/users/${await userId('cc_3')}`, { active: false })).status).toBe(200);
    expect(await people('?q=cc_')).toEqual(['cc_1', 'cc_2']);
  });

  it('answers nobody who is not signed in, and no API key; the route is in the OpenAPI document', async () => {
    expect((await server.anonymous('GET', '/api/people?q=co')).status).toBe(401);
    const key = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'core banking', roles: ['credit_officer'] });
    const refused = await server.anonymous<Problem>('GET', '/api/people?q=co', undefined, { authorization: `Bearer ${key.body.key}` });
    expect([refused.status, refused.body.code]).toEqual([403, 'peopleOnly']);
    const docs = await server.request<{ paths: Record<string, { get?: { tags?: string[]; parameters?: { name: string }[] } }> }>('GET', '/api/docs-json');
    expect(docs.body.paths['/api/people']?.get?.tags).toEqual(['flows']);
    expect(docs.body.paths['/api/people']?.get?.parameters?.map((p) => p.name).sort()).toEqual(['limit', 'q']);
  });

  it('delegates only to an active colleague who is neither an assignee nor the initiator', async () => {
    const started = await submit(3_000_000);
    const review = taskOf(started, 'officerReview');
    await desk.as.co_1('POST', `/api/tasks/${review.id}/claim`, {});
    const manager = taskOf((await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${review.id}/approve`, {})).body, 'branchManagerApproval');
    const delegate = (to: string) => desk.as.bm_sh<Problem>('POST', `/api/tasks/${manager.id}/delegate`, { delegateTo: to });
    const unknown = await delegate('nobody');
    expect([unknown.status, unknown.body.code, unknown.body.errors?.[0]]).toEqual([422, 'unknownPerson', expect.objectContaining({ path: '/delegateTo', code: 'unknownPerson' })]);
    expect((await delegate('cc_3')).body.code).toBe('unknownPerson');
    const initiator = await delegate('rm_sh');
    expect([initiator.status, initiator.body.code]).toEqual([403, 'makerChecker']);
    expect((await delegate('bm_sh')).body.code).toBe('invalidPayload');
    const added = await desk.as.bm_sh<Problem>('POST', `/api/tasks/${manager.id}/addApprover`, { addApprover: { userId: 'ghost', position: 'before' } });
    expect(added.body).toMatchObject({ code: 'unknownPerson', errors: [{ path: '/addApprover/userId' }] });
    expect((await delegate('bm_bj')).status).toBe(200);
  });

  it('says where a return goes: to the initiator from the credit officer, to the credit officer from the branch manager', async () => {
    const small = await submit(100_000);
    const officer = await desk.as.co_1<ApprovalTask>('GET', `/api/tasks/${taskOf(small, 'officerApproval').id}`);
    expect(officer.body.returnTargets).toEqual([{ nodeId: 'start', name: INITIATOR }]);

    const large = await submit(3_000_000);
    const review = taskOf(large, 'officerReview');
    await desk.as.co_2('POST', `/api/tasks/${review.id}/claim`, {});
    const approved = await desk.as.co_2<CaseDetail>('POST', `/api/tasks/${review.id}/approve`, {});
    const manager = taskOf(approved.body, 'branchManagerApproval');
    expect(manager.returnTargets).toEqual([{ nodeId: 'officerReview', name: { en: 'Credit officer review', 'zh-CN': '信贷员审核' } }]);
    expect((await desk.as.bm_sh<ApprovalTask>('GET', `/api/tasks/${manager.id}`)).body.returnTargets).toEqual(manager.returnTargets);
    // The inbox leaves it out (it would read every case's state); the engine refuses what is not listed.
    const inbox = await desk.as.bm_sh<TaskInboxPage>('GET', '/api/tasks?scope=mine');
    expect(inbox.body.items.find((t) => t.id === manager.id)).not.toHaveProperty('returnTargets');
    expect((await desk.as.bm_sh<Problem>('POST', `/api/tasks/${manager.id}/return`, { comment: 'Back to the RM', returnToNodeId: 'start' })).body.code).toBe('invalidReturnTarget');
    const back = await desk.as.bm_sh<CaseDetail>('POST', `/api/tasks/${manager.id}/return`, { comment: 'Check the valuation', returnToNodeId: 'officerReview' });
    expect(back.body.waitingAt.map((w) => w.nodeId)).toEqual(['officerReview']);
    // Back at the first step: nowhere earlier to go but the initiator.
    expect(taskOf(back.body, 'officerReview').returnTargets).toEqual([{ nodeId: 'start', name: INITIATOR }]);
  });

  it('says how much working time is left, on the bank calendar, across a weekend', async () => {
    const started = await submit(100_000, 'rm_bj');
    const task = taskOf(started, 'officerApproval');
    // Due Monday 9 March 2026, 10:30 in Shanghai.
    await server.database.transaction(async (sql) => {
      await sql.execute("UPDATE bf_flow_task SET due_at = '2026-03-09 02:30:00.000' WHERE id = ?", [task.id]);
      await sql.execute("UPDATE bf_flow_task_assignee SET due_at = '2026-03-09 02:30:00.000' WHERE task_pk = ?", [task.id]);
    });
    const read = async () => (await desk.as.co_1<ApprovalTask>('GET', `/api/tasks/${task.id}`)).body;
    // Read on Friday 16:00: the rest of Friday and Monday until 10:30.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-06T08:00:00Z') });
    expect(await read()).toMatchObject({ dueIn: { businessMinutes: 180, workingDayMinutes: 450 }, overdue: false });
    const inbox = await desk.as.co_1<TaskInboxPage>('GET', '/api/tasks?scope=claimable&limit=200');
    expect(inbox.body.items.find((t) => t.id === task.id)?.dueIn).toEqual({ businessMinutes: 180, workingDayMinutes: 450 });
    // Read on Monday 11:00: half an hour late.
    vi.setSystemTime(new Date('2026-03-09T03:00:00Z'));
    expect(await read()).toMatchObject({ dueIn: { businessMinutes: -30, workingDayMinutes: 450 }, overdue: true });
  });

  it('tells each case in my list what I may do on it: withdraw until someone acts, urge while an approver holds it', async () => {
    const fresh = await submit(3_000_000);
    const reviewed = await submit(3_000_000);
    const review = taskOf(reviewed, 'officerReview');
    await desk.as.co_1('POST', `/api/tasks/${review.id}/claim`, {});
    await desk.as.co_1('POST', `/api/tasks/${review.id}/approve`, {});
    const returned = await submit(100_000);
    await desk.as.co_1('POST', `/api/tasks/${taskOf(returned, 'officerApproval').id}/return`, { comment: 'Attach the income certificate' });
    const withdrawn = await submit(100_000);
    await desk.as.rm_sh('POST', `/api/flows/instances/${withdrawn.id}/withdraw`, {});

    const mine = (await desk.as.rm_sh<{ items: CaseSummary[] }>('GET', '/api/flows/instances?startedBy=me')).body.items;
    const can = (id: string) => mine.find((c) => c.id === id)?.can;
    expect(can(fresh.id)).toEqual({ withdraw: true, urge: true, cancel: false });
    expect(can(reviewed.id)).toEqual({ withdraw: false, urge: true, cancel: false });
    // Returned to the RM: theirs to withdraw or resubmit, nobody else's to urge.
    expect(can(returned.id)).toEqual({ withdraw: true, urge: false, cancel: false });
    expect(can(withdrawn.id)).toEqual({ withdraw: false, urge: false, cancel: false });
    // The list and the case agree; what the list offers, the engine does.
    expect((await desk.as.rm_sh<CaseDetail>('GET', `/api/flows/instances/${reviewed.id}`)).body.can).toEqual(can(reviewed.id));
    expect((await desk.as.rm_sh<Problem>('POST', `/api/flows/instances/${reviewed.id}/withdraw`, {})).body.code).toBe('withdrawNotAllowed');
    expect((await desk.as.rm_sh<Problem>('POST', `/api/flows/instances/${returned.id}/urge`, {})).body.code).toBe('taskNotOpen');
    // An administrator may cancel any running case, and withdraws none.
    const asAdmin = (await server.request<{ items: CaseSummary[] }>('GET', `/api/flows/instances?record=${fresh.recordId}`)).body.items[0]!;
    expect(asAdmin.can).toEqual({ withdraw: false, urge: false, cancel: true });
  });

  it('seeds a demo case overdue at the credit officers: first in their inbox, escalated by the next timer poll', async () => {
    // The desk copies individual customers into its RMs' books (as the example's own seed has them).
    const branch = (await server.request<{ items: { id: string }[] }>('POST', '/api/records/branch/query', { limit: 1 })).body.items[0]!.id;
    const individuals: string[] = [];
    for (const seed of generateBankCrmSeed({ seed: 11, customers: 20 })) {
      if (seed.entity !== 'customer' || seed.values.customer_type !== 'individual' || individuals.length === 2) continue;
      const created = await server.request<{ id: string }>('POST', '/api/records/customer', { ...seed.values, branch, customer_no: `C97${String(individuals.length).padStart(8, '0')}` });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      individuals.push(created.body.id);
    }
    await openDemoDesk(server.app, server.database, individuals, DEMO_PASSWORD, pino({ level: 'silent' }));
    const officer = await server.signIn('zhang_wei', DEMO_PASSWORD);
    const first = (await officer<TaskInboxPage>('GET', '/api/tasks')).body.items[0]!;
    // Named by its loan number, which the server gave it this month.
    expect(first).toMatchObject({ recordTitle: expect.stringMatching(new RegExp(`^${loanNumberPrefix()}\\d{6}$`)), nodeId: 'officerApproval', overdue: true });
    expect(first.dueIn!.businessMinutes).toBeLessThanOrEqual(0);
    expect(Date.parse(first.dueAt!)).toBe(Date.parse(first.createdAt));
    expect(await server.app.get(FlowTimers).fireDue()).toBeGreaterThanOrEqual(1);
    const detail = await server.request<CaseDetail>('GET', `/api/flows/instances/${first.caseId}`);
    expect(detail.body.trail.map((t) => t.action)).toContain('escalated');
    // The head of risk, the officers' manager, holds it now, still overdue.
    const head = await server.signIn('wu_min', DEMO_PASSWORD);
    expect((await head<TaskInboxPage>('GET', '/api/tasks')).body.items[0]).toMatchObject({ caseId: first.caseId, overdue: true });
    expect((await officer<TaskInboxPage>('GET', '/api/tasks')).body.items.map((t) => t.caseId)).not.toContain(first.caseId);
  });
});
