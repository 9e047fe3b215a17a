import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity, seedPeople, type Username } from './security-fixtures.js';

type Segment = { id: string; entity: string; name: string; filter: unknown; sort: unknown[]; sharing: string; owner: { id: string; name: string }; mine: boolean; createdAt: string; updatedAt: string };
type Problem = { code: string; errors?: { path: string; code: string; message: string; messageZh?: string }[] };
type Page = { items: { id: string; notes?: string }[] };

// Everyone's clients have notes "of <owner>": one filter every reader may use (RMs see names masked, so cannot filter on them).
const OF_ANYONE = { field: 'notes', op: 'contains', value: 'of' };

describe.each(dialects())('segments on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    ({ as } = await seedPeople(server));
    for (const user of ['rm_a', 'rm_b', 'rm_c'] as const) {
      const created = await as[user]('POST', '/api/records/client', { name: `王${user}`, notes: `of ${user}` });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
  });
  afterAll(async () => server?.close());

  const save = async (user: Username, body: Record<string, unknown>) => as[user]<Segment & Problem>('POST', '/api/segments', { entity: 'client', filter: OF_ANYONE, ...body });
  const names = async (user: Username): Promise<string[]> => {
    const listed = await as[user]<{ items: Segment[] }>('GET', '/api/segments?entity=client');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    return listed.body.items.map((s) => s.name);
  };

  it('saves a filter as a segment its owner sees, with its sort and sharing', async () => {
    const saved = await save('rm_a', { name: '  My book  ', sort: [{ field: 'segment', direction: 'desc' }], sharing: 'private' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ entity: 'client', name: 'My book', filter: OF_ANYONE, sort: [{ field: 'segment', direction: 'desc' }], sharing: 'private', owner: { name: 'rm_a' }, mine: true });
    expect(await names('rm_a')).toEqual(['My book']);
  });

  it('shows a private segment to no one else, a team one to the owner’s reporting line, a branch one to the owner’s branch', async () => {
    expect((await save('rm_a', { name: 'Team view', sharing: 'team' })).status).toBe(201);
    expect((await save('rm_a', { name: 'Branch view', sharing: 'branch' })).status).toBe(201);
    const seen: Record<string, string[]> = {};
    for (const user of ['rm_a', 'rm_b', 'tl_sh', 'bm_sh', 'rm_c', 'bm_bj', 'auditor'] as const) seen[user] = await names(user);
    expect(seen).toEqual({
      rm_a: ['Branch view', 'My book', 'Team view'],
      // rm_b reports to bm_sh beside rm_a's line (rm_a → tl_sh → bm_sh): the branch's, not the team's.
      rm_b: ['Branch view'],
      tl_sh: ['Branch view', 'Team view'],
      bm_sh: ['Branch view', 'Team view'],
      rm_c: [],
      bm_bj: [],
      auditor: [],
    });
  });

  it('is only a filter: applied by another reader, it reaches their own records alone', async () => {
    const [branch] = (await as.rm_b<{ items: Segment[] }>('GET', '/api/segments?entity=client')).body.items;
    expect(branch!.mine).toBe(false);
    const page = await as.rm_b<Page>('POST', '/api/records/client/query', { filter: branch!.filter, sort: branch!.sort });
    expect(page.body.items.map((r) => r.notes)).toEqual(['of rm_b']);
  });

  it('refuses a malformed segment at its fields, in both languages', async () => {
    const bad = await as.rm_a<Problem>('POST', '/api/segments', { entity: 'client', name: ' ', filter: { field: 'notes', op: 'like', value: 'x' }, sharing: 'everyone', extra: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalidSegment');
    const paths = bad.body.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/sharing', '/extra']));
    expect(paths.some((p) => p.startsWith('/filter'))).toBe(true);
    const sharing = bad.body.errors!.find((e) => e.path === '/sharing')!;
    expect(sharing.message).toBe('Sharing is not one of the allowed values.');
    expect(sharing.messageZh).toBe('共享范围不是允许的取值。');
    const missing = await as.rm_a<Problem>('POST', '/api/segments', {});
    expect(missing.body.errors!.map((e) => [e.path, e.code])).toEqual(expect.arrayContaining([['/entity', 'required'], ['/name', 'required'], ['/filter', 'required'], ['/sharing', 'required']]));
  });

  it('checks the filter as the owner’s records query would: unknown fields, fields they may not filter on, the entity they may not read', async () => {
    const unknown = await save('rm_a', { name: 'Unknown', filter: { field: 'nickname', op: 'eq', value: 'x' }, sharing: 'private' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors!.map((e) => e.path)).toEqual(['/filter/field']);
    const hidden = await save('rm_a', { name: 'Rich', filter: { field: 'income', op: 'gt', value: 1 }, sharing: 'branch' });
    expect(hidden.status).toBe(403);
    expect(hidden.body.code).toBe('fieldNotPermitted');
    expect((await save('analyst', { name: 'Nope', sharing: 'private' })).status).toBe(403);
    expect((await as.rm_a<Problem>('GET', '/api/segments?entity=nothing_here')).status).toBe(404);
    const noEntity = await as.rm_a<Problem>('GET', '/api/segments');
    expect(noEntity.status).toBe(400);
    expect(noEntity.body.errors![0]).toMatchObject({ path: 'entity', code: 'required' });
    expect(await names('rm_a')).not.toContain('Rich');
  });

  it('keeps one name per owner and list', async () => {
    const again = await save('rm_a', { name: 'My book', sharing: 'team' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('segmentNameTaken');
    expect(again.body.errors![0]).toMatchObject({ path: '/name', code: 'taken' });
    expect(again.body.errors![0]!.messageZh).toContain('My book');
    // Another owner may use it.
    expect((await save('rm_b', { name: 'My book', sharing: 'private' })).status).toBe(201);
  });

  it('lets its owner alone change or delete it; others who see it are refused, others told there is none', async () => {
    const [branch] = (await as.rm_b<{ items: Segment[] }>('GET', '/api/segments?entity=client')).body.items.filter((s) => s.name === 'Branch view');
    const path = `/api/segments/${branch!.id}`;
    const byPeer = await as.rm_b<Problem>('PATCH', path, { name: 'Mine now' });
    expect(byPeer.status).toBe(403);
    expect(byPeer.body.code).toBe('notSegmentOwner');
    expect((await as.bm_sh<Problem>('DELETE', path)).status).toBe(403);
    expect((await as.rm_c<Problem>('PATCH', path, { name: 'x' })).body.code).toBe('segmentNotFound');
    expect((await as.rm_c<Problem>('DELETE', path)).status).toBe(404);
    expect((await as.rm_a<Problem>('PATCH', path, {})).status).toBe(422);
    expect((await as.rm_a<Problem>('PATCH', path, { filter: { field: 'income', op: 'gt', value: 1 } })).status).toBe(403);
    const narrowed = await as.rm_a<Segment>('PATCH', path, { sharing: 'private', name: 'Branch view (mine)' });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({ sharing: 'private', name: 'Branch view (mine)', filter: OF_ANYONE });
    expect(await names('rm_b')).toEqual(['My book']);
    expect((await as.rm_a('DELETE', path)).status).toBe(204);
    expect((await as.rm_a('GET', '/api/segments?entity=client')).body).not.toContainEqual(expect.objectContaining({ id: branch!.id }));
  });

  it('audits creation and deletion by name and sharing, never the filter’s values', async () => {
    const entries = await server.request<{ action: string; entity: string; actorName: string; detail: Record<string, unknown> }[]>('GET', '/api/audit?action=segment');
    expect(entries.status, JSON.stringify(entries.body)).toBe(200);
    const changes = entries.body.map((e) => [e.actorName, e.detail.change, e.detail.name]);
    expect(changes).toEqual(expect.arrayContaining([['rm_a', 'created', 'Branch view'], ['rm_a', 'deleted', 'Branch view (mine)']]));
    expect(entries.body.every((e) => e.entity === 'client' && !JSON.stringify(e.detail).includes('of'))).toBe(true);
    const verdict = await server.request<{ ok: boolean }>('GET', '/api/audit/verify');
    expect(verdict.body.ok).toBe(true);
  });
});
