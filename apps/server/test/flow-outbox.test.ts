import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaseDetail } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { FlowOutboxDeliveries, type ClaimedEntry } from '../src/modules/flows/flow-outbox-deliveries.js';
import { FlowOutboxDispatcher } from '../src/modules/flows/flow-outbox-dispatcher.js';
import { childInstanceId } from '../src/modules/flows/flow-outbox.js';
import { FlowRunner } from '../src/modules/flows/flow-runner.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

/** A value no outbox reason, audit entry or unnamed payload may ever hold. */
const SECRET = 'PII-9f3e-do-not-leak';
const PAST = '2020-01-01 00:00:00.000';

interface Received {
  path: string;
  method: string;
  key: string | undefined;
  /** The connector's API-key header, when it sent one. */
  apiKey: string | undefined;
  body: Record<string, unknown> | undefined;
}

interface OutboxRow {
  id: string;
  kind: string;
  state: string;
  attempts: number;
  last_error: string | null;
  payload: string;
}

/** The remote system: answers by path, and remembers every request. */
async function startRemote(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const seenKeys = new Set<string>();
  const readBody = async (request: IncomingMessage): Promise<string> => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return text;
  };
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const key = request.headers['idempotency-key'] as string | undefined;
      const path = request.url ?? '';
      received.push({ path, method: request.method ?? '', key, apiKey: request.headers['x-api-key'] as string | undefined, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined });
      const json = (status: number, body: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (path === '/accounts') return json(201, { id: 'ACC-1', echo: 'ignored' });
      if (path === '/core/accounts') return json(201, { id: 'ACC-CORE' });
      if (path === '/flaky') {
        // The first request of each key fails; its retry (the same key) succeeds.
        if (key && !seenKeys.has(key)) {
          seenKeys.add(key);
          return json(500, { error: 'REMOTE-BODY-TEXT' });
        }
        return json(200, { id: 'ACC-2' });
      }
      if (path === '/refuse') return json(400, { error: 'REMOTE-BODY-TEXT' });
      if (path === '/moved') {
        response.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/accounts` });
        return response.end();
      }
      return json(200, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

const label = (text: string): { en: string; 'zh-CN': string } => ({ en: text, 'zh-CN': text });
const node = (id: string, type: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id, type, name: label(id), ...extra });
const edge = (id: string, source: string, target: string): Record<string, unknown> => ({ id, source, target });

const orderEntity: EntityDefinition = {
  kind: 'entity',
  key: 'ob_order',
  title: 'Order',
  label: label('Order'),
  fields: [field('f_no', 'order_no', 'text', { required: true, unique: true, maxLength: 20 }), field('f_status', 'status', 'text', { maxLength: 20 })],
};

/** A flow on an order: one service step (its failure edge to a `rejected` end), after an approval by `checker` when `gated`. */
function serviceFlow(key: string, service: Record<string, unknown>, gated = false): { kind: string; key: string; [property: string]: unknown } {
  const review = node('review', 'approval', { assignees: [{ kind: 'user', userId: 'checker' }], mode: 'single', actions: ['approve', 'reject'] });
  return {
    kind: 'flow',
    key,
    title: key,
    schemaVersion: 1,
    entity: 'ob_order',
    record: { variables: { orderNo: 'order_no' } },
    variables: [
      { name: 'orderNo', type: 'string' },
      { name: 'secret', type: 'string' },
      { name: 'accountId', type: 'string' },
    ],
    nodes: [node('start', 'start'), ...(gated ? [review] : []), node('svc', 'service', { effect: 'http', outputs: { accountId: 'id' }, failureEdge: 'toFailed', ...service }), node('done', 'end'), node('failed', 'end', { outcome: 'rejected' })],
    edges: [...(gated ? [edge('e0', 'start', 'review'), edge('e1', 'review', 'svc')] : [edge('e1', 'start', 'svc')]), edge('e2', 'svc', 'done'), edge('toFailed', 'svc', 'failed')],
  };
}

/** The child: the same order checked by `checker`; the parent waits for it and reads its outcome and limit. */
const childFlow = {
  kind: 'flow',
  key: 'ob_child',
  title: 'ob_child',
  schemaVersion: 1,
  entity: 'ob_order',
  record: { variables: { orderNo: 'order_no' } },
  variables: [
    { name: 'orderNo', type: 'string' },
    { name: 'limit', type: 'number' },
  ],
  nodes: [node('start', 'start'), node('check', 'approval', { assignees: [{ kind: 'user', userId: 'checker' }], mode: 'single', actions: ['approve', 'reject'] }), node('done', 'end')],
  edges: [edge('e1', 'start', 'check'), edge('e2', 'check', 'done')],
};

const parentFlow = {
  kind: 'flow',
  key: 'ob_parent',
  title: 'ob_parent',
  schemaVersion: 1,
  entity: 'ob_order',
  record: { variables: { orderNo: 'order_no' } },
  variables: [
    { name: 'orderNo', type: 'string' },
    { name: 'secret', type: 'string' },
    { name: 'childOutcome', type: 'string' },
    { name: 'childLimit', type: 'number' },
  ],
  nodes: [node('start', 'start'), node('sub', 'subflow', { flowKey: 'ob_child', inputs: { limit: '1000' }, outputs: { childOutcome: 'outcome', childLimit: 'limit' } }), node('done', 'end')],
  edges: [edge('e1', 'start', 'sub'), edge('e2', 'sub', 'done')],
};

/** Two calls at once on a parallel split: the case wrote both entries in one command, the flaky one first. */
function pairFlow(url: (path: string) => string): { kind: string; key: string; [property: string]: unknown } {
  const call = (id: string, path: string): Record<string, unknown> => node(id, 'service', { effect: 'http', config: { url: url(path) } });
  return {
    kind: 'flow',
    key: 'ob_pair',
    title: 'ob_pair',
    schemaVersion: 1,
    entity: 'ob_order',
    variables: [{ name: 'secret', type: 'string' }],
    nodes: [node('start', 'start'), node('split', 'parallel'), call('first', '/flaky'), call('second', '/pair'), node('join', 'join'), node('done', 'end')],
    edges: [edge('e1', 'start', 'split'), edge('e2', 'split', 'first'), edge('e3', 'split', 'second'), edge('e4', 'first', 'join'), edge('e5', 'second', 'join'), edge('e6', 'join', 'done')],
  };
}

describe.each(dialects())('the flow outbox on %s', (dialect) => {
  let server: TestServer;
  let remote: Awaited<ReturnType<typeof startRemote>>;
  let checker: Requester;
  let dispatcher: FlowOutboxDispatcher;
  let orders = 0;
  const saved = { poll: process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS, hosts: process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS };

  const entries = (caseId: string): Promise<OutboxRow[]> =>
    server.database.read((sql) => sql.rows<OutboxRow>('SELECT id, kind, state, attempts, last_error, payload FROM bf_flow_outbox WHERE instance_id = ? ORDER BY seq, id', [caseId]));
  const readCase = async (id: string): Promise<CaseDetail> => (await server.request<CaseDetail>('GET', `/api/flows/instances/${id}`)).body;
  const start = async (flowKey: string): Promise<CaseDetail> => {
    const order = await server.request<{ id: string }>('POST', '/api/records/ob_order', { order_no: `OB-${dialect}-${++orders}` });
    const started = await server.request<CaseDetail>('POST', `/api/flows/${flowKey}/instances`, { recordId: order.body.id, variables: { secret: SECRET } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body;
  };
  const sentTo = (path: string): Received[] => remote.received.filter((r) => r.path === path);
  const eventsOf = async (caseId: string): Promise<number> => Number((await server.database.read((sql) => sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_flow_event WHERE instance_id = ?', [caseId])))[0]!.n);
  /** Another dispatcher on the same database: a second replica. */
  const replica = (): FlowOutboxDispatcher => new FlowOutboxDispatcher(server.database, server.app.get(FlowOutboxDeliveries));

  beforeAll(async () => {
    remote = await startRemote();
    // The test dispatches by hand; only the remote test server is reachable.
    process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS = '0';
    process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS = ' 127.0.0.1 ';
    server = await startTestServer(dialect);
    dispatcher = server.app.get(FlowOutboxDispatcher);
    await server.publishEntity(orderEntity);
    const url = (path: string): string => `http://127.0.0.1:${remote.port}${path}`;
    await server.publishArtifact(serviceFlow('ob_open', { config: { url: url('/accounts'), body: { product: 'savings' }, variables: ['orderNo'], headers: { 'X-Channel': 'crm' } } }));
    await server.publishArtifact(serviceFlow('ob_flaky', { config: { url: url('/flaky'), method: 'PUT' } }));
    await server.publishArtifact(serviceFlow('ob_refuse', { config: { url: url('/refuse') }, retry: { maxAttempts: 2 } }));
    await server.publishArtifact(serviceFlow('ob_elsewhere', { config: { url: `http://localhost:${remote.port}/accounts` } }));
    await server.publishArtifact(serviceFlow('ob_moved', { config: { url: url('/moved') } }));
    await server.publishArtifact(serviceFlow('ob_gate', { config: { url: url('/gate') } }, true));
    await server.publishArtifact(serviceFlow('ob_mark', { effect: 'recordUpdate', config: { status: 'sent' }, outputs: {} }));
    await server.publishArtifact(serviceFlow('ob_script', { effect: 'script', config: { script: 'x()' }, outputs: {} }));
    await server.publishArtifact(pairFlow(url));
    const connector = { key: 'ob_core', name: { en: 'Core banking', 'zh-CN': '核心系统' }, baseUrl: `http://127.0.0.1:${remote.port}/core`, auth: { kind: 'apiKey', header: 'X-Api-Key' }, secret: 'core-key-1', retries: 0 };
    expect((await server.request('POST', '/api/connectors', connector)).status).toBe(201);
    expect((await server.request('PUT', '/api/connectors/allowed-hosts', { hosts: [`127.0.0.1:${remote.port}`] })).status).toBe(200);
    await server.publishArtifact(serviceFlow('ob_through_core', { config: { connector: 'ob_core', path: '/accounts', body: { product: 'savings' }, variables: ['orderNo'] } }));
    await server.publishArtifact(serviceFlow('ob_no_connector', { config: { connector: 'ob_gone', path: '/accounts' } }));
    // The body as a FEEL template, as an automation's connector call writes it: only what it names is sent.
    await server.publishArtifact(serviceFlow('ob_core_template', { config: { connector: 'ob_core', path: '/accounts', body: '{product: "savings", order: orderNo, reference: "CRM-" + orderNo}' } }));
    await server.publishArtifact(childFlow);
    await server.publishArtifact(parentFlow);
    const created = await server.request('POST', '/api/auth/users', { username: 'checker', displayName: 'Checker', roles: [], password: 'Checker-Pass-2026' });
    expect(created.status).toBe(201);
    checker = await server.signIn('checker', 'Checker-Pass-2026');
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => remote?.server.close(resolve));
    process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS = saved.poll;
    process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS = saved.hosts;
    if (saved.poll === undefined) delete process.env.BANKFORGE_FLOW_OUTBOX_POLL_MS;
    if (saved.hosts === undefined) delete process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS;
  });

  it('calls the remote system once after commit, keyed by the entry, and the case goes on with the mapped answer', async () => {
    const started = await start('ob_open');
    expect(started.status).toBe('running');
    const [entry] = await entries(started.id);
    expect(entry).toMatchObject({ kind: 'call', state: 'pending' });
    // Only the variables the config names leave the server.
    expect(entry!.payload).not.toContain(SECRET);

    expect(await dispatcher.dispatchDue()).toBeGreaterThanOrEqual(1);
    const sent = sentTo('/accounts');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', key: entry!.id, body: { product: 'savings', orderNo: started.variables.orderNo } });
    expect(JSON.stringify(sent[0]!.body)).not.toContain(SECRET);
    const done = await readCase(started.id);
    expect(done).toMatchObject({ status: 'completed', outcome: 'approved', variables: { accountId: 'ACC-1' } });
    expect((await entries(started.id))[0]).toMatchObject({ state: 'done', attempts: 1, last_error: null });

    // Another replica finds nothing to do.
    expect(await replica().dispatchDue()).toBe(0);
    expect(sentTo('/accounts')).toHaveLength(1);
  });

  it("sends a step through a named connector: its base URL, its auth, the entry's key, and the answer mapped into the case", async () => {
    const started = await start('ob_through_core');
    const [entry] = await entries(started.id);
    expect(entry!.payload).not.toContain('core-key-1');
    await dispatcher.dispatchDue();
    expect(sentTo('/core/accounts')).toEqual([{ path: '/core/accounts', method: 'POST', key: entry!.id, apiKey: 'core-key-1', body: { product: 'savings', orderNo: started.variables.orderNo } }]);
    expect(await readCase(started.id)).toMatchObject({ status: 'completed', outcome: 'approved', variables: { accountId: 'ACC-CORE' } });

    // A step naming a connector that is gone fails at once, without a retry, and the case takes its failure edge.
    const orphan = await start('ob_no_connector');
    await dispatcher.dispatchDue();
    expect(await readCase(orphan.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect((await entries(orphan.id))[0]).toMatchObject({ state: 'failed', attempts: 1, last_error: 'connector ob_gone does not exist' });
  });

  it('sends a body written as a FEEL template through the connector as the JSON it gives over the case, and no variable it does not name', async () => {
    const before = sentTo('/core/accounts').length;
    const started = await start('ob_core_template');
    const [entry] = await entries(started.id);
    expect(entry!.payload).not.toContain(SECRET);
    await dispatcher.dispatchDue();
    const orderNo = started.variables.orderNo as string;
    expect(sentTo('/core/accounts').slice(before)).toEqual([{ path: '/core/accounts', method: 'POST', key: entry!.id, apiKey: 'core-key-1', body: { product: 'savings', order: orderNo, reference: `CRM-${orderNo}` } }]);
    expect(await readCase(started.id)).toMatchObject({ status: 'completed', outcome: 'approved', variables: { accountId: 'ACC-CORE' } });
  });

  it('changes nothing twice when an entry is sent again (a lease ran out) or by two replicas at once', async () => {
    // The lease of a replica still sending runs out, and another replica sends the same entry meanwhile.
    const first = await start('ob_open');
    const [claimed] = await server.database.read((sql) => sql.rows<ClaimedEntry>('SELECT id, instance_id, kind, payload, attempts FROM bf_flow_outbox WHERE instance_id = ?', [first.id]));
    const deliveries = server.app.get(FlowOutboxDeliveries);
    await Promise.all([deliveries.deliver(claimed!), deliveries.deliver(claimed!)]);
    // At least once: the remote system sees the same key twice; the case takes the answer once.
    expect(sentTo('/accounts').filter((r) => r.key === claimed!.id)).toHaveLength(2);
    const events = await eventsOf(first.id);
    expect(await readCase(first.id)).toMatchObject({ status: 'completed', variables: { accountId: 'ACC-1' } });
    expect((await entries(first.id))[0]).toMatchObject({ state: 'done' });
    // Sent once more after the case moved on: nothing leaves, nothing changes.
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_outbox SET state = 'pending', lease_until = NULL WHERE id = ?", [claimed!.id]));
    await replica().dispatchDue();
    expect(sentTo('/accounts').filter((r) => r.key === claimed!.id)).toHaveLength(2);
    expect(await eventsOf(first.id)).toBe(events);
    expect((await entries(first.id))[0]).toMatchObject({ state: 'done', last_error: 'callNotPending' });

    // Two replicas claiming at the same moment: one of them sends it.
    const second = await start('ob_open');
    const [pending] = await entries(second.id);
    await Promise.all([replica().dispatchDue(), replica().dispatchDue()]);
    expect(sentTo('/accounts').filter((r) => r.key === pending!.id)).toHaveLength(1);
    expect(await readCase(second.id)).toMatchObject({ status: 'completed' });
  });

  it('retries a failed request with the same key after a backoff, and the case goes on when it succeeds', async () => {
    const started = await start('ob_flaky');
    await dispatcher.dispatchDue();
    const [entry] = await entries(started.id);
    expect(entry).toMatchObject({ state: 'pending', attempts: 1, last_error: 'HTTP 500' });
    expect((await readCase(started.id)).status).toBe('running');
    // Not before its backoff.
    await dispatcher.dispatchDue();
    expect(sentTo('/flaky').filter((r) => r.key === entry!.id)).toHaveLength(1);

    await server.database.transaction((sql) => sql.execute('UPDATE bf_flow_outbox SET due_at = ? WHERE id = ?', [PAST, entry!.id]));
    await dispatcher.dispatchDue();
    expect(sentTo('/flaky').filter((r) => r.key === entry!.id).map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(await readCase(started.id)).toMatchObject({ status: 'completed', outcome: 'approved', variables: { accountId: 'ACC-2' } });
    expect((await entries(started.id))[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('sends the entries of one case in the order it wrote them: a later one waits while an earlier one is retried', async () => {
    const started = await start('ob_pair');
    const [first, second] = await entries(started.id);
    expect((JSON.parse(first!.payload) as { nodeId: string }).nodeId).toBe('first');
    await dispatcher.dispatchDue();
    expect(await entries(started.id)).toMatchObject([{ state: 'pending', last_error: 'HTTP 500' }, { state: 'pending', attempts: 0 }]);
    expect(sentTo('/pair')).toHaveLength(0);
    await server.database.transaction((sql) => sql.execute('UPDATE bf_flow_outbox SET due_at = ? WHERE id = ?', [PAST, first!.id]));
    await dispatcher.dispatchDue();
    const order = remote.received.filter((r) => r.key === first!.id || r.key === second!.id).map((r) => r.path);
    expect(order).toEqual(['/flaky', '/flaky', '/pair']);
    expect(await readCase(started.id)).toMatchObject({ status: 'completed', outcome: 'approved' });
  });

  it('answers a refused request at once, the node retries it as a new call, and the case takes its failure edge', async () => {
    const started = await start('ob_refuse');
    await dispatcher.dispatchDue();
    const calls = await entries(started.id);
    // The node's retry policy (two attempts) is a second call with its own key.
    expect(calls.map((c) => [c.state, c.last_error])).toEqual([
      ['failed', 'HTTP 400'],
      ['failed', 'HTTP 400'],
    ]);
    expect(new Set(sentTo('/refuse').filter((r) => calls.some((c) => c.id === r.key)).map((r) => r.key)).size).toBe(2);
    expect(await readCase(started.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('calls no host outside the allow-list and follows no redirect: the case takes its failure edge', async () => {
    const elsewhere = await start('ob_elsewhere');
    const moved = await start('ob_moved');
    const before = remote.received.length;
    await dispatcher.dispatchDue();
    expect(remote.received.slice(before).map((r) => r.path)).toEqual(['/moved']);
    expect((await entries(elsewhere.id))[0]).toMatchObject({ state: 'failed', last_error: 'host localhost is not in BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS' });
    expect((await entries(moved.id))[0]).toMatchObject({ state: 'failed', last_error: 'redirect refused (HTTP 302)' });
    expect(await readCase(elsewhere.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect(await readCase(moved.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });

    // No allow-list: no outbound calls at all.
    process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS = '';
    try {
      const off = await start('ob_open');
      await dispatcher.dispatchDue();
      expect((await entries(off.id))[0]).toMatchObject({ state: 'failed', last_error: 'outbound calls are off (BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS is empty)' });
      expect(await readCase(off.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
    } finally {
      process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS = ' 127.0.0.1 ';
    }
    expect(remote.received.slice(before).map((r) => r.path)).toEqual(['/moved']);
  });

  it('sends nothing when the command that asked for the call fails', async () => {
    const started = await start('ob_gate');
    const task = started.tasks[0]!;
    const runner = server.app.get(FlowRunner);
    await expect(
      runner.run(started.id, 'gate-approve', (_row, people) => ({ type: 'completeTask', commandId: 'gate-approve', taskId: task.id.split(':')[1]!, actor: people.flowActor('checker', false), action: 'approve' }), SYSTEM_ACTOR, {
        sideWork: async () => {
          throw new Error('the command fails after its effects were written');
        },
      }),
    ).rejects.toThrow('the command fails');
    expect(await entries(started.id)).toEqual([]);
    await dispatcher.dispatchDue();
    expect(sentTo('/gate')).toHaveLength(0);

    // The same approval that commits sends the call.
    expect((await checker('POST', `/api/tasks/${task.id}/approve`, {})).status).toBe(200);
    await dispatcher.dispatchDue();
    expect(sentTo('/gate')).toHaveLength(1);
    expect(await readCase(started.id)).toMatchObject({ status: 'completed', outcome: 'approved' });
  });

  it('writes a recordUpdate step into the record, and refuses to run a script step', async () => {
    const marked = await start('ob_mark');
    const scripted = await start('ob_script');
    await dispatcher.dispatchDue();
    expect(await readCase(marked.id)).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect((await server.request<{ status: string }>('GET', `/api/records/ob_order/${marked.recordId}`)).body.status).toBe('sent');
    expect((await entries(scripted.id))[0]).toMatchObject({ state: 'failed', last_error: 'scripts are not run by this server' });
    expect(await readCase(scripted.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('starts a subflow once, on the same record and by the same initiator, and its end resumes the parent with its outcome', async () => {
    const parent = await start('ob_parent');
    const [startEntry] = await entries(parent.id);
    expect(startEntry).toMatchObject({ kind: 'startSubflow', state: 'pending' });
    await dispatcher.dispatchDue();
    const childId = childInstanceId({ instanceId: parent.id, callId: (JSON.parse(startEntry!.payload) as { callId: string }).callId });
    const child = await readCase(childId);
    expect(child).toMatchObject({ status: 'running', flowKey: 'ob_child', recordId: parent.recordId, startedBy: { id: 'admin' }, variables: { orderNo: parent.variables.orderNo, limit: 1000 } });

    // Sent again: the child's id is the call's, so nothing starts twice.
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_outbox SET state = 'pending', lease_until = NULL WHERE id = ?", [startEntry!.id]));
    await replica().dispatchDue();
    const children = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM bf_flow_instance WHERE flow_key = 'ob_child' AND record_id = ?", [parent.recordId]));
    expect(children.map((c) => c.id)).toEqual([childId]);
    expect((await entries(parent.id))[0]).toMatchObject({ state: 'done' });
    expect((await readCase(parent.id)).status).toBe('running');

    // The checker approves the child; its end answers the parent.
    expect((await checker('POST', `/api/tasks/${child.tasks[0]!.id}/approve`, {})).status).toBe(200);
    const [completion] = await entries(childId);
    expect(completion).toMatchObject({ kind: 'subflowCompleted', state: 'pending' });
    await dispatcher.dispatchDue();
    expect(await readCase(parent.id)).toMatchObject({ status: 'completed', outcome: 'approved', variables: { childOutcome: 'approved', childLimit: 1000 } });
    expect((await entries(childId))[0]).toMatchObject({ state: 'done', last_error: null });
    // The child's answer sent again is a repeat of the same command: the parent changes nothing.
    const events = await eventsOf(parent.id);
    await server.database.transaction((sql) => sql.execute("UPDATE bf_flow_outbox SET state = 'pending', lease_until = NULL WHERE id = ?", [completion!.id]));
    await replica().dispatchDue();
    expect(await eventsOf(parent.id)).toBe(events);
    expect((await entries(childId))[0]).toMatchObject({ state: 'done' });
  });

  it('cancels the running child when its parent is cancelled', async () => {
    const parent = await start('ob_parent');
    await dispatcher.dispatchDue();
    const [startEntry] = await entries(parent.id);
    const childId = childInstanceId({ instanceId: parent.id, callId: (JSON.parse(startEntry!.payload) as { callId: string }).callId });
    expect((await readCase(childId)).status).toBe('running');

    expect((await server.request('POST', `/api/flows/instances/${parent.id}/cancel`, { comment: 'customer withdrew' })).status).toBe(200);
    expect((await entries(parent.id)).map((e) => [e.kind, e.state])).toEqual([
      ['startSubflow', 'done'],
      ['cancelSubflow', 'pending'],
    ]);
    await dispatcher.dispatchDue();
    expect(await readCase(childId)).toMatchObject({ status: 'cancelled', tasks: [] });
    // The child's end finds its parent ended already: nothing is left to answer.
    expect((await entries(childId)).map((e) => [e.kind, e.state, e.last_error])).toEqual([['subflowCompleted', 'done', 'instanceEnded']]);
    expect((await entries(parent.id))[1]).toMatchObject({ state: 'done' });
    expect(await replica().dispatchDue()).toBe(0);

    // Cancelled before its child started: in the case's order, the start finds nobody waiting and starts nothing.
    const early = await start('ob_parent');
    expect((await server.request('POST', `/api/flows/instances/${early.id}/cancel`, {})).status).toBe(200);
    await dispatcher.dispatchDue();
    expect((await entries(early.id)).map((e) => [e.kind, e.state, e.last_error])).toEqual([
      ['startSubflow', 'done', 'callNotPending'],
      ['cancelSubflow', 'done', 'caseNotFound'],
    ]);
    const none = await server.database.read((sql) => sql.rows("SELECT id FROM bf_flow_instance WHERE flow_key = 'ob_child' AND record_id = ?", [early.recordId]));
    expect(none).toEqual([]);
  });

  it('claims nothing once shutting down', async () => {
    const started = await start('ob_open');
    const stopping = replica();
    await stopping.onApplicationShutdown();
    expect(await stopping.dispatchDue()).toBe(0);
    expect((await entries(started.id))[0]).toMatchObject({ state: 'pending' });
    await dispatcher.dispatchDue();
    expect((await entries(started.id))[0]).toMatchObject({ state: 'done' });
  });

  it('keeps variable values and remote answers out of last_error and the audit log', async () => {
    const reasons = await server.database.read((sql) => sql.rows<{ last_error: string | null }>('SELECT last_error FROM bf_flow_outbox WHERE last_error IS NOT NULL'));
    expect(reasons.length).toBeGreaterThan(0);
    for (const { last_error } of reasons) {
      expect(last_error).not.toContain(SECRET);
      expect(last_error).not.toContain('REMOTE-BODY-TEXT');
    }
    const audit = await server.database.read((sql) => sql.rows<{ detail: string }>('SELECT detail FROM bf_audit'));
    expect(audit.some((a) => a.detail.includes('serviceResult'))).toBe(true);
    for (const { detail } of audit) {
      expect(detail).not.toContain(SECRET);
      expect(detail).not.toContain('REMOTE-BODY-TEXT');
      expect(detail).not.toContain('ACC-1');
    }
  });
});
