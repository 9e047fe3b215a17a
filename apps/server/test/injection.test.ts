import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchEntity, clone, customerEntity } from './fixtures.js';
import { dialects, startTestServer, type ApiResponse, type TestServer } from './harness.js';

interface Customer {
  id: string;
  version: number;
  name: string;
  notes: string | null;
  [field: string]: unknown;
}

interface Page {
  items: Customer[];
  nextCursor: string | null;
  total?: number;
}

interface Problem {
  status: number;
  code: string;
  errors?: { path: string; code: string; message: string }[];
}

const LONG = `${"' OR '1'='1 ".repeat(10)}${'x'.repeat(5000)}`;

/** Classic and exotic SQL injection payloads: quotes of every kind, comments, wildcards, escapes, a NUL, an emoji, a long one. */
const PAYLOADS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE e_customer; --",
  '"; DROP TABLE e_customer; --',
  'customer; DROP TABLE bf_artifact',
  'name) OR 1=1 --',
  "Robert'); DROP TABLE e_customer;--",
  "' UNION SELECT id, version FROM e_customer --",
  '1; SELECT SLEEP(3)',
  '`',
  '`; DROP TABLE `bf_artifact`; --',
  '"name"',
  '\\',
  "\\'; DROP TABLE bf_artifact; --",
  '\\\\%\\_',
  '%',
  '_',
  '%_%',
  '\u2019 OR \u20181\u2019=\u20181',
  '\uFF07 OR 1=1 --',
  '\u02BC; DROP TABLE e_customer; \u201C--',
  '?',
  '$1',
  '/* */ OR 1=1',
  'nul\u0000byte',
  '\u{1F600} emoji',
  LONG,
];
/** Names an object literal inherits: a lookup table that is a plain object answers them. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const SHORT = PAYLOADS.filter((p) => p.length <= 60 && !p.includes('\u0000'));
/** What fetch can put in a header (ISO-8859-1, no control characters). */
const HEADER_SAFE = PAYLOADS.filter((p) => /^[\x20-\x7e]*$/.test(p));

const enc = encodeURIComponent;
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Code-point order, as SQLite (memcmp of UTF-8) and utf8mb4_bin compare text. */
const cmp = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe.each(dialects())('SQL injection through every input on %s', (dialect) => {
  let server: TestServer;
  let live: Customer;
  let deleted: Customer;
  const created: Customer[] = [];
  const byPayload = new Map<string, Customer>();
  let seq = 0;
  const customerNo = (): string => `C${5000 + ++seq}`;

  async function create(values: Record<string, unknown>): Promise<Customer> {
    const response = await server.request<Customer>('POST', '/api/records/customer', { customer_no: customerNo(), ...values });
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
    created.push(response.body);
    return response.body;
  }

  const query = (body: Record<string, unknown>, entity = 'customer'): Promise<ApiResponse<Page>> =>
    server.request<Page>('POST', `/api/records/${entity}/query`, body);

  async function everything(): Promise<Customer[]> {
    const response = await query({ limit: 500, sort: [{ field: 'name' }] });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  /** A 4xx problem document (never a 500) with one of the given statuses and codes. */
  function expectProblem(response: ApiResponse<unknown>, statuses: number[], codes: string[], context: unknown): Problem {
    const what = `${JSON.stringify(context).slice(0, 200)} answered ${response.status} ${JSON.stringify(response.body)?.slice(0, 300)}`;
    expect(statuses, what).toContain(response.status);
    expect(response.headers.get('content-type'), what).toContain('application/problem+json');
    const problem = response.body as Problem;
    expect(problem.status, what).toBe(response.status);
    expect(codes, what).toContain(problem.code);
    return problem;
  }

  /** 422 for a name the query cannot resolve: invalidQuery with the code at the path, or the schema's maxLength for long names. */
  function expectBadName(response: ApiResponse<unknown>, name: string, path: string, code: string, context: unknown): void {
    const problem = expectProblem(response, [422], ['invalidQuery'], context);
    expect(problem.errors, JSON.stringify(context)).toEqual([expect.objectContaining({ path, code: name.length > 64 ? 'maxLength' : code })]);
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(branchEntity);
    await server.publishEntity(customerEntity);
    for (const name of ['Alice', 'Bob', "O'Brien", 'Zoë']) await create({ name, credit_score: 600, notes: `${name} notes` });
    live = created[0]!;
    deleted = await create({ name: 'Gone', notes: 'in the bin' });
    expect((await server.request('DELETE', `/api/records/customer/${deleted.id}`)).status).toBe(200);
    for (const payload of SHORT) byPayload.set(payload, await create({ name: payload, notes: payload, preferences: { [payload]: [payload] } }));
    // SQLite's text functions stop at NUL, so text fields refuse it (JSON keeps it, escaped).
    const nul = await server.request('POST', '/api/records/customer', { customer_no: customerNo(), name: 'nul\u0000byte', notes: 'a\u0000b' });
    expect(nul.status).toBe(422);
    expect((nul.body as { errors: { path: string; code: string }[] }).errors.map((e) => [e.path, e.code])).toEqual([
      ['/name', 'pattern'],
      ['/notes', 'pattern'],
    ]);
  });
  afterAll(async () => server?.close());

  it('looks entity keys in record URLs up as values: unknown ones are 404 entityNotFound', async () => {
    const keys = [...PAYLOADS, ...PROTOTYPE_NAMES, 'e_customer', 'bf_artifact', 'Customer', 'customer ', 'customer\u0000'];
    for (const key of keys) {
      const base = `/api/records/${enc(key)}`;
      // Bodies and versions that could not change anything, even if the key did reach a table.
      const calls: [string, string, unknown?][] = [
        ['POST', base, { customer_no: 'not valid', name: 'x' }],
        ['POST', `${base}/query`, { filter: { field: 'name', op: 'eq', value: 'x' } }],
        ['GET', `${base}/${live.id}`],
        ['PATCH', `${base}/${live.id}`, { version: 999, name: 'x' }],
        ['DELETE', `${base}/${live.id}?version=999`],
        ['POST', `${base}/${deleted.id}/restore?version=999`],
      ];
      for (const [method, path, body] of calls) {
        expectProblem(await server.request(method, path, body), [404], ['entityNotFound'], [method, key]);
      }
    }
  });

  it('answers 404 recordNotFound for crafted record ids in URLs', async () => {
    for (const id of [...PAYLOADS, '--', `${live.id}' OR '1'='1`, `${live.id}--`]) {
      const base = `/api/records/customer/${enc(id)}`;
      for (const [method, path, body] of [
        ['GET', base],
        ['GET', `${base}?includeDeleted=true`],
        ['PATCH', base, { version: 1, name: 'x' }],
        ['DELETE', base],
        ['POST', `${base}/restore`],
      ] as [string, string, unknown?][]) {
        expectProblem(await server.request(method, path, body), [404], ['recordNotFound'], [method, id]);
      }
    }
  });

  it('refuses crafted artifact kinds and keys in URLs before any SQL', async () => {
    for (const p of [...PAYLOADS, '__proto__', 'toString', 'Customer']) {
      expectProblem(await server.request('GET', `/api/artifacts/${enc(p)}`), [404], ['unknownArtifactKind'], ['kind', p]);
      const base = `/api/artifacts/entity/${enc(p)}`;
      const document = { ...clone(customerEntity), key: p };
      for (const [method, path, body] of [
        ['GET', base],
        ['PUT', base, document],
        ['POST', `${base}/plan`],
        ['POST', `${base}/publish`, {}],
        ['GET', `${base}/versions`],
        ['GET', `${base}/versions/1/diff/1`],
        ['GET', `/api/apps/${enc(p)}/bundle`],
      ] as [string, string, unknown?][]) {
        expectProblem(await server.request(method, path, body), [400], ['invalidArtifactKey'], [method, path]);
      }
      for (const path of [`/api/artifacts/entity/customer?version=${enc(p)}`, `/api/artifacts/entity/customer/versions/${enc(p)}/diff/1`]) {
        expectProblem(await server.request('GET', path), [400], ['invalidParameter'], path);
      }
    }
  });

  it('refuses entity documents whose entity, field or referenced keys are not plain identifiers', async () => {
    const put = (document: unknown): Promise<ApiResponse<unknown>> => server.request('PUT', '/api/artifacts/entity/inj_entity', document);
    const base = (): typeof customerEntity => ({ ...clone(branchEntity), key: 'inj_entity', title: 'Injection' });
    for (const p of [...PAYLOADS, '__proto__', 'toString', 'Name', 'name ', '1name', 'a'.repeat(49)]) {
      const entityKey = base();
      entityKey.key = p;
      const keyProblem = expectProblem(await put(entityKey), [422], ['invalidArtifact'], ['entity key', p]);
      expect(keyProblem.errors!.map((e) => e.path)).toContain('/key');
      const fieldKey = base();
      fieldKey.fields[1] = { ...fieldKey.fields[1]!, key: p };
      const fieldProblem = expectProblem(await put(fieldKey), [422], ['invalidArtifact'], ['field key', p]);
      expect(fieldProblem.errors!.map((e) => e.path)).toContain('/fields/1/key');
      const reference = base();
      reference.fields.push({ id: 'f_ref', key: 'parent', type: 'reference', label: { en: 'p', 'zh-CN': 'p' }, reference: { entity: p } });
      const referenceProblem = expectProblem(await put(reference), [422], ['invalidArtifact'], ['reference', p]);
      expect(referenceProblem.errors!.map((e) => e.path)).toContain('/fields/2/reference/entity');
    }
    const clash = base();
    clash.fields.push({ id: 'f_m', key: 'aum', type: 'money', label: { en: 'a', 'zh-CN': 'a' } });
    clash.fields.push({ id: 'f_c', key: 'aum_currency', type: 'text', label: { en: 'c', 'zh-CN': 'c' } });
    expectProblem(await put(clash), [422], ['invalidArtifact'], 'money currency column clash');
    const system = base();
    system.fields[1] = { ...system.fields[1]!, key: 'deleted_at' };
    expectProblem(await put(system), [422], ['invalidArtifact'], 'system column key');
    for (const p of [...PAYLOADS, '__proto__']) {
      const bundle = { format: 'bankforge-bundle', formatVersion: 1, app: { kind: 'app', key: p, title: 'x', artifacts: [{ kind: 'entity', key: p }] }, artifacts: [{ ...base(), key: p }] };
      expectProblem(await server.request('POST', `/api/apps/import?confirm=${enc(p)}`, bundle), [422], ['invalidBundle'], ['bundle', p]);
    }
    expectProblem(await server.request('GET', '/api/artifacts/entity/inj_entity'), [404], ['artifactNotFound'], 'nothing was saved');
  });

  it('stores crafted text inside artifact documents literally, and refuses crafted If-Match headers', async () => {
    for (const p of PAYLOADS.filter((x) => x.length <= 200)) {
      const text = { en: p, 'zh-CN': p };
      const document = { kind: 'form', key: 'inj_form', title: p, schemaVersion: 1, entity: 'customer', label: text, layout: [{ id: 's1', type: 'section', title: text, children: [] }] };
      const saved = await server.request('PUT', '/api/artifacts/form/inj_form', document);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const read = await server.request<{ document: unknown }>('GET', '/api/artifacts/form/inj_form');
      expect(read.body.document).toEqual(document);
    }
    const list = await server.request<{ key: string; title: string }[]>('GET', '/api/artifacts/form');
    expect(list.body).toEqual([expect.objectContaining({ key: 'inj_form', title: PAYLOADS.filter((x) => x.length <= 200).at(-1) })]);
    const document = { kind: 'form', key: 'inj_form', title: 'Form', schemaVersion: 1, entity: 'customer', label: { en: 'Form', 'zh-CN': '表单' }, layout: [] };
    for (const p of [...HEADER_SAFE, '"1" OR 1=1', '1; DROP TABLE bf_artifact', 'W/"1"--']) {
      expectProblem(await server.request('PUT', '/api/artifacts/form/inj_form', document, { 'if-match': p }), [400], ['invalidIfMatch'], ['if-match', p]);
    }
  });

  it('stores record field values literally, byte for byte, and finds them with eq', async () => {
    for (const [payload, record] of byPayload) {
      expect(record.name).toBe(payload);
      const read = await server.request<Customer>('GET', `/api/records/customer/${record.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ name: payload, notes: payload, preferences: { [payload]: [payload] } });
      const found = await query({ filter: { field: 'name', op: 'eq', value: payload } });
      expect(found.body.items.map((c) => c.id), JSON.stringify(payload)).toEqual([record.id]);
    }
    const text = `${LONG}\n${PAYLOADS.filter((p) => !p.includes('\u0000')).join('\n')}`;
    const long = await create({ name: 'Long', notes: text });
    expect((await server.request<Customer>('GET', `/api/records/customer/${long.id}`)).body.notes).toBe(text);
    const patched = await create({ name: 'Patch me' });
    let version = patched.version;
    for (const p of SHORT) {
      const response = await server.request<Customer>('PATCH', `/api/records/customer/${patched.id}`, { version, name: p, notes: p });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      version = response.body.version;
      expect((await server.request<Customer>('GET', `/api/records/customer/${patched.id}`)).body).toMatchObject({ name: p, notes: p, version });
    }
    await server.request('PATCH', `/api/records/customer/${patched.id}`, { version, name: 'Patched' });
  });

  it('refuses crafted values in typed fields and crafted field keys in record bodies with 422', async () => {
    const typed = ['customer_no', 'credit_score', 'income', 'vip', 'birth_date', 'onboarded_at', 'segment', 'email', 'mobile', 'resident_id', 'website'];
    for (const p of PAYLOADS) {
      const body: Record<string, unknown> = { name: 'x', tags: [p], aum: { amount: p, currency: 'CNY' } };
      for (const field of typed) body[field] = p;
      const problem = expectProblem(await server.request('POST', '/api/records/customer', body), [422], ['validationFailed'], p);
      const paths = problem.errors!.map((e) => e.path);
      for (const field of typed) expect(paths, `${field} = ${JSON.stringify(p)}`).toContain(`/${field}`);
      expect(paths.some((path) => path.startsWith('/tags')) && paths.some((path) => path.startsWith('/aum'))).toBe(true);
      const currency = await server.request('POST', '/api/records/customer', { customer_no: customerNo(), name: 'x', aum: { amount: '1', currency: p } });
      expectProblem(currency, [422], ['validationFailed'], ['currency', p]);
      const reference = await server.request('POST', '/api/records/customer', { customer_no: customerNo(), name: 'x', branch: p });
      expectProblem(reference, [422], ['validationFailed', 'referenceNotFound'], ['branch', p]);
    }
    for (const key of [...PAYLOADS, ...PROTOTYPE_NAMES, 'e_customer', 'aum_currency']) {
      const response = await server.request('POST', '/api/records/customer', `{"customer_no":"${customerNo()}","name":"x",${JSON.stringify(key)}:1}`);
      const problem = expectProblem(response, [422], ['validationFailed'], ['body key', key]);
      expect(problem.errors!.map((e) => e.code)).toContain('unknownField');
    }
  });

  it('refuses crafted filter field names with 422 unknownField', async () => {
    const names = [...PAYLOADS, 'aum.currency; DROP TABLE e_customer', 'aum.currency.x', 'name.currency', 'e_customer.name', 'NAME', ...PROTOTYPE_NAMES];
    const ops: [string, unknown][] = [['eq', 'x'], ['isNull', true], ['isNull', false], ['in', ['x']], ['contains', 'x'], ['between', ['a', 'z']]];
    for (const name of names) {
      for (const [op, value] of ops) {
        const filter = { and: [{ field: 'name', op: 'ne', value: 'x' }, { field: name, op, value }] };
        expectBadName(await query({ filter }), name, '/filter/and/1/field', 'unknownField', filter);
      }
    }
  });

  it('binds crafted values of every comparison operator literally', async () => {
    const all = await everything();
    const ids = (keep: (c: Customer) => boolean): string[] => all.filter(keep).map((c) => c.id).sort();
    for (const p of PAYLOADS) {
      const cases: [string, unknown, (c: Customer) => boolean][] = [
        ['eq', p, (c) => c.name === p],
        ['ne', p, (c) => c.name !== p],
        ['lt', p, (c) => cmp(c.name, p) < 0],
        ['lte', p, (c) => cmp(c.name, p) <= 0],
        ['gt', p, (c) => cmp(c.name, p) > 0],
        ['gte', p, (c) => cmp(c.name, p) >= 0],
        ['in', [p, 'Alice'], (c) => c.name === p || c.name === 'Alice'],
        ['nin', [p, 'Alice'], (c) => c.name !== p && c.name !== 'Alice'],
        ['between', [p, `${p}~`], (c) => cmp(c.name, p) >= 0 && cmp(c.name, `${p}~`) <= 0],
      ];
      for (const [op, value, keep] of cases) {
        const filter = { field: 'name', op, value };
        const response = await query({ filter, limit: 500 });
        if (p.length > 4000) {
          expectProblem(response, [422], ['invalidQuery'], filter);
          continue;
        }
        expect(response.status, JSON.stringify(filter)).toBe(200);
        expect(response.body.items.map((c) => c.id).sort(), JSON.stringify(filter)).toEqual(ids(keep));
      }
      expectProblem(await query({ filter: { field: 'name', op: 'isNull', value: p } }), [422], ['invalidQuery'], ['isNull', p]);
      for (const field of ['credit_score', 'income', 'aum', 'aum.currency', 'vip', 'birth_date', 'onboarded_at']) {
        for (const [op, value, path] of [['eq', p, '/filter/value'], ['in', ['1', p], '/filter/value/1'], ['between', [p, p], '/filter/value/0']] as const) {
          if (field === 'vip' && op !== 'eq') continue;
          const problem = expectProblem(await query({ filter: { field, op, value } }), [422], ['invalidQuery'], [field, op, p]);
          expect(problem.errors!.map((e) => e.path)).toContain(path);
        }
      }
      expectProblem(await query({ filter: { field: 'preferences', op: 'eq', value: p } }), [422], ['invalidQuery'], ['json', p]);
      for (const field of ['segment', 'branch', 'tags']) {
        const op = field === 'tags' ? 'contains' : 'eq';
        const response = await query({ filter: { field, op, value: p } });
        if (p.length > 4000) expectProblem(response, [422], ['invalidQuery'], [field, p]);
        else expect(response.body, JSON.stringify([field, p])).toEqual({ items: [], nextCursor: null });
      }
    }
  });

  it('binds crafted values of contains and startsWith literally', async () => {
    const all = await everything();
    for (const p of PAYLOADS) {
      for (const op of ['contains', 'startsWith'] as const) {
        const response = await query({ filter: { field: 'notes', op, value: p }, limit: 500 });
        if (p.length > 200) {
          expectProblem(response, [422], ['invalidQuery'], [op, 'long']);
          continue;
        }
        const needle = p.toLowerCase();
        const keep = (c: Customer): boolean => c.notes !== null && (op === 'contains' ? c.notes.toLowerCase().includes(needle) : c.notes.toLowerCase().startsWith(needle));
        expect(response.status, JSON.stringify([op, p, response.body])).toBe(200);
        expect(response.body.items.map((c) => c.id).sort(), JSON.stringify([op, p])).toEqual(all.filter(keep).map((c) => c.id).sort());
      }
    }
  });

  it('refuses crafted sort fields, sort directions and projected fields with 422', async () => {
    for (const p of [...PAYLOADS, 'name desc', 'name; DROP TABLE e_customer', ...PROTOTYPE_NAMES]) {
      expectBadName(await query({ sort: [{ field: p }] }), p, '/sort/0/field', 'unknownField', ['sort', p]);
      expectBadName(await query({ fields: ['name', p] }), p, '/fields/1', 'unknownField', ['fields', p]);
      const direction = expectProblem(await query({ sort: [{ field: 'name', direction: p }] }), [422], ['invalidQuery'], ['direction', p]);
      expect(direction.errors!.map((e) => e.path)).toEqual(['/sort/0/direction']);
    }
  });

  it('treats crafted cursors as data: SQL in the values is bound, anything malformed is 400', async () => {
    const all = await everything();
    for (const p of PAYLOADS) {
      for (const direction of ['asc', 'desc'] as const) {
        const cursor = b64({ s: `name:${direction},id:asc`, v: [p, p] });
        const response = await query({ sort: [{ field: 'name', direction }], cursor, limit: 500 });
        if (cursor.length > 4096) {
          expectProblem(response, [422], ['invalidQuery'], 'long cursor');
          continue;
        }
        const after = (c: Customer): boolean => (direction === 'asc' ? cmp(c.name, p) > 0 : cmp(c.name, p) < 0) || (c.name === p && cmp(c.id, p) > 0);
        const sign = direction === 'asc' ? 1 : -1;
        const wanted = all.filter(after).sort((a, b) => sign * cmp(a.name, b.name) || cmp(a.id, b.id));
        expect(response.status, JSON.stringify([direction, p, response.body])).toBe(200);
        expect(response.body.items.map((c) => c.id), JSON.stringify([direction, p])).toEqual(wanted.map((c) => c.id));
      }
      for (const field of ['credit_score', 'income', 'aum', 'vip', 'birth_date', 'onboarded_at', 'created_at']) {
        const cursor = b64({ s: `${field}:desc,id:asc`, v: [p.slice(0, 1000), p.slice(0, 1000)] });
        const response = await query({ sort: [{ field, direction: 'desc' }], cursor, limit: 500 });
        if (response.status !== 200) expectProblem(response, [400], ['invalidCursor'], [field, p]);
        else expect(new Set(response.body.items.map((c) => c.id)).size).toBe(response.body.items.length);
      }
      for (const cursor of [p, b64({ s: p, v: [p, p] }), b64({ s: 'name:asc,id:asc', v: [{ sql: p }, p] }), b64({ s: 'name:asc,id:asc', v: [p] })]) {
        const response = await query({ sort: [{ field: 'name' }], cursor });
        expectProblem(response, cursor.length > 4096 ? [422] : [400], cursor.length > 4096 ? ['invalidQuery'] : ['invalidCursor'], ['cursor', p]);
      }
    }
  });

  it('refuses crafted version and includeDeleted query parameters', async () => {
    for (const p of [...PAYLOADS, '1 OR 1=1', '-1', '1e3', '0x1']) {
      for (const [method, path] of [
        ['DELETE', `/api/records/customer/${live.id}?version=${enc(p)}`],
        ['POST', `/api/records/customer/${deleted.id}/restore?version=${enc(p)}`],
        ['GET', `/api/artifacts/entity/customer?version=${enc(p)}`],
      ] as [string, string][]) {
        expectProblem(await server.request(method, path), [400], ['invalidParameter'], [method, p]);
      }
      const read = await server.request<Customer>('GET', `/api/records/customer/${live.id}?includeDeleted=${enc(p)}`);
      expect(read.status).toBe(200);
      expect(read.body.id).toBe(live.id);
      expectProblem(await server.request('GET', `/api/records/customer/${deleted.id}?includeDeleted=${enc(p)}`), [404], ['recordNotFound'], ['includeDeleted', p]);
    }
    expectProblem(await server.request('DELETE', `/api/records/customer/${live.id}?version=1&version=2`), [400], ['invalidParameter'], 'repeated version');
    expectProblem(await server.request('GET', `/api/records/customer/${deleted.id}?includeDeleted=true&includeDeleted=true`), [404], ['recordNotFound'], 'repeated');
    expect((await server.request<Customer>('GET', `/api/records/customer/${live.id}`)).body).toMatchObject({ deleted_at: null, version: 1 });
    expect((await server.request<Customer>('GET', `/api/records/customer/${deleted.id}?includeDeleted=true`)).body.deleted_at).not.toBeNull();
  });

  it('leaves every table intact: counts, published entities and normal queries', async () => {
    const count = await query({ count: true, limit: 1, deleted: 'include' });
    expect(count.status).toBe(200);
    expect(count.body.total).toBe(created.length);
    const [row] = await server.database.read((sql) => sql.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM e_customer'));
    expect(Number(row!.n)).toBe(created.length);
    const entities = await server.request<{ key: string; state: string; latestVersion: number }[]>('GET', '/api/artifacts/entity');
    expect(entities.status).toBe(200);
    expect(entities.body.map((e) => [e.key, e.state, e.latestVersion])).toEqual([
      ['approval_task', 'published', 1],
      ['branch', 'published', 1],
      ['customer', 'published', 1],
    ]);
    const alice = await query({ filter: { and: [{ field: 'name', op: 'eq', value: 'Alice' }, { field: 'credit_score', op: 'gte', value: 600 }] }, count: true });
    expect(alice.status).toBe(200);
    expect(alice.body).toMatchObject({ total: 1, items: [{ id: live.id, name: 'Alice', notes: 'Alice notes' }] });
    for (const [payload, record] of byPayload) {
      expect((await server.request<Customer>('GET', `/api/records/customer/${record.id}`)).body.name).toBe(payload);
    }
    const branches = await query({}, 'branch');
    expect(branches.body).toEqual({ items: [], nextCursor: null });
  });
});
