import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowRecordBinding } from './flow-definition.js';
import { flowMilestones } from './record-binding-problems.js';
import { approval, edge, loanApproval, node } from './sample-flows.js';
import { validateFlowDefinition, type FlowProblem } from './validate-flow.js';

/** The sample loan approval (entity `loan_application`) with a record binding. */
function bound(record: FlowRecordBinding, change: (d: FlowDefinition) => void = () => undefined): FlowDefinition {
  const d = loanApproval();
  d.record = record;
  change(d);
  return d;
}

const valid: FlowRecordBinding = {
  variables: { amount: 'amount', purpose: 'purpose' },
  controlledFields: ['status', 'decided_by', 'decided_at', 'approved_amount'],
  writes: {
    started: { status: '"submitted"' },
    returned: { status: '"returned"' },
    resubmitted: { status: '"submitted"' },
    approved: { status: '"approved"', approved_amount: 'amount', decided_at: 'at', decided_by: 'actor' },
    rejected: { status: '"rejected"', decided_by: 'if actor = null then initiator else actor' },
    withdrawn: { status: '"withdrawn"' },
    cancelled: { status: '"cancelled"' },
    terminated: { status: '"closed"' },
    failed: { status: '"error"' },
  },
};

const summary = (problems: FlowProblem[]) => problems.map((p) => ({ code: p.code, path: p.path }));

describe('validateFlowDefinition: the record binding', () => {
  it('accepts a binding of declared variables that writes controlled fields at the flow’s milestones', () => {
    expect(validateFlowDefinition(bound(valid))).toEqual([]);
    expect(validateFlowDefinition(bound({}))).toEqual([]);
  });

  it('accepts returnTo: initiator on a node that offers return', () => {
    const d = loanApproval();
    Object.assign(d.nodes.find((n) => n.id === 'officerSmall') ?? {}, { returnTo: 'initiator' });
    expect(validateFlowDefinition(d)).toEqual([]);
  });

  it('needs an entity (recordWithoutEntity)', () => {
    expect(summary(validateFlowDefinition(bound(valid, (d) => delete d.entity)))).toEqual([{ code: 'recordWithoutEntity', path: '/record' }]);
  });

  it('reads only declared variables (unknownVariable)', () => {
    const problems = validateFlowDefinition(bound({ variables: { amount: 'amount', creditScore: 'credit_score' } }));
    expect(summary(problems)).toEqual([{ code: 'unknownVariable', path: '/record/variables/creditScore' }]);
    expect(problems[0]?.message).toBe('the record binding reads field "credit_score" into "creditScore", which is not a declared variable');
  });

  it('writes only at milestones of the flow (unknownMilestone)', () => {
    const problems = validateFlowDefinition(bound({ controlledFields: ['status'], writes: { submitted: { status: '"x"' }, 'approved/late': { status: '"y"' } } }));
    expect(summary(problems)).toEqual([
      { code: 'unknownMilestone', path: '/record/writes/submitted' },
      { code: 'unknownMilestone', path: '/record/writes/approved~1late' },
    ]);
    expect(problems[0]?.message).toBe(
      'the record binding writes at "submitted", which is not a milestone of this flow (started, returned, resubmitted, withdrawn, cancelled, terminated, failed, rejected, approved)',
    );
  });

  it('writes only controlled fields (uncontrolledWrite)', () => {
    const problems = validateFlowDefinition(bound({ controlledFields: ['status'], writes: { approved: { status: '"approved"', amount: 'amount' } } }));
    expect(summary(problems)).toEqual([{ code: 'uncontrolledWrite', path: '/record/writes/approved/amount' }]);
    expect(validateFlowDefinition(bound({ writes: { started: { status: '"submitted"' } } })).map((p) => p.code)).toEqual(['uncontrolledWrite']);
  });

  it('writes FEEL that parses (feelSyntax)', () => {
    const problems = validateFlowDefinition(bound({ controlledFields: ['status'], writes: { approved: { status: '"approved' } } }));
    expect(summary(problems)).toEqual([{ code: 'feelSyntax', path: '/record/writes/approved/status' }]);
    expect(problems[0]?.message).toMatch(/^FEEL error in the record write of "status" at "approved" at line 1, column \d+: /);
  });

  it('reports a malformed binding by its schema only', () => {
    const d = bound(valid);
    const record = d.record as unknown as Record<string, unknown>;
    record.writes = { approved: { status: 7 } };
    record.colour = 'red';
    delete d.entity;
    expect(summary(validateFlowDefinition(d))).toEqual([
      { code: 'unknownProperty', path: '/record/colour' },
      { code: 'type', path: '/record/writes/approved/status' },
    ]);
  });

  it('refuses an unknown returnTo', () => {
    const d = loanApproval();
    Object.assign(d.nodes.find((n) => n.id === 'officerSmall') ?? {}, { returnTo: 'applicant' });
    expect(summary(validateFlowDefinition(d))).toEqual([{ code: 'invalidValue', path: '/nodes/5/returnTo' }]);
  });
});

describe('the milestones of a flow', () => {
  it('are the fixed ones, the outcomes of its ends, and rejected when an approval can reject without a reject edge', () => {
    const fixed = ['started', 'returned', 'resubmitted', 'withdrawn', 'cancelled', 'terminated', 'failed'];
    const d = loanApproval();
    d.nodes = [node('s', 'start'), approval('a', { actions: ['approve'] }), node('ok', 'end'), node('no', 'end', { outcome: 'cancelled' }), node('boom', 'end', { errorCode: 'E1' })];
    d.edges = [edge('1', 's', 'a'), edge('2', 'a', 'ok')];
    expect([...flowMilestones(d as unknown as Record<string, unknown>)]).toEqual([...fixed, 'approved']);
    d.nodes[1] = approval('a', { actions: ['approve'], timeout: { duration: 'PT1H', action: 'autoReject' } });
    expect(flowMilestones(d as unknown as Record<string, unknown>).has('rejected')).toBe(true);
    d.nodes[1] = approval('a', { actions: ['approve', 'reject'], rejectEdge: '3' });
    expect(flowMilestones(d as unknown as Record<string, unknown>).has('rejected')).toBe(false);
  });
});
