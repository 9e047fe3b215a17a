/**
 * Approval tasks as records (`approval_task`): the flows write one per task as it opens, changes
 * hands and closes, in the command's transaction; the server publishes the entity and nobody else
 * writes it; reports read it within each reader's data scope.
 */
import type { ApprovalTask, CaseDetail, ReportRunResult } from '@bankforge/client';
import { bankCrmRoles } from '@bankforge/example-bank-crm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArtifactsService } from '../src/modules/artifacts/artifacts.service.js';
import { FlowTimers } from '../src/modules/flows/flow-timers.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { openLoanDesk, type LoanDesk, type LoanPerson } from './loan-fixtures.js';

type Problem = { status: number; code: string };
type TaskRecord = Record<string, unknown> & { id: string; version: number; owner_id: string | null };

/** Friday 3 April 2026, 16:00 in Shanghai: the Qingming holiday runs Saturday to Monday. */
const FRIDAY_BEFORE_QINGMING = '2026-04-03T08:00:00.000Z';
/** Tuesday 7 April 2026, 10:00 in Shanghai: the first working day after it. */
const TUESDAY_AFTER_QINGMING = '2026-04-07T02:00:00.000Z';

describe.each(dialects())('approval tasks as records on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;
  const ids: Record<string, string> = {};
  const pollMs = process.env.BANKFORGE_FLOW_TIMER_POLL_MS;

  const submit = async (amount: number, rm: LoanPerson = 'rm_sh'): Promise<CaseDetail> => {
    const started = await desk.as[rm]<CaseDetail>('POST', '/api/flows/loan_approval/instances', {
      recordId: await desk.newLoan(rm, amount),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body;
  };
  const taskOf = (detail: CaseDetail, node: string): ApprovalTask =>
    detail.tasks.find((t) => t.nodeId === node)!;
  const act = async (
    who: LoanPerson,
    task: ApprovalTask,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<CaseDetail> => {
    // A pool's task is claimed first; a countersign's members act each on their own.
    if (task.claimable)
      expect((await desk.as[who]('POST', `/api/tasks/${task.id}/claim`, {})).status).toBe(200);
    const done = await desk.as[who]<CaseDetail>('POST', `/api/tasks/${task.id}/${action}`, body);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return done.body;
  };
  /** A case's approval tasks as the administrator reads them, oldest first. */
  const rowsOf = async (caseId: string): Promise<TaskRecord[]> => {
    const page = await server.request<{ items: TaskRecord[] }>('POST', '/api/records/approval_task/query', {
      filter: { field: 'case_id', op: 'eq', value: caseId },
      sort: [{ field: 'opened_at' }, { field: 'id' }],
      limit: 50,
    });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    return page.body.items;
  };
  const rowOf = async (task: ApprovalTask): Promise<TaskRecord> =>
    (await rowsOf(task.caseId)).find((r) => r.task_key === task.id)!;

  beforeAll(async () => {
    // Timers fire when a test says so.
    process.env.BANKFORGE_FLOW_TIMER_POLL_MS = '0';
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    for (const user of (await server.request<{ id: string; username: string }[]>('GET', '/api/auth/users'))
      .body)
      ids[user.username] = user.id;
  });
  afterAll(async () => {
    await server?.close();
    if (pollMs === undefined) delete process.env.BANKFORGE_FLOW_TIMER_POLL_MS;
    else process.env.BANKFORGE_FLOW_TIMER_POLL_MS = pollMs;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is published by the server as it starts, once, and only the server changes its definition', async () => {
    const listed = await server.request<{ key: string; latestVersion: number; state: string }[]>(
      'GET',
      '/api/artifacts/entity',
    );
    expect(listed.body.find((a) => a.key === 'approval_task')).toMatchObject({
      latestVersion: 1,
      state: 'published',
    });
    // A restart finds it as it defines it: nothing is published again.
    await server.app.get(ArtifactsService).publishPlatformEntities();
    expect(
      (await server.request<unknown[]>('GET', '/api/artifacts/entity/approval_task/versions')).body,
    ).toHaveLength(1);
    const draft = await server.request<{ document: { fields: { key: string }[] } }>(
      'GET',
      '/api/artifacts/entity/approval_task',
    );
    const changed = {
      ...draft.body.document,
      fields: draft.body.document.fields.filter((f) => f.key !== 'on_time'),
    };
    for (const refused of [
      await server.request<Problem>('PUT', '/api/artifacts/entity/approval_task', changed),
      await server.request<Problem>('POST', '/api/artifacts/entity/approval_task/publish', {}),
    ]) {
      expect([refused.status, refused.body.code]).toEqual([403, 'platformEntity']);
    }
  });

  it('opens a row with the task, gives it to the officer who claims it, and closes it as they approve, on time', async () => {
    const started = await submit(100_000);
    const task = taskOf(started, 'officerApproval');
    const opened = await rowOf(task);
    expect(opened).toMatchObject({
      case_id: started.id,
      flow_key: 'loan_approval',
      flow_version: 1,
      node_id: 'officerApproval',
      node_name: 'Credit officer approval',
      node_name_zh: '信贷员审批',
      kind: 'approval',
      subject_entity: 'loan_application',
      subject_id: started.recordId,
      completed_at: null,
      outcome: null,
      business_days: null,
      on_time: null,
      // Both credit officers may take it: nobody holds it yet.
      owner_id: null,
      created_by: ids.rm_sh,
    });
    // The officers' SLA is 48 hours in calendar time.
    expect(Date.parse(String(opened.due_at)) - Date.parse(String(opened.opened_at))).toBe(48 * 3600_000);

    expect((await desk.as.co_1('POST', `/api/tasks/${task.id}/claim`, {})).status).toBe(200);
    expect((await rowOf(task)).owner_id).toBe(ids.co_1);
    expect((await desk.as.co_1('POST', `/api/tasks/${task.id}/approve`, { comment: 'ok' })).status).toBe(200);
    const closed = await rowOf(task);
    expect(closed).toMatchObject({
      outcome: 'approved',
      on_time: true,
      owner_id: ids.co_1,
      updated_by: ids.co_1,
    });
    expect(Date.parse(String(closed.completed_at))).toBeGreaterThanOrEqual(
      Date.parse(String(opened.opened_at)),
    );
    expect(Number(closed.business_days)).toBeLessThan(0.5);
  });

  it('follows a case returned to its RM, resubmitted and withdrawn: a rework row for the RM, the withdrawn task cancelled', async () => {
    const started = await submit(200_000);
    const returned = await act('co_2', taskOf(started, 'officerApproval'), 'return', {
      comment: 'Attach the income certificate',
    });
    const rework = taskOf(returned, 'start');
    const [first, reworkRow] = await rowsOf(started.id);
    expect(first).toMatchObject({ outcome: 'returned', owner_id: ids.co_2, on_time: true });
    expect(reworkRow).toMatchObject({
      task_key: rework.id,
      kind: 'rework',
      node_id: 'start',
      owner_id: ids.rm_sh,
      due_at: null,
      outcome: null,
    });

    const resubmitted = await act('rm_sh', rework, 'approve', {});
    const again = taskOf(resubmitted, 'officerApproval');
    expect((await desk.as.rm_sh('POST', `/api/flows/instances/${started.id}/withdraw`, {})).status).toBe(200);
    const rows = await rowsOf(started.id);
    expect(rows.map((r) => [r.node_id, r.outcome, r.on_time])).toEqual([
      ['officerApproval', 'returned', true],
      ['start', 'resubmitted', null],
      // Withdrawn before its due time: neither on time nor late.
      ['officerApproval', 'cancelled', null],
    ]);
    expect(rows[2]).toMatchObject({ task_key: again.id, owner_id: null, updated_by: ids.rm_sh });
  });

  it('is read-only through the records API, for the administrator too', async () => {
    const [row] = (
      await server.request<{ items: TaskRecord[] }>('POST', '/api/records/approval_task/query', { limit: 1 })
    ).body.items;
    const refusals = [
      await server.request<Problem>('POST', '/api/records/approval_task', {
        task_key: 'forged',
        case_id: 'x',
        flow_key: 'x',
        flow_version: 1,
        node_id: 'x',
        kind: 'approval',
        opened_at: FRIDAY_BEFORE_QINGMING,
      }),
      await server.request<Problem>('PATCH', `/api/records/approval_task/${row!.id}`, {
        version: row!.version,
        on_time: true,
      }),
      await server.request<Problem>('DELETE', `/api/records/approval_task/${row!.id}`),
      await server.request<Problem>('POST', '/api/records/approval_task/transfer', {
        ids: [row!.id],
        to: 'co_2',
        reason: 'Rebalancing the desk',
      }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(
      Array(4).fill([403, 'platformEntityReadOnly']),
    );
    // Reading is a grant like any other: the head of risk reads them all.
    expect((await desk.as.risk('GET', `/api/records/approval_task/${row!.id}`)).status).toBe(200);
  });

  it("counts business days on the bank calendar across the Qingming holiday, and on time by each step's own due time", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(FRIDAY_BEFORE_QINGMING) });
    const small = await submit(100_000, 'rm_sh2');
    const large = await submit(8_000_000, 'rm_sh2');
    const officer = taskOf(small, 'officerApproval');
    const committee = taskOf(large, 'committeeApproval');
    // 48 hours of calendar time: Sunday 16:00. Three business days: the holiday and the weekend skipped, Thursday 16:00.
    expect(await rowOf(officer)).toMatchObject({
      opened_at: FRIDAY_BEFORE_QINGMING,
      due_at: '2026-04-05T08:00:00.000Z',
      owner_id: null,
    });
    expect(await rowOf(committee)).toMatchObject({
      opened_at: FRIDAY_BEFORE_QINGMING,
      due_at: '2026-04-09T08:00:00.000Z',
      owner_id: null,
    });

    vi.setSystemTime(new Date(TUESDAY_AFTER_QINGMING));
    await act('co_1', officer, 'approve');
    await act('cc_1', committee, 'approve');
    expect((await rowOf(committee)).outcome).toBeNull();
    await act('cc_2', committee, 'approve');
    // Friday 16:00–17:30 and Tuesday 09:00–10:00: 150 of a 450-minute working day.
    expect(await rowOf(officer)).toMatchObject({
      completed_at: TUESDAY_AFTER_QINGMING,
      outcome: 'approved',
      business_days: '0.33',
      on_time: false,
      owner_id: ids.co_1,
    });
    // The second approval of three decided the countersign: its approver owns it.
    expect(await rowOf(committee)).toMatchObject({
      completed_at: TUESDAY_AFTER_QINGMING,
      outcome: 'approved',
      business_days: '0.33',
      on_time: true,
      owner_id: ids.cc_2,
    });
  });

  it('marks an open task late when its timeout fires, and it stays late once decided', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(FRIDAY_BEFORE_QINGMING) });
    const started = await submit(150_000, 'rm_bj');
    const task = taskOf(started, 'officerApproval');
    vi.useRealTimers();
    // Due on 5 April 2026 by the database's clock, which is today's: the timeout escalates to the officers' manager.
    expect(await server.app.get(FlowTimers).fireDue()).toBeGreaterThanOrEqual(1);
    expect(await rowOf(task)).toMatchObject({ on_time: false, outcome: null, owner_id: ids.risk });
    await act('risk', task, 'approve');
    expect(await rowOf(task)).toMatchObject({ on_time: false, outcome: 'approved', owner_id: ids.risk });
  });

  it('reports the approval SLA by step with the on-time share, each reader within their data scope', async () => {
    type Row = {
      step: string;
      step_zh: string;
      tasks: number;
      on_time: number;
      with_verdict: number;
      on_time_share: number | null;
      business_days: string | number | null;
    };
    const run = async (who: LoanPerson): Promise<Row[]> => {
      const answer = await desk.as[who]<ReportRunResult>('POST', '/api/reports/approval_sla/run', {});
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.rows as unknown as Row[];
    };
    const all = await server.request<{ items: TaskRecord[] }>('POST', '/api/records/approval_task/query', {
      filter: { field: 'kind', op: 'eq', value: 'approval' },
      limit: 200,
    });
    /** What the report should say of these rows, by English step name. */
    const expected = (
      rows: TaskRecord[],
    ): Record<string, { tasks: number; on_time: number; with_verdict: number }> => {
      const by: Record<string, { tasks: number; on_time: number; with_verdict: number }> = {};
      for (const row of rows) {
        const step = (by[String(row.node_name)] ??= { tasks: 0, on_time: 0, with_verdict: 0 });
        step.tasks++;
        if (row.on_time === true) step.on_time++;
        if (row.on_time !== null) step.with_verdict++;
      }
      return by;
    };
    const counted = (rows: Row[]) =>
      Object.fromEntries(
        rows.map((r) => [
          r.step,
          { tasks: Number(r.tasks), on_time: Number(r.on_time), with_verdict: Number(r.with_verdict) },
        ]),
      );

    // The head of risk reads every task: five at the officers' step, two of the four with a verdict
    // on time (the withdrawn one has none; two were late: after the holiday, and escalated).
    const risk = await run('risk');
    expect(counted(risk)).toEqual(expected(all.body.items));
    const officers = risk.find((r) => r.step === 'Credit officer approval')!;
    expect(officers).toMatchObject({ step_zh: '信贷员审批' });
    expect(counted([officers])).toEqual({
      'Credit officer approval': { tasks: 5, on_time: 2, with_verdict: 4 },
    });
    expect(Number(officers.on_time_share)).toBeCloseTo(0.5, 6);
    const committee = risk.find((r) => r.step === 'Credit committee countersign')!;
    expect(counted([committee])).toEqual({
      'Credit committee countersign': { tasks: 1, on_time: 1, with_verdict: 1 },
    });
    expect(Number(committee.on_time_share)).toBe(1);

    // A credit officer reads the tasks they hold or decided.
    expect(counted(await run('co_1'))).toEqual(
      expected(all.body.items.filter((r) => r.owner_id === ids.co_1)),
    );
    expect(counted(await run('co_1'))['Credit officer approval']).toEqual({
      tasks: 2,
      on_time: 1,
      with_verdict: 2,
    });
    // An RM holds no approval step (only their returned cases): the officers' tasks are not theirs to see.
    expect(await run('rm_sh')).toEqual([]);
    // Unless their role grants it.
    const rm = bankCrmRoles.find((r) => r.key === 'relationship_manager')!;
    expect(
      (
        await server.request('PUT', '/api/auth/roles/relationship_manager', {
          ...rm,
          entities: { ...rm.entities, approval_task: { read: 'all' } },
        })
      ).status,
    ).toBe(200);
    expect(counted(await run('rm_sh'))).toEqual(counted(risk));
  });
});
