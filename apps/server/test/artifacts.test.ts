import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchEntity, clone, customerEntity } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

describe.each(dialects())('artifacts on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  const section = (id: string, en: string) => ({ id, type: 'section', title: { en, 'zh-CN': en }, children: [{ id: `${id}_subject`, type: 'field', field: 'subject' }] });
  const formOf = (key: string, title: string, layout: unknown[]): Record<string, unknown> => ({
    kind: 'form',
    key,
    title,
    schemaVersion: 1,
    entity: 'memo',
    label: { en: title, 'zh-CN': title },
    layout,
  });
  const form = (title: string): Record<string, unknown> => formOf('onboarding', title, []);
  const memoEntity = { kind: 'entity', key: 'memo', title: 'Memo', label: { en: 'Memo', 'zh-CN': '备忘' }, fields: [{ id: 'f_subject', key: 'subject', type: 'text', label: { en: 'Subject', 'zh-CN': '主题' } }] };

  it('saves drafts with revisions; a stale If-Match is a 409 and keeps the newer draft', async () => {
    const first = await server.request('PUT', '/api/artifacts/form/onboarding', form('Onboarding'));
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    const second = await server.request('PUT', '/api/artifacts/form/onboarding', form('Onboarding v2'), { 'if-match': '"1"' });
    expect(second.body).toMatchObject({ revision: 2 });
    const stale = await server.request('PUT', '/api/artifacts/form/onboarding', form('Lost update'), { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'staleRevision', currentRevision: 2 });
    const read = await server.request<{ document: { title: string }; revision: number }>('GET', '/api/artifacts/form/onboarding');
    expect(read.body.document.title).toBe('Onboarding v2');
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('validates drafts against the kind schema and lists every problem', async () => {
    const envelope = await server.request('PUT', '/api/artifacts/report/r1', { kind: 'form', key: 'Bad Key', extra: 1 });
    expect(envelope.status).toBe(422);
    expect(envelope.body.code).toBe('invalidArtifact');
    const paths = (envelope.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/kind', '/key', '/title']));
    const mismatch = await server.request('PUT', '/api/artifacts/form/other', form('x'));
    expect(mismatch.body).toMatchObject({ code: 'invalidArtifact', errors: [{ path: '/key', code: 'keyMismatch' }] });
    const entity = clone(customerEntity);
    entity.fields.push({ ...entity.fields[0]!, id: 'f_dup' });
    entity.fields.push({ id: 'f_sys', key: 'version', type: 'integer', label: { en: 'v', 'zh-CN': 'v' } });
    const badEntity = await server.request('PUT', '/api/artifacts/entity/customer', entity);
    expect(badEntity.status).toBe(422);
    expect((badEntity.body.errors as unknown[]).length).toBeGreaterThanOrEqual(2);
    const unknownKind = await server.request('GET', '/api/artifacts/widget');
    expect(unknownKind.status).toBe(404);
    expect(unknownKind.body.code).toBe('unknownArtifactKind');
  });

  it('publishes immutable versions, answers unchanged re-publishes, and diffs versions', async () => {
    await server.publishEntity(memoEntity as never);
    await server.request('PUT', '/api/artifacts/form/loan', formOf('loan', 'Loan', [section('a', 'A')]));
    const v1 = await server.request('POST', '/api/artifacts/form/loan/publish');
    expect(v1.body).toMatchObject({ version: 1, unchanged: false });
    const again = await server.request('POST', '/api/artifacts/form/loan/publish', {});
    expect(again.body).toMatchObject({ version: 1, unchanged: true });
    await server.request('PUT', '/api/artifacts/form/loan', formOf('loan', 'Loan application', [section('a', 'A'), { ...section('b', 'B'), children: [] }]));
    const list = await server.request<{ key: string; state: string; latestVersion: number }[]>('GET', '/api/artifacts/form');
    expect(list.body.find((a) => a.key === 'loan')).toMatchObject({ state: 'modified', latestVersion: 1 });
    const v2 = await server.request('POST', '/api/artifacts/form/loan/publish');
    expect(v2.body).toMatchObject({ version: 2 });
    const old = await server.request<{ document: { title: string; version: number } }>('GET', '/api/artifacts/form/loan?version=1');
    expect(old.body.document).toMatchObject({ title: 'Loan', version: 1 });
    const versions = await server.request<{ version: number }[]>('GET', '/api/artifacts/form/loan/versions');
    expect(versions.body.map((v) => v.version)).toEqual([1, 2]);
    const diff = await server.request<{ changes: unknown[] }>('GET', '/api/artifacts/form/loan/versions/1/diff/2');
    // Keyed by the elements' ids and named by their labels: the new section is one added section.
    expect(diff.body.changes).toEqual([
      { op: 'replace', path: '/title', property: 'title', from: 'Loan', value: 'Loan application' },
      { op: 'replace', path: '/label/en', property: 'label.en', from: 'Loan', value: 'Loan application' },
      { op: 'replace', path: '/label/zh-CN', property: 'label.zh-CN', from: 'Loan', value: 'Loan application' },
      { op: 'add', path: '/layout/1', element: { type: 'section', id: 'b', label: { en: 'B', 'zh-CN': 'B' } }, value: { id: 'b', type: 'section', title: { en: 'B', 'zh-CN': 'B' } } },
    ]);
    expect((await server.request('GET', '/api/artifacts/form/loan?version=3')).status).toBe(404);
    expect((await server.request('GET', '/api/artifacts/form/loan?version=abc')).status).toBe(400);
  });

  it('names who published each version (a person, an API key), and lists the zh-CN name of artifacts that have one', async () => {
    const created = await server.request('POST', '/api/auth/users', { username: 'huang_lei', displayName: '黄磊', branch: 'HQ', roles: ['administrator'], password: 'Xq7#long-enough-pass' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const analyst = await server.signIn('huang_lei', 'Xq7#long-enough-pass');
    expect((await analyst('PUT', '/api/artifacts/form/loan', formOf('loan', 'Loan application', [{ ...section('b', 'B'), children: [] }, { ...section('a', 'A'), children: [{ id: 'a_subject', type: 'field', field: 'subject', requiredWhen: 'true' }] }]))).status).toBe(200);
    const third = await analyst<{ version: number }>('POST', '/api/artifacts/form/loan/publish');
    expect(third.body.version, JSON.stringify(third.body)).toBe(3);
    const key = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'release-pipeline', roles: ['administrator'] });
    const pipeline = { authorization: `Bearer ${key.body.key}` };
    expect((await server.anonymous('PUT', '/api/artifacts/form/loan', formOf('loan', 'Loan', [section('a', 'A')]), pipeline)).status).toBe(200);
    expect((await server.anonymous<{ version: number }>('POST', '/api/artifacts/form/loan/publish', {}, pipeline)).body.version).toBe(4);
    const versions = await server.request<{ version: number; publishedBy: string | null; publisher: unknown }[]>('GET', '/api/artifacts/form/loan/versions');
    expect(versions.body.map((v) => [v.version, v.publisher])).toEqual([
      [1, { name: 'Administrator', username: 'admin' }],
      [2, { name: 'Administrator', username: 'admin' }],
      [3, { name: '黄磊', username: 'huang_lei' }],
      [4, { name: 'release-pipeline', username: 'api-key:release-pipeline' }],
    ]);
    expect(versions.body[2]!.publishedBy).toBe((created.body as { id: string }).id);
    // Section b moved above a: a move, not two changed sections; the field the form places without a
    // label of its own is named by its entity's label (memo's subject: 主题).
    const moved = await server.request<{ changes: { op: string; property?: string; element?: { id: string; label?: unknown } }[] }>('GET', '/api/artifacts/form/loan/versions/2/diff/3');
    expect(moved.body.changes.map((c) => [c.op, c.element?.id, c.property])).toEqual([
      ['move', 'b', undefined],
      ['add', 'a_subject', 'requiredWhen'],
    ]);
    expect(moved.body.changes[1]!.element!.label).toEqual({ en: 'Subject', 'zh-CN': '主题' });

    const forms = await server.request<{ key: string; label?: unknown }[]>('GET', '/api/artifacts/form');
    expect(forms.body.find((f) => f.key === 'loan')?.label).toEqual({ en: 'Loan', 'zh-CN': 'Loan' });
    const entities = await server.request<{ key: string; label?: unknown }[]>('GET', '/api/artifacts/entity');
    expect(entities.body.find((e) => e.key === 'memo')?.label).toEqual({ en: 'Memo', 'zh-CN': '备忘' });
  });

  it('publishes an entity as a real table and reports its plan first', async () => {
    await server.request('PUT', '/api/artifacts/entity/branch', branchEntity);
    const plan = await server.request<{ steps: { op: string }[]; lossy: unknown[] }>('POST', '/api/artifacts/entity/branch/plan');
    expect(plan.status).toBe(200);
    expect(plan.body.steps.map((s) => s.op)).toEqual(['createTable', 'addIndex']);
    expect(plan.body.lossy).toEqual([]);
    await server.request('POST', '/api/artifacts/entity/branch/publish');
    await server.request('PUT', '/api/artifacts/entity/customer', customerEntity);
    const published = await server.request('POST', '/api/artifacts/entity/customer/publish');
    expect(published.body).toMatchObject({ version: 1, migration: { toVersion: 1 } });
    const described = await server.request<{ table: string; migrations: unknown[] }>('GET', '/api/metadata/entities/customer');
    expect(described.body.table).toBe('e_customer');
    expect(described.body.migrations).toHaveLength(1);
    const created = await server.request('POST', '/api/records/customer', { customer_no: 'C1', name: 'Li' });
    expect(created.status).toBe(201);
  });

  it('refuses to publish an entity whose referenced entity is not published', async () => {
    await server.request('PUT', '/api/artifacts/entity/loan', {
      kind: 'entity',
      key: 'loan',
      title: 'Loan',
      label: { en: 'Loan', 'zh-CN': '贷款' },
      fields: [{ id: 'f_p', key: 'product', type: 'reference', label: { en: 'P', 'zh-CN': '产品' }, reference: { entity: 'product' } }],
    });
    const refused = await server.request('POST', '/api/artifacts/entity/loan/publish');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'referenceNotPublished', errors: [{ path: '/fields/0/reference/entity' }] });
    expect((await server.request('GET', '/api/metadata/entities/loan')).status).toBe(404);
  });

  it("refuses an app draft that lists an artifact twice or names itself in one language only, at the item's path", async () => {
    const twice = await server.request<{ code: string; errors: { path: string; code: string }[] }>('PUT', '/api/artifacts/app/twice', {
      kind: 'app',
      key: 'twice',
      title: 'Twice',
      artifacts: [{ kind: 'entity', key: 'customer' }, { kind: 'form', key: 'customer' }, { kind: 'entity', key: 'customer' }],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ path: '/artifacts/2', code: 'duplicate' })]);
    const halfNamed = await server.request<{ errors: { path: string }[] }>('PUT', '/api/artifacts/app/half', { kind: 'app', key: 'half', title: 'Half', label: { en: 'Half' }, artifacts: [] });
    expect(halfNamed.status).toBe(422);
    expect(halfNamed.body.errors.map((e) => e.path)).toEqual(['/label/zh-CN']);
    // The runtime's own pages (the inbox, tasks, cases, dashboards) sit where app keys would.
    for (const key of ['inbox', 'dashboards']) {
      const taken = await server.request<{ errors: { path: string; code: string }[] }>('PUT', `/api/artifacts/app/${key}`, { kind: 'app', key, title: 'Taken', artifacts: [] });
      expect(taken.status, key).toBe(422);
      expect(taken.body.errors).toEqual([expect.objectContaining({ path: '/key', code: 'reservedKey' })]);
    }
    expect((await server.request('GET', '/api/artifacts/app/twice')).status).toBe(404);
  });

  it('exports an app bundle and imports it into another database, entities first', async () => {
    const app = { kind: 'app', key: 'crm', title: 'CRM', artifacts: [{ kind: 'entity', key: 'customer' }, { kind: 'form', key: 'loan' }, { kind: 'entity', key: 'branch' }, { kind: 'entity', key: 'memo' }] };
    await server.request('PUT', '/api/artifacts/app/crm', app);
    expect((await server.request('POST', '/api/artifacts/app/crm/publish')).status).toBe(200);
    const bundle = await server.request<{ format: string; artifacts: { kind: string; key: string; version: number }[] }>('GET', '/api/apps/crm/bundle');
    expect(bundle.body.format).toBe('bankforge-bundle');
    expect(bundle.body.artifacts.map((a) => `${a.kind}:${a.key}`)).toEqual(['entity:customer', 'form:loan', 'entity:branch', 'entity:memo']);

    const other = await startTestServer(dialect);
    try {
      const imported = await other.request<{ published: { kind: string; key: string; version: number }[] }>('POST', '/api/apps/import', bundle.body);
      expect(imported.status).toBe(200);
      expect(imported.body.published.map((p) => `${p.kind}:${p.key}`)).toEqual(['entity:branch', 'entity:customer', 'entity:memo', 'form:loan', 'app:crm']);
      const created = await other.request('POST', '/api/records/customer', { customer_no: 'C9', name: 'Imported' });
      expect(created.status).toBe(201);
      const reexport = await other.request<{ artifacts: unknown[] }>('GET', '/api/apps/crm/bundle');
      expect(reexport.body.artifacts).toHaveLength(4);
    } finally {
      await other.close();
    }
  });

  it('imports nothing when any artifact of the bundle is invalid', async () => {
    const other = await startTestServer(dialect);
    try {
      const bundle = {
        format: 'bankforge-bundle',
        formatVersion: 1,
        app: { kind: 'app', key: 'broken', title: 'Broken', artifacts: [{ kind: 'entity', key: 'branch' }, { kind: 'form', key: 'f1' }] },
        artifacts: [branchEntity, { kind: 'form', key: 'f1' }],
      };
      const refused = await other.request('POST', '/api/apps/import', bundle);
      expect(refused.status).toBe(422);
      // Nothing of the bundle: the only entity is the server's own.
      expect((await other.request<{ key: string }[]>('GET', '/api/artifacts/entity')).body.map((e) => e.key)).toEqual(['approval_task']);
      expect((await other.request('POST', '/api/records/branch', { code: 'x' })).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe.each(dialects())('decision artifacts on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  const decision = (hitPolicy: string): Record<string, unknown> => ({
    kind: 'decision',
    key: 'credit_limit',
    title: 'Credit limit',
    inputData: [{ name: 'Credit Score', typeRef: 'number' }],
    decisions: [
      {
        name: 'Limit',
        requirements: { inputs: ['Credit Score'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy,
          inputs: [{ expression: 'Credit Score' }],
          outputs: [{ name: 'limit', typeRef: 'number' }],
          rules: [{ inputEntries: ['>= 700'], outputEntries: ['50000'] }],
        },
      },
    ],
  });

  it("validates decisions with the rule engine's schema", async () => {
    const saved = await server.request('PUT', '/api/artifacts/decision/credit_limit', decision('F'));
    expect(saved.status).toBe(200);
    const refused = await server.request('PUT', '/api/artifacts/decision/credit_limit', decision('FIRST'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'invalidArtifact' });
    expect((refused.body.errors as { path: string }[]).some((e) => e.path.startsWith('/decisions/0/logic'))).toBe(true);
  });
});
