import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankCrmEntities, loanApprovalFlow, loanScoringDecision } from '@bankforge/example-bank-crm';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

const pathsAndCodes = (problem: Problem) => problem.errors?.map((e) => [e.path, e.code]);

/** The flow with its first edge pointing at a node that is not there. */
function flowWithDanglingEdge(): Record<string, unknown> {
  const flow = structuredClone(loanApprovalFlow);
  flow.edges[0]!.target = 'nowhere';
  return flow as unknown as Record<string, unknown>;
}

/** The decision with a FEEL syntax error in a rule's input entry. */
function decisionThatDoesNotCompile(): Record<string, unknown> {
  const decision = structuredClone(loanScoringDecision);
  const table = decision.decisions[0]!.logic!;
  if (table.kind !== 'decisionTable') throw new Error('the example scores with a decision table');
  table.rules[0]!.inputEntries[0] = '>= (750';
  return decision as unknown as Record<string, unknown>;
}

describe.each(dialects())('artifact kinds on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  /** A draft as an earlier release stored it, before the engines' checks ran on save. */
  async function storeDraftUnchecked(
    document: Record<string, unknown>,
    valid: Record<string, unknown>,
  ): Promise<void> {
    const path = `/api/artifacts/${String(document.kind)}/${String(document.key)}`;
    expect((await server.request('PUT', path, valid)).status).toBe(200);
    await server.database.transaction((sql) =>
      sql.execute('UPDATE bf_artifact SET draft = ? WHERE kind = ? AND artifact_key = ?', [
        JSON.stringify(document),
        String(document.kind),
        String(document.key),
      ]),
    );
  }

  it("answers a flow's graph problems on save and refuses to publish a flow the flow engine finds invalid", async () => {
    const saved = await server.request<Problem>(
      'PUT',
      '/api/artifacts/flow/loan_approval',
      flowWithDanglingEdge(),
    );
    expect([saved.status, saved.body.code]).toEqual([422, 'invalidArtifact']);
    expect(pathsAndCodes(saved.body)).toContainEqual(['/edges/0/target', 'unknownEdgeEndpoint']);

    await storeDraftUnchecked(flowWithDanglingEdge(), loanApprovalFlow as unknown as Record<string, unknown>);
    const published = await server.request<Problem>('POST', '/api/artifacts/flow/loan_approval/publish', {});
    expect([published.status, published.body.code]).toEqual([422, 'invalidArtifact']);
    expect(pathsAndCodes(published.body)).toContainEqual(['/edges/0/target', 'unknownEdgeEndpoint']);
  });

  it('refuses to publish a decision that does not compile, with the path of the rule cell', async () => {
    const saved = await server.request<Problem>(
      'PUT',
      '/api/artifacts/decision/loan_scoring',
      decisionThatDoesNotCompile(),
    );
    expect([saved.status, saved.body.code]).toEqual([422, 'invalidArtifact']);
    expect(pathsAndCodes(saved.body)).toEqual([
      ['/decisions/0/logic/rules/0/inputEntries/0', 'doesNotCompile'],
    ]);

    await storeDraftUnchecked(
      decisionThatDoesNotCompile(),
      loanScoringDecision as unknown as Record<string, unknown>,
    );
    const published = await server.request<Problem>(
      'POST',
      '/api/artifacts/decision/loan_scoring/publish',
      {},
    );
    expect([published.status, published.body.code]).toEqual([422, 'invalidArtifact']);
    expect(pathsAndCodes(published.body)).toEqual([
      ['/decisions/0/logic/rules/0/inputEntries/0', 'doesNotCompile'],
    ]);
  });

  it('publishes a flow only once the decisions it evaluates are published', async () => {
    for (const entity of bankCrmEntities) await server.publishEntity(entity);
    await server.request('PUT', '/api/artifacts/flow/loan_approval', loanApprovalFlow);
    const early = await server.request<Problem>('POST', '/api/artifacts/flow/loan_approval/publish', {});
    expect([early.status, early.body.code]).toEqual([422, 'invalidArtifact']);
    expect(early.body.errors?.map((e) => e.code)).toEqual(['decisionNotPublished']);

    await server.publishArtifact(loanScoringDecision);
    const published = await server.request('POST', '/api/artifacts/flow/loan_approval/publish', {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ kind: 'flow', key: 'loan_approval', version: 1 });
  });
});

describe.each(dialects())('the dashboard kind on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const entity of bankCrmEntities) await server.publishEntity(entity);
  });
  afterAll(async () => server?.close());

  const loansByStatus: ReportDefinition = {
    kind: 'report',
    key: 'loans_by_status',
    title: 'Loans by status',
    source: 'loan_application',
    joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
    dimensions: [{ key: 'status', field: 'status' }],
    measures: [{ key: 'n', agg: 'count' }],
  };
  const dashboard: DashboardDefinition = {
    kind: 'dashboard',
    key: 'pipeline',
    title: 'Pipeline',
    filters: [
      { key: 'period', type: 'period', fields: ['submitted_at'] },
      { key: 'colour', type: 'values', fields: ['colour'] },
    ],
    widgets: [{ id: 'loans', report: 'loans_by_status', layout: { x: 0, y: 0, w: 6, h: 4 } }],
  };

  it('checks a draft on save: ids, the grid and overlaps, with paths into the document', async () => {
    const saved = await server.request<Problem>('PUT', '/api/artifacts/dashboard/pipeline', {
      ...dashboard,
      widgets: [...dashboard.widgets, { id: 'loans', report: 'loans_by_status', layout: { x: 4, y: 2, w: 6, h: 4 } }],
    });
    expect([saved.status, saved.body.code]).toEqual([422, 'invalidArtifact']);
    expect(pathsAndCodes(saved.body)).toEqual([
      ['/widgets/1/id', 'duplicateKey'],
      ['/widgets/1/layout', 'overlap'],
    ]);
    const schema = await server.request<Problem>('PUT', '/api/artifacts/dashboard/pipeline', { ...dashboard, widgets: [{ id: 'x', report: 'r', layout: { x: 12, y: 0, w: 1, h: 1 } }] });
    expect([schema.status, schema.body.errors?.[0]?.path]).toEqual([422, '/widgets/0/layout/x']);
  });

  it('publishes a dashboard only once its reports are published, and warns of a filter that lands nowhere', async () => {
    expect((await server.request('PUT', '/api/artifacts/dashboard/pipeline', dashboard)).status).toBe(200);
    const early = await server.request<Problem>('POST', '/api/artifacts/dashboard/pipeline/publish', {});
    expect([early.status, early.body.code]).toEqual([422, 'invalidArtifact']);
    expect(pathsAndCodes(early.body)).toEqual([['/widgets/0/report', 'unknownReport']]);

    await server.publishArtifact(loansByStatus);
    const published = await server.request<{ version: number; warnings?: { path: string; code: string }[] }>('POST', '/api/artifacts/dashboard/pipeline/publish', {});
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(1);
    expect(published.body.warnings?.map((w) => [w.path, w.code])).toEqual([['/filters/1', 'filterUnused']]);

    // A second version that adds a widget: versions and their differences name widgets by id.
    const wider = { ...dashboard, widgets: [...dashboard.widgets, { id: 'by_segment', report: 'loans_by_status', layout: { x: 6, y: 0, w: 6, h: 4 }, chart: { type: 'pie', x: 'status', y: ['n'] } }] };
    await server.publishArtifact(wider);
    const versions = await server.request<{ version: number }[]>('GET', '/api/artifacts/dashboard/pipeline/versions');
    expect(versions.body.map((v) => v.version)).toEqual([1, 2]);
    const diff = await server.request<{ changes: { op: string; element?: { type: string; id: string } }[] }>('GET', '/api/artifacts/dashboard/pipeline/versions/1/diff/2');
    expect(diff.body.changes.map((c) => [c.op, c.element?.type, c.element?.id])).toEqual([['add', 'widget', 'by_segment']]);
    expect((await server.request<{ state: string }[]>('GET', '/api/artifacts/dashboard')).body).toEqual([expect.objectContaining({ key: 'pipeline', state: 'published', latestVersion: 2 })]);
  });

  it("refuses a widget's chart that names what its report lacks, on publish", async () => {
    const wrong = { ...dashboard, key: 'wrong_chart', widgets: [{ ...dashboard.widgets[0]!, chart: { type: 'bar', x: 'segment', y: ['n'] } }] };
    expect((await server.request('PUT', '/api/artifacts/dashboard/wrong_chart', wrong)).status).toBe(200);
    const refused = await server.request<Problem>('POST', '/api/artifacts/dashboard/wrong_chart/publish', {});
    expect(pathsAndCodes(refused.body)).toEqual([['/widgets/0/chart/x', 'unknownDimension']]);
  });

  it('lets an app list a published dashboard, and a role hold dashboard designer rights', async () => {
    const app = { kind: 'app', key: 'desk', title: 'Desk', artifacts: [{ kind: 'report', key: 'loans_by_status' }, { kind: 'dashboard', key: 'pipeline' }] };
    await server.publishArtifact(app);
    const unpublished = await server.request<Problem>('PUT', '/api/artifacts/app/desk', { ...app, artifacts: [...app.artifacts, { kind: 'dashboard', key: 'wrong_chart' }] });
    expect(unpublished.status).toBe(200);
    const refused = await server.request<Problem>('POST', '/api/artifacts/app/desk/publish', {});
    expect(pathsAndCodes(refused.body)).toEqual([['/artifacts/2', 'artifactNotPublished']]);
    const role = await server.request('PUT', '/api/auth/roles/dashboard_author', { key: 'dashboard_author', label: { en: 'Dashboard author' }, artifacts: { dashboard: ['edit', 'publish'] } });
    expect(role.status).toBe(200);
  });

  it('imports a bundle whose dashboard comes before its report: the reports are published first', async () => {
    const report = { ...loansByStatus, key: 'loans_again' };
    const board = { ...dashboard, key: 'pipeline_again', filters: [], widgets: [{ ...dashboard.widgets[0]!, report: 'loans_again' }] };
    const app = { kind: 'app', key: 'desk_again', title: 'Desk', artifacts: [{ kind: 'dashboard', key: 'pipeline_again' }, { kind: 'report', key: 'loans_again' }] };
    const imported = await server.request<{ published: { kind: string; key: string }[] }>('POST', '/api/apps/import', { format: 'bankforge-bundle', formatVersion: 1, app, artifacts: [board, report] });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.published.map((p) => `${p.kind}:${p.key}`)).toEqual(['report:loans_again', 'dashboard:pipeline_again', 'app:desk_again']);
  });
});
