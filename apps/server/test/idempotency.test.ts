import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoredDatetime } from '@bankforge/data-model';
import { IdempotencyWithheldAnswers1700000000007 } from '../src/platform/database/migrations/0007-idempotency-withheld-answers.js';
import { IdempotencyStore } from '../src/platform/idempotency/idempotency-store.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { withoutGeneratedValues } from './stored-text.js';
import { clientEntity } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Problem = { code: string; errors?: { path: string; code: string }[] };

describe.each(dialects())('Idempotency-Key on %s', (dialect) => {
  let server: TestServer;
  let integration: Requester;
  const key = (name: string) => ({ 'idempotency-key': `${name}-${dialect}` });
  const count = async (name: string): Promise<number> =>
    (await server.request<{ total: number }>('POST', '/api/records/client/query', { filter: { field: 'name', op: 'eq', value: name }, count: true })).body.total;
  const changesOf = async (id: string): Promise<string[]> =>
    (await server.request<{ action: string }[]>('GET', `/api/audit?entity=client&recordId=${id}&limit=1000`)).body.map((e) => e.action);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    await server.request('PUT', '/api/auth/roles/integrator', { key: 'integrator', label: { en: 'Integrator', 'zh-CN': '集成' }, entities: { client: { read: 'all', create: 'all', update: 'all' } } });
    const created = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'core-banking', roles: ['integrator'] });
    const bearer = { authorization: `Bearer ${created.body.key}` };
    integration = (method, path, body, headers = {}) => server.anonymous(method, path, body, { ...bearer, ...headers });
  });
  afterAll(async () => server?.close());

  it('answers a repeated create with the first answer and creates one record, audited once', async () => {
    const first = await integration<Rec>('POST', '/api/records/client', { name: '幂等客户' }, key('create'));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await integration<Rec>('POST', '/api/records/client', { name: '幂等客户' }, key('create'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.body).toEqual(first.body);
    expect(await count('幂等客户')).toBe(1);
    // The repeat was read again, not written again: one create (and the read of its sensitive fields).
    expect((await changesOf(first.body.id)).filter((action) => action !== 'read')).toEqual(['create']);
  });

  it('answers a repeated update with its first answer instead of a stale-version conflict', async () => {
    const created = await integration<Rec>('POST', '/api/records/client', { name: '改名前' });
    const change = { version: created.body.version, notes: 'once' };
    const first = await integration<Rec>('PATCH', `/api/records/client/${created.body.id}`, change, key('update'));
    const again = await integration<Rec>('PATCH', `/api/records/client/${created.body.id}`, change, key('update'));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.version).toBe(2);
    expect((await server.request<Rec>('GET', `/api/records/client/${created.body.id}`)).body.version).toBe(2);
    // Without a key the same repeat is the stale write it is.
    expect((await integration('PATCH', `/api/records/client/${created.body.id}`, change)).status).toBe(409);
  });

  it('refuses the key with another request, a malformed key, and keeps nothing of a failed request', async () => {
    await integration('POST', '/api/records/client', { name: '甲' }, key('reused'));
    const reused = await integration<Problem>('POST', '/api/records/client', { name: '乙' }, key('reused'));
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotencyKeyReused');
    expect(await count('乙')).toBe(0);

    const malformed = await integration<Problem>('POST', '/api/records/client', { name: '丙' }, { 'idempotency-key': 'has space' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'invalidIdempotencyKey']);
    expect(await count('丙')).toBe(0);

    const invalid = await integration<Problem>('POST', '/api/records/client', { name: '' }, key('failed'));
    expect(invalid.status).toBe(422);
    const fixed = await integration<Problem>('POST', '/api/records/client', { name: '' }, key('failed'));
    // The failure was not kept: the same request is carried out (and refused) again, not replayed.
    expect(fixed.status).toBe(422);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it("scopes keys to their caller: another caller's request with the same key is its own", async () => {
    const mine = await integration<Rec>('POST', '/api/records/client', { name: '丁' }, key('shared'));
    const theirs = await server.request<Rec>('POST', '/api/records/client', { name: '丁' }, key('shared'));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('lets one of two simultaneous requests with a key act, and the other wait or replay, never both act', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => integration<Rec & Problem>('POST', '/api/records/client', { name: '并发幂等' }, key('race'))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'requestInProgress')).toBe(true);
    expect(await count('并发幂等')).toBe(1);
  });

  it('lets a key be used again once its answer has expired, or its first request was abandoned', async () => {
    const store = server.app.get(IdempotencyStore);
    const later = (ms: number) => new Date(Date.now() + ms);
    expect(await store.claim('user:test', 'k1', 'a')).toEqual({ kind: 'claimed' });
    expect(await store.claim('user:test', 'k1', 'a')).toEqual({ kind: 'inProgress' });
    expect(await store.claim('user:test', 'k1', 'a', later(11 * 60 * 1000))).toEqual({ kind: 'claimed' });
    const answer = { status: 201, headers: { location: '/api/records/client/x' }, body: { kind: 'reread', location: 'x' } } as const;
    await store.complete('user:test', 'k1', answer);
    expect(await store.claim('user:test', 'k1', 'a', later(12 * 60 * 1000))).toEqual({ kind: 'replay', answer });
    expect(await store.claim('user:test', 'k1', 'b', later(25 * 60 * 60 * 1000))).toEqual({ kind: 'claimed' });
  });

  describe('and what the caller may read', () => {
    const residentId = '11010519491231002X';
    const mobile = '13812345678';
    let sequence = 0;
    /** The raw rows of the idempotency store, as anyone with the database (or a backup of it) sees them. */
    const storedAnswers = async (): Promise<string> => JSON.stringify(await server.database.read((sql) => sql.rows('SELECT * FROM bf_idempotency')));
    /** An API key whose one role is `grants`, and a way to change that role later. */
    const integrationWith = async (grants: Record<string, unknown>): Promise<{ call: Requester; regrant(grants: Record<string, unknown>): Promise<void> }> => {
      const role = `idem_role_${++sequence}`;
      const regrant = async (next: Record<string, unknown>): Promise<void> => {
        expect((await server.request('PUT', `/api/auth/roles/${role}`, { key: role, label: { en: role }, entities: { client: next } })).status).toBe(200);
      };
      await regrant(grants);
      const created = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: role, roles: [role] });
      const bearer = { authorization: `Bearer ${created.body.key}` };
      return { call: (method, path, body, headers = {}) => server.anonymous(method, path, body, { ...bearer, ...headers }), regrant };
    };

    it('never keeps a sensitive value in clear: not the record a create answered, not an unmask, not a query', async () => {
      const { call } = await integrationWith({ create: 'all', read: 'all', unmask: true, fields: { mobile: { access: 'masked' } } });
      const created = await call<Rec>('POST', '/api/records/client', { name: '明文检查', resident_id: residentId, mobile }, key('clear-create'));
      expect(created.status).toBe(201);
      expect(created.body.resident_id).toBe(residentId);
      const unmasked = await call<{ value: string }>('POST', `/api/records/client/${created.body.id}/unmask`, { field: 'mobile', reason: 'Call back about the loan' }, key('clear-unmask'));
      expect([unmasked.status, unmasked.body.value]).toEqual([200, mobile]);
      const queried = await call<{ items: Rec[] }>('POST', '/api/records/client/query', { filter: { field: 'name', op: 'eq', value: '明文检查' } }, key('clear-query'));
      expect(queried.body.items[0]!.resident_id).toBe(residentId);
      const rows = await storedAnswers();
      expect(rows).toContain(`clear-create-${dialect}`);
      expect(rows).not.toContain(residentId);
      expect(rows).not.toContain(mobile);
      expect(withoutGeneratedValues(rows)).not.toContain(mobile.slice(-4));
      // The domain event of the create names the sensitive fields, never their values.
      const events = await server.database.read((sql) => sql.rows<{ changes: string }>('SELECT * FROM bf_domain_event WHERE record_id = ?', [created.body.id]));
      expect(JSON.parse(events[0]!.changes)).toMatchObject({ resident_id: { masked: true }, mobile: { masked: true } });
      for (const secret of [residentId, mobile, mobile.slice(-4)]) expect(withoutGeneratedValues(JSON.stringify(events))).not.toContain(secret);
    });

    it('answers a repeated unmask as a new one: after the unmask right is taken away, 403 and not the value', async () => {
      const clerk = await integrationWith({ create: 'all', read: 'all', unmask: true, fields: { resident_id: { access: 'masked' } } });
      const created = await clerk.call<Rec>('POST', '/api/records/client', { name: '撤权客户', resident_id: '110105194912310038' });
      expect(created.body.resident_id).not.toBe('110105194912310038');
      const unmask = () => clerk.call<{ value?: string; code?: string }>('POST', `/api/records/client/${created.body.id}/unmask`, { field: 'resident_id', reason: 'Identity check at the counter' }, key('unmask'));
      expect((await unmask()).body.value).toBe('110105194912310038');
      await clerk.regrant({ create: 'all', read: 'all', fields: { resident_id: { access: 'masked' } } });
      const again = await unmask();
      expect(again.status).toBe(403);
      expect(again.body.code).toBe('forbidden');
      expect(JSON.stringify(again.body)).not.toContain('110105194912310038');
    });

    it('answers a repeated create with the record as the caller may read it now', async () => {
      const clerk = await integrationWith({ create: 'all', read: 'all' });
      const create = () => clerk.call<Rec & { code?: string }>('POST', '/api/records/client', { name: '降权客户', resident_id: '110105194912310046', mobile }, key('create-revoked'));
      const first = await create();
      expect([first.status, first.body.resident_id, first.body.mobile]).toEqual([201, '110105194912310046', mobile]);
      await clerk.regrant({ create: 'all', read: 'all', fields: { resident_id: { access: 'masked' }, mobile: { access: 'hidden' } } });
      const masked = await create();
      expect([masked.status, masked.headers.get('idempotent-replayed'), masked.headers.get('location')]).toEqual([201, 'true', first.headers.get('location')]);
      expect(masked.body.id).toBe(first.body.id);
      expect(masked.body.resident_id).not.toBe('110105194912310046');
      expect(masked.body).not.toHaveProperty('mobile');
      await clerk.regrant({ create: 'all' });
      const unreadable = await create();
      expect(unreadable.status).toBe(403);
      expect(JSON.stringify(unreadable.body)).not.toContain('110105194912310046');
      expect(await count('降权客户')).toBe(1);
    });

    it('runs a query or a report again under the same key instead of answering the first result', async () => {
      const query = { filter: { field: 'name', op: 'eq', value: '再查一次' }, count: true };
      const first = await integration<{ total: number }>('POST', '/api/records/client/query', query, key('query'));
      await integration('POST', '/api/records/client', { name: '再查一次' });
      const again = await integration<{ total: number }>('POST', '/api/records/client/query', query, key('query'));
      expect([first.body.total, again.body.total]).toEqual([0, 1]);
      expect(again.headers.get('idempotent-replayed')).toBeNull();

      const report = { kind: 'report', key: 'idem_count', title: 'Clients', source: 'client', measures: [{ key: 'n', agg: 'count' }] };
      expect((await server.request('PUT', '/api/artifacts/report/idem_count', report)).status).toBe(200);
      expect((await server.request('POST', '/api/artifacts/report/idem_count/publish', {})).status).toBe(200);
      const run = () => server.request<{ rows: { n: number }[] }>('POST', '/api/reports/idem_count/run', {}, key('report'));
      const before = await run();
      await server.request('POST', '/api/records/client', { name: '报表之间' });
      const after = await run();
      expect(after.status).toBe(200);
      expect(after.headers.get('idempotent-replayed')).toBeNull();
      expect(Number(after.body.rows[0]!.n)).toBe(Number(before.body.rows[0]!.n) + 1);
      expect(await storedAnswers()).not.toContain(`report-${dialect}`);
    });

    it('keeps any other answer sealed, and repeats it only while the caller keeps the rights they had', async () => {
      const password = 'Keeper-of-Keys-2026!';
      const keeper = await server.request<{ id: string }>('POST', '/api/auth/users', { username: 'keeper', displayName: 'Keeper', roles: ['administrator'], password });
      expect(keeper.status).toBe(201);
      const asKeeper = await server.signIn('keeper', password);
      const issue = () => asKeeper<{ key?: string; code?: string }>('POST', '/api/auth/api-keys', { name: 'sealed', roles: [] }, key('api-key'));
      const issued = await issue();
      expect(issued.status).toBe(201);
      const secret = issued.body.key!.split('.')[1]!;
      expect(await storedAnswers()).not.toContain(secret);
      const repeated = await issue();
      expect([repeated.status, repeated.headers.get('idempotent-replayed'), repeated.body.key]).toEqual([201, 'true', issued.body.key]);
      expect((await server.request('PATCH', `/api/auth/users/${keeper.body.id}`, { roles: [] })).status).toBe(200);
      const withheld = await issue();
      expect([withheld.status, withheld.body.code, withheld.headers.get('idempotent-replayed')]).toEqual([409, 'replayWithheld', 'true']);
      expect(JSON.stringify(withheld.body)).not.toContain(secret);
    });

    it('withholds a body the first version kept in clear, and the upgrade drops it', async () => {
      const store = server.app.get(IdempotencyStore);
      const legacy = JSON.stringify({ headers: { location: '/api/records/client/x' }, body: { id: 'x', resident_id: residentId } });
      await server.database.transaction((sql) =>
        sql.execute('INSERT INTO bf_idempotency (caller, idem_key, fingerprint, status, answer, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
          'user:legacy',
          'old',
          'f',
          201,
          legacy,
          toStoredDatetime(new Date().toISOString()),
        ]),
      );
      const withheld = { kind: 'replay', answer: { status: 201, headers: { location: '/api/records/client/x' }, body: { kind: 'withheld' } } };
      expect(await store.claim('user:legacy', 'old', 'f')).toEqual(withheld);
      const runner = server.database.dataSource.createQueryRunner();
      try {
        await new IdempotencyWithheldAnswers1700000000007().up(runner);
      } finally {
        await runner.release();
      }
      expect(await storedAnswers()).not.toContain(residentId);
      expect(await store.claim('user:legacy', 'old', 'f')).toEqual(withheld);
    });
  });
});
