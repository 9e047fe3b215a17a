import { fakeApi, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { bankCrmRoles } from '@bankforge/example-bank-crm';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import { aumBySegment, branchDashboard, entities, loanPipeline } from './fixtures.js';

const summary = (kind: string, key: string, title: string, latestVersion: number | null = 1) => ({
  kind,
  key,
  title,
  revision: 1,
  latestVersion,
  state: latestVersion === null ? 'draft' : 'published',
  updatedAt: '',
});

const version = (document: unknown, latestVersion = 1) => ({ body: { document, revision: 1, latestVersion } });

/** A run of a report as the server answers it: a few rows, shaped for its own chart. */
function run(report: ReportDefinition) {
  const dimension = report.dimensions![0]!.key;
  const measures = report.measures!.map((m) => m.key);
  const rows = ['a', 'b'].map((value, i) => ({ [dimension]: value, ...Object.fromEntries(measures.map((m) => [m, (i + 1) * 10])) }));
  const columns = [
    { key: dimension, label: dimension, role: 'dimension', type: 'text' },
    ...measures.map((m) => ({ key: m, label: m, role: 'measure', type: 'number' })),
  ];
  return { body: { report: { key: report.key, version: 1, title: report.title }, level: 0, columns, rows, chart: { type: 'table', columns, rows } } };
}

/**
 * A fake server with the example's branch dashboard as a draft (never published), the published
 * loan pipeline and AUM reports over the example's entities, a report with a draft only, the bank's
 * roles, report runs, and saving and publishing whatever it is sent.
 */
export function dashboardServer(routes: Record<string, FakeHandler | FakeResponse> = {}, dashboard: DashboardDefinition = branchDashboard) {
  let revision = 3;
  return fakeApi({
    [`GET /api/artifacts/dashboard/${dashboard.key}`]: { body: { document: structuredClone(dashboard), revision, latestVersion: null } },
    [`PUT /api/artifacts/dashboard/${dashboard.key}`]: (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    [`POST /api/artifacts/dashboard/${dashboard.key}/publish`]: { body: { version: 1, unchanged: false } },
    'GET /api/artifacts/report': { body: [summary('report', 'loan_pipeline', 'Loan pipeline'), summary('report', 'aum_by_segment', 'AUM by segment', 2), summary('report', 'churn_watch', 'Churn watch', null)] },
    'GET /api/artifacts/report/loan_pipeline?version=1': version(loanPipeline),
    'GET /api/artifacts/report/aum_by_segment?version=2': version(aumBySegment, 2),
    'GET /api/artifacts/entity': { body: [...entities.values()].map((e) => summary('entity', e.key, e.title)) },
    ...Object.fromEntries([...entities.values()].map((e) => [`GET /api/artifacts/entity/${e.key}?version=1`, version(e)])),
    'POST /api/reports/loan_pipeline/run': run(loanPipeline),
    'POST /api/reports/aum_by_segment/run': run(aumBySegment),
    'GET /api/auth/roles': { body: bankCrmRoles.map(({ key, label }) => ({ key, label })) },
    ...routes,
  });
}
