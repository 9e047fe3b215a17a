import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainEventDispatcher } from '../src/modules/events/domain-event-dispatcher.js';
import { ImportRunner } from '../src/modules/imports/import-runner.js';
import { RESIDENT_IDS } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity, PASSWORD, seedPeople, type Username } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Page = { items: Rec[]; total?: number; nextCursor: string | null };

const MORE_IDS = ['11010519491231002X', '44030519900101123X', '310115198511204566', '110105200002290013', '110101199003070011', '110101199003070038', '110101199003070054'];

describe.each(dialects())('permissions on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  let userIds: Record<Username, string>;
  /** Which clients each user created: the test's own record of ownership. */
  const owned: Record<string, Rec[]> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    ({ as, ids: userIds } = await seedPeople(server));
    let n = 0;
    const plan: [Username, number][] = [['rm_a', 3], ['rm_b', 2], ['rm_c', 1], ['tl_sh', 1]];
    for (const [user, count] of plan) {
      owned[user] = [];
      for (let i = 0; i < count; i++) {
        const created = await as[user]<Rec>('POST', '/api/records/client', {
          name: `王客户${n}`,
          mobile: `1381234${String(1000 + n)}`,
          resident_id: MORE_IDS[n],
          notes: `of ${user}`,
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        owned[user].push(created.body);
        n++;
      }
    }
    expect(RESIDENT_IDS[0]).toBe(MORE_IDS[0]);
    // The administrator sets incomes: relationship managers may not even see them.
    for (const [i, client] of Object.values(owned).flat().entries()) {
      const full = await server.request<Rec>('GET', `/api/records/client/${client.id}`);
      const patched = await server.request('PATCH', `/api/records/client/${client.id}`, { version: full.body.version, income: 10000 * (i + 1), segment: i % 2 ? 'affluent' : 'mass' });
      expect(patched.status).toBe(200);
    }
  });
  afterAll(async () => server?.close());

  const ids = (users: Username[]): string[] => users.flatMap((u) => owned[u]?.map((r) => r.id) ?? []).sort();
  const listIds = async (user: Username): Promise<{ ids: string[]; total: number | undefined }> => {
    const page = await as[user]<Page>('POST', '/api/records/client/query', { count: true, limit: 500 });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    return { ids: page.body.items.map((r) => r.id).sort(), total: page.body.total };
  };

  it('scopes lists and counts: own, team (transitively), branch (by the owner), all', async () => {
    const expected: Record<Username, Username[]> = {
      rm_a: ['rm_a'],
      rm_b: ['rm_b'],
      rm_c: ['rm_c'],
      tl_sh: ['tl_sh', 'rm_a'],
      bm_sh: ['rm_a', 'rm_b', 'tl_sh'],
      bm_bj: ['rm_c'],
      auditor: ['rm_a', 'rm_b', 'rm_c', 'tl_sh'],
      analyst: [],
    };
    for (const [user, owners] of Object.entries(expected) as [Username, Username[]][]) {
      if (user === 'analyst') continue;
      const { ids: seen, total } = await listIds(user);
      expect(seen, user).toEqual(ids(owners));
      expect(total, user).toBe(seen.length);
    }
    // A filter that matches everything still counts only what the scope reaches.
    const all = await as.rm_a<Page>('POST', '/api/records/client/query', { count: true, filter: { field: 'notes', op: 'contains', value: 'of' } });
    expect(all.body.total).toBe(3);
  });

  it('refuses a role without the operation with a 403 problem', async () => {
    const denied = await as.analyst('POST', '/api/records/client/query', {});
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
    expect(denied.body).toMatchObject({ code: 'forbidden', operation: 'read', entity: 'client' });
    expect((await as.auditor('POST', '/api/records/client', { name: 'x' })).status).toBe(403);
    expect((await as.auditor('POST', '/api/records/client/export', {})).status).toBe(403);
  });

  it('names records by title only within each reader\'s read scope, and lets no role without the right transfer them', async () => {
    const every = ids(['rm_a', 'rm_b', 'rm_c', 'tl_sh']);
    for (const user of ['rm_a', 'rm_b', 'rm_c', 'tl_sh', 'bm_sh', 'bm_bj', 'auditor'] as const) {
      const titled = await as[user]<{ titles: Record<string, string> }>('POST', '/api/records/client/titles', { ids: every });
      expect([user, titled.status]).toEqual([user, 200]);
      expect([user, Object.keys(titled.body.titles).sort()]).toEqual([user, (await listIds(user)).ids]);
    }
    expect((await as.analyst('POST', '/api/records/client/titles', { ids: every })).status).toBe(403);
    for (const user of ['rm_a', 'tl_sh', 'bm_sh', 'auditor', 'analyst'] as const) {
      const refused = await as[user]<{ code: string }>('POST', '/api/records/client/transfer', { ids: ids(['rm_a']), to: userIds.rm_b, reason: 'probe' });
      expect([user, refused.status, refused.body.code]).toEqual([user, 403, 'forbidden']);
    }
    const owners = await server.database.read((sql) => sql.rows<{ owner_id: string }>('SELECT owner_id FROM e_client WHERE id IN (?, ?, ?)', ids(['rm_a'])));
    expect(owners.map((o) => o.owner_id)).toEqual([userIds.rm_a, userIds.rm_a, userIds.rm_a]);
  });

  it('answers 404 for a record outside the read scope, and lets no one change it', async () => {
    const foreign = owned.rm_b![0]!;
    expect((await as.rm_a('GET', `/api/records/client/${foreign.id}`)).status).toBe(404);
    expect((await as.rm_c('GET', `/api/records/client/${foreign.id}`)).status).toBe(404);
    expect((await as.bm_bj('GET', `/api/records/client/${foreign.id}`)).status).toBe(404);
    expect((await as.bm_sh('GET', `/api/records/client/${foreign.id}`)).status).toBe(200);
    const before = await server.request<Rec>('GET', `/api/records/client/${foreign.id}`);
    const patch = await as.rm_a('PATCH', `/api/records/client/${foreign.id}`, { version: before.body.version, notes: 'taken over' });
    expect(patch.status).toBe(404);
    expect((await as.bm_bj('DELETE', `/api/records/client/${foreign.id}`)).status).toBe(404);
    // rm_a has no delete right at all: 403, even on their own record.
    expect((await as.rm_a('DELETE', `/api/records/client/${owned.rm_a![0]!.id}`)).status).toBe(403);
    const after = await server.request<Rec>('GET', `/api/records/client/${foreign.id}`);
    expect(after.body).toEqual(before.body);
    // The team lead reaches their report's record.
    const teamRecord = owned.rm_a![1]!;
    const current = await as.tl_sh<Rec>('GET', `/api/records/client/${teamRecord.id}`);
    expect((await as.tl_sh('PATCH', `/api/records/client/${teamRecord.id}`, { version: current.body.version, notes: 'checked by lead' })).status).toBe(200);
  });

  it('never sends a hidden field, and refuses it in filters, sorts and projections without leaking counts', async () => {
    const read = await as.rm_a<Rec>('GET', `/api/records/client/${owned.rm_a![0]!.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('income');
    const list = await as.rm_a<Page>('POST', '/api/records/client/query', {});
    expect(list.body.items.every((r) => !('income' in r))).toBe(true);
    for (const query of [
      { filter: { field: 'income', op: 'gt', value: 15000 }, count: true },
      { filter: { not: { field: 'income', op: 'isNull', value: true } }, count: true },
      { filter: { or: [{ field: 'notes', op: 'eq', value: 'nobody' }, { field: 'income', op: 'lt', value: 1 }] } },
      { sort: [{ field: 'income' }] },
      { fields: ['name', 'income'] },
    ]) {
      const refused = await as.rm_a<{ code: string; total?: number; items?: unknown }>('POST', '/api/records/client/query', query);
      expect(refused.status, JSON.stringify(query)).toBe(403);
      expect(refused.body.code).toBe('fieldNotPermitted');
      expect(refused.body.total).toBeUndefined();
      expect(refused.body.items).toBeUndefined();
    }
    const csv = await as.rm_a<string>('POST', '/api/records/client/export', {});
    expect(csv.body.split('\r\n')[0]).not.toContain('income');
  });

  it('masks masked fields in reads, lists, writes and exports alike, and refuses every filter and sort on them', async () => {
    const mine = owned.rm_a![0]!;
    const read = await as.rm_a<Rec>('GET', `/api/records/client/${mine.id}`);
    expect(read.body.resident_id).toBe('1101************2X');
    expect(read.body.name).toBe('王***');
    expect(read.body.mobile).toBe('13812341000');
    const list = await as.rm_a<Page>('POST', '/api/records/client/query', { sort: [{ field: 'created_at' }] });
    expect(list.body.items.map((r) => r.resident_id)).toEqual(list.body.items.map(() => expect.stringMatching(/^\d{4}\*{12}[\dX]{2}$/)));
    expect((await as.rm_a<Rec>('POST', '/api/records/client', { name: '李四', resident_id: '110101199003070097' })).body.resident_id).toBe('1101************97');
    const auditorView = await as.auditor<Rec>('GET', `/api/records/client/${mine.id}`);
    expect(auditorView.body.mobile).toBe('138****1000');
    expect(auditorView.body.name).toBe('王客户0');
    // Even exact matches: a yes or no per guess, and `in` with a thousand guesses, would give the value away.
    for (const query of [
      { filter: { and: [{ field: 'id', op: 'eq', value: mine.id }, { field: 'resident_id', op: 'eq', value: '11010519491231002X' }] }, count: true },
      { filter: { field: 'resident_id', op: 'in', value: ['11010519491231002X', '110101199003070097'] }, count: true },
      { filter: { not: { field: 'resident_id', op: 'ne', value: '11010519491231002X' } } },
      { filter: { field: 'resident_id', op: 'isNull', value: true } },
      { filter: { field: 'resident_id', op: 'startsWith', value: '1101' } },
      { filter: { field: 'name', op: 'contains', value: '客户' } },
      { sort: [{ field: 'name' }] },
    ]) {
      const refused = await as.rm_a<{ code: string }>('POST', '/api/records/client/query', query);
      expect(refused.status, JSON.stringify(query)).toBe(403);
      expect(refused.body.code).toBe('fieldMasked');
    }
    const csv = await as.auditor<string>('POST', '/api/records/client/query', {});
    expect(JSON.stringify(csv.body)).not.toContain('13812341000');
    const bmExport = await as.bm_sh<string>('POST', '/api/records/client/export', {});
    expect(bmExport.status).toBe(200);
    expect(bmExport.body).toContain('1101************2X');
    expect(bmExport.body).not.toContain('11010519491231002X');
  });

  it('exports only what the export scope reaches, with field rules applied', async () => {
    const csv = await as.rm_a<string>('POST', '/api/records/client/export', {});
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toContain('resident_id');
    expect(lines).toHaveLength(1 + owned.rm_a!.length + 1); // rm_a also created 李四 above
    const bm = await as.bm_sh<string>('POST', '/api/records/client/export', { filter: { field: 'segment', op: 'eq', value: 'mass' } });
    const rows = bm.body.replace(/^\ufeff/, '').trim().split('\r\n').slice(1);
    const expected = await server.request<Page>('POST', '/api/records/client/query', { filter: { field: 'segment', op: 'eq', value: 'mass' }, limit: 500 });
    const inBranch = new Set(ids(['rm_a', 'rm_b', 'tl_sh']));
    expect(rows.map((r) => r.split(',')[header.indexOf('id')]).sort()).toEqual(expected.body.items.filter((r) => inBranch.has(r.id)).map((r) => r.id).sort());
  });

  it("webhook deliveries apply the subscription roles' field rules: a reader of every client gets its clear fields clear, a reader of its own gets nothing, one without roles what any role restricts masked", async () => {
    const subscribe = (key: string, roles?: string[]) =>
      server.request('POST', '/api/webhooks', { key, name: { en: key, 'zh-CN': key }, url: 'http://127.0.0.1:9/hooks', eventTypes: ['record.updated'], ...(roles ? { roles } : {}) });
    for (const [key, roles] of [['perm_auditor', ['auditor']], ['perm_rm', ['relationship_manager']], ['perm_any', undefined]] as const) expect((await subscribe(key, roles ? [...roles] : undefined)).status).toBe(201);
    const client = owned.rm_b![1]!;
    const before = await server.request<Rec>('GET', `/api/records/client/${client.id}`);
    expect((await server.request('PATCH', `/api/records/client/${client.id}`, { version: before.body.version, name: '欧阳新名', income: 98765, notes: 'renamed for the feed' })).status).toBe(200);
    const after = await server.request<Rec>('GET', `/api/records/client/${client.id}`);
    // Deliveries are left when this change's event is handed out (here or by the background poller); earlier changes' events may still be on their way.
    const [event] = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM bf_domain_event WHERE record_id = ? AND changes LIKE '%renamed for the feed%'", [client.id]));
    await vi.waitFor(async () => {
      await server.app.get(DomainEventDispatcher).dispatchDue();
      expect((await server.database.read((sql) => sql.rows<{ state: string }>('SELECT state FROM bf_domain_event WHERE id = ?', [event!.id])))[0]?.state).toBe('done');
    });
    const rows = await server.database.read((sql) => sql.rows<{ subscription_key: string; payload: string }>("SELECT subscription_key, payload FROM bf_webhook_delivery WHERE subscription_key LIKE 'perm_%' AND event_id = ?", [event!.id]));
    const changesOf = (key: string): Record<string, unknown>[] => rows.filter((r) => r.subscription_key === key).map((r) => (JSON.parse(r.payload) as { data: { changes: Record<string, unknown> } }).data.changes);
    expect(changesOf('perm_auditor')).toEqual([{ name: { old: before.body.name, new: '欧阳新名' }, income: { old: before.body.income, new: after.body.income }, notes: { old: before.body.notes, new: 'renamed for the feed' } }]);
    expect(changesOf('perm_rm')).toEqual([]);
    // The relationship manager's role masks the name and hides the income: without roles, both go masked with their default mask.
    const [anyone] = changesOf('perm_any');
    expect(anyone).toMatchObject({ name: { new: '欧***' }, notes: { new: 'renamed for the feed' } });
    expect(JSON.stringify(anyone)).not.toMatch(/欧阳新名|98765/);
    for (const key of ['perm_auditor', 'perm_rm', 'perm_any']) expect((await server.request('DELETE', `/api/webhooks/${key}`)).status).toBe(204);
  });

  it('refuses writes to read-only and hidden fields with 403 and changes nothing', async () => {
    const mine = owned.rm_a![2]!;
    const before = await server.request<Rec>('GET', `/api/records/client/${mine.id}`);
    for (const body of [{ income: 1 }, { segment: 'affluent' }]) {
      const refused = await as.rm_a<{ code: string; errors: { path: string }[] }>('PATCH', `/api/records/client/${mine.id}`, { version: before.body.version, ...body });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('fieldNotWritable');
      expect(refused.body.errors[0]!.path).toBe(`/${Object.keys(body)[0]}`);
    }
    expect((await as.rm_a('POST', '/api/records/client', { name: 'x', income: 5 })).status).toBe(403);
    expect((await server.request<Rec>('GET', `/api/records/client/${mine.id}`)).body).toEqual(before.body);
  });

  it('unmasks one field of one record only with the right and a reason, and audits both', async () => {
    const target = owned.rm_a![0]!;
    const reason = 'Customer called to confirm identity';
    const revealed = await as.bm_sh<{ field: string; value: string; revealSeconds: number }>('POST', `/api/records/client/${target.id}/unmask`, { field: 'resident_id', reason });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ field: 'resident_id', value: '11010519491231002X', revealSeconds: 60 });
    // A role without the unmask right is refused, reason or not, and nothing is audited as revealed for it.
    expect((await as.rm_a('POST', `/api/records/client/${target.id}/unmask`, { field: 'resident_id', reason })).status).toBe(403);
    expect((await as.bm_bj('POST', `/api/records/client/${target.id}/unmask`, { field: 'resident_id', reason })).status).toBe(404);
    for (const body of [{ field: 'resident_id' }, { field: 'resident_id', reason: ' ok ' }, { field: 'resident_id', reason: 'x'.repeat(501) }]) {
      const refused = await as.bm_sh<{ code: string; errors: { path: string; code: string; messageZh: string }[] }>('POST', `/api/records/client/${target.id}/unmask`, body);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'reasonRequired', errors: [{ path: '/reason', code: 'reasonRequired', messageZh: '请填写 4 到 500 个字符的查看原因' }] });
    }
    expect((await as.bm_sh('POST', `/api/records/client/${target.id}/unmask`, { field: 'income', reason: 'Income proof review' })).status).toBe(200);
    const audit = await server.request<{ action: string; actorName: string; detail: { field: string; reason: string } }[]>('GET', `/api/audit?entity=client&recordId=${target.id}`);
    expect(audit.body.filter((e) => e.action === 'unmask').map((e) => [e.actorName, e.detail.field, e.detail.reason])).toEqual([
      ['bm_sh', 'resident_id', reason],
      ['bm_sh', 'income', 'Income proof review'],
    ]);
  });

  it('checks designer rights and administrator-only endpoints on the server', async () => {
    expect((await as.rm_a('PUT', '/api/artifacts/entity/client', clientEntity)).status).toBe(403);
    expect((await as.rm_a('POST', '/api/artifacts/entity/client/publish', {})).status).toBe(403);
    expect((await as.analyst('PUT', '/api/artifacts/entity/client', { ...clientEntity, title: 'Clients' })).status).toBe(200);
    expect((await as.bm_sh('POST', '/api/artifacts/entity/client/publish', {})).status).toBe(403);
    expect((await as.analyst('POST', '/api/artifacts/entity/client/publish', {})).status).toBe(200);
    expect((await as.rm_a('GET', '/api/artifacts/entity')).status).toBe(200);
    // Moving running cases to a new flow version is part of publishing the flow: the flow publish grant, checked before anything is read.
    for (const [method, path, body] of [
      ['POST', '/api/flows/any_flow/migration-preview', {}],
      ['POST', '/api/flows/any_flow/migrations', { toVersion: 1 }],
    ] as const) {
      for (const user of ['rm_a', 'analyst', 'auditor'] as const) {
        const refused = await as[user]<{ code: string; right: string }>(method, path, body);
        expect(refused.status, `${user} ${path}`).toBe(403);
        expect(refused.body).toMatchObject({ code: 'forbidden', right: 'publish' });
      }
    }
    for (const [method, path] of [
      ['GET', '/api/auth/users'],
      ['GET', '/api/auth/roles'],
      ['PUT', '/api/auth/roles/auditor'],
      ['GET', '/api/audit'],
      ['GET', '/api/audit/verify'],
      ['GET', '/api/audit/verify?fromSeq=1&limit=10'],
      ['GET', '/api/audit/entities'],
      ['GET', '/api/audit/export'],
      ['POST', '/api/auth/api-keys'],
      ['GET', '/api/auth/api-keys'],
      ['POST', `/api/auth/api-keys/${userIds.analyst}/revoke`],
      ['POST', '/api/auth/users'],
      ['PATCH', `/api/auth/users/${userIds.rm_b}`],
      ['POST', `/api/auth/users/${userIds.rm_b}/disable`],
      ['POST', `/api/auth/users/${userIds.rm_b}/enable`],
      ['POST', `/api/auth/users/${userIds.rm_b}/password`],
    ] as const) {
      const refused = await as.rm_a<{ code: string }>(method, path, method === 'GET' ? undefined : { key: 'auditor', label: { en: 'x' }, admin: true });
      expect(refused.status, path).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await server.request<{ roles: string[] }>('GET', '/api/auth/users')).status).toBe(200);
    // Refused before anything was read or written: rm_b is as before, and the team lead (no audit grant) cannot read the log either.
    expect((await server.request<{ id: string; active: boolean; roles: string[] }[]>('GET', '/api/auth/users')).body.find((u) => u.id === userIds.rm_b)).toMatchObject({ active: true, roles: ['relationship_manager'] });
    expect((await as.tl_sh('GET', '/api/audit/export')).status).toBe(403);
  });

  it("answers a record's 360° overview and timeline only within the read scope, with the reader's masking", async () => {
    const mine = owned.rm_a![0]!.id;
    const foreign = owned.rm_b![0]!.id;
    for (const part of ['overview', 'timeline']) {
      const own = await as.rm_a<{ header?: { title: string }; entries?: unknown[] }>('GET', `/api/records/client/${mine}/${part}`);
      expect(own.status, part).toBe(200);
      for (const user of ['rm_a', 'rm_c', 'bm_bj'] as const) expect((await as[user]('GET', `/api/records/client/${foreign}/${part}`)).status, `${user} ${part}`).toBe(404);
      expect((await as.bm_sh('GET', `/api/records/client/${foreign}/${part}`)).status, part).toBe(200);
      const refused = await as.analyst<{ code: string }>('GET', `/api/records/client/${mine}/${part}`);
      expect([refused.status, refused.body.code], part).toEqual([403, 'forbidden']);
    }
    const overview = await as.rm_a<{ header: { title: string }; timeline: { entries: { kind: string; changes: { field: string }[] }[] } }>('GET', `/api/records/client/${mine}/overview`);
    expect(overview.body.header.title).toBe('王***');
    // The administrator's income changes are in the log; the RM, for whom income is hidden, is not told of them.
    const changed = overview.body.timeline.entries.flatMap((e) => (e.kind === 'change' ? e.changes.map((c) => c.field) : []));
    expect(changed).not.toContain('income');
    expect(JSON.stringify(overview.body)).not.toContain('11010519491231002X');
  });

  it("holds an API key to its scope: refused what its roles allow but its scope does not, on every data path", async () => {
    const issue = async (name: string, roles: string[], limits: Record<string, unknown>): Promise<Requester> => {
      const created = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name, roles, ...limits });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers });
    };
    // Shanghai's reader: a branch manager's and a team lead's grants (read, create, update, delete, export, transfer none), narrowed to reading.
    const reader = await issue('sh-reader', ['branch_manager', 'team_lead'], { scope: { entities: { client: ['read'] }, dataScope: 'branch' }, branch: 'SH' });
    const shanghai = ids(['rm_a', 'rm_b', 'tl_sh']);
    const page = await reader<Page>('POST', '/api/records/client/query', { count: true, limit: 500 });
    expect(page.status).toBe(200);
    expect(page.body.items.map((r) => r.id).filter((id) => shanghai.includes(id) || ids(['rm_c']).includes(id)).sort()).toEqual(shanghai);
    expect(page.body.items.every((r) => r.resident_id === undefined || /\*/.test(String(r.resident_id)))).toBe(true);
    const sh = owned.rm_a![0]!;
    const bj = owned.rm_c![0]!;
    expect((await reader('GET', `/api/records/client/${sh.id}`)).status).toBe(200);
    expect((await reader('GET', `/api/records/client/${bj.id}`)).status).toBe(404);
    expect((await reader('GET', `/api/records/client/${sh.id}/overview`)).status).toBe(200);
    expect((await reader('GET', `/api/records/client/${bj.id}/timeline`)).status).toBe(404);
    const titled = await reader<{ titles: Record<string, string> }>('POST', '/api/records/client/titles', { ids: ids(['rm_a', 'rm_b', 'rm_c', 'tl_sh']) });
    expect(Object.keys(titled.body.titles).sort()).toEqual(shanghai);
    // Unmasking stays the roles' (the branch manager's), within the narrowed read scope only.
    expect((await reader('POST', `/api/records/client/${bj.id}/unmask`, { field: 'resident_id', reason: 'Integration check of identity' })).status).toBe(404);
    expect((await reader('POST', `/api/records/client/${sh.id}/unmask`, { field: 'resident_id', reason: 'Integration check of identity' })).status).toBe(200);
    const current = await reader<Rec>('GET', `/api/records/client/${sh.id}`);
    const before = await server.request<Rec>('GET', `/api/records/client/${sh.id}`);
    for (const [method, path, body, operation] of [
      ['POST', '/api/records/client', { name: 'probe' }, 'create'],
      ['PATCH', `/api/records/client/${sh.id}`, { version: current.body.version, notes: 'probe' }, 'update'],
      ['DELETE', `/api/records/client/${sh.id}`, undefined, 'delete'],
      ['POST', '/api/records/client/export', {}, 'export'],
    ] as const) {
      const refused = await reader<{ code: string; operation: string }>(method, path, body);
      expect([operation, refused.status, refused.body.code]).toEqual([operation, 403, 'forbidden']);
    }
    expect((await server.request<Rec>('GET', `/api/records/client/${sh.id}`)).body).toEqual(before.body);
    // Segments run as queries do; the audit log, spanning every entity, is not a scoped key's.
    expect((await reader('POST', '/api/segments', { entity: 'client', name: 'key segment', filter: { field: 'notes', op: 'contains', value: 'of' }, sharing: 'private' })).status).toBe(201);
    expect((await reader('GET', '/api/audit')).status).toBe(403);

    // An administrator's key scoped to creating and reading its own clients: no administration, no other records.
    const intake = await issue('intake', ['administrator'], { scope: { entities: { client: ['create', 'read'] }, dataScope: 'own' } });
    const made = await intake<Rec>('POST', '/api/records/client', { name: '赵客户', notes: 'from intake' });
    expect(made.status).toBe(201);
    const mine = await intake<Page>('POST', '/api/records/client/query', { count: true });
    expect([mine.body.items.map((r) => r.id), mine.body.total]).toEqual([[made.body.id], 1]);
    expect((await intake('GET', `/api/records/client/${sh.id}`)).status).toBe(404);
    expect((await intake('DELETE', `/api/records/client/${made.body.id}`)).status).toBe(403);
    expect((await intake('POST', '/api/records/client/transfer', { ids: [made.body.id], to: userIds.rm_a, reason: 'probe' })).status).toBe(403);
    for (const [method, path] of [
      ['GET', '/api/auth/users'],
      ['GET', '/api/auth/api-keys'],
      ['POST', '/api/auth/api-keys'],
      ['GET', '/api/audit'],
      ['PUT', '/api/artifacts/entity/client'],
    ] as const) {
      const refused = await intake(method, path, method === 'GET' ? undefined : path.includes('artifacts') ? clientEntity : { name: 'escalate', roles: ['administrator'] });
      expect([path, refused.status]).toEqual([path, 403]);
    }

    // A scope reaching an entity the roles do not read at all reaches nothing: the scope never widens.
    const narrow = await issue('narrow', ['relationship_manager'], { scope: { entities: { client: ['read', 'delete'] }, dataScope: 'all' } });
    const none = await narrow<Page>('POST', '/api/records/client/query', { count: true });
    expect([none.status, none.body.total]).toEqual([200, 0]);
    expect((await narrow('DELETE', `/api/records/client/${sh.id}`)).status).toBe(403);

    // A branch-bound key that creates reads back what it owns beside its branch's records, and no other branch's.
    const intakeSh = await issue('intake-sh', ['team_lead', 'branch_manager'], { scope: { entities: { client: ['create', 'read'] }, dataScope: 'branch' }, branch: 'SH' });
    const own = await intakeSh<Rec>('POST', '/api/records/client', { name: '钱客户', notes: 'from intake-sh' });
    expect(own.status).toBe(201);
    const branchPage = await intakeSh<Page>('POST', '/api/records/client/query', { limit: 500 });
    const branchIds = branchPage.body.items.map((r) => r.id);
    expect(branchIds).toEqual(expect.arrayContaining([...shanghai, own.body.id]));
    expect(branchIds).not.toContain(bj.id);
    expect(branchIds).not.toContain(made.body.id);
    expect((await intakeSh('GET', `/api/records/client/${own.body.id}`)).status).toBe(200);

    const listed = await server.request<{ name: string; scope: unknown; branch: string | null; rateLimit: unknown }[]>('GET', '/api/auth/api-keys');
    expect(listed.body.find((k) => k.name === 'sh-reader')).toMatchObject({ scope: { entities: { client: ['read'] }, dataScope: 'branch' }, branch: 'SH', rateLimit: null });
  });

  it('refuses a key scope naming an unpublished entity, an unknown operation or a branch scope without a branch, in both languages', async () => {
    const refused = await server.request<{ code: string; errors: { path: string; code: string; message: string; messageZh: string }[] }>('POST', '/api/auth/api-keys', {
      name: 'typo',
      roles: [],
      scope: { entities: { clients: ['read'], client: ['read', 'write'] }, dataScope: 'branch' },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors.map((e) => [e.path, e.code])).toEqual([
      ['/scope/entities/clients', 'entityNotPublished'],
      ['/scope/entities/client/1', 'unknownOperation'],
      ['/branch', 'branchRequired'],
    ]);
    expect(refused.body.errors.every((e) => e.message.length > 0 && /[\u4e00-\u9fff]/.test(e.messageZh))).toBe(true);
    const shape = await server.request<{ errors: { path: string; messageZh?: string }[] }>('POST', '/api/auth/api-keys', { name: 'bad', roles: [], scope: { entities: {}, dataScope: 'everyone' }, rateLimit: { perMinute: 0 } });
    expect(shape.status).toBe(422);
    expect(shape.body.errors.map((e) => e.path).sort()).toEqual(['/rateLimit/perMinute', '/scope/dataScope']);
    expect(shape.body.errors.every((e) => typeof e.messageZh === 'string')).toBe(true);
    const keys = await server.request<{ name: string }[]>('GET', '/api/auth/api-keys');
    expect(keys.body.map((k) => k.name)).not.toContain('typo');
    // Issuing is audited with the limits, never with the secret.
    const created = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'audited', roles: ['auditor'], scope: { entities: { client: ['read'] }, dataScope: 'all' }, rateLimit: { perMinute: 30 } });
    const audit = await server.request<{ detail: Record<string, unknown> }[]>('GET', `/api/audit?recordId=${created.body.id}`);
    expect(audit.body[0]!.detail).toMatchObject({ name: 'audited', scope: { entities: { client: ['read'] }, dataScope: 'all' }, rateLimit: { perMinute: 30 } });
    expect(JSON.stringify(audit.body)).not.toContain(created.body.key.split('.')[1]!);
  });

  it('lists the roles to a designer by key and name only (to choose approvers by), with their grants to administrators', async () => {
    const listed = await as.analyst<{ key: string; label: { en: string } }[]>('GET', '/api/auth/roles');
    expect(listed.status).toBe(200);
    expect(listed.body.length).toBeGreaterThan(1);
    for (const role of listed.body) expect(Object.keys(role).sort()).toEqual(['key', 'label']);
    const full = await server.request<{ key: string; entities?: unknown }[]>('GET', '/api/auth/roles');
    expect(full.body.map((r) => r.key)).toEqual(listed.body.map((r) => r.key));
    expect(full.body.some((r) => r.entities !== undefined)).toBe(true);
  });

  it("lists segments only to whom they are shared with: not another branch's, not another's private one", async () => {
    const filter = { field: 'notes', op: 'contains', value: 'of' };
    for (const [user, name, sharing] of [['rm_a', 'SH branch', 'branch'], ['rm_a', 'rm_a only', 'private'], ['rm_c', 'BJ branch', 'branch']] as const) {
      const saved = await as[user]('POST', '/api/segments', { entity: 'client', name, filter, sharing });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    }
    const seen = async (user: Username) => (await as[user]<{ items: { name: string }[] }>('GET', '/api/segments?entity=client')).body.items.map((s) => s.name);
    expect(await seen('rm_b')).toEqual(['SH branch']);
    expect(await seen('bm_sh')).toEqual(['SH branch']);
    expect(await seen('rm_c')).toEqual(['BJ branch']);
    expect(await seen('bm_bj')).toEqual(['BJ branch']);
    // A segment on a field the reader may not filter on is refused where it runs, as any filter is.
    const hidden = await as.rm_a<{ code: string }>('POST', '/api/segments', { entity: 'client', name: 'rich', filter: { field: 'income', op: 'gt', value: 1 }, sharing: 'branch' });
    expect(hidden.status).toBe(403);
    expect(hidden.body.code).toBe('fieldNotPermitted');
    // Another's segment, seen or not, cannot be changed or deleted by a reader.
    const [sh] = (await as.rm_b<{ items: { id: string }[] }>('GET', '/api/segments?entity=client')).body.items;
    expect((await as.rm_b('DELETE', `/api/segments/${sh!.id}`)).status).toBe(403);
    expect((await as.rm_c('PATCH', `/api/segments/${sh!.id}`, { sharing: 'private' })).status).toBe(404);
    expect((await as.analyst('GET', '/api/segments?entity=client')).status).toBe(403);
  });

  it('holds the automation endpoints to their grants: runs and tests to designers of automations, replays to publishers, an inbound event to the roles listing it', async () => {
    const roles = [
      { key: 'automation_designer', label: { en: 'Automation designer' }, artifacts: { automation: ['edit'] }, entities: { client: { read: 'own' } } },
      { key: 'automation_publisher', label: { en: 'Automation publisher' }, artifacts: { automation: ['edit', 'publish'] } },
      { key: 'flag_feed', label: { en: 'Flag feed' }, automationEvents: { client_flagged: ['post'] } },
    ];
    for (const role of roles) {
      const saved = await server.request('PUT', `/api/auth/roles/${role.key}`, role);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    }
    const people: Record<string, Requester> = {};
    for (const role of roles) {
      expect((await server.request('POST', '/api/auth/users', { username: `${role.key}_u`, displayName: role.key, branch: 'HQ', roles: [role.key], password: PASSWORD })).status).toBe(201);
      people[role.key] = await server.signIn(`${role.key}_u`, PASSWORD);
    }
    const flag = { kind: 'automation', key: 'client_flag', title: 'client_flag', label: { en: 'Flag', 'zh-CN': '标记' }, trigger: { type: 'inbound', event: 'client_flagged', entity: 'client', match: { field: 'name', value: 'payload.name' } }, actions: [{ id: 'note', type: 'updateRecord', values: { notes: '"flagged"' } }] };
    await server.publishArtifact(flag);
    // rm_b's client as stored (its name unmasked), which rm_a and the designers may not read.
    const target = (await server.request<Rec>('GET', `/api/records/client/${owned.rm_b![0]!.id}`)).body;
    type Who = 'rm_a' | 'analyst' | 'automation_designer' | 'automation_publisher' | 'flag_feed';
    const who = (name: Who): Requester => (name in people ? people[name]! : as[name as Username]);
    // Posting the event: the feed's role (and administrators); nobody else, whatever else they may do.
    for (const [name, status] of [['flag_feed', 202], ['automation_publisher', 403], ['rm_a', 403], ['analyst', 403]] as const) {
      const posted = await who(name)<{ runs: number }>('POST', '/api/automations/events/client_flagged', { payload: { name: target.name } });
      expect([name, posted.status]).toEqual([name, status]);
    }
    const [run] = (await server.request<{ id: string }[]>('GET', '/api/automations/client_flag/runs')).body;
    const matrix: [string, string, unknown, Record<Who, number>][] = [
      ['GET', '/api/automations/client_flag/runs', undefined, { automation_designer: 200, automation_publisher: 200, rm_a: 403, analyst: 403, flag_feed: 403 }],
      ['POST', '/api/automations/client_flag/test', { payload: { name: 'nobody' } }, { automation_designer: 200, automation_publisher: 200, rm_a: 403, analyst: 403, flag_feed: 403 }],
      ['POST', `/api/automations/runs/${run!.id}/replay`, {}, { automation_designer: 403, automation_publisher: 200, rm_a: 403, analyst: 403, flag_feed: 403 }],
    ];
    for (const [method, path, body, expected] of matrix) {
      for (const [name, status] of Object.entries(expected) as [Who, number][]) {
        const answer = await who(name)<{ code?: string }>(method, path, body);
        expect([name, method, path, answer.status]).toEqual([name, method, path, status]);
        if (status === 403) expect(answer.body.code).toBe('forbidden');
      }
    }
    // A designer's test reads a sample record only within their own read scope: a client they may not read is not found.
    const sample = await people.automation_designer!<{ code: string }>('POST', '/api/automations/client_flag/test', { recordId: target.id, payload: { name: target.name } });
    expect(sample.status).toBe(404);
    expect(JSON.stringify(sample.body)).not.toContain('flagged');
    // Without a read grant on the entity at all: refused.
    const publisher = await people.automation_publisher!<{ code: string }>('POST', '/api/automations/client_flag/test', { recordId: target.id, payload: {} });
    expect([publisher.status, publisher.body.code]).toEqual([403, 'forbidden']);
    expect((await server.request('POST', '/api/automations/client_flag/test', { recordId: target.id, payload: {} })).status).toBe(200);
  });

  it('holds the import endpoints to the import grant and to the uploader: another person finds no job; imported clients are the importer\'s, read by their branch only', async () => {
    const role = { key: 'client_importer', label: { en: 'Client importer' }, entities: { client: { create: 'own', read: 'own', update: 'own', import: 'own' } } };
    expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    const importers: Record<'imp_sh' | 'imp_bj', Requester> = {} as Record<'imp_sh' | 'imp_bj', Requester>;
    for (const [username, branch] of [['imp_sh', 'SH'], ['imp_bj', 'BJ']] as const) {
      expect((await server.request('POST', '/api/auth/users', { username, displayName: username, branch, roles: [role.key], password: PASSWORD })).status).toBe(201);
      importers[username] = await server.signIn(username, PASSWORD);
    }
    const csv = ['name,mobile,notes', '导入客户甲,13900001111,imported', '导入客户乙,13900002222,imported'].join('\r\n');
    const upload = (as: Requester) => as<{ id: string; columns: unknown[]; code?: string }>('POST', '/api/imports?entity=client&name=clients.csv', csv, { 'content-type': 'text/csv' });
    // Uploading needs the import grant: a relationship manager may create clients but not import them, an analyst neither.
    for (const name of ['rm_a', 'analyst', 'bm_sh'] as const) {
      const refused = await as[name]<{ code: string }>('POST', '/api/imports?entity=client&name=clients.csv', csv, { 'content-type': 'text/csv' });
      expect([name, refused.status, refused.body.code]).toEqual([name, 403, 'forbidden']);
    }
    const uploaded = await upload(importers.imp_sh);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const job = uploaded.body;
    const mapping = { columns: job.columns, match: { field: 'mobile', onMatch: 'update', onNew: 'create' } };
    // Every endpoint of the job: not found to another importer (who has the grant, not the job), to a manager and to an analyst.
    const endpoints: [string, string, unknown][] = [
      ['GET', `/api/imports/${job.id}`, undefined],
      ['PUT', `/api/imports/${job.id}`, mapping],
      ['POST', `/api/imports/${job.id}/dry-run`, {}],
      ['POST', `/api/imports/${job.id}/run`, {}],
      ['GET', `/api/imports/${job.id}/problems`, undefined],
      ['POST', `/api/imports/${job.id}/rollback`, {}],
    ];
    for (const [method, path, body] of endpoints) {
      for (const [name, ask] of [['imp_bj', importers.imp_bj], ['bm_sh', as.bm_sh], ['analyst', as.analyst]] as const) {
        const answer = await ask(method, path, body);
        expect([name, method, path, answer.status]).toEqual([name, method, path, 404]);
      }
    }
    expect((await importers.imp_bj<{ id: string }[]>('GET', '/api/imports')).body.map((j) => j.id)).not.toContain(job.id);
    // Everyone's jobs: administrators only.
    expect((await importers.imp_sh('GET', '/api/imports?scope=all')).status).toBe(403);
    expect((await server.request<{ id: string }[]>('GET', '/api/imports?scope=all')).body.map((j) => j.id)).toContain(job.id);
    // The uploader maps and runs it; the clients are theirs.
    expect((await importers.imp_sh('PUT', `/api/imports/${job.id}`, mapping)).status).toBe(200);
    expect((await importers.imp_sh('POST', `/api/imports/${job.id}/run`, {})).status).toBe(202);
    await server.app.get(ImportRunner).runDue();
    expect((await importers.imp_sh<{ status: string; created: number }>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'done', created: 2 });
    const imported = async (ask: Requester): Promise<string[]> =>
      (await ask<Page>('POST', '/api/records/client/query', { filter: { field: 'notes', op: 'eq', value: 'imported' }, limit: 50 })).body.items?.map((r) => String(r.notes)) ?? [];
    expect(await imported(importers.imp_sh)).toHaveLength(2);
    expect(await imported(as.bm_sh)).toHaveLength(2);
    expect(await imported(as.bm_bj)).toHaveLength(0);
    expect(await imported(importers.imp_bj)).toHaveLength(0);
    expect(await imported(as.rm_a)).toHaveLength(0);
  });

  it("lets an API key scoped to import run an import through the same endpoints, its clients owned as its data scope says; a key whose scope lacks import is refused", async () => {
    const role = { key: 'client_importer', label: { en: 'Client importer' }, entities: { client: { create: 'own', read: 'own', update: 'own', import: 'own' } } };
    expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    const issue = async (name: string, operations: string[]): Promise<{ id: string; ask: Requester }> => {
      const created = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name, roles: [role.key], scope: { entities: { client: operations }, dataScope: 'own' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return { id: created.body.id, ask: (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers }) };
    };
    // Two new clients, and a row matching rm_a's client by mobile: outside the key's own scope.
    const csv = ['name,mobile,notes', '密钥客户甲,13900003333,key-imported', '密钥客户乙,13900004444,key-imported', `改名,${String(owned.rm_a![0]!.mobile)},key-imported`].join('\r\n');
    const upload = (ask: Requester) => ask<{ id: string; columns: unknown[]; code?: string }>('POST', '/api/imports?entity=client&name=clients.csv', csv, { 'content-type': 'text/csv' });
    const noImport = await issue('no-import', ['create', 'read', 'update']);
    const refused = await upload(noImport.ask);
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);

    const intake = await issue('import-intake', ['create', 'read', 'update', 'import']);
    const uploaded = await upload(intake.ask);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const job = uploaded.body;
    expect((await intake.ask('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'mobile', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
    expect((await intake.ask('POST', `/api/imports/${job.id}/run`, {})).status).toBe(202);
    await server.app.get(ImportRunner).runDue();
    expect((await intake.ask<{ status: string; created: number; failed: number }>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'done', created: 2, failed: 1 });
    const problems = await intake.ask<{ items: { row: number; code: string }[] }>('GET', `/api/imports/${job.id}/problems`);
    expect(problems.body.items).toEqual([expect.objectContaining({ row: 4, code: 'outOfScope' })]);
    expect((await intake.ask<{ id: string }[]>('GET', '/api/imports')).body.map((j) => j.id)).toEqual([job.id]);
    // The clients are the key's: it reads them, the key holding no import reads none, neither does a person with the same role.
    const owners = await server.database.read((sql) => sql.rows<{ owner_id: string }>("SELECT owner_id FROM e_client WHERE notes = 'key-imported'"));
    expect(owners.map((o) => o.owner_id)).toEqual([intake.id, intake.id]);
    const imported = async (ask: Requester): Promise<number> => (await ask<Page>('POST', '/api/records/client/query', { filter: { field: 'notes', op: 'eq', value: 'key-imported' }, limit: 50 })).body.items?.length ?? 0;
    expect([await imported(intake.ask), await imported(noImport.ask), await imported(as.rm_a)]).toEqual([2, 0, 0]);
    expect((await server.request<Rec>('GET', `/api/records/client/${owned.rm_a![0]!.id}`)).body.name).toBe('王客户0');
    // The key's job is not found by anyone else, nor another's by the key.
    expect((await as.rm_a('GET', `/api/imports/${job.id}`)).status).toBe(404);
    expect((await noImport.ask('GET', `/api/imports/${job.id}`)).status).toBe(404);
  });

  it('keeps the audit chain whole through all of it', async () => {
    const verdict = await server.request<{ ok: boolean; entries: number }>('GET', '/api/audit/verify');
    expect(verdict.body.ok).toBe(true);
    expect(verdict.body.entries).toBeGreaterThan(30);
  });
});
