import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../src/idempotency/idempotency-store.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
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
    expect(await changesOf(first.body.id)).toEqual(['create']);
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
    await store.complete('user:test', 'k1', { status: 201, headers: {}, body: { id: 'x' } });
    expect(await store.claim('user:test', 'k1', 'a', later(12 * 60 * 1000))).toEqual({ kind: 'replay', answer: { status: 201, headers: {}, body: { id: 'x' } } });
    expect(await store.claim('user:test', 'k1', 'b', later(25 * 60 * 60 * 1000))).toEqual({ kind: 'claimed' });
  });
});
