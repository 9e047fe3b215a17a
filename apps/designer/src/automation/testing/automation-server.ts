import type { AutomationRunSummary } from '@bankforge/client';
import { customerEntity, opportunityEntity } from '@bankforge/example-bank-crm';
import { fakeApi, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import type { AutomationDocument } from '../model/automation-document.js';

/** The story's automation as the dialog creates it: customer updates, no actions yet. */
export function tagHighPotential(): AutomationDocument {
  return {
    kind: 'automation',
    key: 'tag_high_potential',
    title: 'Tag high-potential customers',
    label: { en: 'Tag high-potential customers', 'zh-CN': '标记高潜力客户' },
    enabled: true,
    trigger: { type: 'record', entity: 'customer', on: ['updated'] },
    actions: [],
  };
}

export function run(overrides: Partial<AutomationRunSummary>): AutomationRunSummary {
  return {
    id: 'run_1',
    automation: 'tag_high_potential',
    version: 1,
    status: 'succeeded',
    trigger: 'record.updated',
    entity: 'customer',
    recordId: 'c1',
    step: 1,
    attempts: 1,
    dueAt: null,
    error: null,
    errorMessage: null,
    steps: [{ actionId: 'setTags_1', status: 'done', at: '2026-12-07T06:00:00.000Z', detail: 'tags + high_potential' }],
    replayOf: null,
    createdAt: '2026-12-07T06:00:00.000Z',
    updatedAt: '2026-12-07T06:00:01.000Z',
    ...overrides,
  };
}

const summary = (kind: string, key: string, title: string) => ({ kind, key, title, revision: 1, latestVersion: 1, state: 'published', updatedAt: '2026-12-01T10:00:00.000Z' });

/**
 * The server an automation designer test talks to: the draft (saves answered with the next
 * revision), the bank's customer and opportunity entities published, one flow, one decision, one
 * calendar, one connector and two roles.
 */
export function automationServer(draft: AutomationDocument, routes: Record<string, FakeHandler | FakeResponse> = {}, latestVersion: number | null = null) {
  let revision = 1;
  const entities = [customerEntity, opportunityEntity];
  return fakeApi({
    [`GET /api/artifacts/automation/${draft.key}`]: { body: { document: draft, revision, latestVersion } },
    ...(latestVersion === null ? {} : { [`GET /api/artifacts/automation/${draft.key}?version=${latestVersion}`]: { body: { document: draft, revision, latestVersion } } }),
    [`PUT /api/artifacts/automation/${draft.key}`]: (r) => ({ body: { document: r.body, revision: ++revision, latestVersion } }),
    'GET /api/artifacts/entity': { body: entities.map((e) => ({ ...summary('entity', e.key, e.title), label: e.label })) },
    ...Object.fromEntries(entities.map((e) => [`GET /api/artifacts/entity/${e.key}?version=1`, { body: { document: e, revision: 1, latestVersion: 1 } }])),
    'GET /api/artifacts/flow': { body: [summary('flow', 'wealth_followup', 'Wealth follow-up')] },
    'GET /api/artifacts/flow/wealth_followup?version=1': { body: { document: { kind: 'flow', key: 'wealth_followup', title: 'Wealth follow-up', entity: 'customer', nodes: [], edges: [] }, revision: 1, latestVersion: 1 } },
    'POST /api/records/customer/query': { body: { items: [{ id: 'c_0001', version: 3 }, { id: 'c_0002', version: 1 }], nextCursor: null } },
    'POST /api/records/customer/titles': { body: { titles: { c_0001: '上海海川信息技术有限公司 · C0000000016', c_0002: '李娜 · C0000000017' } } },
    'GET /api/artifacts/decision': { body: [summary('decision', 'customer_tier', 'Customer tier')] },
    'GET /api/artifacts/decision/customer_tier?version=1': { body: { document: { kind: 'decision', key: 'customer_tier', title: 'Customer tier', inputData: [{ name: 'aum' }, { name: 'income' }], decisions: [] }, revision: 1, latestVersion: 1 } },
    'GET /api/artifacts/calendar': { body: [summary('calendar', 'cn_mainland', 'Mainland China')] },
    'GET /api/connectors/pick-list': { body: [{ key: 'core_banking', name: { en: 'Core banking', 'zh-CN': '核心系统' } }] },
    'GET /api/auth/roles': { body: [{ key: 'rm', label: { en: 'Relationship manager', 'zh-CN': '客户经理' } }] },
    ...routes,
  });
}
