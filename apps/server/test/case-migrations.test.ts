import type { CaseDetail, CaseMigrationPreview, MigrateCasesResult } from '@bankforge/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { openLoanDesk, type LoanDesk } from './loan-fixtures.js';

type Problem = { code: string; status: number; messageZh?: string; errors?: { path: string; code: string }[] };
type FlowDocument = { nodes: { id: string; name: { en: string }; mode?: string }[] } & Record<string, unknown>;

/**
 * Publishing a changed loan approval while cases run: the publisher sees which cases would move to
 * the new version and which cannot (and why), then moves the movable ones; each move is the
 * per-case migration, audited.
 */
describe.each(dialects())('moving running cases when a flow is published, on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;
  let analyst: Requester;
  let publisher: Requester;
  const cases: Record<'small1' | 'small2' | 'medium', string> = { small1: '', small2: '', medium: '' };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    // An analyst draws flows but may not publish them; a release manager publishes flows and reads no loans.
    expect((await server.request('PUT', '/api/auth/roles/flow_release', { key: 'flow_release', label: { en: 'Flow release', 'zh-CN': '流程发布' }, artifacts: { flow: ['edit', 'publish'] } })).status).toBe(200);
    for (const [username, roles] of [['analyst', ['business_analyst']], ['release', ['flow_release']]] as const) {
      const created = await server.request('POST', '/api/auth/users', { username, displayName: username, branch: 'HQ', roles, password: 'Xq7#long-enough-pass' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    analyst = await server.signIn('analyst', 'Xq7#long-enough-pass');
    publisher = await server.signIn('release', 'Xq7#long-enough-pass');
    for (const [name, amount] of [['small1', 200_000], ['small2', 300_000], ['medium', 3_000_000]] as const) {
      const started = await desk.as.rm_sh<CaseDetail>('POST', '/api/flows/loan_approval/instances', { recordId: await desk.newLoan('rm_sh', amount) });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      cases[name] = started.body.id;
    }
    // The draft: the officer's approval needs every officer (its open tasks' progress would not carry over); the review is renamed.
    const draft = await server.request<{ document: FlowDocument }>('GET', '/api/artifacts/flow/loan_approval');
    const document = structuredClone(draft.body.document);
    document.nodes.find((n) => n.id === 'officerApproval')!.mode = 'all';
    document.nodes.find((n) => n.id === 'officerReview')!.name.en = 'Credit review';
    expect((await analyst('PUT', '/api/artifacts/flow/loan_approval', document)).status).toBe(200);
  });
  afterAll(async () => server?.close());

  it('previews the draft as version 2: one case moves, two cannot (the step they wait at changes its mode), said in both languages', async () => {
    const preview = await server.request<CaseMigrationPreview>('POST', '/api/flows/loan_approval/migration-preview', {});
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ flowKey: 'loan_approval', toVersion: 2, draft: true, running: 3, movable: 1, byVersion: [{ version: 1, running: 3, movable: 1 }] });
    expect(preview.body.unmovable.map((c) => c.id).sort()).toEqual([cases.small1, cases.small2].sort());
    const [first] = preview.body.unmovable;
    expect(first).toMatchObject({
      fromVersion: 1,
      recordTitle: expect.any(String),
      reasons: [{ code: 'approvalModeChanged', nodeId: 'officerApproval', nodeName: { en: 'Credit officer approval', 'zh-CN': '信贷员审批' } }],
    });
    expect(first!.reasons[0]!.text).toEqual({
      en: 'It waits at "Credit officer approval", whose approval mode version 2 changes: the approvals given would not carry over.',
      'zh-CN': '它正在等待的审批“信贷员审批”在第 2 版中改变了审批方式，已有的审批意见无法沿用。',
    });
    // No customer data beyond the case ids and titles the reader may see: a publisher who reads no loans gets the ids only.
    const blind = await publisher<CaseMigrationPreview>('POST', '/api/flows/loan_approval/migration-preview', {});
    expect(blind.status).toBe(200);
    expect(blind.body.unmovable.map((c) => Object.keys(c).sort())).toEqual([
      ['fromVersion', 'id', 'reasons'],
      ['fromVersion', 'id', 'reasons'],
    ]);
    expect(JSON.stringify(blind.body)).not.toMatch(/LA2026|customer|amount/);
  });

  it('refuses the preview and the move to whoever may not publish flows, with a problem naming the grant', async () => {
    for (const [who, requester] of [['analyst', analyst], ['rm_sh', desk.as.rm_sh]] as const) {
      const preview = await requester<Problem>('POST', '/api/flows/loan_approval/migration-preview', {});
      expect(preview.status, who).toBe(403);
      expect(preview.headers.get('content-type')).toContain('application/problem+json');
      expect(preview.body).toMatchObject({ code: 'forbidden', kind: 'flow', right: 'publish', messageZh: '您的角色不允许发布流程。' });
      expect((await requester<Problem>('POST', '/api/flows/loan_approval/migrations', { toVersion: 1 })).status, who).toBe(403);
    }
  });

  it('moves the movable cases to the published version, each audited, and leaves the others on version 1 saying why', async () => {
    const published = await server.request<{ version: number }>('POST', '/api/artifacts/flow/loan_approval/publish');
    expect(published.body.version).toBe(2);
    const preview = await server.request<CaseMigrationPreview>('POST', '/api/flows/loan_approval/migration-preview', { toVersion: 2 });
    expect(preview.body).toMatchObject({ toVersion: 2, draft: false, running: 3, movable: 1 });

    const moved = await server.request<MigrateCasesResult>('POST', '/api/flows/loan_approval/migrations', { toVersion: 2 }, { 'idempotency-key': 'publish-v2-moves' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ flowKey: 'loan_approval', toVersion: 2, moved: [cases.medium], notMoved: 2 });
    expect(moved.body.unmovable.map((c) => c.reasons[0]!.code)).toEqual(['approvalModeChanged', 'approvalModeChanged']);
    const medium = await server.request<CaseDetail>('GET', `/api/flows/instances/${cases.medium}`);
    expect(medium.body).toMatchObject({ flowVersion: 2, status: 'running', waitingAt: [{ nodeId: 'officerReview', name: { en: 'Credit review' } }] });
    expect(medium.body.trail.at(-1)).toMatchObject({ action: 'migrated' });
    expect((await server.request<CaseDetail>('GET', `/api/flows/instances/${cases.small1}`)).body.flowVersion).toBe(1);

    const audit = await server.request<{ action: string; detail: { case?: string; command?: string; toVersion?: number } }[]>('GET', '/api/audit?action=flow');
    expect(audit.body.filter((e) => e.detail.command === 'migrate').map((e) => [e.detail.case, e.detail.toVersion])).toEqual([[cases.medium, 2]]);

    // The same request again is answered as before; a new one finds nothing left to move.
    const repeated = await server.request<MigrateCasesResult>('POST', '/api/flows/loan_approval/migrations', { toVersion: 2 }, { 'idempotency-key': 'publish-v2-moves' });
    expect(repeated.body.moved).toEqual([cases.medium]);
    const again = await server.request<MigrateCasesResult>('POST', '/api/flows/loan_approval/migrations', { toVersion: 2 });
    expect(again.body).toMatchObject({ moved: [], notMoved: 2 });
    // Nothing is left on an earlier version that could move: the preview of the unchanged draft says so.
    expect((await server.request<CaseMigrationPreview>('POST', '/api/flows/loan_approval/migration-preview', {})).body).toMatchObject({ toVersion: 2, draft: false, running: 2, movable: 0 });
  });

  it('answers problems with stable codes for a version that is not published, a missing body and an unknown flow', async () => {
    const missing = await server.request<Problem>('POST', '/api/flows/loan_approval/migrations', { toVersion: 9 });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'flowVersionNotFound', messageZh: '流程 loan_approval 没有已发布的第 9 版。' });
    expect((await server.request<Problem>('POST', '/api/flows/loan_approval/migrations', {})).status).toBe(422);
    expect((await server.request<Problem>('POST', '/api/flows/loan_approval/migration-preview', { toVersion: 0 })).status).toBe(422);
    const unknown = await server.request<Problem>('POST', '/api/flows/no_such_flow/migration-preview', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('artifactNotFound');
  });
});
