import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';
import type { RoleDefinition } from '../src/modules/access/role.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

type Row = Record<string, unknown> & { id: string; version: number };
type Rec = Row & { contacts?: Row[] };
type Problem = { code: string; errors?: { path: string; code: string }[]; row?: string };
type Entry = { action: string; entity: string | null; recordId: string | null; detail: Record<string, unknown> };

const household: EntityDefinition = {
  kind: 'entity',
  key: 'household',
  title: 'Household',
  label: { en: 'Household', 'zh-CN': '家庭' },
  fields: [field('h_name', 'name', 'text', { required: true }), field('h_kind', 'kind', 'text')],
};

const member: EntityDefinition = {
  kind: 'entity',
  key: 'member',
  title: 'Member',
  label: { en: 'Member', 'zh-CN': '成员' },
  fields: [
    field('m_household', 'household', 'reference', { reference: { entity: 'household' } }),
    field('m_name', 'name', 'text', { required: true }),
    field('m_mobile', 'mobile', 'mobile'),
    field('m_note', 'note', 'text'),
    field('m_code', 'code', 'text', { unique: true }),
  ],
};

const householdForm: FormDefinition = {
  kind: 'form',
  key: 'household_form',
  title: 'Household',
  schemaVersion: 1,
  entity: 'household',
  label: { en: 'Household', 'zh-CN': '家庭' },
  default: true,
  layout: [
    { id: 'n_name', type: 'field', field: 'name' },
    { id: 'n_kind', type: 'field', field: 'kind' },
    {
      id: 'g_members',
      type: 'repeatingGroup',
      key: 'contacts',
      title: { en: 'Contacts', 'zh-CN': '联系人' },
      entity: 'member',
      foreignKey: 'household',
      maxRows: 3,
      fields: [
        { id: 'c_name', type: 'field', field: 'name' },
        { id: 'c_mobile', type: 'field', field: 'mobile' },
        { id: 'c_note', type: 'field', field: 'note', visibleWhen: 'item.name != "hidden"' },
      ],
    },
  ],
  validations: [
    {
      id: 'v_one_head',
      expression: 'count(contacts[item.note = "head"]) <= 1',
      message: { en: 'A household has one head at most', 'zh-CN': '一个家庭最多一位户主' },
      field: 'name',
    },
    {
      id: 'v_single',
      expression: 'kind != "single" or count(contacts) <= 1',
      message: { en: 'A one-person household has one contact at most', 'zh-CN': '单人家庭最多一位联系人' },
      field: 'kind',
    },
  ],
};

/** May write households and change members, but not add them. */
const clerk: RoleDefinition = {
  key: 'household_clerk',
  label: { en: 'Household clerk' },
  entities: { household: { create: 'all', read: 'all', update: 'all' }, member: { read: 'all', update: 'all' } },
};

/** Adds members of their own, sees only those, and sees their mobiles masked. */
const agent: RoleDefinition = {
  key: 'household_agent',
  label: { en: 'Household agent' },
  entities: {
    household: { create: 'all', read: 'all', update: 'all' },
    member: { create: 'own', read: 'own', update: 'own', delete: 'own', fields: { mobile: { access: 'masked' } } },
  },
};

describe.each(dialects())('the rows of a form on %s', (dialect) => {
  let server: TestServer;
  let asClerk: Requester;
  let asAgent: Requester;

  const create = (body: Record<string, unknown>, as?: Requester) => (as ?? server.request)<Rec & Problem>('POST', '/api/records/household?form=household_form', body);
  const read = (id: string) => server.request<Rec>('GET', `/api/records/household/${id}?form=household_form`);
  const members = async (householdId: string): Promise<Row[]> => {
    const page = await server.request<{ items: Row[] }>('POST', '/api/records/member/query', { filter: { field: 'household', op: 'eq', value: householdId }, deleted: 'include', limit: 100 });
    return page.body.items;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(household);
    await server.publishEntity(member);
    expect((await server.request('PUT', `/api/artifacts/form/${householdForm.key}`, householdForm)).status).toBe(200);
    const published = await server.request('POST', `/api/artifacts/form/${householdForm.key}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await server.request('PUT', `/api/auth/roles/${clerk.key}`, clerk)).status).toBe(200);
    const user = await server.request('POST', '/api/auth/users', { username: 'clerk', displayName: 'Clerk', branch: 'SH', roles: [clerk.key], managerId: null, password: 'Clerk-Pass-2026' });
    expect(user.status).toBe(201);
    asClerk = await server.signIn('clerk', 'Clerk-Pass-2026');
    expect((await server.request('PUT', `/api/auth/roles/${agent.key}`, agent)).status).toBe(200);
    const agentUser = await server.request('POST', '/api/auth/users', { username: 'agent', displayName: 'Agent', branch: 'SH', roles: [agent.key], managerId: null, password: 'Agent-Pass-2026' });
    expect(agentUser.status).toBe(201);
    asAgent = await server.signIn('agent', 'Agent-Pass-2026');
  });
  afterAll(async () => server?.close());

  it('creates rows with their parent and reads them back in order', async () => {
    const created = await create({ name: '王家', contacts: [{ name: '王一', mobile: '13812345678' }, { name: '王二' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.contacts?.map((r) => r.name)).toEqual(['王一', '王二']);
    const back = await read(created.body.id);
    expect(back.status).toBe(200);
    expect(back.body.contacts).toHaveLength(2);
    expect(back.body.contacts?.[0]).toMatchObject({ name: '王一', mobile: '13812345678', household: created.body.id, version: 1 });
    expect(back.body.contacts?.[1]).toMatchObject({ name: '王二', household: created.body.id });
    // The default form applies when the read names none.
    expect((await server.request<Rec>('GET', `/api/records/household/${created.body.id}`)).body.contacts).toHaveLength(2);
  });

  it('updates a changed row, adds a new one and soft-deletes the one left out', async () => {
    const created = await create({ name: '李家', contacts: [{ name: '李一' }, { name: '李二' }] });
    const [first, second] = created.body.contacts!;
    const patched = await server.request<Rec>('PATCH', `/api/records/household/${created.body.id}?form=household_form`, {
      version: created.body.version,
      contacts: [{ id: first!.id, version: first!.version, name: '李一一' }, { name: '李三' }],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const back = await read(created.body.id);
    expect(back.body.contacts?.map((r) => [r.name, r.version])).toEqual([
      ['李一一', 2],
      ['李三', 1],
    ]);
    const all = await members(created.body.id);
    expect(all.find((r) => r.id === second!.id)?.deleted_at).not.toBeNull();
  });

  it('rolls everything back when one row is stale', async () => {
    const created = await create({ name: '张家', contacts: [{ name: '张一' }, { name: '张二' }] });
    const [first, second] = created.body.contacts!;
    const bumped = await server.request<Row>('PATCH', `/api/records/member/${second!.id}`, { version: 1, note: 'changed elsewhere' });
    expect(bumped.status).toBe(200);
    const stale = await server.request<Problem>('PATCH', `/api/records/household/${created.body.id}?form=household_form`, {
      version: created.body.version,
      name: '张家新',
      contacts: [{ id: first!.id, version: 1, name: '张一新' }, { id: second!.id, version: 1, name: '张二新' }, { name: '张三' }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'staleVersion', row: '/contacts/1' });
    const back = await read(created.body.id);
    expect(back.body).toMatchObject({ name: '张家', version: 1 });
    expect(back.body.contacts?.map((r) => r.name)).toEqual(['张一', '张二']);
  });

  it('answers row errors with their pointers and writes nothing', async () => {
    const bad = await create({ name: '赵家', contacts: [{ name: '赵一' }, { name: '赵二', mobile: '12345' }, { mobile: '13812345678' }] });
    expect(bad.status).toBe(422);
    const paths = bad.body.errors?.map((e) => e.path);
    expect(paths).toContain('/contacts/1/mobile');
    expect(paths).toContain('/contacts/2/name');
    const hidden = await create({ name: '赵家', contacts: [{ name: 'hidden', note: 'not shown' }] });
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors).toContainEqual(expect.objectContaining({ path: '/contacts/0/note', code: 'fieldHidden' }));
    const tooMany = await create({ name: '赵家', contacts: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toContainEqual(expect.objectContaining({ path: '/contacts', code: 'maxRows' }));
    const page = await server.request<{ items: Row[] }>('POST', '/api/records/household/query', { filter: { field: 'name', op: 'eq', value: '赵家' } });
    expect(page.body.items).toEqual([]);
  });

  it("decides the record's own rules that read its rows with the rows sent, and writes nothing when they fail", async () => {
    const twoHeads = await create({ name: '双户主', contacts: [{ name: '甲', note: 'head' }, { name: '乙', note: 'head' }] });
    expect(twoHeads.status, JSON.stringify(twoHeads.body)).toBe(422);
    expect(twoHeads.body.errors).toEqual([expect.objectContaining({ path: '/name', code: 'validation' })]);
    const count = await server.request<{ total: number }>('POST', '/api/records/household/query', { filter: { field: 'name', op: 'eq', value: '双户主' }, count: true });
    expect(count.body.total).toBe(0);

    const oneHead = await create({ name: '单户主', contacts: [{ name: '甲', note: 'head' }, { name: '乙' }] });
    expect(oneHead.status, JSON.stringify(oneHead.body)).toBe(201);
    const rows = oneHead.body.contacts!;
    const second = await server.request<Problem>('PATCH', `/api/records/household/${oneHead.body.id}?form=household_form`, {
      version: oneHead.body.version,
      contacts: [{ id: rows[0]!.id, version: rows[0]!.version, name: '甲' }, { id: rows[1]!.id, version: rows[1]!.version, name: '乙', note: 'head' }, { name: '丙', note: 'head' }],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(422);
    expect(second.body.errors).toEqual([expect.objectContaining({ path: '/name', code: 'validation' })]);
    expect((await members(oneHead.body.id)).filter((m) => m.note === 'head')).toHaveLength(1);
  });

  it("decides the record's own rules that read its rows with the stored rows when a write sends none", async () => {
    const family = await create({ name: '三口之家', contacts: [{ name: '甲' }, { name: '乙' }] });
    expect(family.status, JSON.stringify(family.body)).toBe(201);
    const single = await server.request<Problem>('PATCH', `/api/records/household/${family.body.id}`, { version: family.body.version, kind: 'single' });
    expect(single.status, JSON.stringify(single.body)).toBe(422);
    expect(single.body.errors).toEqual([expect.objectContaining({ path: '/kind', code: 'validation' })]);
    const unchanged = await read(family.body.id);
    expect([unchanged.body.kind, unchanged.body.version, unchanged.body.contacts?.length]).toEqual([null, family.body.version, 2]);

    const alone = await create({ name: '独居', contacts: [{ name: '丙' }] });
    const fine = await server.request<Rec>('PATCH', `/api/records/household/${alone.body.id}`, { version: alone.body.version, kind: 'single' });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    expect(fine.body.kind).toBe('single');
    expect((await members(alone.body.id)).map((m) => [m.name, m.version])).toEqual([['丙', 1]]);
  });

  it('refuses rows for a group the form does not have', async () => {
    const plain = await server.request<Problem>('POST', '/api/records/member', { name: 'x', contacts: [] });
    expect(plain.status).toBe(422);
    expect(plain.body.errors?.[0]?.path).toBe('/contacts');
  });

  it('refuses rows to a role that may not create them, writing nothing', async () => {
    const denied = await create({ name: '孙家', contacts: [{ name: '孙一' }] }, asClerk);
    expect(denied.status).toBe(403);
    const page = await server.request<{ items: Row[] }>('POST', '/api/records/household/query', { filter: { field: 'name', op: 'eq', value: '孙家' } });
    expect(page.body.items).toEqual([]);
    // Without rows the same role may create the household.
    expect((await create({ name: '孙家', contacts: [] }, asClerk)).status).toBe(201);
  });

  it('audits each row write', async () => {
    const created = await create({ name: '周家', contacts: [{ name: '周一' }, { name: '周二' }] });
    const [first, second] = created.body.contacts!;
    await server.request('PATCH', `/api/records/household/${created.body.id}?form=household_form`, {
      version: created.body.version,
      contacts: [{ id: first!.id, version: 1, name: '周一一' }],
    });
    const log = (await server.request<Entry[]>('GET', '/api/audit?limit=1000&entity=member')).body;
    const of = (id: string): string[] => log.filter((e) => e.recordId === id).map((e) => e.action).sort();
    expect(of(first!.id)).toEqual(['create', 'update']);
    expect(of(second!.id)).toEqual(['create', 'delete']);
  });

  it('names a unique value a row clashes on at the row, and writes nothing', async () => {
    const first = await create({ name: '郑家', contacts: [{ name: '郑一', code: 'M-1' }] });
    expect(first.status).toBe(201);
    const clash = await create({ name: '冯家', contacts: [{ name: '冯一', code: 'M-2' }, { name: '冯二', code: 'M-1' }] });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'uniqueViolation', row: '/contacts/1' });
    expect(clash.body.errors?.[0]?.path).toBe('/contacts/1/code');
    const page = await server.request<{ items: Row[] }>('POST', '/api/records/household/query', { filter: { field: 'name', op: 'eq', value: '冯家' } });
    expect(page.body.items).toEqual([]);
  });

  it("shows a reader only the rows in their scope, masked as their role says, and never deletes the rows they cannot see", async () => {
    const created = await create({ name: '吴家', contacts: [{ name: '吴一', mobile: '13812345678' }] }, asAgent);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mine = created.body.contacts![0]!;
    const full = await read(created.body.id);
    const added = await server.request<Rec>('PATCH', `/api/records/household/${created.body.id}?form=household_form`, {
      version: full.body.version,
      contacts: [...full.body.contacts!.map((r) => ({ id: r.id, version: r.version })), { name: '吴二' }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);

    const seen = await asAgent<Rec>('GET', `/api/records/household/${created.body.id}?form=household_form`);
    expect(seen.body.contacts?.map((r) => r.name)).toEqual(['吴一']);
    expect(seen.body.contacts?.[0]?.mobile).not.toBe('13812345678');
    expect(String(seen.body.contacts?.[0]?.mobile)).toContain('*');

    const renamed = await asAgent<Rec>('PATCH', `/api/records/household/${created.body.id}?form=household_form`, {
      version: added.body.version,
      contacts: [{ id: mine.id, version: mine.version, name: '吴一一' }],
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await read(created.body.id)).body.contacts?.map((r) => r.name)).toEqual(['吴一一', '吴二']);
  });
});
