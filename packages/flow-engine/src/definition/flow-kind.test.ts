import { describe, expect, it } from 'vitest';
import type { ArtifactProblem, DecisionArtifact } from '@bankforge/rule-engine';
import { flowKind, type FlowCheckContext } from './flow-kind.js';
import { edge, loanApproval } from './sample-flows.js';

/** A host that has published the decisions given (each at version 2). */
function host(
  stage: 'save' | 'publish',
  published: string[],
): FlowCheckContext & { warnings: ArtifactProblem[] } {
  const warnings: ArtifactProblem[] = [];
  return {
    stage,
    warnings,
    warn: (problem) => warnings.push(problem),
    decision: (key) =>
      Promise.resolve(
        published.includes(key)
          ? ({ kind: 'decision', key, title: key, version: 2, decisions: [] } as DecisionArtifact)
          : undefined,
      ),
  };
}

describe('the flow kind', () => {
  it("reports the flow engine's problems, with their nodes and edges, on save and on publish", async () => {
    const flow = loanApproval();
    flow.edges.push(edge('dangling', 'start', 'nowhere'));
    for (const stage of ['save', 'publish'] as const) {
      expect(await flowKind.check(flow, host(stage, ['applicant-score']))).toContainEqual(
        expect.objectContaining({
          path: expect.stringMatching(/^\/edges\/\d+\/target$/),
          code: 'unknownEdgeEndpoint',
          edgeId: 'dangling',
        }),
      );
    }
  });

  it('resolves the decisions it evaluates on publish only', async () => {
    expect(await flowKind.check(loanApproval(), host('save', []))).toEqual([]);
    expect(await flowKind.check(loanApproval(), host('publish', []))).toEqual([
      {
        path: '/nodes/1/decisionKey',
        code: 'decisionNotPublished',
        message: 'decision applicant-score is not published',
      },
    ]);
    expect(await flowKind.check(loanApproval(), host('publish', ['applicant-score']))).toEqual([]);
    const pinned = loanApproval();
    Object.assign(pinned.nodes[1]!, { decisionVersion: 3 });
    expect((await flowKind.check(pinned, host('publish', ['applicant-score']))).map((p) => p.code)).toEqual([
      'decisionVersionNotPublished',
    ]);
  });

  it('has one format so far', () => {
    const flow = loanApproval();
    expect(flowKind.upgrade(flow)).toEqual({ document: flow });
  });
});
