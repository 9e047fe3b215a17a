/**
 * Records change hands with a reason: within the transfer scope, to a person that scope reaches,
 * all or nothing, their related records of the previous owner going along, each audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity, ROLES, seedPeople, type Username } from './security-fixtures.js';

const visitEntity: EntityDefinition = {
  kind: 'entity',
  key: 'visit',
  title: 'Visit',
  label: { en: 'Visit', 'zh-CN': '拜访' },
  fields: [field('v_client', 'client', 'reference', { required: true, reference: { entity: 'client' } }), field('v_note', 'note', 'text', { required: true })],
};

type Answer = { transferred: { id: string; version: number }[]; unchanged: string[]; related: Record<string, number>; to: { id: string; displayName: string } };
type Problem = { code: string; errors: { path: string; code: string; message: string; messageZh?: string }[] };

describe.each(dialects())('ownership transfer on %s', (dialect) => {
  let server: TestServer;
  let as: { [user in Username]: Requester };
  let ids: { [user in Username]: string };
  const owner = async (entity: string, id: string): Promise<string> =>
    (await server.database.read((sql) => sql.rows<{ owner_id: string }>(`SELECT owner_id FROM e_${entity} WHERE id = ?`, [id])))[0]!.owner_id;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const entity of [clientEntity, visitEntity]) await server.publishEntity(entity);
    const roles = structuredClone(ROLES);
    const rm = roles.find((r) => r.key === 'relationship_manager')!;
    rm.entities!.visit = { create: 'own', read: 'own', update: 'own' };
    const bm = roles.find((r) => r.key === 'branch_manager')!;
    bm.entities!.client = { ...bm.entities!.client, transfer: 'branch' };
    bm.entities!.visit = { read: 'branch', transfer: 'branch' };
    for (const role of roles) await server.request('PUT', `/api/auth/roles/${role.key}`, role);
    ({ as, ids } = await seedPeople(server));
    for (const role of roles) await server.request('PUT', `/api/auth/roles/${role.key}`, role);
  });
  afterAll(async () => server?.close());

  const clientOf = async (rm: Requester, name: string): Promise<string> => (await rm<{ id: string }>('POST', '/api/records/client', { name })).body.id;

  it('owns a new record by its creator', async () => {
    const id = await clientOf(as.rm_a, '赵一');
    expect(await owner('client', id)).toBe(ids.rm_a);
  });

  it("hands a branch's customers to another RM of the branch with their visits, audited with the reason", async () => {
    const first = await clientOf(as.rm_a, '钱二');
    const second = await clientOf(as.rm_a, '孙三');
    const visit = (await as.rm_a<{ id: string }>('POST', '/api/records/visit', { client: first, note: 'first call' })).body.id;
    const moved = await as.bm_sh<Answer>('POST', '/api/records/client/transfer', { ids: [first, second], to: ids.rm_b, reason: '王芳调岗，客户移交' });
    expect(moved.status).toBe(200);
    expect(moved.body.transferred.map((t) => [t.id, t.version])).toEqual([
      [first, 2],
      [second, 2],
    ]);
    expect(moved.body.related).toEqual({ visit: 1 });
    expect(moved.body.to).toEqual({ id: ids.rm_b, displayName: 'rm_b' });
    expect([await owner('client', first), await owner('client', second), await owner('visit', visit)]).toEqual([ids.rm_b, ids.rm_b, ids.rm_b]);
    // The new RM sees them and the old one no longer does.
    expect((await as.rm_b('GET', `/api/records/client/${first}`)).status).toBe(200);
    expect((await as.rm_b('GET', `/api/records/visit/${visit}`)).status).toBe(200);
    expect((await as.rm_a('GET', `/api/records/client/${first}`)).status).toBe(404);
    const audit = await server.request<{ items?: unknown[] } | { action: string; recordId: string; detail: Record<string, unknown> }[]>('GET', `/api/audit?action=transfer&recordId=${first}`);
    const entries = (Array.isArray(audit.body) ? audit.body : (audit.body.items ?? [])) as { action: string; recordId: string; detail: Record<string, unknown> }[];
    const entry = entries.find((e) => e.action === 'transfer' && e.recordId === first);
    expect(entry?.detail).toEqual({ from: ids.rm_a, to: ids.rm_b, reason: '王芳调岗，客户移交', related: { visit: 1 } });
  });

  it('tells webhooks and automations of each owner change: a record.updated event per record moved, its followers too', async () => {
    const id = await clientOf(as.rm_a, '周九');
    const visit = (await as.rm_a<{ id: string }>('POST', '/api/records/visit', { client: id, note: 'met at branch' })).body.id;
    const untouched = await clientOf(as.rm_a, '吴十');
    expect((await as.bm_sh('POST', '/api/records/client/transfer', { ids: [id], to: ids.rm_b, reason: 'rebalance' })).status).toBe(200);
    const events = await server.database.read((sql) =>
      sql.rows<{ entity: string; record_id: string; changes: string; actor_id: string }>(
        `SELECT entity, record_id, changes, actor_id FROM bf_domain_event WHERE type = 'record.updated' AND record_id IN (?, ?, ?) ORDER BY seq`,
        [id, visit, untouched],
      ),
    );
    expect(events.map((e) => [e.entity, e.record_id, JSON.parse(e.changes), e.actor_id])).toEqual([
      ['client', id, { owner_id: { old: ids.rm_a, new: ids.rm_b } }, ids.bm_sh],
      ['visit', visit, { owner_id: { old: ids.rm_a, new: ids.rm_b } }, ids.bm_sh],
    ]);
  });

  it('takes the new owner by username too, as the people search names them', async () => {
    const id = await clientOf(as.rm_a, '陈八');
    const moved = await as.bm_sh<Answer>('POST', '/api/records/client/transfer', { ids: [id], to: 'rm_b', reason: 'rebalance' });
    expect([moved.status, moved.body.to.id, await owner('client', id)]).toEqual([200, ids.rm_b, ids.rm_b]);
  });

  it('leaves a record the new owner already owns as it was', async () => {
    const id = await clientOf(as.rm_b, '周四');
    const moved = await as.bm_sh<Answer>('POST', '/api/records/client/transfer', { ids: [id], to: ids.rm_b, reason: 'rebalance' });
    expect([moved.status, moved.body.transferred, moved.body.unchanged]).toEqual([200, [], [id]]);
  });

  it('refuses records outside the scope like missing ones, and a new owner outside it, changing nothing', async () => {
    const mine = await clientOf(as.rm_a, '吴五');
    const beijing = await clientOf(as.rm_c, '郑六');
    const foreign = await as.bm_sh<Problem>('POST', '/api/records/client/transfer', { ids: [mine, beijing], to: ids.rm_b, reason: 'rebalance' });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'transferNotFound']);
    expect(foreign.body.errors.map((e) => [e.path, e.code])).toEqual([['/ids/1', 'notFound']]);
    expect(await owner('client', mine)).toBe(ids.rm_a);
    const outsider = await as.bm_sh<Problem>('POST', '/api/records/client/transfer', { ids: [mine], to: ids.rm_c, reason: 'rebalance' });
    expect([outsider.status, outsider.body.code, outsider.body.errors[0]!.path]).toEqual([422, 'transferOwnerNotAllowed', '/to']);
    expect(await owner('client', mine)).toBe(ids.rm_a);
  });

  it('asks for a reason in both languages, and refuses roles without the transfer right', async () => {
    const mine = await clientOf(as.rm_a, '冯七');
    const silent = await as.bm_sh<Problem>('POST', '/api/records/client/transfer', { ids: [mine], to: ids.rm_b, reason: '   ' });
    expect(silent.status).toBe(422);
    expect(silent.body.errors[0]).toMatchObject({ path: '/reason', messageZh: expect.stringContaining('转移原因') });
    const rm = await as.rm_a<Problem>('POST', '/api/records/client/transfer', { ids: [mine], to: ids.rm_b, reason: 'I am leaving' });
    expect([rm.status, rm.body.code]).toEqual([403, 'forbidden']);
    expect(await owner('client', mine)).toBe(ids.rm_a);
  });
});
