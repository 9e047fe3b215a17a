import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../src/modules/audit/audit-log.js';
import { tableNameOf } from '../src/modules/metadata/physical-schema.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { clientEntity } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Problem = { code: string };
interface Verdict {
  ok: boolean;
  entries: number;
}

/** What MariaDB's driver throws when InnoDB picks this transaction as a deadlock's victim. */
function deadlock(): Error {
  return Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
}

describe.each(dialects())('contention between units of work on %s', (dialect) => {
  let server: TestServer;
  const verify = async (): Promise<Verdict> => (await server.request<Verdict>('GET', '/api/audit/verify')).body;
  const updatesOf = async (id: string): Promise<number> =>
    (await server.request<{ action: string }[]>('GET', `/api/audit?entity=client&recordId=${id}&limit=1000`)).body.filter((e) => e.action === 'update').length;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
  });
  afterAll(async () => server?.close());
  afterEach(() => vi.restoreAllMocks());

  it('runs a unit of work again when the database gave up on it for a deadlock, once per success', async () => {
    const created = await server.request<Rec>('POST', '/api/records/client', { name: '重试' });
    const audit = server.app.get(AuditLog);
    const original = audit.appendWith.bind(audit);
    let calls = 0;
    vi.spyOn(audit, 'appendWith').mockImplementation(async (...args) => {
      calls++;
      if (calls <= 2) throw deadlock();
      return original(...args);
    });
    const updated = await server.request<Rec>('PATCH', `/api/records/client/${created.body.id}`, { version: 1, notes: 'after two deadlocks' });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect(calls).toBe(3);
    expect(await updatesOf(created.body.id)).toBe(1);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('answers 503 retryLater with Retry-After when every try deadlocks, and changes nothing', async () => {
    const created = await server.request<Rec>('POST', '/api/records/client', { name: '放弃' });
    const audit = server.app.get(AuditLog);
    const spy = vi.spyOn(audit, 'appendWith').mockRejectedValue(deadlock());
    const refused = await server.request<Problem>('PATCH', `/api/records/client/${created.body.id}`, { version: 1, notes: 'never' });
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('retryLater');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(spy.mock.calls.length).toBeGreaterThan(1);
    spy.mockRestore();
    const read = await server.request<Rec>('GET', `/api/records/client/${created.body.id}`);
    expect([read.body.version, read.body.notes]).toEqual([1, null]);
    expect(await updatesOf(created.body.id)).toBe(0);
  });

  it('answers concurrent updates of shared records 200, 409 or 503, never 500, and the audit chain holds', async () => {
    const shared = await Promise.all(Array.from({ length: 5 }, (_, i) => server.request<Rec>('POST', '/api/records/client', { name: `共享${i}` })));
    const ids = shared.map((r) => r.body.id);
    const update = async (n: number): Promise<{ status: number; code?: string; retryAfter: string | null }> => {
      const id = ids[n % ids.length]!;
      const read = await server.request<Rec>('GET', `/api/records/client/${id}`);
      const answer = await server.request<Problem>('PATCH', `/api/records/client/${id}`, { version: read.body.version, notes: `writer ${n}` });
      return { status: answer.status, code: answer.body.code, retryAfter: answer.headers.get('retry-after') };
    };
    const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => update(n)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => ![200, 409, 503].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(ids.length);
    expect(answers.filter((a) => a.status === 409).every((a) => a.code === 'staleVersion')).toBe(true);
    expect(answers.filter((a) => a.status === 503).every((a) => a.code === 'retryLater' && a.retryAfter === '1')).toBe(true);
    // Every answered 200 is one update, audited once; nothing else landed.
    const versions = await Promise.all(ids.map(async (id) => (await server.request<Rec>('GET', `/api/records/client/${id}`)).body.version));
    expect(versions.reduce((sum, v) => sum + v - 1, 0)).toBe(statuses.filter((s) => s === 200).length);
    expect((await Promise.all(ids.map(updatesOf))).reduce((a, b) => a + b, 0)).toBe(statuses.filter((s) => s === 200).length);
    expect(await verify()).toMatchObject({ ok: true });
  });
});

// A real deadlock needs row locks held across statements, which SQLite (one writer at a time) never takes.
describe.each(dialects().filter((d) => d === 'mysql'))('a real deadlock on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
  });
  afterAll(async () => server?.close());

  it('runs the victim of a real InnoDB deadlock again, and both units of work land', async () => {
    const [a, b] = await Promise.all(['甲方', '乙方'].map(async (name) => (await server.request<Rec>('POST', '/api/records/client', { name })).body.id));
    const table = tableNameOf('client');
    // Each unit locks its first row, waits until the other holds its own, then asks for the other's: a lock cycle.
    let arrived = 0;
    let bothHold!: () => void;
    const holding = new Promise<void>((resolve) => (bothHold = resolve));
    let tries = 0;
    const unit = (first: string, second: string, note: string) =>
      server.database.transaction(async (sql) => {
        tries++;
        await sql.rows(`SELECT id FROM ${table} WHERE id = ? FOR UPDATE`, [first]);
        if (++arrived === 2) bothHold();
        await holding;
        await sql.execute(`UPDATE ${table} SET notes = ? WHERE id = ?`, [note, second]);
        await sql.execute(`UPDATE ${table} SET notes = ? WHERE id = ?`, [note, first]);
        return note;
      });
    await expect(Promise.all([unit(a!, b!, 'one'), unit(b!, a!, 'two')])).resolves.toEqual(['one', 'two']);
    // Three tries: InnoDB rolled one of the two back, and it ran again once the other had committed.
    expect(tries).toBe(3);
    const notes = await Promise.all([a!, b!].map(async (id) => (await server.request<Rec>('GET', `/api/records/client/${id}`)).body.notes));
    expect(notes[0]).toBe(notes[1]);
  });
});
