import { describe, expect, it } from 'vitest';
import { actor, approval, Case, chain, directory, e, flow, HOUR, n } from './harness.test.js';
import { requiredApprovals } from './approval-rules.js';
import { replay } from './events/apply-event.js';
import { encodeEvent } from './events/event-encoding.js';
import type { FlowEvent } from './events/flow-event.js';
import { execute } from './execute.js';
import { decodeState, encodeState } from './state/state-encoding.js';

describe('start, approve, end', () => {
  it('runs a single approval to the end with outcome approved', () => {
    const c = new Case(chain([approval('a')]));
    const r = c.start();
    expect(c.state?.st).toBe('running');
    expect(c.effects('createTask')).toEqual([
      { type: 'createTask', taskId: c.task('a').id, nodeId: 'a', assignees: ['o1'], mode: 'single', actions: ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'] },
    ]);
    expect(r.events[0]).toMatchObject({ seq: 1, type: 'started', actor: 'ini', at: '2025-01-06T09:00:00.000Z' });
    c.approve('a', 'o1', { comment: 'fine' });
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved', path: ['a'] });
    expect(c.state?.tasks).toBeUndefined();
    expect(c.effects('closeTask')).toEqual([{ type: 'closeTask', taskId: expect.any(String) as string, result: 'approved' }]);
    expect(c.effects('instanceEnded')[0]).toMatchObject({ status: 'completed', outcome: 'approved' });
    const approved = c.events.find((x) => x.type === 'approved');
    expect(approved).toMatchObject({ actor: 'o1', comment: 'fine', nodeId: 'a' });
  });

  it('keeps an instance waiting on one approval well under 2 KB', () => {
    const def = chain([approval('a', { timeout: { duration: 'PT48H', action: 'remind' } })], [
      { name: 'amount', type: 'money' },
      { name: 'customer', type: 'string' },
    ]);
    const c = new Case(def);
    c.run({ type: 'start', commandId: '0b9c7c1e-6a43-4c1a-9d8e-4f3a2b1c0d9e', actor: actor('ini'), variables: { amount: 1_200_000, customer: 'C-000123' } });
    const size = Buffer.byteLength(JSON.stringify(c.state));
    expect(size).toBeLessThan(2048);
    expect(size).toBeLessThan(600);
  });

  it('ends with rejected on reject and honours the end node outcome', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.act(c.task('a').id, 'o1', 'reject', { comment: 'no' });
    expect(c.state).toMatchObject({ st: 'completed', out: 'rejected' });
    const d = new Case(chain([approval('a')], [], { outcome: 'cancelled' }));
    d.start();
    d.approve('a', 'o1');
    expect(d.state?.out).toBe('cancelled');
  });

  it('a comment changes no decision and does not block withdraw', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.act(c.task('a').id, 'o1', 'comment', { comment: 'please attach payslips' });
    expect(c.events.at(-1)).toMatchObject({ type: 'commented', actor: 'o1', comment: 'please attach payslips' });
    c.act(c.task('a').id, 'ini', 'comment', { comment: 'attached' });
    expect(c.state?.lastAct).toBeUndefined();
    c.run({ type: 'withdraw', actor: actor('ini') });
    expect(c.state?.st).toBe('withdrawn');
  });
});

describe('approval modes', () => {
  const users = [{ kind: 'role', role: 'committee' }];

  it('any (或签): the first approval completes the task', () => {
    const c = new Case(chain([approval('a', { assignees: users, mode: 'any' })]));
    c.start();
    expect(c.effects('createTask')[0]?.assignees).toEqual(['c1', 'c2', 'c3']);
    c.approve('a', 'c2');
    expect(c.state?.st).toBe('completed');
  });

  it('all (会签): every assignee must approve; approving twice is refused', () => {
    const c = new Case(chain([approval('a', { assignees: users, mode: 'all' })]));
    c.start();
    c.approve('a', 'c1');
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['c2', 'c3']);
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('c1'), action: 'approve' }, 'alreadyApproved');
    c.approve('a', 'c3');
    expect(c.state?.st).toBe('running');
    c.approve('a', 'c2');
    expect(c.state?.st).toBe('completed');
  });

  it('all: one reject rejects the task', () => {
    const c = new Case(chain([approval('a', { assignees: users, mode: 'all' })]));
    c.start();
    c.approve('a', 'c1');
    c.act(c.task('a').id, 'c2', 'reject');
    expect(c.state?.out).toBe('rejected');
  });

  it('percentage: 2 of 3 at 66.67%', () => {
    expect(requiredApprovals(3, 66.67)).toBe(2);
    expect(requiredApprovals(3, 66.66)).toBe(2);
    expect(requiredApprovals(3, 100)).toBe(3);
    expect(requiredApprovals(4, 50)).toBe(2);
    expect(requiredApprovals(5, 50)).toBe(3);
    const c = new Case(chain([approval('a', { assignees: users, mode: 'percentage', percentage: 66.67 })]));
    c.start();
    c.approve('a', 'c3');
    expect(c.state?.st).toBe('running');
    c.approve('a', 'c1');
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved' });
  });

  it('sequential (依次): in the resolved order only', () => {
    const c = new Case(chain([approval('a', { assignees: users, mode: 'sequential' })]));
    c.start();
    expect(c.effects('createTask')[0]?.assignees).toEqual(['c1']);
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('c2'), action: 'approve' }, 'notYourTurn');
    c.approve('a', 'c1');
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['c2']);
    c.approve('a', 'c2');
    c.approve('a', 'c3');
    expect(c.state?.st).toBe('completed');
  });

  it('sequential with add-approver before and after', () => {
    const c = new Case(chain([approval('a', { assignees: users, mode: 'sequential' })]));
    c.start();
    c.act(c.task('a').id, 'c1', 'addApprover', { addApprover: { userId: 'd1', position: 'before' } });
    expect(c.task('a').who).toEqual(['d1', 'c1', 'c2', 'c3']);
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('c1'), action: 'approve' }, 'notYourTurn');
    c.approve('a', 'd1');
    c.act(c.task('a').id, 'c1', 'addApprover', { addApprover: { userId: 'o2', position: 'after' } });
    expect(c.task('a').who).toEqual(['c1', 'o2', 'c2', 'c3']);
    for (const u of ['c1', 'o2', 'c2', 'c3']) c.approve('a', u);
    expect(c.state?.st).toBe('completed');
    expect(c.events.filter((x) => x.type === 'approved').map((x) => x.actor)).toEqual(['d1', 'c1', 'o2', 'c2', 'c3']);
  });

  it('any with add-approver before: the added approver decides first, then the adder', () => {
    const c = new Case(chain([approval('a', { assignees: users, mode: 'any' })]));
    c.start();
    c.act(c.task('a').id, 'c1', 'addApprover', { addApprover: { userId: 'd1', position: 'before' } });
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('c1'), action: 'approve' }, 'notYourTurn');
    // another assignee of an any-task still decides alone
    c.approve('a', 'd1');
    expect(c.state?.st).toBe('running');
    c.approve('a', 'c1');
    expect(c.state?.st).toBe('completed');
  });

  it('single with add-approver after: the task waits for the added approver', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.act(c.task('a').id, 'o1', 'addApprover', { addApprover: { userId: 'd1', position: 'after' } });
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('d1'), action: 'approve' }, 'notYourTurn');
    c.approve('a', 'o1');
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['d1']);
    c.approve('a', 'd1');
    expect(c.state?.st).toBe('completed');
  });

  it('delegate (转办): the delegate acts, the delegator no longer can', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.act(c.task('a').id, 'o1', 'delegate', { delegateTo: 'o2', comment: 'on leave' });
    expect(c.task('a')).toMatchObject({ who: ['o2'], dlg: [['o1', 'o2']] });
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['o2']);
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'approve' }, 'notAssignee');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o2'), action: 'delegate', delegateTo: 'ini' }, 'makerChecker');
    c.approve('a', 'o2');
    expect(c.state?.st).toBe('completed');
  });

  it('refuses actions the node does not allow', () => {
    const c = new Case(chain([approval('a', { actions: ['approve', 'reject'] })]));
    c.start();
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'delegate', delegateTo: 'o2' }, 'actionNotAllowed');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'comment' }, 'actionNotAllowed');
  });

  it('editable fields are written on approve; other fields are refused', () => {
    const c = new Case(chain([approval('a', { editableFields: ['purpose'] }), approval('b')], [
      { name: 'purpose', type: 'string' },
      { name: 'amount', type: 'number' },
    ]));
    c.start({ amount: 5 });
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'approve', fields: { amount: 9 } }, 'invalidPayload');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'approve', fields: { purpose: 9 } }, 'invalidPayload');
    c.approve('a', 'o1', { fields: { purpose: 'car' } });
    expect(c.state?.vars).toEqual({ amount: 5, purpose: 'car' });
  });
});

describe('assignees', () => {
  it('resolves users, roles, branch roles, managers and FEEL, without the initiator', () => {
    const def = chain(
      [
        approval('a', {
          mode: 'all',
          assignees: [
            { kind: 'user', userId: 'x1' },
            { kind: 'role', role: 'officer' },
            { kind: 'branchRole', role: 'manager' },
            { kind: 'manager', levels: 2 },
            { kind: 'expression', feel: 'if amount > 10 then ["d1", initiator.userId] else "z"' },
          ],
        }),
      ],
      [{ name: 'amount', type: 'number' }],
    );
    const c = new Case(def);
    c.start({ amount: 11 });
    expect(c.task('a').who).toEqual(['x1', 'o1', 'o2', 'bm1', 'm2', 'd1']);
  });

  it('fails the case when an approval resolves to nobody', () => {
    const c = new Case(chain([approval('a', { assignees: [{ kind: 'role', role: 'nobody' }] })]));
    c.start();
    expect(c.state).toMatchObject({ st: 'failed', err: 'approval a resolved to no assignee' });
  });
});

describe('maker-checker and distinct approvers', () => {
  it('the initiator can never act on an approval of their own case', () => {
    const c = new Case(chain([approval('a', { assignees: [{ kind: 'user', userId: 'o1' }] })]));
    c.start();
    for (const action of ['approve', 'reject', 'return', 'delegate', 'addApprover'] as const) {
      c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('ini'), action, delegateTo: 'o2', addApprover: { userId: 'o2', position: 'after' } }, 'makerChecker');
    }
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'addApprover', addApprover: { userId: 'ini', position: 'after' } }, 'makerChecker');
  });

  it('with distinctApprovers nobody approves on two nodes', () => {
    const users = [{ kind: 'role', role: 'committee' }];
    const c = new Case(chain([approval('a', { assignees: users, mode: 'any', distinctApprovers: true }), approval('b', { assignees: users, mode: 'any', distinctApprovers: true })]));
    c.start();
    c.approve('a', 'c1');
    c.rejects({ type: 'completeTask', taskId: c.task('b').id, actor: actor('c1'), action: 'approve' }, 'alreadyApproved');
    c.approve('b', 'c2');
    expect(c.state?.st).toBe('completed');
  });

  it('a user who is not an assignee is refused', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o2'), action: 'approve' }, 'notAssignee');
    c.rejects({ type: 'completeTask', taskId: 'k999', actor: actor('o1'), action: 'approve' }, 'taskNotOpen');
  });
});

describe('return (退回)', () => {
  it('returns to the previous approval, which opens again', () => {
    const c = new Case(chain([approval('a'), approval('b', { assignees: [{ kind: 'user', userId: 'o2' }] })]));
    c.start();
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'return' }, 'invalidReturnTarget');
    c.approve('a', 'o1');
    c.act(c.task('b').id, 'o2', 'return', { comment: 'fix the amount' });
    expect(c.state?.path).toBeUndefined();
    expect(c.task('a').who).toEqual(['o1']);
    expect(c.effects('closeTask')[0]?.result).toBe('returned');
    c.approve('a', 'o1');
    c.approve('b', 'o2');
    expect(c.state).toMatchObject({ st: 'completed', path: ['a', 'b'] });
  });

  it('returns to a chosen earlier node when returnTo is any', () => {
    const def = chain([approval('a'), approval('b', { assignees: [{ kind: 'user', userId: 'o2' }] }), approval('c', { assignees: [{ kind: 'user', userId: 'd1' }], returnTo: 'any' })]);
    const c = new Case(def);
    c.start();
    c.approve('a', 'o1');
    c.approve('b', 'o2');
    c.rejects({ type: 'completeTask', taskId: c.task('c').id, actor: actor('d1'), action: 'return', returnToNodeId: 'end' }, 'invalidReturnTarget');
    c.act(c.task('c').id, 'd1', 'return', { returnToNodeId: 'a' });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['a']);
    // previous-only nodes refuse a chosen target other than the previous one
    c.approve('a', 'o1');
    c.rejects({ type: 'completeTask', taskId: c.task('b').id, actor: actor('o2'), action: 'return', returnToNodeId: 'x' }, 'invalidReturnTarget');
  });
});

describe('withdraw, urge, cancel', () => {
  it('withdraw by the initiator while nobody acted', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.rejects({ type: 'withdraw', actor: actor('o1') }, 'notInitiator');
    c.run({ type: 'withdraw', actor: actor('ini'), comment: 'wrong customer' });
    expect(c.state?.st).toBe('withdrawn');
    expect(c.effects('cancelTask')).toHaveLength(1);
    c.rejects({ type: 'urge', actor: actor('ini') }, 'instanceEnded');
  });

  it('withdraw is refused once someone acted', () => {
    const c = new Case(chain([approval('a'), approval('b')]));
    c.start();
    c.approve('a', 'o1');
    c.rejects({ type: 'withdraw', actor: actor('ini') }, 'withdrawNotAllowed');
    const d = new Case(chain([approval('a')]));
    d.start();
    d.act(d.task('a').id, 'o1', 'delegate', { delegateTo: 'o2' });
    d.rejects({ type: 'withdraw', actor: actor('ini') }, 'withdrawNotAllowed');
  });

  it('urge (催办) reminds whoever may act now', () => {
    const c = new Case(chain([approval('a', { assignees: [{ kind: 'role', role: 'committee' }], mode: 'sequential' })]));
    c.start();
    c.rejects({ type: 'urge', actor: actor('o1') }, 'notInitiator');
    c.rejects({ type: 'urge', actor: actor('ini'), taskId: 'nope' }, 'taskNotOpen');
    c.run({ type: 'urge', actor: actor('ini'), comment: 'customer waiting' });
    expect(c.effects('notify')).toEqual([{ type: 'notify', kind: 'urge', to: ['c1'], nodeId: 'a', taskId: c.task('a').id, by: 'ini', comment: 'customer waiting' }]);
    expect(c.state?.lastAct).toBeUndefined();
  });

  it('cancel by an admin only', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.rejects({ type: 'cancel', actor: actor('o1') }, 'notAuthorized');
    c.run({ type: 'cancel', actor: actor('root'), comment: 'duplicate' });
    expect(c.state).toMatchObject({ st: 'cancelled', out: 'cancelled' });
    expect(c.events.at(-1)).toMatchObject({ type: 'ended', actor: 'root', comment: 'duplicate' });
  });
});

describe('timeouts', () => {
  const withTimeout = (timeout: Record<string, unknown>, extra: Record<string, unknown> = {}) => chain([approval('a', { timeout, ...extra }), approval('b', { assignees: [{ kind: 'user', userId: 'o2' }] })]);

  it('remind: notifies and schedules the next reminder', () => {
    const c = new Case(withTimeout({ duration: 'PT48H', action: 'remind' }));
    c.start();
    expect(c.effects('scheduleTimer')[0]).toMatchObject({ dueAt: '2025-01-08T09:00:00.000Z', purpose: 'timeout', duration: 'PT48H' });
    expect(c.effects('createTask')[0]?.dueAt).toBe('2025-01-08T09:00:00.000Z');
    c.fire('timeout');
    expect(c.effects('notify')[0]).toMatchObject({ kind: 'remind', to: ['o1'] });
    expect(c.state?.timers?.[0]?.due).toBe('2025-01-10T09:00:00.000Z');
    c.approve('a', 'o1');
    expect(c.effects('cancelTimer')).toHaveLength(1);
    expect(c.state?.timers).toBeUndefined();
  });

  it('escalate to the manager of the assignee', () => {
    const c = new Case(withTimeout({ duration: 'PT48H', action: 'escalate', escalateTo: { manager: true } }));
    c.start();
    c.fire('timeout');
    expect(c.task('a').who).toEqual(['bm1']);
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['bm1']);
    c.approve('a', 'bm1');
    expect(c.state?.tasks?.[0]?.n).toBe('b');
  });

  it('escalate to a role', () => {
    const c = new Case(withTimeout({ duration: 'P1D', action: 'escalate', escalateTo: { role: 'director' } }));
    c.start();
    c.fire('timeout');
    expect(c.task('a')).toMatchObject({ who: ['d1'], esc: 1 });
  });

  it('autoApprove and autoReject', () => {
    const c = new Case(withTimeout({ duration: 'PT1H', action: 'autoApprove' }));
    c.start();
    c.fire('timeout');
    expect(c.state?.tasks?.[0]?.n).toBe('b');
    expect(encodeEvent(c.events.find((x) => x.type === 'taskClosed') as FlowEvent).data).toEqual({ r: 'approved', auto: 1 });
    c.rejects({ type: 'withdraw', actor: actor('ini') }, 'withdrawNotAllowed');
    const d = new Case(withTimeout({ duration: 'PT1H', action: 'autoReject' }));
    d.start();
    d.fire('timeout');
    expect(d.state).toMatchObject({ st: 'completed', out: 'rejected' });
  });

  it('business-calendar durations use the injected calendar', () => {
    const c = new Case(withTimeout({ duration: 'P2D', businessCalendar: true, action: 'remind' }), {
      directory,
      addBusinessDuration: (_from, duration) => (duration === 'P2D' ? '2025-01-08T18:00:00Z' : 'bad'),
    });
    c.start();
    expect(c.effects('scheduleTimer')[0]).toMatchObject({ dueAt: '2025-01-08T18:00:00.000Z', businessCalendar: true });
  });

  it('a stale timer is refused', () => {
    const c = new Case(withTimeout({ duration: 'PT1H', action: 'remind' }));
    c.start();
    c.rejects({ type: 'timerFired', timerId: 'm999' }, 'unknownTimer');
  });
});

describe('authority limits', () => {
  const def = chain(
    [
      approval('a', {
        assignees: [{ kind: 'role', role: 'officer' }],
        mode: 'any',
        authorityLimits: [
          { role: 'officer', upTo: 500_000, amountVariable: 'amount' },
          { role: 'manager', upTo: 5_000_000, amountVariable: 'amount' },
          { role: 'director', upTo: 50_000_000, amountVariable: 'amount' },
        ],
      }),
    ],
    [{ name: 'amount', type: 'money', required: true }],
  );

  it('within the limit the approval completes the task', () => {
    const c = new Case(def);
    c.start({ amount: 400_000 });
    c.approve('a', 'o1');
    expect(c.state?.st).toBe('completed');
  });

  it('above the limit the task routes to the next authority that covers the amount', () => {
    const c = new Case(def);
    c.start({ amount: 2_000_000 });
    c.approve('a', 'o2');
    expect(c.state?.st).toBe('running');
    expect(encodeEvent(c.events.find((x) => x.type === 'authorityRouted') as FlowEvent).data).toEqual({ to: ['bm1'], by: 'o2', limit: 500_000 });
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['bm1']);
    c.approve('a', 'bm1');
    expect(c.state?.st).toBe('completed');
  });

  it('routes straight to the authority that covers a large amount', () => {
    const c = new Case(def);
    c.start({ amount: 20_000_000 });
    c.approve('a', 'o1');
    expect(c.task('a').grp?.[0]?.u).toEqual(['d1']);
    c.approve('a', 'd1');
    expect(c.state?.st).toBe('completed');
  });
});

describe('rejected commands and bad payloads', () => {
  const def = chain([approval('a')], [
    { name: 'amount', type: 'money', required: true },
    { name: 'when', type: 'date' },
  ]);

  it('refuses bad start payloads', () => {
    const c = new Case(def);
    c.rejects({ type: 'start', actor: actor('ini'), variables: {} }, 'invalidPayload');
    c.rejects({ type: 'start', actor: actor('ini'), variables: { amount: 'x' } }, 'invalidPayload');
    c.rejects({ type: 'start', actor: actor('ini'), variables: { amount: 1, other: 1 } }, 'invalidPayload');
    c.rejects({ type: 'start', actor: actor('ini'), variables: { amount: 1, when: 'soon' } }, 'invalidPayload');
    c.rejects({ type: 'start', actor: { userId: '' }, variables: { amount: 1 } }, 'invalidPayload');
    c.rejects({ type: 'withdraw', actor: actor('ini') }, 'notStarted');
    c.start({ amount: '12.50', when: '2025-02-01' });
    c.rejects({ type: 'start', actor: actor('ini'), variables: { amount: 1 } }, 'alreadyStarted');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'fly' as 'approve' }, 'invalidPayload');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'delegate' }, 'invalidPayload');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'addApprover', addApprover: { userId: 'x', position: 'middle' as 'after' } }, 'invalidPayload');
    c.rejects({ type: 'serviceResult', callId: 'c1', ok: true }, 'unknownCall');
    c.rejects({ type: 'subflowCompleted', callId: 'c1' }, 'unknownCall');
  });

  it('refuses a command for another definition version', () => {
    const c = new Case(def);
    c.start({ amount: 1 });
    expect(() => execute({ ...def, version: 2 }, c.state === null ? null : decodeState(c.state), { type: 'withdraw', commandId: 'w', actor: actor('ini') }, c.now, { directory })).toThrowError(
      expect.objectContaining({ code: 'definitionMismatch' }) as Error,
    );
  });

  it('refuses an invalid now', () => {
    expect(() => execute(def, null, { type: 'start', commandId: 's', actor: actor('ini'), variables: { amount: 1 } }, 'yesterday')).toThrowError(
      expect.objectContaining({ code: 'invalidPayload' }) as Error,
    );
  });
});

describe('idempotency and determinism', () => {
  it('repeating a command id returns the first result and changes nothing', () => {
    const def = chain([approval('a'), approval('b')]);
    const c = new Case(def);
    c.start();
    const taskId = c.task('a').id;
    const first = c.run({ type: 'completeTask', commandId: 'same', taskId, actor: actor('o1'), action: 'approve' });
    const stateAfter = c.state === null ? null : decodeState(c.state);
    const again = execute(def, stateAfter, { type: 'completeTask', commandId: 'same', taskId, actor: actor('o1'), action: 'approve' }, c.now + HOUR, { directory, history: c.events });
    expect(again.state).toBe(stateAfter);
    expect(again.duplicate).toEqual([first.events[0]?.seq, first.events.at(-1)?.seq]);
    expect(again.events).toEqual(first.events);
    expect(again.effects).toEqual([]);
    // even a different payload under the same id is the same (already processed) command
    const other = execute(def, stateAfter, { type: 'withdraw', commandId: 'same', actor: actor('ini') }, c.now, { directory });
    expect(other.state).toBe(stateAfter);
    expect(other.events).toEqual([]);
  });

  it('the same commands at the same times give the same bytes', () => {
    const run = () => {
      const c = new Case(chain([approval('a', { timeout: { duration: 'PT2H', action: 'remind' } })]));
      c.start();
      c.fire('timeout');
      c.approve('a', 'o1');
      return JSON.stringify({ s: c.state, e: c.events });
    };
    expect(run()).toBe(run());
  });

  it('replay of the events equals the live state', () => {
    const c = new Case(chain([approval('a')]));
    c.start();
    c.approve('a', 'o1');
    expect(encodeState(replay(c.def, c.events))).toEqual(c.state);
  });
});

describe('edges', () => {
  it('accepts ISO strings for now', () => {
    const def = flow([n('start', 'start'), n('end', 'end')], [e('start', 'end')]);
    const r = execute(def, null, { type: 'start', commandId: 's', actor: actor('ini') }, '2025-03-01T08:00:00+08:00');
    expect(r.events[0]?.at).toBe('2025-03-01T00:00:00.000Z');
    expect(encodeState(r.state)).toMatchObject({ st: 'completed', out: 'approved' });
  });
});
