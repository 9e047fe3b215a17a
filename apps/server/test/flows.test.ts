import type { ApprovalTask, CaseDetail, NotificationPage, TaskInboxPage } from '@bankforge/client';
import { bankCrmRoles } from '@bankforge/example-bank-crm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowRunner } from '../src/modules/flows/flow-runner.js';
import { FlowTimers } from '../src/modules/flows/flow-timers.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { openLoanDesk, type LoanDesk } from './loan-fixtures.js';

type Problem = { code: string; errors?: { path: string; code: string }[] };

describe.each(dialects())('approval flows on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;

  const submit = async (loanId: string, rm: 'rm_sh' | 'rm_sh2' | 'rm_bj' = 'rm_sh'): Promise<CaseDetail> => {
    const started = await desk.as[rm]<CaseDetail>('POST', '/api/flows/loan_approval/instances', { recordId: loanId });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.headers.get('location')).toBe(`/api/flows/instances/${started.body.id}`);
    return started.body;
  };
  const taskOf = (detail: CaseDetail, node: string): ApprovalTask => {
    const task = detail.tasks.find((t) => t.nodeId === node);
    if (!task) throw new Error(`no open task at ${node}: ${JSON.stringify(detail.waitingAt)}`);
    return task;
  };
  const loan = async (id: string): Promise<Record<string, unknown>> => (await server.request<Record<string, unknown>>('GET', `/api/records/loan_application/${id}`)).body;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
  });
  afterAll(async () => server?.close());

  it('runs a 3,000,000 CNY loan through the credit officer and the branch manager, and the flow writes the outcome', async () => {
    const id = await desk.newLoan('rm_sh', 3_000_000);
    const started = await submit(id);
    expect(started).toMatchObject({ status: 'running', flowKey: 'loan_approval', recordId: id, startedBy: { id: 'rm_sh' } });
    expect(started.variables).toMatchObject({ amount: '3000000.00', creditScore: 780 });
    // The decision scored the applicant in process: a bureau score of 780 and a loan of twice the income.
    expect(Number(started.variables.score)).toBeGreaterThanOrEqual(70);
    expect(started.waitingAt.map((w) => w.nodeId)).toEqual(['officerReview']);
    expect(await loan(id)).toMatchObject({ status: 'submitted' });
    // The history keeps what the decision saw and which rules it matched; the trail says what it decided.
    expect(started.trail.find((t) => t.action === 'decided')?.text.en).toMatch(/^loan_scoring decided at .*: .*score \d+/);
    const payloads = await server.database.read((sql) => sql.rows<{ payload: string }>('SELECT payload FROM bf_flow_event WHERE instance_id = ? ORDER BY seq', [started.id]));
    const decided = payloads.map((p) => JSON.parse(p.payload) as { type: string; data: { key: string; ver: number; in: Record<string, unknown>; trace: { matchedRules: number[] }[] } }).find((e) => e.type === 'decided');
    expect(decided?.data).toMatchObject({ key: 'loan_scoring', ver: 1, in: { Amount: 3000000, CreditScore: 780 } });
    expect(decided?.data.trace.length).toBeGreaterThan(0);
    expect(decided?.data.trace.every((t) => Array.isArray(t.matchedRules))).toBe(true);

    // Both credit officers see the pool task; one claims it, approves with a comment.
    const inbox = await desk.as.co_1<TaskInboxPage>('GET', '/api/tasks?scope=claimable');
    expect(inbox.status).toBe(200);
    const pooled = inbox.body.items.find((t) => t.caseId === started.id)!;
    expect(pooled).toMatchObject({ claimable: true, actions: [], amount: { amount: '3000000.00', currency: 'CNY' } });
    expect((await desk.as.co_2<TaskInboxPage>('GET', '/api/tasks?scope=claimable')).body.items.map((t) => t.id)).toContain(pooled.id);
    const claimed = await desk.as.co_1<ApprovalTask>('POST', `/api/tasks/${pooled.id}/claim`, {});
    expect(claimed.body).toMatchObject({ claimedBy: { id: 'co_1' }, actions: expect.arrayContaining(['approve', 'reject', 'return']) });
    expect((await desk.as.co_2<Problem>('POST', `/api/tasks/${pooled.id}/claim`, {})).status).toBe(409);
    const approved = await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${pooled.id}/approve`, { comment: 'Income documents verified' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const bmTask = taskOf(approved.body, 'branchManagerApproval');
    expect(bmTask.assignees.map((a) => a.id)).toEqual(['bm_sh']);

    // The branch manager of the RM's branch approves; the case ends and the record says so.
    const done = await desk.as.bm_sh<CaseDetail>('POST', `/api/tasks/${bmTask.id}/approve`, { comment: '同意' });
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'approved', tasks: [] });
    expect(await loan(id)).toMatchObject({ status: 'approved', approved_amount: { amount: '3000000.00', currency: 'CNY' }, decided_by: 'bm_sh' });
    // An approved application is not submitted again.
    expect((await desk.as.rm_sh<Problem>('POST', '/api/flows/loan_approval/instances', { recordId: id })).body.code).toBe('caseAlreadyApproved');
    const trail = done.body.trail.map((t) => [t.action, t.actor?.id ?? null]);
    expect(trail).toEqual(expect.arrayContaining([['started', 'rm_sh'], ['approved', 'co_1'], ['approved', 'bm_sh']]));
    expect(done.body.trail.find((t) => t.actor?.id === 'co_1')?.comment).toBe('Income documents verified');
  });

  it('assigns over the directory as it is now: a credit officer added, then deactivated, between two cases', async () => {
    const added = await server.request<{ id: string }>('POST', '/api/auth/users', { username: 'co_new', displayName: 'CO NEW', branch: 'HQ', roles: ['credit_officer'], password: 'Xq7#long-enough-pass' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const first = await submit(await desk.newLoan('rm_sh', 200_000));
    expect(taskOf(first, 'officerApproval').assignees.map((a) => a.id).sort()).toEqual(['co_1', 'co_2', 'co_new']);
    expect((await server.request('PATCH', `/api/auth/users/${added.body.id}`, { active: false })).status).toBe(200);
    const second = await submit(await desk.newLoan('rm_sh', 200_000));
    expect(taskOf(second, 'officerApproval').assignees.map((a) => a.id).sort()).toEqual(['co_1', 'co_2']);
  });

  it('lets an administrator move a running case to the next version of its flow, and refuses one whose step changed', async () => {
    const started = await submit(await desk.newLoan('rm_sh', 200_000));
    expect(started.flowVersion).toBe(1);
    const current = await server.request<{ document: { nodes: { id: string; type: string; name: { en: string }; mode?: string }[] } & Record<string, unknown> }>('GET', '/api/artifacts/flow/loan_approval');
    const publish = async (change: (node: { id: string; name: { en: string }; mode?: string }) => void): Promise<number> => {
      const document = structuredClone(current.body.document);
      change(document.nodes.find((n) => n.id === 'officerApproval')!);
      expect((await server.request('PUT', '/api/artifacts/flow/loan_approval', document)).status).toBe(200);
      const published = await server.request<{ version: number }>('POST', '/api/artifacts/flow/loan_approval/publish');
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      return published.body.version;
    };
    const renamed = await publish((n) => (n.name.en = 'Credit officer review'));
    // The case page offers the move to an administrator only.
    expect((await server.request<CaseDetail>('GET', `/api/flows/instances/${started.id}`)).body.migrateTo).toBe(renamed);
    expect((await desk.as.rm_sh<CaseDetail>('GET', `/api/flows/instances/${started.id}`)).body.migrateTo).toBeUndefined();

    // Only an administrator moves a case; whoever may not see it learns nothing of it.
    expect((await desk.as.rm_sh<Problem>('POST', `/api/flows/instances/${started.id}/migrate`, {})).body.code).toBe('migrationForbidden');
    expect((await desk.as.rm_bj<Problem>('POST', `/api/flows/instances/${started.id}/migrate`, {})).status).toBe(404);
    const moved = await server.request<CaseDetail>('POST', `/api/flows/instances/${started.id}/migrate`, {});
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ flowVersion: renamed, status: 'running', waitingAt: [{ nodeId: 'officerApproval', name: { en: 'Credit officer review' } }] });
    expect(moved.body.migrateTo).toBeUndefined();
    expect(moved.body.trail.at(-1)).toMatchObject({ action: 'migrated', text: { en: expect.stringContaining(`to version ${renamed}`) } });

    // The case runs on under the new version: the officer approves it.
    const task = taskOf(moved.body, 'officerApproval');
    expect((await desk.as.co_1('POST', `/api/tasks/${task.id}/claim`, {})).status).toBe(200);
    expect((await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${task.id}/approve`, { comment: 'ok' })).body.status).toBe('completed');

    // A step whose approvals would not carry over refuses the move and names the step.
    const waiting = await submit(await desk.newLoan('rm_sh', 200_000));
    const changed = await publish((n) => (n.mode = 'all'));
    const refused = await server.request<Problem>('POST', `/api/flows/instances/${waiting.id}/migrate`, { toVersion: changed });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'migrationRefused', errors: [{ path: '/nodes/officerApproval', code: 'migrationRefused', messageZh: expect.stringContaining('信贷员审批') }] });
    expect((await server.request<CaseDetail>('GET', `/api/flows/instances/${waiting.id}`)).body.flowVersion).toBe(renamed);
    expect((await server.request<Problem>('POST', `/api/flows/instances/${waiting.id}/migrate`, { toVersion: 0 })).status).toBe(422);
    // Put the flow back as it was for the other tests.
    await publish((n) => Object.assign(n, current.body.document.nodes.find((x) => x.id === 'officerApproval')));
  });

  it('routes an approval above the approver\'s authority limit to the next authority, and lets one within it stand', async () => {
    const current = await server.request<{ document: { key: string; title: string; nodes: { id: string; authorityLimits?: unknown }[] } }>('GET', '/api/artifacts/flow/loan_approval?version=1');
    const limited = structuredClone(current.body.document);
    Object.assign(limited, { key: 'loan_limits', title: 'Loan approval with authority limits' });
    limited.nodes.find((n) => n.id === 'officerReview')!.authorityLimits = [
      { role: 'credit_officer', upTo: 1_000_000, amountVariable: 'amount' },
      { role: 'head_of_risk', upTo: 10_000_000, amountVariable: 'amount' },
    ];
    expect((await server.request('PUT', '/api/artifacts/flow/loan_limits', limited)).status).toBe(200);
    expect((await server.request('POST', '/api/artifacts/flow/loan_limits/publish')).status).toBe(200);
    const rm = bankCrmRoles.find((r) => r.key === 'relationship_manager')!;
    expect((await server.request('PUT', '/api/auth/roles/relationship_manager', { ...rm, flows: { ...rm.flows, loan_limits: ['start'] } })).status).toBe(200);
    const start = async (amount: number): Promise<CaseDetail> => {
      const started = await desk.as.rm_sh<CaseDetail>('POST', '/api/flows/loan_limits/instances', { recordId: await desk.newLoan('rm_sh', amount) });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      return started.body;
    };
    const approve = async (who: 'co_1' | 'risk', task: ApprovalTask): Promise<CaseDetail> => {
      if (task.claimable || task.assignees.length > 1) expect((await desk.as[who]('POST', `/api/tasks/${task.id}/claim`, {})).status).toBe(200);
      const done = await desk.as[who]<CaseDetail>('POST', `/api/tasks/${task.id}/approve`, { comment: 'ok' });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      return done.body;
    };

    // 3,000,000 is above the credit officer's 1,000,000: the head of risk must approve after them.
    const large = await start(3_000_000);
    const routed = await approve('co_1', taskOf(large, 'officerReview'));
    expect(taskOf(routed, 'officerReview').assignees.map((a) => a.id)).toEqual(['risk']);
    expect(routed.trail.find((t) => t.action === 'authorityRouted')).toMatchObject({ users: [{ id: 'risk' }], text: { en: expect.stringContaining('authority limit of 1000000') } });
    expect((await desk.as.co_2<{ code: string }>('POST', `/api/tasks/${taskOf(routed, 'officerReview').id}/approve`, { comment: 'me too' })).status).toBe(403);
    const next = await approve('risk', taskOf(routed, 'officerReview'));
    expect(next.waitingAt.map((w) => w.nodeId)).toEqual(['branchManagerApproval']);

    // 800,000 is within it: the officer's approval moves the case on at once.
    const small = await start(800_000);
    const moved = await approve('co_1', taskOf(small, 'officerReview'));
    expect(moved.waitingAt.map((w) => w.nodeId)).toEqual(['branchManagerApproval']);
    expect(moved.trail.some((t) => t.action === 'authorityRouted')).toBe(false);
  });

  it('refuses the flow-controlled fields through the records API, and the RM cannot approve their own loan', async () => {
    const id = await desk.newLoan('rm_sh', 200_000);
    const current = await loan(id);
    const edit = await desk.as.rm_sh<Problem>('PATCH', `/api/records/loan_application/${id}`, { version: current.version, status: 'approved' });
    expect(edit.status).toBe(422);
    expect(edit.body).toMatchObject({ code: 'fieldControlledByFlow', errors: [{ path: '/status', code: 'fieldControlledByFlow' }] });
    const created = await desk.as.rm_sh<Problem>('POST', '/api/records/loan_application', {
      customer: desk.customerOf.rm_sh,
      product: 'consumer',
      amount: { amount: '9000000.00', currency: 'CNY' },
      term_months: 12,
      status: 'approved',
    });
    expect(created.status).toBe(422);
    expect(created.body.code).toBe('fieldControlledByFlow');
    // Unchanged controlled values pass (a form sends every field).
    const same = await desk.as.rm_sh('PATCH', `/api/records/loan_application/${id}`, { version: current.version, status: current.status, purpose: 'Working capital' });
    expect(same.status).toBe(200);
    expect(await loan(id)).toMatchObject({ status: 'draft', purpose: 'Working capital' });
  });

  it('keeps maker-checker, visibility and start rights', async () => {
    const id = await desk.newLoan('rm_sh', 200_000);
    // A credit officer may not start the RM's case; another RM cannot see the record at all.
    expect((await desk.as.co_1<Problem>('POST', '/api/flows/loan_approval/instances', { recordId: id })).body.code).toBe('flowStartForbidden');
    expect((await desk.as.rm_bj<Problem>('POST', '/api/flows/loan_approval/instances', { recordId: id })).status).toBe(404);
    const started = await submit(id);
    expect((await desk.as.rm_sh<Problem>('POST', '/api/flows/loan_approval/instances', { recordId: id })).body.code).toBe('caseAlreadyRunning');
    const task = taskOf(started, 'officerApproval');
    // The initiator is never an approver; others outside the case get 404, not a hint.
    expect((await desk.as.rm_sh<Problem>('POST', `/api/tasks/${task.id}/approve`, {})).status).toBe(403);
    expect((await desk.as.rm_bj('GET', `/api/flows/instances/${started.id}`)).status).toBe(404);
    expect((await desk.as.rm_bj('GET', `/api/tasks/${task.id}`)).status).toBe(404);
    // A committee member reads every loan, so sees the case, but is no approver of this step.
    expect((await desk.as.cc_1<Problem>('POST', `/api/tasks/${task.id}/approve`, {})).body.code).toBe('notAssignee');
    // The branch manager reads the branch's loans, so sees the case; compliance reads all.
    expect((await desk.as.bm_sh('GET', `/api/flows/instances/${started.id}`)).status).toBe(200);
    expect((await desk.as.compliance('GET', `/api/flows/instances/${started.id}`)).status).toBe(200);
    // A rejection needs a reason.
    expect((await desk.as.co_1<Problem>('POST', `/api/tasks/${task.id}/reject`, {})).body.code).toBe('validationFailed');
    const rejected = await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${task.id}/reject`, { comment: 'Debt ratio too high' });
    expect(rejected.body).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect(await loan(id)).toMatchObject({ status: 'rejected', decided_by: 'co_1' });
    // The RM was told, in both languages.
    const notes = await desk.as.rm_sh<NotificationPage>('GET', '/api/notifications?unread=true');
    const outcome = notes.body.items.find((n) => n.caseId === started.id && n.kind === 'outcome');
    expect(outcome?.text).toMatchObject({ en: expect.stringContaining('rejected'), 'zh-CN': expect.stringContaining('已拒绝') });
  });

  it('lets exactly one of two approvers acting at the same instant win; the other gets 409', async () => {
    const id = await desk.newLoan('rm_sh2', 100_000);
    const started = await submit(id, 'rm_sh2');
    const task = taskOf(started, 'officerApproval');
    const [a, b] = await Promise.all([
      desk.as.co_1('POST', `/api/tasks/${task.id}/approve`, { comment: 'a' }),
      desk.as.co_2('POST', `/api/tasks/${task.id}/approve`, { comment: 'b' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const detail = await server.request<CaseDetail>('GET', `/api/flows/instances/${started.id}`);
    expect(detail.body.trail.filter((t) => t.action === 'approved')).toHaveLength(1);
  });

  it('answers a repeated command the same and appends its events once', async () => {
    const id = await desk.newLoan('rm_sh', 100_000);
    const started = await submit(id);
    const task = taskOf(started, 'officerApproval');
    const key = { 'Idempotency-Key': 'approve-once-1' };
    const first = await desk.as.co_2<CaseDetail>('POST', `/api/tasks/${task.id}/approve`, { comment: 'ok' }, key);
    const again = await desk.as.co_2<CaseDetail>('POST', `/api/tasks/${task.id}/approve`, { comment: 'ok' }, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.trail).toEqual(first.body.trail);
    const [events] = await server.database.read((sql) => sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM bf_flow_event WHERE instance_id = ? AND command_id = 'co_2/approve-once-1'", [started.id]));
    expect(Number(events!.n)).toBeGreaterThan(0);
    const seqs = await server.database.read((sql) => sql.rows<{ seq: number }>('SELECT seq FROM bf_flow_event WHERE instance_id = ? ORDER BY seq', [started.id]));
    expect(seqs.map((r) => Number(r.seq))).toEqual(seqs.map((_, i) => i + 1));
  });

  it('returns a case to the RM, who amends the record and resubmits', async () => {
    const id = await desk.newLoan('rm_sh', 400_000);
    const started = await submit(id);
    const task = taskOf(started, 'officerApproval');
    const returned = await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${task.id}/return`, { comment: 'Please attach the income certificate' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(await loan(id)).toMatchObject({ status: 'returned' });
    const mine = await desk.as.rm_sh<TaskInboxPage>('GET', '/api/tasks?scope=mine');
    const resubmit = mine.body.items.find((t) => t.caseId === started.id)!;
    expect(resubmit).toMatchObject({ nodeId: 'start', actions: expect.arrayContaining(['approve']) });
    // The RM amends the record (not the controlled fields), then resubmits.
    const current = await loan(id);
    expect((await desk.as.rm_sh('PATCH', `/api/records/loan_application/${id}`, { version: current.version, amount: { amount: '450000.00', currency: 'CNY' } })).status).toBe(200);
    const again = await desk.as.rm_sh<CaseDetail>('POST', `/api/tasks/${resubmit.id}/approve`, { comment: 'Certificate attached' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.variables.amount).toBe('450000.00');
    expect(again.body.waitingAt.map((w) => w.nodeId)).toEqual(['officerApproval']);
    expect(await loan(id)).toMatchObject({ status: 'submitted' });
    const notes = await desk.as.rm_sh<NotificationPage>('GET', '/api/notifications');
    expect(notes.body.items.some((n) => n.caseId === started.id && n.kind === 'returned')).toBe(true);
  });

  it('withdraws by the initiator only, and lists my cases', async () => {
    const id = await desk.newLoan('rm_sh', 100_000);
    const started = await submit(id);
    expect(started.can).toMatchObject({ withdraw: true, urge: true, cancel: false });
    expect((await desk.as.bm_sh<Problem>('POST', `/api/flows/instances/${started.id}/withdraw`, {})).body.code).toBe('notInitiator');
    const urged = await desk.as.rm_sh<CaseDetail>('POST', `/api/flows/instances/${started.id}/urge`, { comment: 'Customer is waiting' });
    expect(urged.status).toBe(200);
    const withdrawn = await desk.as.rm_sh<CaseDetail>('POST', `/api/flows/instances/${started.id}/withdraw`, {});
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', tasks: [] });
    expect(await loan(id)).toMatchObject({ status: 'withdrawn' });
    const mine = await desk.as.rm_sh<{ items: { id: string; status: string }[] }>('GET', '/api/flows/instances?startedBy=me');
    expect(mine.body.items.find((c) => c.id === started.id)?.status).toBe('withdrawn');
    expect((await desk.as.rm_bj<{ items: unknown[] }>('GET', `/api/flows/instances?record=${id}`)).body.items).toEqual([]);
  });

  it('comments, adds an approver, delegates, and lets only an administrator cancel', async () => {
    const started = await submit(await desk.newLoan('rm_sh', 3_000_000));
    const review = taskOf(started, 'officerReview');
    await desk.as.co_1('POST', `/api/tasks/${review.id}/claim`, {});
    const commented = await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${review.id}/comment`, { comment: 'Waiting for the valuation report' });
    expect(commented.body.trail.at(-1)).toMatchObject({ action: 'commented', actor: { id: 'co_1', name: 'CO_1' }, comment: 'Waiting for the valuation report' });
    expect((await desk.as.co_1<Problem>('POST', `/api/tasks/${review.id}/comment`, {})).status).toBe(422);
    const reviewed = await desk.as.co_1<CaseDetail>('POST', `/api/tasks/${review.id}/approve`, {});
    const manager = taskOf(reviewed.body, 'branchManagerApproval');
    // The branch manager asks the head of risk to approve first, then hands the step to a colleague.
    const added = await desk.as.bm_sh<CaseDetail>('POST', `/api/tasks/${manager.id}/addApprover`, { addApprover: { userId: 'risk', position: 'before' }, comment: 'Large exposure' });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.trail.at(-1)).toMatchObject({ action: 'approverAdded', users: [{ id: 'risk', name: 'RISK' }] });
    const riskNotes = await desk.as.risk<NotificationPage>('GET', '/api/notifications?unread=true');
    expect(riskNotes.body.items.some((n) => n.caseId === started.id && n.kind === 'assigned')).toBe(true);
    expect((await desk.as.bm_sh<Problem>('POST', `/api/tasks/${manager.id}/approve`, {})).body.code).toBe('notYourTurn');
    expect((await desk.as.risk('POST', `/api/tasks/${manager.id}/approve`, { comment: 'Fine by risk' })).status).toBe(200);
    const delegated = await desk.as.bm_sh<CaseDetail>('POST', `/api/tasks/${manager.id}/delegate`, { delegateTo: 'bm_bj', comment: 'On leave from tomorrow' });
    expect(delegated.status, JSON.stringify(delegated.body)).toBe(200);
    expect(taskOf(delegated.body, 'branchManagerApproval').assignees.map((a) => a.id)).toEqual(['bm_bj']);
    expect((await desk.as.bm_sh<Problem>('POST', `/api/tasks/${manager.id}/approve`, {})).status).toBe(403);
    expect((await desk.as.bm_bj<CaseDetail>('POST', `/api/tasks/${manager.id}/approve`, {})).body).toMatchObject({ status: 'completed', outcome: 'approved' });

    // Nobody but an administrator cancels a case.
    const other = await submit(await desk.newLoan('rm_sh', 90_000));
    expect((await desk.as.rm_sh<Problem>('POST', `/api/flows/instances/${other.id}/cancel`, {})).body.code).toBe('notAuthorized');
    const cancelled = await server.request<CaseDetail>('POST', `/api/flows/instances/${other.id}/cancel`, { comment: 'Customer left the bank' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', tasks: [] });
    // Every command is in the audit log, as the case's record's history.
    const audit = await server.request<{ action: string; detail: Record<string, unknown> }[]>('GET', `/api/audit?entity=loan_application&recordId=${started.recordId}`);
    expect(audit.body.filter((e) => e.action === 'flow').map((e) => [e.detail.command, e.detail.action ?? null])).toEqual([
      ['start', null],
      ['completeTask', 'comment'],
      ['completeTask', 'approve'],
      ['completeTask', 'addApprover'],
      ['completeTask', 'approve'],
      ['completeTask', 'delegate'],
      ['completeTask', 'approve'],
    ]);
  });

  it('stops claiming due timers once the server shuts down: the batch in hand, no more', async () => {
    const timers = new FlowTimers(server.database, server.app.get(FlowRunner));
    for (let i = 0; i < 60; i++) await submit(await desk.newLoan('rm_sh2', 80_000), 'rm_sh2');
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_timer SET due_at = '2020-01-01 00:00:00.000' WHERE state = 'scheduled'"));
    // Counted by this instance's leases: the server's own poller may fire due timers meanwhile.
    const fired = async (): Promise<number> =>
      Number((await server.database.read((sql) => sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM bf_flow_timer WHERE state = 'fired' AND lease_owner = ?", [timers.owner])))[0]!.n);
    const before = await fired();
    // Shutdown comes while the first claim is under way: that batch is fired, no further one is claimed.
    const draining = timers.fireDue();
    await timers.onApplicationShutdown();
    expect(await draining).toBeGreaterThan(0);
    expect((await fired()) - before).toBeLessThanOrEqual(50);
    // The rest are fired by the server's own instance: its poller may have been there first, so count what is left.
    const left = async (): Promise<number> =>
      Number((await server.database.read((sql) => sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM bf_flow_timer WHERE state = 'scheduled' AND due_at <= '2020-01-01 00:00:00.000'")))[0]!.n);
    await server.app.get(FlowTimers).fireDue();
    // A fire that raced the other instance's (MariaDB, under load) is tried again once its short retry
    // lease runs out: run it out, as time would, and drain again.
    for (let retries = 0; retries < 3 && (await left()) > 0; retries++) {
      await server.database.single((sql) => sql.execute("UPDATE bf_flow_timer SET lease_until = '2020-01-01 00:00:00.000' WHERE state = 'scheduled'"));
      await server.app.get(FlowTimers).fireDue();
    }
    expect(await left()).toBe(0);
  });

  it('answers nobody who is not signed in, and no API key: cases are people\'s work', async () => {
    const started = await submit(await desk.newLoan('rm_sh', 100_000));
    const task = taskOf(started, 'officerApproval');
    for (const [method, path] of [
      ['GET', '/api/tasks'],
      ['GET', `/api/tasks/${task.id}`],
      ['POST', `/api/tasks/${task.id}/approve`],
      ['GET', `/api/flows/instances/${started.id}`],
      ['GET', '/api/flows/instances?startedBy=me'],
      ['POST', '/api/flows/loan_approval/instances'],
      ['GET', '/api/notifications'],
    ] as const) {
      expect((await server.anonymous(method, path, method === 'POST' ? {} : undefined)).status, `${method} ${path}`).toBe(401);
    }
    const key = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'core banking', roles: ['credit_officer'] });
    expect(key.status).toBe(201);
    const bearer = { authorization: `Bearer ${key.body.key}` };
    expect((await server.anonymous<Problem>('GET', '/api/tasks', undefined, bearer)).body.code).toBe('peopleOnly');
    expect((await server.anonymous<Problem>('POST', `/api/tasks/${task.id}/approve`, {}, bearer)).body.code).toBe('peopleOnly');
  });

  it('pages the inbox overdue first, and filters it by amount, step and due time', async () => {
    const small = await submit(await desk.newLoan('rm_bj', 120_000), 'rm_bj');
    const large = await submit(await desk.newLoan('rm_bj', 480_000), 'rm_bj');
    const mine = (t: TaskInboxPage): string[] => t.items.filter((i) => i.caseId === small.id || i.caseId === large.id).map((i) => i.caseId);
    // The larger loan's step is overdue (its due time moved back): it comes first and is counted.
    const late = taskOf(large, 'officerApproval').id;
    await server.database.transaction(async (sql) => {
      await sql.execute("UPDATE bf_flow_task SET due_at = '2026-01-05 01:00:00.000' WHERE id = ?", [late]);
      await sql.execute("UPDATE bf_flow_task_assignee SET due_at = '2026-01-05 01:00:00.000' WHERE task_pk = ?", [late]);
    });
    const all = await desk.as.co_2<TaskInboxPage>('GET', '/api/tasks?scope=claimable&limit=200');
    expect(all.body.items[0]!.caseId).toBe(large.id);
    expect(all.body.items[0]!.overdue).toBe(true);
    expect(all.body.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(mine((await desk.as.co_2<TaskInboxPage>('GET', '/api/tasks?scope=claimable&overdue=true')).body)).toEqual([large.id]);
    expect(mine((await desk.as.co_2<TaskInboxPage>('GET', '/api/tasks?scope=claimable&minAmount=100000&maxAmount=200000&limit=200')).body)).toEqual([small.id]);
    expect(mine((await desk.as.co_2<TaskInboxPage>('GET', '/api/tasks?scope=claimable&node=officerReview&limit=200')).body)).toEqual([]);
    // One at a time: every open task once, in the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: TaskInboxPage } = await desk.as.co_2<TaskInboxPage>('GET', `/api/tasks?scope=claimable&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i) => i.id));
    expect((await desk.as.co_2<Problem>('GET', '/api/tasks?limit=0')).status).toBe(400);
  });

  it('fires a due timer once, with the timer as the command, on the database clock', async () => {
    const id = await desk.newLoan('rm_sh', 100_000);
    const started = await submit(id);
    const [timer] = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM bf_flow_timer WHERE instance_id = ? AND state = 'scheduled'", [started.id]));
    expect(timer, 'the approval timeout is a durable timer').toBeDefined();
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_timer SET due_at = '2020-01-01 00:00:00.000' WHERE id = ?", [timer!.id]));
    const timers = server.app.get(FlowTimers);
    expect(await timers.fireDue()).toBeGreaterThanOrEqual(1);
    expect(await timers.fireDue()).toBe(0);
    const events = await server.database.read((sql) => sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_flow_event WHERE instance_id = ? AND command_id = ?', [started.id, `timer:${timer!.id}`]));
    expect(Number(events[0]!.n)).toBeGreaterThan(0);
    // The 48-hour timeout escalated the step to the officers' manager, who is told.
    const detail = await server.request<CaseDetail>('GET', `/api/flows/instances/${started.id}`);
    expect(detail.body.trail.map((t) => t.action)).toContain('escalated');
    expect(detail.body.tasks[0]!.assignees.map((a) => a.id)).toEqual(['risk']);
    const notes = await desk.as.risk<NotificationPage>('GET', '/api/notifications');
    expect(notes.body.items.filter((n) => n.caseId === started.id).map((n) => n.kind)).toContain('escalate');
  });

  it('fires timers due together in one transaction, and when one of them is refused, each on its own', async () => {
    const cases: CaseDetail[] = [];
    for (let i = 0; i < 3; i++) cases.push(await submit(await desk.newLoan('rm_sh', 100_000 + i)));
    const due = await server.database.read((sql) => sql.rows<{ id: string; instance_id: string }>(`SELECT id, instance_id FROM bf_flow_timer WHERE state = 'scheduled' AND instance_id IN (?, ?, ?)`, cases.map((c) => c.id)));
    expect(due).toHaveLength(3);
    // One timer the case does not know (as if its step had moved on): the engine refuses it.
    const broken = due[1]!;
    await server.database.transaction(async (sql) => {
      await sql.execute(`UPDATE bf_flow_timer SET due_at = '2020-01-01 00:00:00.000' WHERE id IN (?, ?, ?)`, due.map((t) => t.id));
      await sql.execute("UPDATE bf_flow_timer SET timer_id = 'm999999' WHERE id = ?", [broken.id]);
    });
    expect(await server.app.get(FlowTimers).fireDue()).toBe(2);
    const states = await server.database.read((sql) => sql.rows<{ id: string; state: string; last_error: string | null }>(`SELECT id, state, last_error FROM bf_flow_timer WHERE id IN (?, ?, ?)`, due.map((t) => t.id)));
    expect(states.find((t) => t.id === broken.id)).toMatchObject({ state: 'fired', last_error: expect.any(String) });
    expect(states.filter((t) => t.id !== broken.id).map((t) => [t.state, t.last_error])).toEqual([['fired', null], ['fired', null]]);
    for (const timer of due.filter((t) => t.id !== broken.id)) {
      const detail = await server.request<CaseDetail>('GET', `/api/flows/instances/${timer.instance_id}`);
      expect(detail.body.trail.filter((t) => t.action === 'escalated')).toHaveLength(1);
    }
  });
});
