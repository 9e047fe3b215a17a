/**
 * The masking property (issue 16): whatever a reader asks, their answers must not depend on a
 * masked value beyond what its mask shows. Two worlds differ only in the masked values (each
 * replaced by another that masks the same, one for one); random queries, exports and report runs
 * must get the same answers in both.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '@bankforge/data-model';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import { dialects, startTestServer, type ApiResponse, type Requester, type TestServer } from './harness.js';
import { clientEntity, seedPeople, type Username } from './security-fixtures.js';

/** A valid resident ID with the given region, birth date and sequence. */
function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Another valid ID that masks the same (province and city, the last two characters), found by changing the hidden digits. */
function sameMaskId(id: string, taken: Set<string>): string {
  for (let day = 1; day <= 28; day++) {
    for (let seq = 0; seq < 10; seq++) {
      const candidate = residentId(`${id.slice(0, 4)}02`, `1987${id.slice(10, 12)}${String(day).padStart(2, '0')}`, `${seq}5${id.charAt(16)}`);
      if (candidate.slice(-2) === id.slice(-2) && candidate !== id && !taken.has(candidate)) return candidate;
    }
  }
  throw new Error(`no other ID masks like ${id}`);
}

const FIRST = ['王客户甲', '王小二', '王五六七', '王一', '王大明', '王丽'];
/** The same first character and length: `keep 1` masks them alike. */
const SECOND = ['王某某某', '王某某', '王某某某', '王某', '王某某', '王某'];
const IDS = ['11010519491231002X', '44030519900101123X', '310115198511204566', '110105200002290013', '320102197703154418', '440106199212125117'].map((id) => residentId(id.slice(0, 6), id.slice(6, 14), id.slice(14, 17)));

const FIELDS = ['name', 'resident_id', 'mobile', 'segment', 'notes', 'income', 'id', 'created_at'] as const;
/** What the reader lists and exports: everything they may see but the standard columns a write moves. */
const SHOWN = ['name', 'resident_id', 'mobile', 'segment', 'notes'];
const OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'between'] as const;

describe.each(dialects())('masking property on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  const ids: string[] = [];
  const secondIds: string[] = [];

  const byName: ReportDefinition = {
    kind: 'report',
    key: 'by_name',
    title: 'By name',
    source: 'client',
    parameters: [{ key: 'name', type: 'text', label: 'Name' }],
    filter: { field: 'name', op: 'startsWith', value: { param: 'name' } },
    dimensions: [{ key: 'segment', field: 'segment' }],
    measures: [{ key: 'n', agg: 'count' }],
  };

  /** Clients by segment on a dashboard whose filters and clicks may land on the masked name. */
  const bySegment: ReportDefinition = { kind: 'report', key: 'by_segment', title: 'By segment', source: 'client', dimensions: [{ key: 'segment', field: 'segment' }], measures: [{ key: 'n', agg: 'count' }] };
  const byNameDimension: ReportDefinition = { kind: 'report', key: 'name_list', title: 'Names', source: 'client', dimensions: [{ key: 'name', field: 'name' }] };
  const board: DashboardDefinition = {
    kind: 'dashboard',
    key: 'clients',
    title: 'Clients',
    filters: [
      { key: 'segment', type: 'values', fields: ['segment'] },
      { key: 'name', type: 'values', fields: ['name'] },
    ],
    widgets: [
      { id: 'segments', report: 'by_segment', layout: { x: 0, y: 0, w: 6, h: 4 } },
      { id: 'names', report: 'name_list', layout: { x: 6, y: 0, w: 6, h: 4 } },
    ],
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    ({ as } = await seedPeople(server));
    const taken = new Set(IDS);
    for (const [i, name] of FIRST.entries()) {
      const created = await as.rm_a<{ id: string }>('POST', '/api/records/client', {
        name,
        resident_id: IDS[i],
        mobile: `1381234${String(1000 + i)}`,
        notes: i % 3 === 0 ? null : `note ${i}`,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // The segment is read-only for relationship managers: the bank sets it.
      expect((await server.request('PATCH', `/api/records/client/${created.body.id}`, { version: 1, segment: i % 2 === 0 ? 'mass' : 'affluent' })).status).toBe(200);
      ids.push(created.body.id);
      const other = sameMaskId(IDS[i]!, taken);
      taken.add(other);
      secondIds.push(other);
    }
    await server.publishArtifact(byName);
    await server.publishArtifact(bySegment);
    await server.publishArtifact(byNameDimension);
    await server.publishArtifact(board);
  });
  afterAll(async () => server?.close());

  it("answers the reader alike in two worlds that differ only in values masked for them", async () => {
    // Values a probe would try on each field: both worlds' values, their parts, and others of the field's type.
    const text = ['王', '王某', '1101', 'mass', 'note 1', ''];
    const pools: Record<(typeof FIELDS)[number], unknown[]> = {
      name: [...FIRST, ...SECOND, ...text],
      resident_id: [...IDS, ...secondIds, '11010519491231002X', '1101'],
      mobile: ['13812341001', '13812341004', '1381234'],
      segment: ['mass', 'affluent', 'private'],
      notes: ['note 1', 'note 2', 'note', null],
      income: [0, 15000, '100.50'],
      id: [...ids, 'x'],
      created_at: ['2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z'],
    };
    const condition = fc.constantFrom(...FIELDS).chain((field) => {
      const one = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pools[field]) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
      return fc.constantFrom(...OPS).chain((op) =>
        fc.record({
          field: fc.constant(field),
          op: fc.constant(op),
          value: op === 'in' || op === 'nin' ? fc.array(one, { minLength: 1, maxLength: 4 }) : op === 'between' ? fc.tuple(one, one) : op === 'isNull' ? fc.boolean() : one,
        }),
      );
    });
    const { filter } = fc.letrec((tie) => ({
      filter: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        condition,
        fc.record({ and: fc.array(tie('filter'), { minLength: 1, maxLength: 2 }) }),
        fc.record({ or: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('filter') }),
      ),
    }));
    const ask = fc.oneof(
      fc.record({
        kind: fc.constant('query' as const),
        filter: fc.option(filter, { nil: undefined }),
        sort: fc.option(fc.constantFrom(...FIELDS), { nil: undefined }),
        count: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('export' as const), filter: fc.option(filter, { nil: undefined }) }),
      fc.record({ kind: fc.constant('report' as const), name: fc.option(fc.constantFrom(...FIRST, ...SECOND, '王'), { nil: undefined }) }),
      // A dashboard widget with shared filters and a click on another widget's names.
      fc.record({
        kind: fc.constant('widget' as const),
        segment: fc.option(fc.subarray(['mass', 'affluent', 'private']), { nil: undefined }),
        name: fc.option(fc.subarray([...FIRST, ...SECOND]), { nil: undefined }),
        click: fc.option(fc.constantFrom(...FIRST, ...SECOND, '王***'), { nil: undefined }),
      }),
    );
    const seed = Date.now() % 2 ** 31;
    const asks = fc.sample(ask, { numRuns: 200, seed });

    const answer = async (question: (typeof asks)[number]): Promise<unknown> => {
      let response: ApiResponse<unknown>;
      if (question.kind === 'query') {
        response = await as.rm_a('POST', '/api/records/client/query', {
          ...(question.filter ? { filter: question.filter } : {}),
          ...(question.sort ? { sort: [{ field: question.sort }] } : {}),
          count: question.count,
          fields: SHOWN,
          limit: 100,
        });
      } else if (question.kind === 'export') {
        response = await as.rm_a('POST', '/api/records/client/export', { fields: SHOWN, ...(question.filter ? { filter: question.filter } : {}) });
      } else if (question.kind === 'report') {
        response = await as.rm_a('POST', '/api/reports/by_name/run', question.name === undefined ? {} : { parameters: { name: question.name } });
      } else {
        response = await as.rm_a('POST', '/api/dashboards/clients/widgets/segments/run', {
          filters: { ...(question.segment ? { segment: question.segment } : {}), ...(question.name ? { name: question.name } : {}) },
          ...(question.click === undefined ? {} : { cross: [{ widget: 'names', dimension: 'name', value: question.click }] }),
        });
      }
      const body = response.body as Record<string, unknown> | string;
      // Request ids and instance paths are per request; the rest is the answer.
      if (typeof body === 'object' && body !== null && 'requestId' in body) return { status: response.status, code: body.code, errors: body.errors };
      // The second world's records were written once more: their versions moved, nothing else a reader sees.
      if (typeof body === 'object' && body !== null && 'items' in body) {
        const items = (body.items as Record<string, unknown>[]).map(({ version: _version, ...rest }) => rest);
        return { status: response.status, items, total: body.total };
      }
      if (typeof body === 'string') return { status: response.status, csv: body.split('\r\n').map((line) => line.split(',').filter((_, column) => column !== 1)) };
      return { status: response.status, body };
    };

    const first = [];
    for (const question of asks) first.push(await answer(question));
    for (const [i, id] of ids.entries()) {
      const current = await server.request<{ version: number }>('GET', `/api/records/client/${id}`);
      const changed = await server.request('PATCH', `/api/records/client/${id}`, { version: current.body.version, name: SECOND[i], resident_id: secondIds[i] });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    }
    const second = [];
    for (const question of asks) second.push(await answer(question));
    for (const [i, question] of asks.entries()) {
      expect(second[i], `seed ${seed}, ask ${i}: ${JSON.stringify(question)}`).toEqual(first[i]);
    }
    // The probes did reach the data: some answered rows, some were refused for the masked fields.
    expect(first.some((a) => (a as { status: number }).status === 200)).toBe(true);
    expect(first.some((a) => (a as { code?: string }).code === 'fieldMasked')).toBe(true);
    expect(first.some((a) => (a as { code?: string }).code === 'reportFieldMasked')).toBe(true);
  });
});
