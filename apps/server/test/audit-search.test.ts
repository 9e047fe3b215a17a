import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string; version: number };
interface Entry {
  seq: number;
  at: string;
  action: string;
  actorName: string;
  entity: string | null;
  recordId: string | null;
  detail: Record<string, unknown>;
}
interface Progress {
  ok: boolean;
  entries: number;
  total: number;
  nextSeq?: number;
  firstBroken?: { seq: number; reason: string };
}
interface Problem {
  code: string;
  errors: { path: string; code: string; message: string; messageZh: string }[];
}

const PASSWORD = 'Audit-Reader-2026';

describe.each(dialects())('searching, exporting and verifying the audit log on %s', (dialect) => {
  let server: TestServer;
  let officer: Requester;
  let clerk: Requester;
  let record: Rec;
  const search = async (query: string, as: Requester = officer): Promise<Entry[]> => {
    const answer = await as<Entry[]>('GET', `/api/audit?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    await server.request('PUT', '/api/auth/roles/compliance', { key: 'compliance', label: { en: 'Compliance', 'zh-CN': '合规' }, auditLog: true });
    await server.request('PUT', '/api/auth/roles/clerk', { key: 'clerk', label: { en: 'Clerk' }, entities: { client: { read: 'all', create: 'own', update: 'own' } } });
    for (const [username, role] of [['officer', 'compliance'], ['clerk', 'clerk']]) {
      expect((await server.request('POST', '/api/auth/users', { username, displayName: username, roles: [role], password: PASSWORD })).status).toBe(201);
    }
    officer = await server.signIn('officer', PASSWORD);
    clerk = await server.signIn('clerk', PASSWORD);
    record = (await clerk<Rec>('POST', '/api/records/client', { name: '张三', mobile: '13812345678', notes: 'new' })).body;
    for (const notes of ['second', 'third']) {
      const current = (await clerk<Rec>('GET', `/api/records/client/${record.id}`)).body;
      expect((await clerk('PATCH', `/api/records/client/${record.id}`, { version: current.version, notes })).status).toBe(200);
    }
  });
  afterAll(async () => server?.close());

  it('finds entries by record, by who acted and by action, every condition at once', async () => {
    // The clerk read the record (with a sensitive field) before each change: those reads are entries too.
    expect((await search(`entity=client&recordId=${record.id}`)).map((e) => e.action)).toEqual(['create', 'read', 'update', 'read', 'update']);
    const byClerk = await search('actor=clerk&limit=1000');
    expect(new Set(byClerk.map((e) => e.actorName))).toEqual(new Set(['clerk']));
    expect(byClerk.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'create', 'update']));
    expect((await search('actor=clerk&action=update')).map((e) => e.detail.changes)).toEqual([
      { notes: { before: 'new', after: 'second' } },
      { notes: { before: 'second', after: 'third' } },
    ]);
    expect(await search('actor=nobody')).toEqual([]);
    // The values the log masked stay masked.
    expect((await search(`recordId=${record.id}&action=create`))[0]!.detail).toEqual({ values: { name: '张三', mobile: '138****5678', notes: 'new' } });
  });

  it('finds entries in a time range, and pages newest first', async () => {
    const all = await search('limit=1000');
    const middle = all[Math.floor(all.length / 2)]!;
    const from = await search(`from=${encodeURIComponent(middle.at)}&limit=1000`);
    expect(from.every((e) => e.at >= middle.at)).toBe(true);
    expect(from.map((e) => e.seq)).toContain(middle.seq);
    const to = await search(`to=${encodeURIComponent(middle.at)}&limit=1000`);
    expect(to.every((e) => e.at < middle.at)).toBe(true);
    expect(from.length + to.length).toBe(all.length);
    // A time with an offset means the same instant.
    const shanghai = new Date(Date.parse(middle.at) + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    expect((await search(`from=${encodeURIComponent(shanghai)}&limit=1000`)).length).toBe(from.length);

    const first = await search('order=desc&limit=3');
    expect(first.map((e) => e.seq)).toEqual([all.at(-1)!.seq, all.at(-2)!.seq, all.at(-3)!.seq]);
    const second = await search(`order=desc&limit=3&beforeSeq=${first.at(-1)!.seq}`);
    expect(second.map((e) => e.seq)).toEqual([all.at(-4)!.seq, all.at(-5)!.seq, all.at(-6)!.seq]);
  });

  it('refuses a malformed search with every problem named, in English and Chinese', async () => {
    const answer = await officer<Problem>('GET', '/api/audit?action=steal&from=yesterday&limit=5000&order=sideways&entity=Not%20A%20Key');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalidParameter');
    expect(answer.body.errors.map((e) => e.path).sort()).toEqual(['action', 'entity', 'from', 'limit', 'order']);
    expect(answer.body.errors.every((e) => e.message.length > 0 && e.messageZh.length > 0)).toBe(true);
    expect((await officer<Problem>('GET', '/api/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z')).body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
    expect((await officer<Problem>('GET', '/api/audit?actor=a&actor=b')).body.errors).toEqual([expect.objectContaining({ path: 'actor' })]);
  });

  it('lets only the audit grant search, label, export and verify the log', async () => {
    for (const path of ['/api/audit', '/api/audit?actor=clerk', '/api/audit/entities', '/api/audit/export', '/api/audit/verify?fromSeq=1&limit=10']) {
      const refused = await clerk<{ code: string }>('GET', path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
  });

  it('names the published entities and their fields for the viewer', async () => {
    const entities = (await officer<{ key: string; label: { en: string }; fields: { key: string; label: { en: string } }[] }[]>('GET', '/api/audit/entities')).body;
    const client = entities.find((e) => e.key === 'client')!;
    expect(client.label).toEqual(clientEntity.label);
    expect(client.fields.map((f) => f.key)).toEqual(clientEntity.fields.map((f) => f.key));
    expect(client.fields[0]!.label).toEqual(clientEntity.fields[0]!.label);
  });

  it('exports a search as CSV with the shared writer, and audits the export first', async () => {
    const csv = await officer<string>('GET', `/api/audit/export?entity=client&recordId=${record.id}&order=desc`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('audit-log.csv');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorName,actorId,action,entity,recordId,detail,prevHash,hash');
    expect(lines.slice(1).map((line) => line.split(',')[4])).toEqual(['update', 'read', 'update', 'read', 'create']);
    expect(csv.body).toContain('138****5678');
    expect(csv.body).not.toContain('13812345678');
    const [exported] = await search('action=export&actor=officer&order=desc&limit=1');
    expect(exported!.detail).toEqual({ of: 'auditLog', format: 'csv', order: 'desc', search: { entity: 'client', recordId: record.id } });
    expect((await officer<Problem>('GET', '/api/audit/export?action=steal')).status).toBe(400);
  });

  it('verifies the chain a stretch at a time with progress, and names a break in its stretch', async () => {
    const whole = (await officer<Progress>('GET', '/api/audit/verify')).body;
    expect(whole.ok).toBe(true);
    const walk = async (): Promise<Progress[]> => {
      const steps: Progress[] = [];
      let next: number | undefined = 1;
      while (next !== undefined) {
        const step: Progress = (await officer<Progress>('GET', `/api/audit/verify?fromSeq=${next}&limit=7`)).body;
        steps.push(step);
        next = step.nextSeq;
      }
      return steps;
    };
    const steps = await walk();
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.slice(0, -1).every((s) => s.ok && s.nextSeq === s.entries + 1 && s.entries % 7 === 0)).toBe(true);
    const last = steps.at(-1)!;
    expect(last).toMatchObject({ ok: true, entries: last.total });
    expect(last.nextSeq).toBeUndefined();
    expect(last.total).toBeGreaterThanOrEqual(whole.entries);

    const change = (name: string): Promise<unknown> => server.database.transaction((sql) => sql.execute('UPDATE bf_audit SET actor_name = ? WHERE seq = 9', [name]));
    const original = (await search('limit=9')).at(-1)!.actorName;
    await change('someone_else');
    try {
      const broken = await walk();
      expect(broken.at(-1)).toMatchObject({ ok: false, entries: 8, firstBroken: { seq: 9, reason: 'hashMismatch' } });
      expect(broken.at(-1)!.nextSeq).toBeUndefined();
    } finally {
      await change(original);
    }
    expect((await officer<Progress>('GET', '/api/audit/verify?fromSeq=1&limit=10000')).body).toMatchObject({ ok: true });
    const bad = await officer<Problem>('GET', '/api/audit/verify?fromSeq=0&limit=100000');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['fromSeq', 'limit']);
  });
});
