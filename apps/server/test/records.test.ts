import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchEntity, customerEntity, RESIDENT_IDS } from './fixtures.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Rec = Record<string, unknown> & { id: string; version: number };

describe.each(dialects())('records on %s', (dialect) => {
  let server: TestServer;
  let branchId: string;
  let seq = 0;
  const customerNo = (): string => `C${Date.now() % 100000}${++seq}`;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(branchEntity);
    await server.publishEntity(customerEntity);
    const branch = await server.request<Rec>('POST', '/api/records/branch', { code: 'SH001', city: '上海' });
    expect(branch.status).toBe(201);
    branchId = branch.body.id;
  });
  afterAll(async () => server?.close());

  it('stores and reads back every field type in canonical form', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', {
      customer_no: 'C1001',
      name: '王小明',
      notes: '长文本 '.repeat(500),
      credit_score: 720,
      income: 123456789012.5,
      aum: { amount: '98765432109876.54', currency: 'cny' },
      churn_risk: '0.125',
      vip: true,
      birth_date: '1949-12-31',
      onboarded_at: '2024-03-01T08:00:00+08:00',
      segment: 'private',
      tags: ['wealth', 'payroll'],
      branch: branchId,
      email: 'wang@bank.cn',
      mobile: '13812345678',
      resident_id: RESIDENT_IDS[0],
      website: 'https://bank.cn/wang',
      preferences: { channel: 'wechat', quiet: [22, 7], nested: { ok: true } },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/records/customer/${created.body.id}`);
    const expected = {
      customer_no: 'C1001',
      name: '王小明',
      notes: '长文本 '.repeat(500),
      credit_score: 720,
      income: '123456789012.50',
      aum: { amount: '98765432109876.54', currency: 'CNY' },
      churn_risk: '0.1250',
      vip: true,
      birth_date: '1949-12-31',
      onboarded_at: '2024-03-01T00:00:00.000Z',
      segment: 'private',
      tags: ['wealth', 'payroll'],
      branch: branchId,
      email: 'wang@bank.cn',
      mobile: '13812345678',
      resident_id: RESIDENT_IDS[0],
      website: 'https://bank.cn/wang',
      preferences: { channel: 'wechat', quiet: [22, 7], nested: { ok: true } },
      version: 1,
      deleted_at: null,
      // The signed-in user owns what they create.
      owner_id: (await server.request('GET', '/api/auth/me')).body.userId,
    };
    expect(created.body).toMatchObject(expected);
    const read = await server.request<Rec>('GET', `/api/records/customer/${created.body.id}`);
    expect(read.status).toBe(200);
    // SQLite keeps 15 significant digits, so its exact-amount check uses a smaller money value below.
    const fromDb = dialect === 'mysql' ? expected : { ...expected, aum: read.body.aum };
    expect(read.body).toMatchObject(fromDb);
    expect(read.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(read.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps money and decimals exact to the cent', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', {
      customer_no: customerNo(),
      name: 'Exact',
      aum: { amount: '1234567890123.45', currency: 'USD' },
      income: '0.10',
      churn_risk: 0.3,
    });
    expect(created.status).toBe(201);
    const read = await server.request<Rec>('GET', `/api/records/customer/${created.body.id}`);
    expect(read.body).toMatchObject({ aum: { amount: '1234567890123.45', currency: 'USD' }, income: '0.10', churn_risk: '0.3000' });
  });

  it('fills defaults and nulls for absent fields', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Defaults' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ vip: false, tags: null, aum: null, preferences: null, branch: null });
  });

  it('answers 422 listing every invalid value with its path and a stable code', async () => {
    const response = await server.request('POST', '/api/records/customer', {
      customer_no: 'X1',
      credit_score: 900,
      income: '12.345',
      aum: { amount: '10', currency: 'EUR' },
      vip: 'yes',
      birth_date: '2023-02-30',
      onboarded_at: 'yesterday',
      segment: 'gold',
      tags: ['wealth', 'crypto'],
      email: 'not-an-email',
      mobile: '23812345678',
      resident_id: '110105194912310021',
      website: 'javascript:alert(1)',
      unknown_field: 1,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('validationFailed');
    const errors = response.body.errors as { path: string; code: string; message: string; messageZh: string }[];
    const byPath = new Map(errors.map((e) => [e.path, e.code]));
    expect(byPath.get('/name')).toBe('required');
    expect(byPath.get('/customer_no')).toBe('pattern');
    expect(byPath.get('/credit_score')).toBe('maximum');
    expect(byPath.has('/income')).toBe(true);
    expect(errors.some((e) => e.path.startsWith('/aum') && e.code === 'currencyNotAllowed')).toBe(true);
    expect(byPath.get('/vip')).toBe('type');
    expect(byPath.get('/birth_date')).toBe('date');
    expect(byPath.get('/onboarded_at')).toBe('datetime');
    expect(byPath.get('/segment')).toBe('option');
    expect(errors.some((e) => e.path.startsWith('/tags') && e.code === 'option')).toBe(true);
    expect(byPath.get('/email')).toBe('email');
    expect(byPath.get('/mobile')).toBe('mobile');
    expect(byPath.get('/resident_id')).toBe('residentIdChecksum');
    expect(byPath.get('/website')).toBe('url');
    expect(byPath.get('/unknown_field')).toBe('unknownField');
    for (const error of errors) {
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.messageZh.length).toBeGreaterThan(0);
    }
    const count = await server.request<{ total: number }>('POST', '/api/records/customer/query', { filter: { field: 'customer_no', op: 'eq', value: 'X1' }, count: true });
    expect(count.body.total).toBe(0);
  });

  it('refuses system columns in a write', async () => {
    const response = await server.request('POST', '/api/records/customer', { customer_no: customerNo(), name: 'x', id: 'mine', version: 7 });
    expect(response.status).toBe(422);
    expect((response.body.errors as { path: string; code: string }[]).map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['/id', 'readOnlyField'],
        ['/version', 'readOnlyField'],
      ]),
    );
  });

  it('answers 409 naming the field when a unique value is taken, and writes nothing', async () => {
    const first = await server.request<Rec>('POST', '/api/records/customer', { customer_no: 'C777', name: 'First', resident_id: RESIDENT_IDS[1] });
    expect(first.status).toBe(201);
    const sameNo = await server.request('POST', '/api/records/customer', { customer_no: 'C777', name: 'Second' });
    expect(sameNo.status).toBe(409);
    expect(sameNo.body).toMatchObject({ code: 'uniqueViolation', field: 'customer_no' });
    const sameId = await server.request('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Third', resident_id: RESIDENT_IDS[1] });
    expect(sameId.status).toBe(409);
    expect(sameId.body).toMatchObject({ code: 'uniqueViolation', field: 'resident_id' });
    const named = await server.request<{ total: number }>('POST', '/api/records/customer/query', {
      filter: { field: 'name', op: 'in', value: ['Second', 'Third'] },
      count: true,
    });
    expect(named.body.total).toBe(0);
  });

  it("writes a system bulk load all in one transaction: each record as a create writes it, or none when one fails", async () => {
    const records = server.app.get(RecordsService);
    const [a, b] = await records.createMany(
      [
        { entity: 'customer', values: { customer_no: 'C880001', name: 'Bulk A', branch: branchId }, owner: 'someone-else' },
        { entity: 'customer', values: { customer_no: 'C880002', name: 'Bulk B', segment: 'private' } },
      ],
      SYSTEM_ACTOR,
    );
    const read = await server.request<Rec>('GET', `/api/records/customer/${a!.id}`);
    expect(read.body).toMatchObject({ customer_no: 'C880001', name: 'Bulk A', branch: branchId, owner_id: 'someone-else', version: 1 });
    expect(b).toMatchObject({ customer_no: 'C880002', segment: 'private' });
    // The third clashes with the first's number: the 409 names the field and the second is not written either.
    await expect(
      records.createMany(
        [
          { entity: 'customer', values: { customer_no: 'C880003', name: 'Bulk C' } },
          { entity: 'customer', values: { customer_no: 'C880001', name: 'Bulk D' } },
        ],
        SYSTEM_ACTOR,
      ),
    ).rejects.toMatchObject({ status: 409, code: 'uniqueViolation' });
    const after = await server.request<{ total: number }>('POST', '/api/records/customer/query', { filter: { field: 'name', op: 'in', value: ['Bulk C', 'Bulk D'] }, count: true });
    expect(after.body.total).toBe(0);
    await expect(records.createMany([{ entity: 'customer', values: { customer_no: 'C880004', name: 'Person' } }], { ...SYSTEM_ACTOR, kind: 'user', userId: 'u1' })).rejects.toThrow(/only the system/);
  });

  it('refuses a reference to a record that does not exist, naming the field, on create and update', async () => {
    const ghost = '00000000-0000-7000-8000-000000000000';
    const missing = await server.request('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Ref', branch: ghost });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'referenceNotFound', errors: [{ path: '/branch', code: 'reference' }] });
    const created = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Ref', branch: branchId });
    expect(created.status).toBe(201);
    const moved = await server.request('PATCH', `/api/records/customer/${created.body.id}`, { version: 1, branch: ghost });
    expect(moved.body).toMatchObject({ status: 422, code: 'referenceNotFound', errors: [{ path: '/branch', code: 'reference' }] });
    expect((await server.request<Rec>('GET', `/api/records/customer/${created.body.id}`)).body).toMatchObject({ version: 1, branch: branchId });
  });

  it('keeps links to a soft-deleted record: it is in the recycle bin and can be restored', async () => {
    const branch = await server.request<Rec>('POST', '/api/records/branch', { code: 'BIN01', city: 'x' });
    await server.request('DELETE', `/api/records/branch/${branch.body.id}`);
    const linked = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Ref', branch: branch.body.id });
    expect(linked.status).toBe(201);
    expect(linked.body.branch).toBe(branch.body.id);
  });

  it('updates with optimistic locking: a stale version is a 409 and changes nothing', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Lock', credit_score: 600 });
    const id = created.body.id;
    const updated = await server.request<Rec>('PATCH', `/api/records/customer/${id}`, { version: 1, credit_score: 650, segment: 'affluent' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, credit_score: 650, segment: 'affluent', name: 'Lock' });
    const stale = await server.request('PATCH', `/api/records/customer/${id}`, { version: 1, credit_score: 700 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'staleVersion', expectedVersion: 1, currentVersion: 2 });
    const read = await server.request<Rec>('GET', `/api/records/customer/${id}`);
    expect(read.body).toMatchObject({ version: 2, credit_score: 650 });
    expect(Date.parse(String(read.body.updated_at))).toBeGreaterThanOrEqual(Date.parse(String(read.body.created_at)));
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Race', credit_score: 500 });
    const results = await Promise.all(
      [510, 520, 530, 540].map((score) => server.request('PATCH', `/api/records/customer/${created.body.id}`, { version: 1, credit_score: score })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const read = await server.request<Rec>('GET', `/api/records/customer/${created.body.id}`);
    expect(read.body.version).toBe(2);
  });

  it('validates a patch against the merged record', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Merge' });
    const cleared = await server.request('PATCH', `/api/records/customer/${created.body.id}`, { version: 1, name: null, mobile: '123' });
    expect(cleared.status).toBe(422);
    expect((cleared.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['/mobile', '/name']);
    const noVersion = await server.request('PATCH', `/api/records/customer/${created.body.id}`, { name: 'x' });
    expect(noVersion.status).toBe(422);
    expect(noVersion.body.errors).toEqual([expect.objectContaining({ path: '/version', code: 'required' })]);
  });

  it('soft-deletes and restores, keeping the row and bumping the version', async () => {
    const created = await server.request<Rec>('POST', '/api/records/customer', { customer_no: customerNo(), name: 'Bin' });
    const id = created.body.id;
    const staleDelete = await server.request('DELETE', `/api/records/customer/${id}?version=9`);
    expect(staleDelete.status).toBe(409);
    const deleted = await server.request<Rec>('DELETE', `/api/records/customer/${id}?version=1`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.version).toBe(2);
    expect(deleted.body.deleted_at).toMatch(/Z$/);
    expect((await server.request('GET', `/api/records/customer/${id}`)).status).toBe(404);
    expect((await server.request<Rec>('GET', `/api/records/customer/${id}?includeDeleted=true`)).body.id).toBe(id);
    expect((await server.request('PATCH', `/api/records/customer/${id}`, { version: 2, name: 'y' })).body).toMatchObject({ code: 'recordDeleted' });
    expect((await server.request('DELETE', `/api/records/customer/${id}`)).status).toBe(409);
    const restored = await server.request<Rec>('POST', `/api/records/customer/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deleted_at: null, version: 3, name: 'Bin' });
    expect((await server.request('POST', `/api/records/customer/${id}/restore`)).body).toMatchObject({ code: 'recordNotDeleted' });
  });

  it('answers 404 problems for unknown entities and records', async () => {
    const entity = await server.request('POST', '/api/records/nobody', { a: 1 });
    expect(entity.status).toBe(404);
    expect(entity.body.code).toBe('entityNotFound');
    const record = await server.request('GET', '/api/records/customer/0190c0de-0000-7000-8000-000000000000');
    expect(record.status).toBe(404);
    expect(record.body.code).toBe('recordNotFound');
  });
});
