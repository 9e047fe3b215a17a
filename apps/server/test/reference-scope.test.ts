/**
 * A reference is a read of the record it points at: a writer may link only to records they may
 * read, and one outside their scope is refused exactly like one that does not exist (finding 10).
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
  fields: [field('v_client', 'client', 'reference', { required: true, reference: { entity: 'client' } }), field('v_note', 'note', 'text')],
};

type Problem = { code: string; errors: { path: string; code: string; message: string }[] };

describe.each(dialects())('references within the writer\'s scope on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const entity of [clientEntity, visitEntity]) await server.publishEntity(entity);
    for (const role of ROLES) if (role.key === 'relationship_manager') role.entities!.visit = { create: 'own', read: 'own', update: 'own' };
    ({ as } = await seedPeople(server));
    mine = (await as.rm_a<{ id: string }>('POST', '/api/records/client', { name: '甲' })).body.id;
    theirs = (await as.rm_c<{ id: string }>('POST', '/api/records/client', { name: '乙' })).body.id;
  });
  afterAll(async () => server?.close());

  it('refuses a link to a record the writer cannot read exactly as one to a record that does not exist', async () => {
    expect((await as.rm_a('GET', `/api/records/client/${theirs}`)).status).toBe(404);
    const foreign = await as.rm_a<Problem>('POST', '/api/records/visit', { client: theirs, note: 'probe' });
    const missing = await as.rm_a<Problem>('POST', '/api/records/visit', { client: '01900000-0000-7000-8000-000000000000', note: 'probe' });
    expect(foreign.status).toBe(422);
    expect([foreign.body.code, foreign.body.errors]).toEqual([missing.body.code, missing.body.errors]);
    expect(foreign.body.errors).toEqual([{ path: '/client', code: 'reference', message: 'client refers to a client that does not exist' }]);
    const visits = await server.request<{ total: number }>('POST', '/api/records/visit/query', { count: true });
    expect(visits.body.total).toBe(0);
  });

  it('links to a record in scope, and refuses to move a link out of it while keeping an untouched one', async () => {
    const created = await as.rm_a<{ id: string; version: number }>('POST', '/api/records/visit', { client: mine, note: 'first call' });
    expect(created.status).toBe(201);
    const moved = await as.rm_a<Problem>('PATCH', `/api/records/visit/${created.body.id}`, { version: created.body.version, client: theirs });
    expect([moved.status, moved.body.code]).toEqual([422, 'referenceNotFound']);
    // The administrator hands the client to another manager: the visit still points at it and its other fields stay editable.
    await server.database.transaction((sql) => sql.execute('UPDATE e_client SET owner_id = (SELECT id FROM bf_user WHERE username = ?) WHERE id = ?', ['rm_c', mine]));
    const noted = await as.rm_a<{ note: string }>('PATCH', `/api/records/visit/${created.body.id}`, { version: created.body.version, note: 'follow-up' });
    expect([noted.status, noted.body.note]).toEqual([200, 'follow-up']);
  });
});
