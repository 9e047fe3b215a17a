import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import type { ReportDefinition } from '@bankforge/report-engine';
import { ProblemError } from '../src/platform/problem/problem-error.js';
import { queryRows } from '../src/modules/reports/report-query.js';
import { ReportSecurity } from '../src/modules/reports/report-security.js';
import { ReportsService, type ReportRunResult } from '../src/modules/reports/reports.service.js';
import { ADMIN_PASSWORD, dialects, startTestServer, type TestServer } from './harness.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[]; rowLimit?: number };

const field = (
  key: string,
  type: FieldDefinition['type'],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });
const options = (...values: string[]): FieldDefinition['options'] =>
  values.map((value) => ({ value, label: { en: value, 'zh-CN': value } }));

const office: EntityDefinition = {
  kind: 'entity',
  key: 'office',
  title: 'Office',
  label: { en: 'Office', 'zh-CN': '网点' },
  fields: [
    field('code', 'text', { required: true, unique: true, maxLength: 8 }),
    field('region', 'singleSelect', { options: options('north', 'south') }),
  ],
};

const credit: EntityDefinition = {
  kind: 'entity',
  key: 'credit',
  title: 'Credit',
  label: { en: 'Credit', 'zh-CN': '贷款' },
  fields: [
    field('office', 'reference', { reference: { entity: 'office' } }),
    field('amount', 'money', { currencies: ['CNY'] }),
    field('status', 'singleSelect', {
      options: [
        { value: 'approved', label: { en: 'Approved', 'zh-CN': '已批准' } },
        { value: 'rejected', label: { en: 'Rejected', 'zh-CN': '已拒绝' } },
        { value: 'submitted', label: { en: 'Submitted', 'zh-CN': '已提交' } },
      ],
    }),
    field('submitted_at', 'datetime'),
    field('note', 'text'),
  ],
};

const NOW = new Date('2025-05-14T10:00:00.000Z');
const STATUSES = ['approved', 'rejected', 'submitted'];
const NOTES = ['=HYPERLINK("http://evil")', 'plain', 'say "hi", ok', '王小明'];

interface Credit {
  office: string;
  code: string;
  amount: number;
  status: string;
  submitted_at: string;
  note: string;
}

const byOffice: ReportDefinition = {
  kind: 'report',
  key: 'credit_by_office',
  title: 'Credit by office',
  source: 'credit',
  joins: [{ alias: 'o', kind: 'manyToOne', field: 'office' }],
  parameters: [{ key: 'status', type: 'select', options: STATUSES }],
  filter: {
    and: [
      { field: 'status', op: 'eq', value: { param: 'status' } },
      { field: 'submitted_at', op: 'within', value: { last: 12, unit: 'month' } },
    ],
  },
  dimensions: [
    { key: 'office', field: 'o.code', label: 'Office' },
    { key: 'month', field: 'submitted_at', date: 'month' },
  ],
  measures: [
    { key: 'n', agg: 'count', label: 'Count' },
    { key: 'total', agg: 'sum', field: 'amount', label: 'Total' },
    { key: 'approved', agg: 'count', filter: { field: 'status', op: 'eq', value: 'approved' } },
    { key: 'approval_rate', agg: 'ratio', numerator: 'approved', denominator: 'n' },
  ],
  drillDown: { levels: [{ dimensions: ['office'] }, { dimensions: ['month'] }] },
  chart: { type: 'bar', x: 'office', y: ['total'] },
};

const listing: ReportDefinition = {
  kind: 'report',
  key: 'credit_list',
  title: 'Credit list',
  source: 'credit',
  joins: [{ alias: 'o', kind: 'manyToOne', field: 'office' }],
  dimensions: [
    { key: 'office', field: 'o.code', label: 'Office' },
    { key: 'amount', field: 'amount', label: 'Amount' },
    { key: 'note', field: 'note', label: 'Note' },
  ],
  sort: [{ by: 'amount', direction: 'desc' }],
};

/** Raw values that read as labels: options, referenced records, the owner; and the amount's currency. */
const byStatus: ReportDefinition = {
  kind: 'report',
  key: 'credit_by_status',
  title: 'Credit by status',
  source: 'credit',
  dimensions: [
    { key: 'status', field: 'status' },
    { key: 'office', field: 'office' },
    { key: 'owner', field: 'owner_id' },
  ],
  measures: [
    { key: 'total', agg: 'sum', field: 'amount' },
    { key: 'n', agg: 'count' },
  ],
};

describe.each(dialects())('reports API on %s', (dialect) => {
  let server: TestServer;
  let service: ReportsService;
  const credits: Credit[] = [];

  async function publishReport(report: ReportDefinition): Promise<void> {
    const saved = await server.request('PUT', `/api/artifacts/report/${report.key}`, report);
    expect(saved.status).toBe(200);
    const published = await server.request('POST', `/api/artifacts/report/${report.key}/publish`, {});
    expect(published.status).toBe(200);
  }

  /** A raw fetch as the administrator, for bodies the harness would decode as text. */
  async function fetchAsAdmin(path: string): Promise<Response> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    return fetch(`${server.url}${path}`, { headers: { cookie } });
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    service = server.app.get(ReportsService, { strict: false });
    service.now = () => NOW;
    await server.publishEntity(office);
    await server.publishEntity(credit);
    const offices: { id: string; code: string }[] = [];
    for (const [code, region] of [
      ['N1', 'north'],
      ['S1', 'south'],
      ['S2', 'south'],
    ] as const) {
      const created = await server.request<{ id: string }>('POST', '/api/records/office', { code, region });
      expect(created.status).toBe(201);
      offices.push({ id: created.body.id, code });
    }
    for (let i = 0; i < 24; i++) {
      const o = offices[i % 3]!;
      const value: Credit = {
        office: o.id,
        code: o.code,
        amount: 1000 * (i + 1) + 0.25,
        status: STATUSES[Math.floor(i / 3) % 3]!,
        // One a month back from May 2025: the first 12 fall in "last 12 months", the rest before it.
        submitted_at: new Date(Date.UTC(2025, 4 - i, 10, 12)).toISOString(),
        note: NOTES[i % NOTES.length]!,
      };
      const created = await server.request('POST', '/api/records/credit', {
        office: value.office,
        amount: { amount: value.amount.toFixed(2), currency: 'CNY' },
        status: value.status,
        submitted_at: value.submitted_at,
        note: value.note,
      });
      expect(created.status).toBe(201);
      credits.push(value);
    }
    await publishReport(byOffice);
    await publishReport(listing);
    await publishReport(byStatus);
  }, 120_000);
  afterAll(async () => server?.close());

  const recent = (): Credit[] => credits.filter((c) => c.submitted_at >= '2024-06-01');

  it('runs a published report: aggregated rows, columns and chart data', async () => {
    const response = await server.request<ReportRunResult>('POST', '/api/reports/credit_by_office/run', {});
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body.report).toEqual({ key: 'credit_by_office', version: 1, title: 'Credit by office' });
    expect(body.level).toBe(0);
    expect(body.columns.map((c) => [c.key, c.role, c.type])).toEqual([
      ['office', 'dimension', 'text'],
      ['n', 'measure', 'number'],
      ['total', 'measure', 'number'],
      ['approved', 'measure', 'number'],
      ['approval_rate', 'measure', 'number'],
    ]);
    const expected = ['N1', 'S1', 'S2'].map((code) => {
      const mine = recent().filter((c) => c.code === code);
      const approved = mine.filter((c) => c.status === 'approved').length;
      return {
        office: code,
        n: mine.length,
        total: expect.closeTo(
          mine.reduce((s, c) => s + c.amount, 0),
          6,
        ),
        approved,
        approval_rate: expect.closeTo(approved / mine.length, 9),
      };
    });
    expect(recent().length).toBeLessThan(credits.length);
    expect(body.rows).toEqual(expected);
    expect(body.chart).toMatchObject({
      type: 'echarts',
      chart: 'bar',
      option: {
        xAxis: { type: 'category', data: ['N1', 'S1', 'S2'] },
        series: [{ type: 'bar', name: 'Total' }],
      },
    });
  });

  it('drills down from an office to its months, with parameters', async () => {
    const response = await server.request<ReportRunResult>('POST', '/api/reports/credit_by_office/run', {
      parameters: { status: 'approved' },
      drill: [{ office: 'S1' }],
    });
    expect(response.status).toBe(200);
    expect(response.body.level).toBe(1);
    const mine = recent().filter((c) => c.code === 'S1' && c.status === 'approved');
    expect(mine.length).toBeGreaterThan(1);
    expect(response.body.rows.map((r) => [r.month, r.n])).toEqual(
      mine
        .map((c) => [c.submitted_at.slice(0, 7), 1])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('answers 422 with paths for bad parameters and selections', async () => {
    const bad = await server.request<Problem>('POST', '/api/reports/credit_by_office/run', {
      parameters: { status: 'lost', nope: 1 },
      drill: [{ region: 'x' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalidReportRequest');
    expect(bad.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['/parameters/nope', 'unknownParameter'],
      ['/parameters/status', 'option'],
      ['/drill/0', 'invalidSelection'],
    ]);
    const shape = await server.request<Problem>('POST', '/api/reports/credit_by_office/run', { drill: 'S1' });
    expect([shape.status, shape.body.code, shape.body.errors?.[0]?.path]).toEqual([
      422,
      'invalidReportRequest',
      '/drill',
    ]);
  });

  it('answers 404 for an unknown report, refuses to publish one that does not fit its entities, and 422 for a published one that no longer fits', async () => {
    const missing = await server.request<Problem>('POST', '/api/reports/nothing_here/run', {});
    expect([missing.status, missing.body.code]).toEqual([404, 'reportNotFound']);
    const broken = { kind: 'report', key: 'broken', title: 'Broken', source: 'credit', dimensions: [{ key: 'x', field: 'colour' }], measures: [{ key: 'n', agg: 'sum', field: 'note' }] };
    // A draft may read fields its entity's draft is still gaining; publishing checks it against the published entities.
    expect((await server.request('PUT', '/api/artifacts/report/broken', broken)).status).toBe(200);
    const refused = await server.request<Problem>('POST', '/api/artifacts/report/broken/publish', {});
    expect([refused.status, refused.body.code]).toEqual([422, 'invalidArtifact']);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['/measures/0/field', 'notNumeric'],
      ['/dimensions/0/field', 'unknownField'],
    ]);
    // A report that fitted when it was published, over an entity that lost a field since.
    const ledger: EntityDefinition = { kind: 'entity', key: 'ledger', title: 'Ledger', label: { en: 'Ledger', 'zh-CN': '台账' }, fields: [field('colour', 'text'), field('note', 'text')] };
    await server.publishEntity(ledger);
    await publishReport({ kind: 'report', key: 'ledger_colours', title: 'Ledger colours', source: 'ledger', dimensions: [{ key: 'x', field: 'colour' }], measures: [{ key: 'n', agg: 'count' }] });
    await server.publishEntity({ ...ledger, fields: [field('note', 'text')] }, 'data-loss');
    const stale = await server.request<Problem>('POST', '/api/reports/ledger_colours/run', {});
    expect([stale.status, stale.body.code]).toEqual([422, 'invalidReport']);
    expect(stale.body.errors?.map((e) => [e.path, e.code])).toEqual([['/dimensions/0/field', 'unknownField']]);
  });

  it("refuses to save a report that breaks the engine's JSON Schema", async () => {
    const odd = await server.request<Problem>('PUT', '/api/artifacts/report/odd', {
      kind: 'report',
      key: 'odd',
      title: 'Odd',
      source: 'credit',
      measures: [{ key: 'n', agg: 'median' }],
    });
    expect([odd.status, odd.body.code]).toEqual([422, 'invalidArtifact']);
    expect(odd.body.errors?.map((e) => e.path)).toContain('/measures/0/agg');
  });

  it('refuses a run over the row limit with a clear problem', async () => {
    const limits = { ...service.limits };
    service.limits = { ...limits, rowLimit: 5 };
    try {
      const response = await server.request<Problem>('POST', '/api/reports/credit_list/run', {});
      expect([response.status, response.body.code, response.body.rowLimit]).toEqual([
        422,
        'reportRowLimit',
        5,
      ]);
      const small = await server.request<ReportRunResult>('POST', '/api/reports/credit_by_office/run', {});
      expect(small.status).toBe(200);
    } finally {
      service.limits = limits;
    }
  });

  it('exports CSV from a cursor: header, quoting, formula protection, sort', async () => {
    const response = await server.request<string>('GET', '/api/reports/credit_list/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="credit_list.csv"');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Office,Amount,Note');
    const sorted = [...credits].sort((a, b) => b.amount - a.amount);
    const cell = (note: string): string =>
      note.startsWith('=')
        ? `"'${note.replace(/"/g, '""')}"`
        : /[",]/.test(note)
          ? `"${note.replace(/"/g, '""')}"`
          : note;
    expect(lines.slice(1, -1)).toEqual(sorted.map((c) => `${c.code},${c.amount},${cell(c.note)}`));
    expect(lines.at(-1)).toBe('');
  });

  it('exports XLSX, with parameters and a selection from the query string', async () => {
    const query = new URLSearchParams({
      format: 'xlsx',
      parameters: JSON.stringify({ status: 'approved' }),
      drill: JSON.stringify([{ office: 'N1' }]),
    });
    const response = await fetchAsAdmin(`/api/reports/credit_by_office/export?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Zip entries name their files in clear: the workbook and its sheet are there.
    expect(bytes.includes('xl/worksheets/sheet1.xml')).toBe(true);
    expect(bytes.includes('xl/workbook.xml')).toBe(true);
  });

  it('refuses an export over the export limit before streaming, and bad formats', async () => {
    const limits = { ...service.limits };
    service.limits = { ...limits, exportRowLimit: 3 };
    try {
      const response = await server.request<Problem>('GET', '/api/reports/credit_list/export?format=csv');
      expect([response.status, response.body.code]).toEqual([422, 'reportRowLimit']);
    } finally {
      service.limits = limits;
    }
    const format = await server.request<Problem>('GET', '/api/reports/credit_list/export?format=pdf');
    expect([format.status, format.body.code]).toEqual([400, 'invalidParameter']);
    const json = await server.request<Problem>(
      'GET',
      '/api/reports/credit_list/export?format=csv&parameters=%7Bnope',
    );
    expect([json.status, json.body.code]).toEqual([400, 'invalidParameter']);
  });

  it('enforces what the security seams decide: hidden columns refuse the run, masks apply to rows and exports', async () => {
    const security = server.app.get(ReportSecurity, { strict: false });
    const original = security.columnAccess.bind(security);
    const seen: Record<string, string[]>[] = [];
    security.columnAccess = (_actor, _report, { columnSources: sources }) => {
      seen.push(
        Object.fromEntries(
          Object.entries(sources).map(([k, v]) => [k, v.map((r) => `${r.entity}.${r.field}`)]),
        ),
      );
      const readsCode = Object.keys(sources).filter((k) =>
        sources[k]!.some((r) => r.entity === 'office' && r.field === 'code'),
      );
      return {
        hidden: readsCode.filter((k) => k === 'office' && _report.key === 'credit_by_office'),
        masks: { note: (v) => (typeof v === 'string' ? `${[...v][0]}***` : v) },
        hiddenFilters: [],
        maskedChoices: [],
      };
    };
    try {
      const refused = await server.request<Problem & { columns?: string[] }>(
        'POST',
        '/api/reports/credit_by_office/run',
        {},
      );
      expect([refused.status, refused.body.code, refused.body.columns]).toEqual([
        403,
        'reportFieldHidden',
        ['office'],
      ]);
      expect(seen[0]).toMatchObject({ office: expect.arrayContaining(['office.code', 'credit.office']) });
      const list = await server.request<ReportRunResult>('POST', '/api/reports/credit_list/run', {});
      expect(list.status).toBe(200);
      expect(new Set(list.body.rows.map((r) => r.note))).toEqual(new Set(['=***', 'p***', 's***', '王***']));
      const csv = await server.request<string>('GET', '/api/reports/credit_list/export?format=csv');
      expect(csv.body).toContain(`'=***`);
      expect(csv.body).not.toContain('HYPERLINK');
    } finally {
      security.columnAccess = original;
    }
  });

  it('says how raw values read: option labels, referenced records by title, owners by name, the currency of money measures', async () => {
    const response = await server.request<ReportRunResult>('POST', '/api/reports/credit_by_status/run', {});
    expect(response.status).toBe(200);
    const { presentation, rows } = response.body;
    expect(presentation?.status).toEqual({
      labels: {
        approved: { en: 'Approved', 'zh-CN': '已批准' },
        rejected: { en: 'Rejected', 'zh-CN': '已拒绝' },
        submitted: { en: 'Submitted', 'zh-CN': '已提交' },
      },
    });
    const offices = await server.request<{ items: { id: string; code: string }[] }>('POST', '/api/records/office/query', {});
    expect(presentation?.office?.labels).toEqual(Object.fromEntries(offices.body.items.map((o) => [o.id, { en: o.code, 'zh-CN': o.code }])));
    const admin = String(rows[0]!.owner);
    expect(presentation?.owner).toEqual({ labels: { [admin]: { en: 'Administrator', 'zh-CN': 'Administrator' } } });
    expect(presentation?.total).toEqual({ currency: 'CNY' });
    expect(presentation?.n).toBeUndefined();
  });

  it('names the top N\'s folded rows "Others" / "其他" beside the option labels', async () => {
    const document = { ...byStatus, key: 'credit_top_status', dimensions: [{ key: 'status', field: 'status', top: { n: 1, by: 'n' } }] };
    const response = await server.request<ReportRunResult>('POST', '/api/reports/preview', { document });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.rows.map((r) => r.status)).toContain('Others');
    const labels = response.body.presentation?.status?.labels ?? {};
    expect(labels.Others).toEqual({ en: 'Others', 'zh-CN': '其他' });
    const top = response.body.rows.find((r) => r.status !== 'Others')!.status as string;
    expect(labels[top]?.en).toMatch(/^(Approved|Rejected|Submitted)$/);
  });

  it('writes option labels in the reader\'s language in exports', async () => {
    const zh = await server.request<string>('GET', '/api/reports/credit_by_status/export?format=csv', undefined, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    const cells = (csv: string): string[] => csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]!);
    expect(new Set(cells(zh.body))).toEqual(new Set(['已批准', '已拒绝', '已提交']));
    const en = await server.request<string>('GET', '/api/reports/credit_by_status/export?format=csv');
    expect(new Set(cells(en.body))).toEqual(new Set(['Approved', 'Rejected', 'Submitted']));
    // The header too: the columns have no labels, so they are named by their fields and aggregates.
    const header = (csv: string): string => csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header(zh.body)).toBe('status,office,负责人,amount合计,数量');
    expect(header(en.body)).toBe('status,office,Owner,Total amount,Count');
  });

  it('previews a draft for its author: the first rows under the cap, presentation, and problems at paths into the document', async () => {
    const draft = { ...listing, key: 'draft_list', title: 'Draft list' };
    const previewed = await server.request<ReportRunResult>('POST', '/api/reports/preview', { document: draft });
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({ report: { key: 'draft_list', version: 0, title: 'Draft list' }, truncated: false });
    expect(previewed.body.rows).toHaveLength(credits.length);
    service.previewRows = 5;
    try {
      const cut = await server.request<ReportRunResult>('POST', '/api/reports/preview', { document: draft });
      expect([cut.body.rows.length, cut.body.truncated]).toEqual([5, true]);
      expect(cut.body.rows.map((r) => r.amount)).toEqual([...credits].sort((a, b) => b.amount - a.amount).slice(0, 5).map((c) => c.amount));
    } finally {
      service.previewRows = 200;
    }
    const labelled = await server.request<ReportRunResult>('POST', '/api/reports/preview', { document: byStatus, parameters: {} });
    expect(labelled.body.presentation?.status?.labels?.approved).toEqual({ en: 'Approved', 'zh-CN': '已批准' });

    const wrong = await server.request<Problem>('POST', '/api/reports/preview', { document: { ...draft, dimensions: [{ key: 'office', field: 'colour' }, ...draft.dimensions!.slice(1)] } });
    expect([wrong.status, wrong.body.code, wrong.body.errors?.map((e) => [e.path, e.code])]).toEqual([422, 'invalidReport', [['/dimensions/0/field', 'unknownField']]]);
    const shape = await server.request<Problem>('POST', '/api/reports/preview', { document: { ...draft, measures: [{ key: 'n', agg: 'median' }] } });
    expect([shape.status, shape.body.code]).toEqual([422, 'invalidReport']);
    expect(shape.body.errors?.map((e) => e.path)).toContain('/measures/0/agg');
    const request = await server.request<Problem>('POST', '/api/reports/preview', { document: byOffice, parameters: { status: 'lost' } });
    expect([request.status, request.body.code, request.body.errors?.map((e) => e.path)]).toEqual([422, 'invalidReportRequest', ['/parameters/status']]);
    const body = await server.request<Problem>('POST', '/api/reports/preview', { parameters: {} });
    expect([body.status, body.body.errors?.map((e) => [e.path, e.code])]).toEqual([422, [['/document', 'required']]]);
  });

  it('needs a signed-in user', async () => {
    const response = await server.anonymous<Problem>('POST', '/api/reports/credit_by_office/run', {});
    expect(response.status).toBe(401);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await server.request<{ paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/reports/{key}/run', '/api/reports/{key}/export', '/api/reports/preview']),
    );
  });

  if (dialect === 'mysql') {
    it('stops a query at the time limit with a 503 problem', async () => {
      const error = await server.database
        .read((sql) => queryRows(server.database, sql, 'SELECT SLEEP(2) AS s', [], 50))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect([(error as ProblemError).status, (error as ProblemError).code]).toEqual([503, 'reportTimeout']);
    });
  }
});
