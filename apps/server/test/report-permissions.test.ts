import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { clientEntity, PASSWORD, seedPeople, type Username } from './security-fixtures.js';
import type { Requester } from './harness.js';

type Run = { rows: Record<string, unknown>[] };

const bySegment: ReportDefinition = {
  kind: 'report',
  key: 'clients_by_segment',
  title: 'Clients by segment',
  source: 'client',
  dimensions: [{ key: 'segment', field: 'segment' }],
  measures: [{ key: 'n', agg: 'count' }],
};
const incomeBySegment: ReportDefinition = { ...bySegment, key: 'income_by_segment', title: 'Income', measures: [{ key: 'income', agg: 'sum', field: 'income' }] };
const names: ReportDefinition = { kind: 'report', key: 'client_names', title: 'Names', source: 'client', dimensions: [{ key: 'name', field: 'name' }, { key: 'notes', field: 'notes' }] };
const mobiles: ReportDefinition = { kind: 'report', key: 'client_mobiles', title: 'Mobiles', source: 'client', dimensions: [{ key: 'mobile', field: 'mobile' }] };
const richBySegment: ReportDefinition = { ...bySegment, key: 'rich_by_segment', title: 'Rich clients', filter: { field: 'income', op: 'gt', value: 1000000 } };
const byMobile: ReportDefinition = { ...bySegment, key: 'by_mobile', title: 'One mobile', filter: { field: 'mobile', op: 'eq', value: '13812345678' } };
const incomeDrill: ReportDefinition = {
  ...bySegment,
  key: 'income_drill',
  title: 'By income, then segment',
  dimensions: [
    { key: 'income', field: 'income' },
    { key: 'segment', field: 'segment' },
  ],
  drillDown: { levels: [{ dimensions: ['income'] }, { dimensions: ['segment'] }] },
};

/** The reports above on one dashboard, with a filter on a clear, a masked (for RMs) and a hidden (for RMs) field. */
const clientsBoard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'clients',
  title: 'Clients',
  filters: [
    { key: 'segment', type: 'values', fields: ['segment'] },
    { key: 'name', type: 'values', fields: ['name'] },
    { key: 'income', type: 'values', fields: ['income'] },
  ],
  widgets: [
    { id: 'segments', report: 'clients_by_segment', layout: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'names', report: 'client_names', layout: { x: 6, y: 0, w: 6, h: 4 } },
  ],
};

describe.each(dialects())('report permissions on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  const owners = new Map<string, Username>();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    ({ as } = await seedPeople(server));
    const plan: [Username, number][] = [['rm_a', 3], ['rm_b', 2], ['rm_c', 4]];
    let n = 0;
    for (const [user, count] of plan) {
      for (let i = 0; i < count; i++) {
        const created = await as[user]<{ id: string }>('POST', '/api/records/client', { name: `王客户${n++}`, notes: `of ${user}` });
        owners.set(created.body.id, user);
      }
    }
    for (const report of [bySegment, incomeBySegment, names, mobiles, richBySegment, byMobile, incomeDrill]) {
      expect((await server.request('PUT', `/api/artifacts/report/${report.key}`, report)).status).toBe(200);
      expect((await server.request('POST', `/api/artifacts/report/${report.key}/publish`, {})).status).toBe(200);
    }
    await server.publishArtifact(clientsBoard);
  });
  afterAll(async () => server?.close());

  const total = (run: Run): number => run.rows.reduce((sum, row) => sum + Number(row.n), 0);

  it("counts only what an API key's scope reaches, never more than its roles", async () => {
    const issue = async (name: string, roles: string[], limits: Record<string, unknown>): Promise<Requester> => {
      const created = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name, roles, ...limits });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers });
    };
    // The auditor's role reads every client; the key's scope narrows it to Shanghai's (rm_a 3, rm_b 2).
    const shanghai = await issue('sh-reports', ['auditor'], { scope: { entities: { client: ['read'] }, dataScope: 'branch' }, branch: 'SH' });
    const run = await shanghai<Run>('POST', '/api/reports/clients_by_segment/run', {});
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(total(run.body)).toBe(5);
    const everyone = await issue('all-reports', ['auditor'], { scope: { entities: { client: ['read'] }, dataScope: 'all' } });
    expect(total((await everyone<Run>('POST', '/api/reports/clients_by_segment/run', {})).body)).toBe(9);
    // A scope without the client entity: the report's source is out of reach, as for a role without it.
    const elsewhere = await issue('no-clients', ['auditor'], { scope: { entities: {}, dataScope: 'all' } });
    const refused = await elsewhere<{ code: string }>('POST', '/api/reports/clients_by_segment/run', {});
    const unscoped = await as.analyst<{ code: string }>('POST', '/api/reports/clients_by_segment/run', {});
    expect([refused.status, refused.body.code]).toEqual([unscoped.status, unscoped.body.code]);
    expect(refused.status).toBe(403);
  });

  it("counts only what each person's data scope reaches", async () => {
    const expected: [Username, number][] = [['rm_a', 3], ['rm_c', 4], ['bm_sh', 5], ['bm_bj', 4], ['auditor', 9]];
    for (const [user, count] of expected) {
      const run = await as[user]<Run>('POST', '/api/reports/clients_by_segment/run', {});
      expect(run.status, `${user} ${JSON.stringify(run.body)}`).toBe(200);
      expect(total(run.body), user).toBe(count);
    }
    const denied = await as.analyst<{ code: string }>('POST', '/api/reports/clients_by_segment/run', {});
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
  });

  it('refuses a report that reads a hidden field, and masks masked ones', async () => {
    const hidden = await as.rm_a<{ code: string }>('POST', '/api/reports/income_by_segment/run', {});
    expect(hidden.status).toBe(403);
    expect(hidden.body.code).toBe('reportFieldHidden');
    expect((await as.auditor('POST', '/api/reports/income_by_segment/run', {})).status).toBe(200);
    const masked = await as.rm_a<Run>('POST', '/api/reports/client_names/run', {});
    expect(masked.status).toBe(200);
    expect(masked.body.rows.map((r) => r.name)).toEqual(['王***', '王***', '王***']);
    const clear = await as.auditor<Run>('POST', '/api/reports/client_names/run', {});
    expect(clear.body.rows.map((r) => r.name).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `王客户${i}`).sort());
  });

  it('refuses a report whose filter or drill-down selection reads a hidden field, so its counts tell nothing about it', async () => {
    for (const [path, body] of [
      ['/api/reports/rich_by_segment/run', {}],
      ['/api/reports/income_drill/run', { drill: [{ income: '100.00' }] }],
    ] as const) {
      const hidden = await as.rm_a<{ code: string; filters: string[] }>('POST', path, body);
      expect(hidden.status, path).toBe(403);
      expect(hidden.body).toMatchObject({ code: 'reportFieldHidden', filters: ['client.income'] });
      expect((await as.auditor('POST', path, body)).status, path).toBe(200);
    }
    const exported = await as.rm_a<{ code: string }>('GET', '/api/reports/rich_by_segment/export?format=csv');
    expect(exported.status).toBe(403);
    expect(exported.body.code).toBe('reportFieldHidden');
  });

  it('refuses a filter on a field encrypted at rest, which would match nothing, with a clear error', async () => {
    const run = await as.auditor<{ code: string; errors: { code: string; message: string }[] }>('POST', '/api/reports/by_mobile/run', {});
    expect(run.status).toBe(422);
    expect(run.body.errors).toEqual([{ path: '/', code: 'encryptedField', message: 'client.mobile is encrypted at rest' }]);
  });

  it('exports only with the export right, masked and scoped, and audits each export', async () => {
    const csv = await as.rm_a<string>('GET', '/api/reports/client_names/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('王***');
    expect(csv.body).not.toContain('王客户');
    expect(csv.body.trim().split(/\r?\n/)).toHaveLength(1 + 3);
    const denied = await as.auditor<{ code: string }>('GET', '/api/reports/client_names/export?format=csv');
    expect(denied.status).toBe(403);
    const audit = await server.request<{ action: string; actorName: string; detail: { report: string; format: string } }[]>('GET', '/api/audit?entity=client&limit=1000');
    expect(audit.body.filter((e) => e.action === 'export' && e.detail.report === 'client_names').map((e) => [e.actorName, e.detail.format])).toEqual([['rm_a', 'csv']]);
  });

  it('previews a draft only for those who may edit reports, within their own data scope', async () => {
    for (const user of ['rm_a', 'auditor', 'analyst'] as const) {
      const refused = await as[user]<{ code: string; right: string }>('POST', '/api/reports/preview', { document: bySegment });
      expect([user, refused.status, refused.body.code, refused.body.right]).toEqual([user, 403, 'forbidden', 'edit']);
    }
    // The branch managers may edit reports: each previews their own branch's clients, never more.
    for (const [user, count] of [['bm_sh', 5], ['bm_bj', 4]] as const) {
      const previewed = await as[user]<Run>('POST', '/api/reports/preview', { document: bySegment });
      expect([user, previewed.status]).toEqual([user, 200]);
      expect(total(previewed.body), user).toBe(count);
    }
    const encrypted = await as.bm_sh<{ code: string; errors: { code: string }[] }>('POST', '/api/reports/preview', { document: { ...bySegment, filter: { field: 'mobile', op: 'eq', value: '13812345678' } } });
    expect([encrypted.status, encrypted.body.errors[0]!.code]).toEqual([422, 'encryptedField']);
  });

  it("refuses a preview that compares or computes on a field its author sees masked, and shows it as it is", async () => {
    const role = { key: 'report_author', label: { en: 'Report author' }, entities: { client: { read: 'branch', fields: { name: { access: 'masked', mask: { strategy: 'keep', keepFirst: 1, keepLast: 0 } } } } }, artifacts: { report: ['edit'] } };
    expect((await server.request('PUT', '/api/auth/roles/report_author', role)).status).toBe(200);
    const created = await server.request('POST', '/api/auth/users', { username: 'author', displayName: 'Author', branch: 'SH', roles: ['report_author'], password: PASSWORD });
    expect(created.status).toBe(201);
    const author = await server.signIn('author', PASSWORD);
    const shown = await author<Run>('POST', '/api/reports/preview', { document: { ...names, measures: [{ key: 'n', agg: 'countDistinct', field: 'name' }] } });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.rows.map((r) => r.name)).toEqual(['王***', '王***', '王***', '王***', '王***']);
    const guesses: ReportDefinition[] = [
      { ...bySegment, filter: { field: 'name', op: 'eq', value: '王客户1' } },
      { ...bySegment, calculated: [{ key: 'guess', expression: 'name = "王客户1"' }], dimensions: [{ key: 'guess', field: 'guess' }] },
      { ...bySegment, measures: [{ key: 'n', agg: 'count', filter: { field: 'name', op: 'startsWith', value: '王客户' } }] },
      { ...bySegment, dimensions: [{ key: 'name', field: 'name', top: { n: 1, by: 'n' } }] },
    ];
    for (const document of guesses) {
      const refused = await author<{ code: string; filters: string[]; messageZh: string }>('POST', '/api/reports/preview', { document });
      expect([refused.status, refused.body.code, refused.body.filters], JSON.stringify(document)).toEqual([403, 'reportFieldMasked', ['client.name']]);
      expect(refused.body.messageZh).toContain('client.name');
    }
    // The same refusal whatever the values: the answer tells nothing about the names.
    const other = await author<{ code: string }>('POST', '/api/reports/preview', { document: { ...bySegment, filter: { field: 'name', op: 'eq', value: 'nobody' } } });
    expect(other.body.code).toBe('reportFieldMasked');
  });

  it("answers a dashboard's widgets within each person's data scope, and nothing to one who may read none of its reports", async () => {
    const expected: [Username, number][] = [['rm_a', 3], ['rm_c', 4], ['tl_sh', 3], ['bm_sh', 5], ['bm_bj', 4], ['auditor', 9]];
    for (const [user, count] of expected) {
      expect([user, (await as[user]('GET', '/api/dashboards/clients')).status]).toEqual([user, 200]);
      const widget = await as[user]<Run>('POST', '/api/dashboards/clients/widgets/segments/run', {});
      expect([user, widget.status]).toEqual([user, 200]);
      expect(total(widget.body), user).toBe(count);
    }
    for (const [method, path] of [
      ['GET', '/api/dashboards/clients'],
      ['POST', '/api/dashboards/clients/widgets/segments/run'],
      ['GET', '/api/dashboards/clients/widgets/segments/export?format=csv'],
    ] as const) {
      const refused = await as.analyst<{ code: string }>(method, path, method === 'POST' ? {} : undefined);
      expect([path, refused.status, refused.body.code]).toEqual([path, 404, 'dashboardNotFound']);
    }
    expect((await as.analyst<{ key: string }[]>('GET', '/api/dashboards')).body).toEqual([]);
  });

  it('refuses a dashboard filter or click on a field the reader sees masked or may not see, and applies it for one who reads it in clear', async () => {
    const attempts: [string, unknown, string][] = [
      ['segments', { filters: { name: ['王客户0'] } }, 'reportFieldMasked'],
      ['segments', { cross: [{ widget: 'names', dimension: 'name', value: '王***' }] }, 'reportFieldMasked'],
      ['segments', { filters: { income: [100] } }, 'reportFieldHidden'],
    ];
    for (const [widget, body, code] of attempts) {
      const refused = await as.rm_a<Run & { code: string; filters: string[]; messageZh: string }>('POST', `/api/dashboards/clients/widgets/${widget}/run`, body);
      expect([refused.status, refused.body.code, refused.body.filters], JSON.stringify(body)).toEqual([403, code, [code === 'reportFieldHidden' ? 'client.income' : 'client.name']]);
      expect(refused.body.messageZh).toContain(code === 'reportFieldHidden' ? 'client.income' : 'client.name');
      expect(refused.body.rows).toBeUndefined();
      const query = new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
      const exported = await as.rm_a<{ code: string }>('GET', `/api/dashboards/clients/widgets/${widget}/export?format=csv&${query}`);
      expect([exported.status, exported.body.code]).toEqual([403, code]);
    }
    const view = await as.rm_a<{ widgets: { id: string; filters: string[]; clickable: string[] }[] }>('GET', '/api/dashboards/clients');
    expect(view.body.widgets.map((w) => [w.id, w.filters, w.clickable])).toEqual([['segments', ['segment'], ['segment']], ['names', ['segment'], ['notes']]]);
    const clear = await as.auditor<Run>('POST', '/api/dashboards/clients/widgets/segments/run', { filters: { name: ['王客户0'] } });
    expect([clear.status, total(clear.body)]).toEqual([200, 1]);
  });

  it("exports a widget only with the export right, within the export scope, masked, and audited", async () => {
    const csv = await as.rm_a<string>('GET', '/api/dashboards/clients/widgets/names/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('王***');
    expect(csv.body).not.toContain('王客户');
    expect(csv.body.trim().split(/\r?\n/)).toHaveLength(1 + 3);
    const refused = await as.auditor<{ code: string }>('GET', '/api/dashboards/clients/widgets/names/export?format=csv');
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const audit = await server.request<{ action: string; actorName: string; detail: { dashboard?: { key: string; widget: string } } }[]>('GET', '/api/audit?entity=client&limit=1000');
    expect(audit.body.filter((e) => e.action === 'export' && e.detail.dashboard).map((e) => [e.actorName, e.detail.dashboard?.key, e.detail.dashboard?.widget])).toEqual([['rm_a', 'clients', 'names']]);
  });

  it('refuses to group by a field encrypted at rest', async () => {
    const run = await server.request<{ code: string; errors: { code: string }[] }>('POST', '/api/reports/client_mobiles/run', {});
    expect(run.status).toBe(422);
    expect(run.body.errors[0]!.code).toBe('encryptedField');
  });
});
