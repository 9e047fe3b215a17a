import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankCrmEntities, loanApprovalFlow, loanScoringDecision } from '@bankforge/example-bank-crm';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

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

  const pathsAndCodes = (problem: Problem) => problem.errors?.map((e) => [e.path, e.code]);

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
