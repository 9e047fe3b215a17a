// @vitest-environment node
import { loanApprovalFlow } from '@bankforge/example-bank-crm';
import { validateFlowDefinition, type ApprovalNode, type FlowDefinition } from '@bankforge/flow-engine';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { problemText } from './problem-text.js';

beforeAll(() => initTestI18n('en'));

function broken(): FlowDefinition {
  const flow = structuredClone(loanApprovalFlow);
  const review = flow.nodes.find((n) => n.id === 'officerReview') as ApprovalNode;
  review.assignees = [];
  flow.edges.find((e) => e.id === 'smallLoan')!.condition = 'amount <=';
  return flow;
}

describe('problem texts', () => {
  it('says each problem by its code, naming nodes and edges as the analyst named them, in both languages', async () => {
    const flow = broken();
    const problems = validateFlowDefinition(flow);
    const texts = (language: 'en' | 'zh-CN') => problems.map((p) => problemText(p, flow, language, i18next.getFixedT(language, 'flowDesigner')));
    expect(texts('en')).toEqual([expect.stringMatching(/^from Amount routing to Credit officer approval: FEEL error in the condition of edge "smallLoan"/), 'Credit officer review has no approvers.']);
    expect(texts('zh-CN')).toEqual([expect.stringMatching(/^从 金额分流 到 信贷员审批：FEEL 表达式错误（/), '信贷员审核 没有审批人。']);
  });

  it("falls back to the engine's text for a code it has no sentence for", () => {
    const t = i18next.getFixedT('zh-CN', 'flowDesigner');
    expect(problemText({ path: '/nodes/0/id', code: 'pattern', message: '/nodes/0/id must match pattern', nodeId: 'start' }, loanApprovalFlow, 'zh-CN', t)).toBe('/nodes/0/id must match pattern');
  });
});
