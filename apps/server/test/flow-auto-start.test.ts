import type { CaseSummary } from '@bankforge/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { FlowOutboxDispatcher } from '../src/modules/flows/flow-outbox-dispatcher.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { openLoanDesk, type LoanDesk } from './loan-fixtures.js';

/** A flow that starts by itself (`record.startOn`): the loan approval, for every application of 8,000,000 or more. */
describe.each(dialects())('cases that start by themselves on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;

  const startEntries = async (): Promise<number> => {
    const [row] = await server.database.read((sql) => sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM bf_flow_outbox WHERE kind = 'startCase'"));
    return Number(row!.n);
  };
  const casesOf = async (recordId: string): Promise<CaseSummary[]> => (await server.request<{ items: CaseSummary[] }>('GET', `/api/flows/instances?record=${recordId}`)).body.items;

  const pollMs = process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS;

  beforeAll(async () => {
    // The test sends the outbox itself: a background tick between the write and the first look would start the case early.
    process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS = '0';
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    const flow = (await server.request<{ document: Record<string, unknown> & { record: Record<string, unknown> } }>('GET', '/api/artifacts/flow/loan_approval?version=1')).body.document;
    const auto = { ...structuredClone(flow), key: 'loan_auto', title: 'Large loan approval' };
    auto.record = { ...auto.record, startOn: { condition: 'amount >= 8000000' } };
    expect((await server.request('PUT', '/api/artifacts/flow/loan_auto', auto)).status).toBe(200);
    expect((await server.request('POST', '/api/artifacts/flow/loan_auto/publish')).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    if (pollMs === undefined) delete process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS;
    else process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS = pollMs;
  });

  it('starts a case as the RM who created a large application, once, after the write commits', async () => {
    const before = await startEntries();
    const large = await desk.newLoan('rm_sh', 9_000_000);
    expect(await startEntries()).toBe(before + 1);
    expect(await casesOf(large)).toEqual([]);
    await server.app.get(FlowOutboxDispatcher).dispatchDue();
    const [started] = await casesOf(large);
    expect(started).toMatchObject({ flowKey: 'loan_auto', status: 'running', startedBy: { id: 'rm_sh' }, waitingAt: [{ nodeId: 'committeeApproval' }] });
    // Sent again (a replica whose lease ran out), the entry starts nothing more.
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_outbox SET state = 'pending', lease_until = NULL WHERE kind = 'startCase'"));
    await server.app.get(FlowOutboxDispatcher).dispatchDue();
    expect(await casesOf(large)).toHaveLength(1);
    // The engine's maker-checker holds for a case nobody submitted by hand: the RM has no task on it.
    expect(started!.waitingAt[0]!.assignees.map((a) => a.id)).not.toContain('rm_sh');
  });

  it('starts one when an update makes the condition true, and none while it stays true or for a smaller application', async () => {
    const small = await desk.newLoan('rm_sh2', 1_000_000);
    const before = await startEntries();
    const raise = async (amount: number, version: number): Promise<void> => {
      const updated = await desk.as.rm_sh2('PATCH', `/api/records/loan_application/${small}`, { version, amount: { amount: amount.toFixed(2), currency: 'CNY' } });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    };
    expect(await startEntries()).toBe(before);
    await raise(8_500_000, 1);
    expect(await startEntries()).toBe(before + 1);
    await raise(8_600_000, 2);
    expect(await startEntries()).toBe(before + 1);
    await server.app.get(FlowOutboxDispatcher).dispatchDue();
    expect((await casesOf(small)).map((c) => [c.flowKey, c.startedBy.id])).toEqual([['loan_auto', 'rm_sh2']]);
  });

  it('starts none for a write by the system or when the write fails', async () => {
    const before = await startEntries();
    const records = server.app.get(RecordsService);
    const [customer] = (await desk.as.rm_sh<{ items: { id: string }[] }>('POST', '/api/records/customer/query', { limit: 1 })).body.items;
    await records.create('loan_application', { application_no: 'LA202699999901', customer: customer!.id, product: 'business', amount: { amount: '9000000.00', currency: 'CNY' }, term_months: 12 }, SYSTEM_ACTOR);
    // A write that fails: the customer's reference does not hold.
    const refused = await desk.as.rm_sh('POST', '/api/records/loan_application', { customer: '00000000-0000-4000-8000-000000000000', product: 'business', amount: { amount: '9000000.00', currency: 'CNY' }, term_months: 12 });
    expect(refused.status).toBe(422);
    expect(await startEntries()).toBe(before);
  });
});
