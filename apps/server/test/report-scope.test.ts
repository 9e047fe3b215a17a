/**
 * A report reads through joins and lets its runner choose values: neither may reach around the
 * runner's data scope or field rules (the penetration test's findings 1 and 2 on reports).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import type { ReportDefinition } from '@bankforge/report-engine';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity, ROLES, seedPeople, type Username } from './security-fixtures.js';

const deskEntity: EntityDefinition = {
  kind: 'entity',
  key: 'desk',
  title: 'Desk',
  label: { en: 'Desk', 'zh-CN': '柜台' },
  fields: [field('d_name', 'name', 'text', { required: true })],
};
const dealEntity: EntityDefinition = {
  kind: 'entity',
  key: 'deal',
  title: 'Deal',
  label: { en: 'Deal', 'zh-CN': '交易' },
  fields: [
    field('x_desk', 'desk', 'reference', { required: true, reference: { entity: 'desk' } }),
    field('x_code', 'code', 'text', { required: true }),
    field('x_amount', 'amount', 'decimal', { precision: 14, scale: 2 }),
  ],
};

/** The probe's shape: every desk's deals as per-desk totals, narrowed to one deal by a parameter. */
const deskTotals: ReportDefinition = {
  kind: 'report',
  key: 'desk_totals',
  title: 'Desk totals',
  source: 'desk',
  parameters: [{ key: 'code', type: 'text', label: 'Deal code' }],
  joins: [
    {
      alias: 'deals',
      kind: 'oneToMany',
      entity: 'deal',
      field: 'desk',
      filter: { field: 'code', op: 'eq', value: { param: 'code' } },
      aggregates: [
        { key: 'n', agg: 'count' },
        { key: 'total', agg: 'sum', field: 'amount' },
        { key: 'biggest', agg: 'max', field: 'amount' },
      ],
    },
  ],
  measures: [
    { key: 'deals', agg: 'sum', field: 'deals.n' },
    { key: 'volume', agg: 'sum', field: 'deals.total' },
    { key: 'biggest', agg: 'max', field: 'deals.biggest' },
  ],
};
/** Deals with their desk's name: the desk is joined many-to-one. */
const dealsByDesk: ReportDefinition = {
  kind: 'report',
  key: 'deals_by_desk',
  title: 'Deals by desk',
  source: 'deal',
  joins: [{ alias: 'd', kind: 'manyToOne', field: 'desk' }],
  dimensions: [{ key: 'desk', field: 'd.name' }],
  measures: [{ key: 'n', agg: 'count' }],
};
/** A runner-chosen name: the RM sees names masked, so the count would tell whether a guess is right. */
const byName: ReportDefinition = {
  kind: 'report',
  key: 'clients_named',
  title: 'Clients named',
  source: 'client',
  parameters: [{ key: 'name', type: 'text', label: 'Name' }],
  filter: { field: 'name', op: 'eq', value: { param: 'name' } },
  measures: [{ key: 'n', agg: 'count' }],
};
const nameDrill: ReportDefinition = {
  kind: 'report',
  key: 'clients_by_name',
  title: 'Clients by segment, then name',
  source: 'client',
  dimensions: [
    { key: 'segment', field: 'segment' },
    { key: 'name', field: 'name' },
  ],
  measures: [{ key: 'n', agg: 'count' }],
  drillDown: { levels: [{ dimensions: ['name'] }, { dimensions: ['segment'] }] },
};
/** The author's own constant: the runner chooses nothing, so a masked field may choose the rows. */
const fixedName: ReportDefinition = { ...byName, key: 'clients_named_wang', parameters: [], filter: { field: 'name', op: 'startsWith', value: '王' } };

type Run = { rows: Record<string, unknown>[] };

describe.each(dialects())('report scope through joins and chosen values on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const entity of [clientEntity, deskEntity, dealEntity]) await server.publishEntity(entity);
    for (const role of ROLES) {
      if (!role.entities) continue;
      // Branch managers read only desks they own (none here): a join must not show them the others.
      if (role.key !== 'team_lead') role.entities.desk = role.key === 'branch_manager' ? { read: 'own' } : { read: 'all', export: 'all' };
      role.entities.deal =
        role.key === 'relationship_manager' ? { create: 'own', read: 'own' } : role.key === 'auditor' ? { read: 'all' } : { read: 'branch' };
    }
    ({ as } = await seedPeople(server));
    const desk = await server.request<{ id: string }>('POST', '/api/records/desk', { name: 'Lujiazui' });
    const other = await server.request<{ id: string }>('POST', '/api/records/desk', { name: 'Xidan' });
    const deals: [Username, string, string, string][] = [
      ['rm_a', desk.body.id, 'A-1', '100.00'],
      ['rm_a', desk.body.id, 'A-2', '250.00'],
      ['rm_c', desk.body.id, 'C-1', '9000000.00'],
      ['rm_c', other.body.id, 'C-2', '7000.00'],
      ['rm_c', other.body.id, 'C-3', '3.00'],
    ];
    for (const [user, deskId, code, amount] of deals) {
      const created = await as[user]('POST', '/api/records/deal', { desk: deskId, code, amount });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    for (const name of ['王客户甲', '王客户乙']) expect((await as.rm_a('POST', '/api/records/client', { name })).status).toBe(201);
    for (const report of [deskTotals, dealsByDesk, byName, nameDrill, fixedName]) await server.publishArtifact(report);
  });
  afterAll(async () => server?.close());

  const totals = (run: Run): { deals: number; volume: number; biggest: number | null } => ({
    deals: run.rows.reduce((sum, row) => sum + Number(row.deals), 0),
    volume: run.rows.reduce((sum, row) => sum + Number(row.volume), 0),
    biggest: run.rows.reduce<number | null>((max, row) => (row.biggest === null ? max : Math.max(max ?? 0, Number(row.biggest))), null),
  });

  it("aggregates a one-to-many join over only the children in the runner's scope", async () => {
    const mine = await as.rm_a<Run>('POST', '/api/reports/desk_totals/run', {});
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(totals(mine.body)).toEqual({ deals: 2, volume: 350, biggest: 250 });
    // The export takes the same path: the same totals, never another person's deals.
    const csv = await as.rm_a<string>('GET', '/api/reports/desk_totals/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('350');
    expect(csv.body).not.toContain('9000000');
    const everyone = await as.auditor<Run>('POST', '/api/reports/desk_totals/run', {});
    expect(totals(everyone.body)).toEqual({ deals: 5, volume: 9007353, biggest: 9000000 });
  });

  it("answers nothing about another person's child chosen by a parameter, as the records API does", async () => {
    const probe = await as.rm_a<Run>('POST', '/api/reports/desk_totals/run', { parameters: { code: 'C-1' } });
    expect(probe.status).toBe(200);
    expect(totals(probe.body)).toEqual({ deals: 0, volume: 0, biggest: null });
    const records = await as.rm_a<{ total: number }>('POST', '/api/records/deal/query', { filter: { field: 'code', op: 'eq', value: 'C-1' }, count: true });
    expect(records.body.total).toBe(0);
    const own = await as.rm_a<Run>('POST', '/api/reports/desk_totals/run', { parameters: { code: 'A-2' } });
    expect(totals(own.body)).toEqual({ deals: 1, volume: 250, biggest: 250 });
  });

  it('applies the joined entity\'s scope to a many-to-one join, and refuses one the runner cannot read at all', async () => {
    const mine = await as.rm_a<Run>('POST', '/api/reports/deals_by_desk/run', {});
    expect(mine.body.rows).toEqual([{ desk: 'Lujiazui', n: 2 }]);
    const outOfScope = await as.bm_sh<Run>('POST', '/api/reports/deals_by_desk/run', {});
    expect(outOfScope.body.rows).toEqual([{ desk: null, n: 2 }]);
    // The team lead reads no desks: the desk column is hidden from them, so the report is refused.
    const noDesks = await as.tl_sh<{ code: string }>('POST', '/api/reports/deals_by_desk/run', {});
    expect([noDesks.status, noDesks.body.code]).toEqual([403, 'reportFieldHidden']);
  });

  it('refuses a parameter or drill-down on a field masked for the runner, and allows it to whoever sees it in clear', async () => {
    const guess = await as.rm_a<{ code: string; filters: string[] }>('POST', '/api/reports/clients_named/run', { parameters: { name: '王客户甲' } });
    expect([guess.status, guess.body.code, guess.body.filters]).toEqual([403, 'reportFieldMasked', ['client.name']]);
    const drill = await as.rm_a<{ code: string }>('POST', '/api/reports/clients_by_name/run', { drill: [{ name: '王客户甲' }] });
    expect([drill.status, drill.body.code]).toEqual([403, 'reportFieldMasked']);
    const exported = await as.rm_a<{ code: string }>('GET', `/api/reports/clients_named/export?format=csv&parameters=${encodeURIComponent(JSON.stringify({ name: '王客户甲' }))}`);
    expect(exported.status).toBe(403);
    const top = await as.rm_a<Run>('POST', '/api/reports/clients_by_name/run', {});
    expect(top.status).toBe(200);
    expect(top.body.rows.map((r) => r.name)).toEqual(['王***', '王***']);
    const fixed = await as.rm_a<Run>('POST', '/api/reports/clients_named_wang/run', {});
    expect([fixed.status, fixed.body.rows]).toEqual([200, [{ n: 2 }]]);
    const clear = await as.bm_sh<Run>('POST', '/api/reports/clients_named/run', { parameters: { name: '王客户甲' } });
    expect([clear.status, clear.body.rows]).toEqual([200, [{ n: 1 }]]);
  });
});
