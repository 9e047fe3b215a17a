/**
 * References show the referenced record's title, never its id: resolved in one batched lookup per
 * page, within the reader's scope of the referenced entity and with their field rules applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity, ROLES, seedPeople, type Username } from './security-fixtures.js';

const titledClient: EntityDefinition = { ...clientEntity, titleTemplate: '{name} · {resident_id}' };
const visitEntity: EntityDefinition = {
  kind: 'entity',
  key: 'visit',
  title: 'Visit',
  label: { en: 'Visit', 'zh-CN': '拜访' },
  fields: [field('v_client', 'client', 'reference', { required: true, reference: { entity: 'client' } }), field('v_note', 'note', 'text', { required: true })],
};

type Page = { items: { id: string; client: string }[]; titles?: Record<string, Record<string, string>> };
const RESIDENT_ID = '11010519491231002X';

describe.each(dialects())('record titles on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const entity of [titledClient, visitEntity]) await server.publishEntity(entity);
    const roles = structuredClone(ROLES);
    roles.find((r) => r.key === 'relationship_manager')!.entities!.visit = { create: 'own', read: 'own', update: 'own' };
    for (const role of roles) await server.request('PUT', `/api/auth/roles/${role.key}`, role);
    ({ as } = await seedPeople(server));
    for (const role of roles) await server.request('PUT', `/api/auth/roles/${role.key}`, role);
    mine = (await as.rm_a<{ id: string }>('POST', '/api/records/client', { name: '王小明', resident_id: RESIDENT_ID })).body.id;
    theirs = (await as.rm_c<{ id: string }>('POST', '/api/records/client', { name: '李娜' })).body.id;
    for (const note of ['first call', 'follow-up']) expect((await as.rm_a('POST', '/api/records/visit', { client: mine, note })).status).toBe(201);
    // A visit of rm_a's that points at rm_c's client (handed over after the visit was logged).
    const handed = await as.rm_a<{ id: string }>('POST', '/api/records/visit', { client: mine, note: 'handed over' });
    await server.database.transaction((sql) => sql.execute('UPDATE e_visit SET client = ? WHERE id = ?', [theirs, handed.body.id]));
  });
  afterAll(async () => server?.close());

  it("answers a page's references with their titles as the reader sees them, leaving out records outside their scope", async () => {
    const page = await as.rm_a<Page>('POST', '/api/records/visit/query', { sort: [{ field: 'id' }] });
    expect(page.status).toBe(200);
    expect(page.body.items.map((v) => v.client).sort()).toEqual([mine, mine, theirs].sort());
    // The RM's role masks names to their first character; the resident ID is sensitive, so masked in any title.
    const title = page.body.titles?.client?.[mine];
    expect(title).toMatch(/^王\*+ · 1101\*+/);
    expect(title).not.toContain('小明');
    expect(title).not.toContain(RESIDENT_ID);
    expect(Object.keys(page.body.titles!.client!)).toEqual([mine]);
  });

  it('masks a sensitive field in a title even for a reader who sees it in clear', async () => {
    const answer = await server.request<{ titles: Record<string, string> }>('POST', '/api/records/client/titles', { ids: [mine, theirs] });
    expect(answer.status).toBe(200);
    expect(answer.body.titles[mine]).toMatch(/^王小明 · 1101\*+/);
    expect(answer.body.titles[theirs]).toBe('李娜');
  });

  it('looks titles up by id within the reader\'s scope, and refuses readers of no such record and bad requests', async () => {
    const rm = await as.rm_c<{ titles: Record<string, string> }>('POST', '/api/records/client/titles', { ids: [mine, theirs, '01900000-0000-7000-8000-000000000000'] });
    expect([rm.status, rm.body.titles]).toEqual([200, { [theirs]: '李*' }]);
    const analyst = await as.analyst<{ code: string }>('POST', '/api/records/client/titles', { ids: [mine] });
    expect([analyst.status, analyst.body.code]).toEqual([403, 'forbidden']);
    const empty = await as.rm_a<{ code: string; errors: { path: string }[] }>('POST', '/api/records/client/titles', { ids: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0]!.path).toBe('/ids');
  });
});
