import type { ReportRunResult } from '@bankforge/client';
import type { ReportDefinition } from '@bankforge/report-engine';
import { fakeApi, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { ENTITIES } from './catalog.js';

/** A preview answer as the server gives it: two branches' approvals, their ids labelled. */
export function previewResult(report: ReportDefinition): ReportRunResult {
  const columns: ReportRunResult['columns'] = [
    { key: 'name', label: 'Branch', labelZh: '分行', role: 'dimension', type: 'text' },
    { key: 'count', label: 'Approved', labelZh: '已批准', role: 'measure', type: 'number' },
  ];
  const rows = [
    { name: 'b1', count: 1234 },
    { name: 'b2', count: 7 },
  ];
  return {
    report: { key: report.key, version: 0, title: report.title },
    level: 0,
    columns,
    rows,
    chart: { type: 'table', columns, rows },
    presentation: { name: { labels: { b1: { en: 'Pudong', 'zh-CN': '浦东' }, b2: { en: 'Xuhui', 'zh-CN': '徐汇' } } } },
  };
}

/**
 * The server a report designer test talks to: the draft of `loans` (saved drafts answered with
 * the next revision), the three published entities, and the preview.
 */
export function reportServer(draft: ReportDefinition, routes: Record<string, FakeHandler | FakeResponse> = {}) {
  let revision = 1;
  const entityRoutes = Object.fromEntries(ENTITIES.map((e) => [`GET /api/artifacts/entity/${e.key}?version=1`, { body: { document: e, revision: 1, latestVersion: 1 } }]));
  return fakeApi({
    [`GET /api/artifacts/report/${draft.key}`]: { body: { document: draft, revision, latestVersion: null } },
    [`PUT /api/artifacts/report/${draft.key}`]: (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    'GET /api/artifacts/entity': { body: ENTITIES.map((e) => ({ kind: 'entity', key: e.key, title: e.title, label: e.label, revision: 1, latestVersion: 1, state: 'published', updatedAt: '2026-03-01T10:00:00.000Z' })) },
    ...entityRoutes,
    'POST /api/reports/preview': (r) => ({ body: previewResult((r.body as { document: ReportDefinition }).document) }),
    ...routes,
  });
}
