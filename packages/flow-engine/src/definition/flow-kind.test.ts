import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactProblem, DecisionArtifact } from '@bankforge/rule-engine';
import { flowKind, type FlowCheckContext } from './flow-kind.js';
import { edge, loanApproval } from './sample-flows.js';

/** A host that has published the decisions given (each at version 2) and the entities given. */
function host(
  stage: 'save' | 'publish',
  published: string[],
  entities: EntityDefinition[] = [],
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
    entity: (key) => Promise.resolve(entities.find((e) => e.key === key)),
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

  it('saves a half-drawn flow and refuses to publish it', async () => {
    const flow = loanApproval();
    // An approval nobody is assigned to yet, and a step without an exit.
    flow.nodes = flow.nodes.map((n) => (n.type === 'approval' ? { ...n, assignees: [] } : n));
    flow.edges = flow.edges.filter((e) => e.source !== 'officerSmall');
    expect(await flowKind.check(flow, host('save', ['applicant-score']))).toEqual([]);
    const refused = await flowKind.check(flow, host('publish', ['applicant-score']));
    expect(refused.map((p) => p.code)).toEqual(expect.arrayContaining(['noAssignees', 'deadEnd']));
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

  it('on publish, checks the fields its record binding reads and controls against the published entity', async () => {
    const flow = loanApproval();
    flow.record = {
      variables: { amount: 'amount', applicant: 'applicant_profile', purpose: 'purpose' },
      controlledFields: ['status', 'decided_by'],
      writes: { approved: { status: '"approved"', decided_by: 'actor' } },
    };
    const entity = (...keys: string[]): EntityDefinition =>
      ({ kind: 'entity', key: 'loan_application', title: 'Loan', label: { en: 'Loan', 'zh-CN': '贷款' }, fields: keys.map((key) => ({ id: `f_${key}`, key, type: 'text', label: { en: key, 'zh-CN': key } })) }) as EntityDefinition;
    const published = ['applicant-score'];

    expect(await flowKind.check(flow, host('publish', published, [entity('amount', 'applicant_profile', 'purpose', 'status', 'decided_by')]))).toEqual([]);
    expect(await flowKind.check(flow, host('publish', published, [entity('amount', 'purpose', 'status')]))).toEqual([
      {
        path: '/record/variables/applicant',
        code: 'unknownEntityField',
        message: 'field "applicant_profile" (read into variable "applicant") is not a field of entity loan_application',
        messageZh: '字段 applicant_profile（读入变量 applicant）不是实体 loan_application 的字段',
      },
      {
        path: '/record/controlledFields/1',
        code: 'unknownEntityField',
        message: 'controlled field "decided_by" is not a field of entity loan_application',
        messageZh: '受控字段 decided_by 不是实体 loan_application 的字段',
      },
    ]);
    // a draft is not checked against the entity
    expect(await flowKind.check(flow, host('save', [], [entity()]))).toEqual([]);
  });

  it('warns, without refusing, when the entity of a record binding is not published', async () => {
    const flow = loanApproval();
    flow.record = { controlledFields: ['status'] };
    const context = host('publish', ['applicant-score']);
    expect(await flowKind.check(flow, context)).toEqual([]);
    expect(context.warnings).toEqual([
      {
        path: '/entity',
        code: 'entityNotPublished',
        message: 'entity loan_application is not published: the fields of the record binding were not checked',
        messageZh: '实体 loan_application 尚未发布，未检查记录绑定的字段',
      },
    ]);
    // a flow without a binding does not ask for its entity
    const plain = host('publish', ['applicant-score']);
    expect(await flowKind.check(loanApproval(), plain)).toEqual([]);
    expect(plain.warnings).toEqual([]);
  });

  it('has one format so far', () => {
    const flow = loanApproval();
    expect(flowKind.upgrade(flow)).toEqual({ document: flow });
  });
});
