import type { CaseDetail } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainEventDispatcher } from '../src/modules/events/domain-event-dispatcher.js';
import { DomainEventSubscribers } from '../src/modules/events/domain-event-subscribers.js';
import type { DomainEvent } from '../src/modules/events/domain-events.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { withoutGeneratedValues } from './stored-text.js';

const RESIDENT_ID = '11010519491231002X';
const MOBILE = '13812345678';
const PAST = '2020-01-01 00:00:00.000';

const label = (text: string): { en: string; 'zh-CN': string } => ({ en: text, 'zh-CN': text });

const depositor: EntityDefinition = {
  kind: 'entity',
  key: 'ev_depositor',
  title: 'Depositor',
  label: label('Depositor'),
  fields: [
    field('d_name', 'name', 'text', { required: true, maxLength: 60 }),
    field('d_mobile', 'mobile', 'mobile', { sensitive: true }),
    field('d_rid', 'resident_id', 'residentId', { sensitive: true }),
    field('d_birth', 'birth_date', 'date', { derivedFrom: 'resident_id' }),
    field('d_segment', 'segment', 'text', { maxLength: 20 }),
  ],
};

/** A depositor's review: one approval by `checker`, then the end. */
const review = {
  kind: 'flow',
  key: 'ev_review',
  title: 'ev_review',
  schemaVersion: 1,
  entity: 'ev_depositor',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', name: label('start') },
    { id: 'check', type: 'approval', name: label('check'), assignees: [{ kind: 'user', userId: 'checker' }], mode: 'single', actions: ['approve', 'reject'] },
    { id: 'done', type: 'end', name: label('done') },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'check' },
    { id: 'e2', source: 'check', target: 'done' },
  ],
};

interface EventRow {
  seq: number;
  type: string;
  entity: string;
  record_id: string;
  changes: string;
  actor_id: string | null;
  actor_kind: string;
  state: string;
  attempts: number;
  lease_owner: string | null;
  last_error: string | null;
}

describe.each(dialects())('domain events on %s', (dialect) => {
  let server: TestServer;
  let checker: Requester;
  let dispatcher: DomainEventDispatcher;
  let subscribers: DomainEventSubscribers;
  let names = 0;
  const saved = process.env.BANKFORGE_EVENT_POLL_MS;
  const unsubscribe: (() => void)[] = [];

  const eventsOf = async (recordId: string): Promise<EventRow[]> =>
    server.database.read((sql) => sql.rows<EventRow>('SELECT * FROM bf_domain_event WHERE record_id = ? ORDER BY seq', [recordId]));
  const createDepositor = async (values: Record<string, unknown> = {}): Promise<{ id: string; version: number }> => {
    const created = await server.request<{ id: string; version: number }>('POST', '/api/records/ev_depositor', { name: `D-${dialect}-${++names}`, ...values });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  /** Subscribes for the test only. */
  const listen = (name: string, handler: (event: DomainEvent) => void | Promise<void>, on = subscribers): void => {
    unsubscribe.push(on.subscribe(name, handler));
  };
  /** Drains what is due, events of earlier tests included. */
  const drained = async (): Promise<void> => {
    await dispatcher.dispatchDue();
  };

  beforeAll(async () => {
    process.env.BANKFORGE_EVENT_POLL_MS = '0';
    server = await startTestServer(dialect);
    dispatcher = server.app.get(DomainEventDispatcher);
    subscribers = server.app.get(DomainEventSubscribers);
    await server.publishEntity(depositor);
    await server.publishArtifact(review);
    expect((await server.request('POST', '/api/auth/users', { username: 'checker', displayName: 'Checker', roles: [], password: 'Checker-Pass-2026' })).status).toBe(201);
    checker = await server.signIn('checker', 'Checker-Pass-2026');
  });
  afterEach(async () => {
    for (const stop of unsubscribe.splice(0)) stop();
    // Later tests start from an empty queue.
    await drained();
  });
  afterAll(async () => {
    await server?.close();
    if (saved === undefined) delete process.env.BANKFORGE_EVENT_POLL_MS;
    else process.env.BANKFORGE_EVENT_POLL_MS = saved;
  });

  it('writes one event per create, update and delete, with the changed fields and no sensitive value', async () => {
    const created = await createDepositor({ mobile: MOBILE, resident_id: RESIDENT_ID, segment: 'mass' });
    const updated = await server.request<{ version: number }>('PATCH', `/api/records/ev_depositor/${created.id}`, { version: created.version, segment: 'affluent', mobile: '13900001111' });
    expect(updated.status).toBe(200);
    expect((await server.request('DELETE', `/api/records/ev_depositor/${created.id}?version=${updated.body.version}`)).status).toBe(200);
    const rows = await eventsOf(created.id);
    expect(rows.map((r) => r.type)).toEqual(['record.created', 'record.updated', 'record.deleted']);
    expect(rows.every((r) => r.entity === 'ev_depositor' && r.state === 'pending' && r.actor_kind === 'user' && r.actor_id !== null)).toBe(true);
    const [create, update, remove] = rows.map((r) => JSON.parse(r.changes) as Record<string, unknown>);
    expect(create).toEqual({
      name: { new: `D-${dialect}-${names}` },
      segment: { new: 'mass' },
      mobile: { masked: true },
      resident_id: { masked: true },
      // Read from the resident ID: as sensitive as it.
      birth_date: { masked: true },
    });
    expect(update).toEqual({ segment: { old: 'mass', new: 'affluent' }, mobile: { masked: true } });
    expect(remove).toEqual({});
    const stored = withoutGeneratedValues(JSON.stringify(rows));
    for (const secret of [MOBILE, MOBILE.slice(-4), '13900001111', RESIDENT_ID, '1949']) expect(stored).not.toContain(secret);

    const delivered: DomainEvent[] = [];
    listen('collect', (event) => void delivered.push(event));
    await drained();
    expect(delivered.filter((e) => e.recordId === created.id).map((e) => e.type)).toEqual(['record.created', 'record.updated', 'record.deleted']);
    expect(delivered[0]).toMatchObject({ entity: 'ev_depositor', actor: { kind: 'user' }, attempt: 1 });
    expect(delivered[0]!.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await eventsOf(created.id)).map((r) => r.state)).toEqual(['done', 'done', 'done']);
  });

  it('writes no event for a refused write', async () => {
    const before = await server.database.read((sql) => sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_domain_event'));
    const refused = await server.request('POST', '/api/records/ev_depositor', { name: 'x', resident_id: 'not-an-id' });
    expect(refused.status).toBe(422);
    const created = await createDepositor();
    const stale = await server.request('PATCH', `/api/records/ev_depositor/${created.id}`, { version: created.version + 5, segment: 'x' });
    expect(stale.status).toBe(409);
    const after = await server.database.read((sql) => sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_domain_event'));
    // Only the successful create's.
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    expect((await eventsOf(created.id)).map((r) => r.type)).toEqual(['record.created']);
  });

  it("delivers a record's events in order: after a failed delivery the next one waits", async () => {
    const created = await createDepositor();
    await server.request('PATCH', `/api/records/ev_depositor/${created.id}`, { version: created.version, segment: 'one' });
    const seen: string[] = [];
    let failOnce = true;
    listen('flaky', (event) => {
      if (event.recordId !== created.id) return;
      if (failOnce) {
        failOnce = false;
        throw Object.assign(new Error(`cannot reach ${RESIDENT_ID}`), { code: 'ECONNREFUSED' });
      }
      seen.push(`${event.type}#${event.attempt}`);
    });
    await drained();
    expect(seen).toEqual([]);
    const waiting = await eventsOf(created.id);
    expect(waiting.map((r) => [r.type, r.state, Number(r.attempts), r.last_error])).toEqual([
      ['record.created', 'pending', 1, 'ECONNREFUSED'],
      ['record.updated', 'pending', 0, null],
    ]);
    // The backoff passes.
    await server.database.single((sql) => sql.execute('UPDATE bf_domain_event SET due_at = ? WHERE seq = ?', [PAST, waiting[0]!.seq]));
    await drained();
    expect(seen).toEqual(['record.created#2', 'record.updated#1']);
  });

  it('gives an event up after its last attempt, with a short reason, and goes on with the record', async () => {
    const created = await createDepositor();
    await server.request('PATCH', `/api/records/ev_depositor/${created.id}`, { version: created.version, segment: 'two' });
    const seen: string[] = [];
    listen('refusing', (event) => {
      if (event.recordId !== created.id) return;
      if (event.type === 'record.created') throw new Error(`refused ${MOBILE}`);
      seen.push(event.type);
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      await server.database.single((sql) => sql.execute("UPDATE bf_domain_event SET due_at = ? WHERE record_id = ? AND state = 'pending'", [PAST, created.id]));
      await drained();
    }
    const rows = await eventsOf(created.id);
    expect(rows.map((r) => [r.type, r.state, Number(r.attempts), r.last_error])).toEqual([
      ['record.created', 'failed', 5, 'Error'],
      ['record.updated', 'done', 1, null],
    ]);
    expect(seen).toEqual(['record.updated']);
  });

  it('settles the events no subscriber wants without a claim or a delivery, and hands the others only to those that want them', async () => {
    const created = await createDepositor({ segment: 'mass' });
    expect((await server.request('PATCH', `/api/records/ev_depositor/${created.id}`, { version: created.version, segment: 'affluent' })).status).toBe(200);
    const own = new DomainEventSubscribers();
    const replica = new DomainEventDispatcher(server.database, own);
    const seen: [string, string, unknown][] = [];
    own.subscribe('updates only', (event) => void (event.recordId === created.id && seen.push(['updates only', event.type, event.changes])), (event) => event.type === 'record.updated');
    own.subscribe('deletes only', (event) => void (event.recordId === created.id && seen.push(['deletes only', event.type, event.changes])), (event) => event.type === 'record.deleted');
    await replica.dispatchDue();
    expect(seen).toEqual([['updates only', 'record.updated', { segment: { old: 'mass', new: 'affluent' } }]]);
    // The create nobody wanted was never leased nor counted as an attempt; the update was claimed once.
    expect((await eventsOf(created.id)).map((r) => [r.type, r.state, Number(r.attempts), r.lease_owner])).toEqual([
      ['record.created', 'done', 0, null],
      ['record.updated', 'done', 1, null],
    ]);
  });

  it('leaves an event another replica holds to it, even when no subscriber here wants it', async () => {
    const created = await createDepositor();
    const holder = new DomainEventDispatcher(server.database, new DomainEventSubscribers());
    expect((await holder.claim()).filter((e) => e.recordId === created.id).map((e) => e.type)).toEqual(['record.created']);
    // This replica wants nothing: it settles what is free, not what the holder claimed.
    await new DomainEventDispatcher(server.database, new DomainEventSubscribers()).dispatchDue();
    expect((await eventsOf(created.id)).map((r) => [r.state, Number(r.attempts), r.lease_owner === null])).toEqual([['pending', 1, false]]);
    // Once its lease runs out, the event is free again and settled.
    await server.database.single((sql) => sql.execute('UPDATE bf_domain_event SET lease_until = ? WHERE record_id = ?', [PAST, created.id]));
    await new DomainEventDispatcher(server.database, new DomainEventSubscribers()).dispatchDue();
    expect((await eventsOf(created.id)).map((r) => r.state)).toEqual(['done']);
  });

  it('claims an event again when the replica that held it died (its lease ran out)', async () => {
    const created = await createDepositor();
    const dead = new DomainEventDispatcher(server.database, new DomainEventSubscribers());
    const claimed = (await dead.claim()).filter((e) => e.recordId === created.id);
    expect(claimed.map((e) => e.type)).toEqual(['record.created']);
    const seen: number[] = [];
    listen('survivor', (event) => void (event.recordId === created.id && seen.push(event.attempt)));
    await drained();
    // Still leased to the dead replica: not delivered twice at once.
    expect(seen).toEqual([]);
    await server.database.single((sql) => sql.execute('UPDATE bf_domain_event SET lease_until = ? WHERE record_id = ?', [PAST, created.id]));
    await drained();
    expect(seen).toEqual([2]);
    expect((await eventsOf(created.id))[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('never hands one event to two replicas, and keeps each record in order across them', async () => {
    const records = await Promise.all(Array.from({ length: 12 }, () => createDepositor()));
    for (const record of records) await server.request('PATCH', `/api/records/ev_depositor/${record.id}`, { version: record.version, segment: 'both' });
    const ids = new Set(records.map((r) => r.id));
    const replicas = [new DomainEventSubscribers(), new DomainEventSubscribers()];
    const received: DomainEvent[][] = [[], []];
    const order: string[] = [];
    replicas.forEach((on, i) =>
      listen(
        `replica-${i}`,
        async (event) => {
          if (!ids.has(event.recordId)) return;
          received[i]!.push(event);
          order.push(`${event.recordId}:${event.type}`);
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
        on,
      ),
    );
    const [a, b] = replicas.map((on) => new DomainEventDispatcher(server.database, on));
    expect(a!.owner).not.toBe(b!.owner);
    await Promise.all([a!.dispatchDue(), b!.dispatchDue(), a!.dispatchDue(), b!.dispatchDue()]);
    const all = [...received[0]!, ...received[1]!].map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(records.length * 2);
    for (const record of records) {
      expect(order.filter((o) => o.startsWith(`${record.id}:`))).toEqual([`${record.id}:record.created`, `${record.id}:record.updated`]);
    }
  });

  it('writes the case steps on the record: started, task created, task completed, case completed', async () => {
    const created = await createDepositor({ resident_id: RESIDENT_ID });
    const started = await server.request<CaseDetail>('POST', '/api/flows/ev_review/instances', { recordId: created.id });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect((await eventsOf(created.id)).map((r) => r.type)).toEqual(['record.created', 'case.started', 'task.created']);
    expect((await checker('POST', `/api/tasks/${started.body.tasks[0]!.id}/approve`, {})).status).toBe(200);
    const rows = await eventsOf(created.id);
    expect(rows.map((r) => r.type)).toEqual(['record.created', 'case.started', 'task.created', 'task.completed', 'case.completed']);
    expect(JSON.parse(rows[1]!.changes)).toEqual({ case: { new: started.body.id }, flow: { new: 'ev_review' }, version: { new: 1 }, status: { new: 'running' } });
    expect(JSON.parse(rows[3]!.changes)).toMatchObject({ case: { new: started.body.id }, task: { new: expect.any(String) }, node: { new: 'check' }, result: { new: 'approved' } });
    expect(JSON.parse(rows[4]!.changes)).toMatchObject({ status: { old: 'running', new: 'completed' } });
    expect(JSON.stringify(rows)).not.toContain(RESIDENT_ID);
  });

  it('deletes delivered events after their retention, and keeps the others', async () => {
    const created = await createDepositor();
    await server.request('PATCH', `/api/records/ev_depositor/${created.id}`, { version: created.version, segment: 'kept' });
    listen('failing', (event) => {
      if (event.recordId === created.id && event.type === 'record.updated') throw new Error('no');
    });
    await drained();
    expect((await eventsOf(created.id)).map((r) => r.state)).toEqual(['done', 'pending']);
    const later = Date.now() + (dispatcher.retentionDays + 1) * 86_400_000;
    expect(await dispatcher.purgeDelivered(later)).toBeGreaterThanOrEqual(1);
    expect((await eventsOf(created.id)).map((r) => r.type)).toEqual(['record.updated']);
  });
});
