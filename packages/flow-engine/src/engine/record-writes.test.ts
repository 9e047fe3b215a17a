/**
 * The record binding's writes: an `updateRecord` effect at each milestone that has writes, in order
 * with the other effects, with FEEL over the case variables, `initiator`, `actor` and `at`; a write
 * that fails fails the case, and the writes of `failed` never loop.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowRecordBinding } from '../definition/flow-definition.js';
import { validateFlowDefinition } from '../definition/validate-flow.js';
import type { FlowEffect } from './effects.js';
import { execute } from './execute.js';
import { actor, approval, Case, chain, e, flow, HOUR, n, T0 } from './harness.test.js';
import { decodeState } from './state/state-encoding.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** What the bank CRM's loan binding writes, on a flow of one approval (o1) that may end approved or rejected. */
const loanWrites: FlowRecordBinding = {
  variables: { amount: 'amount', purpose: 'purpose' },
  controlledFields: ['status', 'submitted_at', 'approved_amount', 'decided_at', 'decided_by'],
  writes: {
    started: { status: '"submitted"', submitted_at: 'at' },
    approved: { status: '"approved"', approved_amount: 'amount', decided_at: 'at', decided_by: 'actor' },
    rejected: { status: '"rejected"', decided_at: 'at', decided_by: 'actor' },
    withdrawn: { status: '"withdrawn"' },
    cancelled: { status: '"cancelled"', decided_by: 'actor' },
    terminated: { status: '"terminated"' },
    failed: { status: '"error"' },
  },
};

function bound(def: FlowDefinition, record: FlowRecordBinding = loanWrites): FlowDefinition {
  return { ...def, entity: 'loan_application', record };
}

const variables = [
  { name: 'amount', type: 'money' as const, required: true },
  { name: 'purpose', type: 'string' as const },
];

function oneApproval(extra: Record<string, unknown> = {}, record?: FlowRecordBinding): FlowDefinition {
  return bound(chain([approval('a', extra)], variables), record);
}

const updates = (effects: readonly FlowEffect[]): Extract<FlowEffect, { type: 'updateRecord' }>[] =>
  effects.filter((x): x is Extract<FlowEffect, { type: 'updateRecord' }> => x.type === 'updateRecord');

describe('record writes at milestones', () => {
  it('the test flows are publishable', () => {
    expect(validateFlowDefinition(oneApproval())).toEqual([]);
  });

  it('writes at start, before the first task is created', () => {
    const c = new Case(oneApproval());
    const r = c.start({ amount: '1200.50', purpose: 'car' });
    expect(r.effects.map((x) => x.type)).toEqual(['updateRecord', 'createTask']);
    expect(r.effects[0]).toEqual({ type: 'updateRecord', milestone: 'started', values: { status: 'submitted', submitted_at: iso(T0) } });
  });

  it('writes the outcome of an approval end with the approver as actor and the command time as at', () => {
    const c = new Case(oneApproval({ timeout: { duration: 'PT8H', action: 'remind' } }));
    c.start({ amount: '1200.50' });
    c.now = T0 + 2 * HOUR;
    const r = c.approve('a', 'o1');
    expect(r.effects.map((x) => x.type)).toEqual(['cancelTimer', 'closeTask', 'updateRecord', 'instanceEnded']);
    expect(updates(r.effects)).toEqual([
      { type: 'updateRecord', milestone: 'approved', values: { status: 'approved', approved_amount: 1200.5, decided_at: iso(T0 + 2 * HOUR), decided_by: 'o1' } },
    ]);
  });

  it('writes rejected when a reject ends the case, and when a rejecting end node does', () => {
    const c = new Case(oneApproval());
    c.start({ amount: 10 });
    c.now = T0 + HOUR;
    const r = c.act(c.task('a').id, 'o1', 'reject');
    expect(updates(r.effects)).toEqual([{ type: 'updateRecord', milestone: 'rejected', values: { status: 'rejected', decided_at: iso(T0 + HOUR), decided_by: 'o1' } }]);

    const toRejected = bound(chain([approval('a')], variables, { outcome: 'rejected' }));
    const d = new Case(toRejected);
    d.start({ amount: 10 });
    expect(updates(d.approve('a', 'o1').effects).map((x) => x.milestone)).toEqual(['rejected']);
  });

  it('an automatic decision on timeout writes with a null actor', () => {
    const c = new Case(oneApproval({ timeout: { duration: 'PT8H', action: 'autoReject' } }));
    c.start({ amount: 10 });
    const r = c.fire('timeout');
    expect(updates(r.effects)).toEqual([{ type: 'updateRecord', milestone: 'rejected', values: { status: 'rejected', decided_at: iso(T0 + 8 * HOUR), decided_by: null } }]);
  });

  it('writes withdrawn when the initiator withdraws, and cancelled when an administrator cancels', () => {
    const c = new Case(oneApproval());
    c.start({ amount: 10 });
    const r = c.run({ type: 'withdraw', actor: actor('ini') });
    expect(r.effects.map((x) => x.type)).toEqual(['cancelTask', 'updateRecord', 'instanceEnded']);
    expect(updates(r.effects)).toEqual([{ type: 'updateRecord', milestone: 'withdrawn', values: { status: 'withdrawn' } }]);

    const d = new Case(oneApproval());
    d.start({ amount: 10 });
    expect(updates(d.run({ type: 'cancel', actor: actor('root') }).effects)).toEqual([
      { type: 'updateRecord', milestone: 'cancelled', values: { status: 'cancelled', decided_by: 'root' } },
    ]);
  });

  it('writes terminated at a terminate node and failed at an error end', () => {
    const terminate = bound(flow([n('start', 'start'), approval('a'), n('stop', 'terminate', { outcome: 'rejected' })], [e('start', 'a'), e('a', 'stop')], variables));
    const c = new Case(terminate);
    c.start({ amount: 10 });
    expect(updates(c.approve('a', 'o1').effects).map((x) => x.values)).toEqual([{ status: 'terminated' }]);

    const error = bound(flow([n('start', 'start'), approval('a'), n('boom', 'end', { errorCode: 'E1' })], [e('start', 'a'), e('a', 'boom')], variables));
    const d = new Case(error);
    d.start({ amount: 10 });
    expect(updates(d.approve('a', 'o1').effects)).toEqual([{ type: 'updateRecord', milestone: 'failed', values: { status: 'error' } }]);
    expect(d.state).toMatchObject({ st: 'failed', out: 'E1' });
  });

  it('writes nothing at milestones without writes, nor for a flow without a binding', () => {
    const c = new Case(oneApproval({}, { controlledFields: ['status'], writes: { started: {}, rejected: { status: '"rejected"' } } }));
    expect(updates(c.start({ amount: 10 }).effects)).toEqual([]);
    expect(updates(c.approve('a', 'o1').effects)).toEqual([]);
    const plain = new Case(chain([approval('a')], variables));
    expect(updates([...plain.start({ amount: 10 }).effects, ...plain.approve('a', 'o1').effects])).toEqual([]);
  });

  it('writes once per milestone: a repeated command returns no effects', () => {
    const c = new Case(oneApproval());
    c.start({ amount: 10 });
    const first = c.run({ type: 'completeTask', commandId: 'approve-1', taskId: c.task('a').id, actor: actor('o1'), action: 'approve' });
    expect(updates(first.effects)).toHaveLength(1);
    const stored = c.state;
    if (stored === null) throw new Error('no state');
    const again = execute(c.def, decodeState(stored), { type: 'completeTask', commandId: 'approve-1', taskId: 'k3', actor: actor('o1'), action: 'approve' }, c.now, c.ctx);
    expect(again.duplicate).toBeDefined();
    expect(again.effects).toEqual([]);
  });
});

describe('the FEEL of a write', () => {
  it('reads the variables (money as exact decimals), initiator (a user id), actor and at (a date and time)', () => {
    const def = oneApproval({}, {
      controlledFields: ['who', 'by', 'when', 'year', 'hour', 'doubled', 'text', 'missing', 'at'],
      writes: {
        approved: {
          who: 'initiator',
          by: 'actor',
          when: 'at',
          year: 'at.year',
          hour: 'at.hour',
          doubled: 'amount * 2',
          text: 'purpose + " for " + initiator',
          missing: 'score',
          at: 'at = date and time("2025-01-06T12:30:00Z")',
        },
      },
    });
    const withAt = { ...def, variables: [...def.variables, { name: 'at', type: 'string' as const, default: 'hidden' }] };
    const c = new Case(withAt);
    c.start({ amount: '0.10', purpose: 'fees' });
    c.now = T0 + 3.5 * HOUR;
    expect(updates(c.approve('a', 'o1').effects)[0]?.values).toEqual({
      who: 'ini',
      by: 'o1',
      when: '2025-01-06T12:30:00Z',
      year: 2025,
      hour: 12,
      doubled: 0.2,
      text: 'fees for ini',
      missing: null,
      at: true,
    });
  });
});

describe('a write that fails', () => {
  const runaway = 'count(for i in 1..1000000 return i)';

  it('fails the case like any run-time error, and the writes of failed still happen', () => {
    const c = new Case(oneApproval({}, { controlledFields: ['status', 'note'], writes: { approved: { status: '"approved"', note: runaway }, failed: { status: '"error"' } } }));
    c.start({ amount: 10 });
    const r = c.approve('a', 'o1');
    expect(r.effects.map((x) => x.type)).toEqual(['closeTask', 'updateRecord', 'instanceEnded']);
    expect(updates(r.effects)).toEqual([{ type: 'updateRecord', milestone: 'failed', values: { status: 'error' } }]);
    expect(c.state?.st).toBe('failed');
    expect(c.state?.err).toMatch(/^record write approved\/note failed: .*100000 evaluation steps/);
  });

  it('a write of failed that fails too is skipped, with the reason in the error, and does not loop', () => {
    const c = new Case(oneApproval({}, { controlledFields: ['note'], writes: { started: { note: runaway }, failed: { note: runaway } } }));
    const r = c.start({ amount: 10 });
    expect(r.effects.map((x) => x.type)).toEqual(['instanceEnded']);
    expect(c.state?.st).toBe('failed');
    expect(c.state?.err).toMatch(/^record write started\/note failed: .*; the record writes at failed were skipped: record write failed\/note failed: /);
    expect(c.events.map((x) => x.type)).toEqual(['started', 'ended']);
  });
});
