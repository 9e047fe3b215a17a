/**
 * Sample flow definitions for tests (not exported from the package): a loan approval, and a flow
 * with every node type and a loop. Both pass `validateFlowDefinition`.
 */
import type { FlowDefinition, FlowEdge, FlowNode } from './flow-definition.js';

export const label = (id: string) => ({ en: id, 'zh-CN': id });

export function node<T extends FlowNode['type']>(id: string, type: T, extra: Record<string, unknown> = {}): FlowNode {
  return { id, type, name: label(id), ...extra } as FlowNode;
}

export function edge(id: string, source: string, target: string, extra: Partial<FlowEdge> = {}): FlowEdge {
  return { id, source, target, ...extra };
}

export const approval = (id: string, extra: Record<string, unknown> = {}): FlowNode =>
  node(id, 'approval', {
    assignees: [{ kind: 'role', role: 'credit_officer' }],
    mode: 'single',
    actions: ['approve', 'reject', 'return', 'comment'],
    ...extra,
  });

/** The loan approval of the issue: score, then routing on amount. */
export function loanApproval(): FlowDefinition {
  return {
    kind: 'flow',
    key: 'loan-approval',
    title: 'Loan approval',
    schemaVersion: 1,
    entity: 'loan_application',
    variables: [
      { name: 'amount', type: 'money', required: true },
      { name: 'applicant', type: 'context' },
      { name: 'score', type: 'number', default: 0 },
      { name: 'purpose', type: 'string' },
    ],
    nodes: [
      node('start', 'start', { position: { x: 0, y: 0 } }),
      node('scoring', 'decision', {
        decisionKey: 'applicant-score',
        inputs: { Amount: 'amount', Income: 'applicant.income' },
        outputs: { score: 'score' },
      }),
      node('scoreCheck', 'branch'),
      node('autoReject', 'terminate', { outcome: 'rejected' }),
      node('amountCheck', 'branch'),
      approval('officerSmall'),
      approval('officerLarge', { editableFields: ['purpose'] }),
      approval('branchManager', {
        assignees: [{ kind: 'branchRole', role: 'branch_manager' }],
        timeout: { duration: 'PT48H', action: 'escalate', escalateTo: { manager: true } },
        authorityLimits: [{ role: 'branch_manager', upTo: 5_000_000, amountVariable: 'amount' }],
        distinctApprovers: true,
      }),
      approval('committee', {
        assignees: [{ kind: 'role', role: 'credit_committee' }],
        mode: 'percentage',
        percentage: 66.67,
      }),
      node('cc', 'notify', { to: [{ kind: 'manager', levels: 1 }], kind: 'cc', template: 'loan-approved' }),
      node('approved', 'end', { outcome: 'approved' }),
    ],
    edges: [
      edge('e1', 'start', 'scoring'),
      edge('e2', 'scoring', 'scoreCheck'),
      edge('e3', 'scoreCheck', 'autoReject', { condition: 'score < 600' }),
      edge('e4', 'scoreCheck', 'amountCheck', { default: true }),
      edge('e5', 'amountCheck', 'officerSmall', { condition: 'amount <= 500000' }),
      edge('e6', 'amountCheck', 'officerLarge', { condition: 'amount <= 5000000' }),
      edge('e7', 'amountCheck', 'committee', { default: true }),
      edge('e8', 'officerLarge', 'branchManager'),
      edge('e9', 'officerSmall', 'cc'),
      edge('e10', 'branchManager', 'cc'),
      edge('e11', 'committee', 'cc'),
      edge('e12', 'cc', 'approved'),
    ],
  };
}

/** Every other node type, and a loop, in one valid flow. */
export function everyNodeType(): FlowDefinition {
  return {
    kind: 'flow',
    key: 'account-opening',
    title: 'Account opening',
    schemaVersion: 1,
    variables: [
      { name: 'x', type: 'number' },
      { name: 'needsRework', type: 'boolean', default: false },
      { name: 'opened at', type: 'dateTime' },
      { name: 'accountId', type: 'string' },
      { name: 'kyc', type: 'context' },
    ],
    nodes: [
      node('s', 'start'),
      node('p', 'parallel'),
      approval('a', { assignees: [{ kind: 'expression', feel: 'kyc.officer' }], mode: 'sequential' }),
      node('n', 'notify', { to: [{ kind: 'user', userId: 'u1' }], kind: 'message', template: 'hello' }),
      node('t', 'timer', { duration: 'P3D', businessCalendar: true }),
      node('j', 'join'),
      node('i', 'inclusive'),
      approval('b', { mode: 'all', returnTo: 'any' }),
      node('svc', 'service', {
        effect: 'http',
        config: { url: 'https://core.example/accounts', method: 'POST' },
        retry: { maxAttempts: 3, backoff: { delay: 'PT1M', multiplier: 2 } },
        failureEdge: 'svcFail',
        outputs: { accountId: 'body.id' },
      }),
      node('n2', 'notify', { to: [{ kind: 'role', role: 'ops' }], kind: 'cc', template: 'no-kyc' }),
      node('ij', 'inclusiveJoin', { splitId: 'i' }),
      approval('c', { mode: 'any', timeout: { duration: 'P2D', businessCalendar: true, action: 'autoApprove' } }),
      node('r', 'branch'),
      node('wait', 'timer', { until: 'opened at + duration("P1D")' }),
      node('sf', 'subflow', { flowKey: 'card-issue', version: 2, inputs: { account: 'accountId' }, outputs: { kyc: 'result' } }),
      node('end', 'end'),
      node('failed', 'end', { outcome: 'cancelled' }),
    ],
    edges: [
      edge('e1', 's', 'p'),
      edge('e2', 'p', 'a'),
      edge('e3', 'p', 'n'),
      edge('e4', 'n', 't'),
      edge('e5', 'a', 'j'),
      edge('e6', 't', 'j'),
      edge('e7', 'j', 'i'),
      edge('e8', 'i', 'b', { condition: 'x > 1' }),
      edge('e9', 'i', 'svc', { condition: 'x > 2' }),
      edge('e10', 'i', 'n2', { default: true }),
      edge('e11', 'b', 'ij'),
      edge('e12', 'svc', 'ij'),
      edge('svcFail', 'svc', 'failed'),
      edge('e13', 'n2', 'ij'),
      edge('e14', 'ij', 'c'),
      edge('e15', 'c', 'r'),
      edge('loop', 'r', 'c', { condition: 'needsRework', loop: { maxIterations: 3 } }),
      edge('e16', 'r', 'wait', { default: true }),
      edge('e17', 'wait', 'sf'),
      edge('e18', 'sf', 'end'),
    ],
  };
}

