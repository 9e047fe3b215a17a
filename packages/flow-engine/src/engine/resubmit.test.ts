/**
 * Return to the initiator (退回发起人) and resubmit (重新提交): the resubmit task on the start node,
 * for the initiator only; the re-read record values as the resubmission's fields; the case running
 * again from the start; withdraw while returned; the record writes at `returned` and `resubmitted`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowNode } from '../definition/flow-definition.js';
import { validateFlowDefinition } from '../definition/validate-flow.js';
import { approvalTrail } from '../history/approval-trail.js';
import { FlowCommandError } from './commands.js';
import { decodeEvent, encodeEvent } from './events/event-encoding.js';
import type { StoredFlowEvent } from './events/stored-event.js';
import { actor, approval, Case, chain, e, flow, HOUR, n, T0 } from './harness.test.js';
import { decodeState, encodeState } from './state/state-encoding.js';
import type { StoredFlowState } from './state/stored-state.js';

const user = (userId: string) => [{ kind: 'user', userId }];

/**
 * start → route: up to 1,000 one officer (o1, returns to the initiator); above it a senior officer
 * (o2, returns anywhere, the initiator included) then a director (d1, returns to the previous only).
 */
function loan(officer: Record<string, unknown> = {}): FlowDefinition {
  const def = flow(
    [
      n('start', 'start'),
      n('route', 'branch'),
      approval('officer', { assignees: user('o1'), returnTo: 'initiator', ...officer }),
      approval('senior', { assignees: user('o2'), returnTo: 'any' }),
      approval('director', { assignees: user('d1'), returnTo: 'previous' }),
      n('end', 'end'),
    ],
    [
      e('start', 'route'),
      e('route', 'senior', { condition: 'amount > 1000' }),
      e('route', 'officer', { default: true }),
      e('officer', 'end'),
      e('senior', 'director'),
      e('director', 'end'),
    ],
    [
      { name: 'amount', type: 'money', required: true },
      { name: 'purpose', type: 'string' },
      { name: 'score', type: 'number', default: 0 },
    ],
  );
  return {
    ...def,
    entity: 'loan_application',
    record: {
      variables: { amount: 'amount', purpose: 'purpose' },
      controlledFields: ['status'],
      writes: { started: { status: '"submitted"' }, returned: { status: '"returned"' }, resubmitted: { status: '"submitted"' }, approved: { status: '"approved"' }, withdrawn: { status: '"withdrawn"' } },
    },
  };
}

/** The `type@node` of each event of the last command. */
function steps(c: Case): string[] {
  return (c.last?.events ?? []).map((x) => (x.nodeId === undefined ? x.type : `${x.type}@${x.nodeId}`));
}

function returnedCase(amount: number | string = 500, officer: Record<string, unknown> = {}): Case {
  const c = new Case(loan(officer));
  c.start({ amount, purpose: 'car' });
  c.now = T0 + HOUR;
  c.act(c.task('officer').id, 'o1', 'return', { comment: 'attach the payslips' });
  return c;
}

describe('return to the initiator', () => {
  it('the test flow is publishable', () => {
    expect(validateFlowDefinition(loan())).toEqual([]);
  });

  it('a plain return on a returnTo: initiator node opens a resubmit task for the initiator on the start node', () => {
    const c = new Case(loan({ timeout: { duration: 'PT48H', action: 'remind' } }));
    c.start({ amount: 500, purpose: 'car' });
    const officerTask = c.task('officer').id;
    c.now = T0 + HOUR;
    const r = c.act(officerTask, 'o1', 'return', { comment: 'attach the payslips' });
    expect(steps(c)).toEqual(['taskClosed@officer', 'entered@start', 'taskCreated@start']);
    expect(encodeEvent(r.events[0] as never)).toMatchObject({ actor: 'o1', comment: 'attach the payslips', data: { r: 'returned', to: 'start', ini: 1 } });
    const resubmitTask = c.task('start').id;
    expect(r.effects).toEqual([
      { type: 'cancelTimer', timerId: expect.any(String) as string },
      { type: 'closeTask', taskId: officerTask, result: 'returned' },
      { type: 'updateRecord', milestone: 'returned', values: { status: 'returned' } },
      { type: 'createTask', taskId: resubmitTask, nodeId: 'start', assignees: ['ini'], mode: 'single', actions: ['approve', 'comment'], editableFields: ['amount', 'purpose'] },
    ]);
    // no timeout on the resubmit task
    expect(c.state?.timers).toBeUndefined();
    expect(c.state?.tasks).toEqual([{ id: resubmitTask, n: 'start', tok: expect.any(String) as string, who: ['ini'], all: ['ini'] }]);
    expect(c.state?.tok?.map((t) => t.n)).toEqual(['start']);
  });

  it('only the initiator acts on the resubmit task, and only to resubmit or comment', () => {
    const c = returnedCase();
    const id = c.task('start').id;
    for (const who of ['o1', 'o2', 'root']) {
      c.rejects({ type: 'completeTask', taskId: id, actor: actor(who), action: 'approve' }, 'notAssignee');
      c.rejects({ type: 'completeTask', taskId: id, actor: actor(who), action: 'comment', comment: 'x' }, 'notAssignee');
    }
    for (const action of ['reject', 'return', 'delegate', 'addApprover'] as const) {
      c.rejects({ type: 'completeTask', taskId: id, actor: actor('ini'), action, delegateTo: 'o2', addApprover: { userId: 'o2', position: 'after' } }, 'actionNotAllowed');
    }
    c.rejects({ type: 'completeTask', taskId: id, actor: actor('ini'), action: 'comment', fields: { purpose: 'x' } }, 'invalidPayload');
    c.act(id, 'ini', 'comment', { comment: 'payslips come tomorrow' });
    expect(steps(c)).toEqual(['commented@start']);
    expect(c.last?.effects).toEqual([]);
  });

  it('resubmitting with a changed amount runs the case again from the start and re-routes it', () => {
    const c = returnedCase(500);
    c.now = T0 + 2 * HOUR;
    const resubmitTask = c.task('start').id;
    const r = c.act(resubmitTask, 'ini', 'approve', { comment: 'amount raised, payslips attached', fields: { amount: '5000.00', purpose: 'car and insurance' } });
    expect(steps(c)).toEqual(['varsSet@start', 'taskClosed@start', 'entered@route', 'entered@senior', 'taskCreated@senior']);
    expect(encodeEvent(r.events[1] as never)).toMatchObject({ actor: 'ini', comment: 'amount raised, payslips attached', data: { r: 'resubmitted' } });
    expect(r.effects).toEqual([
      { type: 'closeTask', taskId: resubmitTask, result: 'resubmitted' },
      { type: 'updateRecord', milestone: 'resubmitted', values: { status: 'submitted' } },
      { type: 'createTask', taskId: c.task('senior').id, nodeId: 'senior', assignees: ['o2'], mode: 'single', actions: ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'] },
    ]);
    expect(c.state?.vars).toEqual({ amount: '5000.00', purpose: 'car and insurance', score: 0 });
    c.approve('senior', 'o2');
    c.approve('director', 'd1');
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved', path: ['senior', 'director'] });
  });

  it('resubmitting without fields keeps the variables', () => {
    const c = returnedCase(500);
    c.act(c.task('start').id, 'ini', 'approve');
    expect(steps(c)).toEqual(['taskClosed@start', 'entered@route', 'entered@officer', 'taskCreated@officer']);
    expect(c.state?.vars.amount).toBe(500);
  });

  it('checks the resubmitted fields: bound variables only, of their types, required ones set', () => {
    const c = returnedCase();
    const id = c.task('start').id;
    const resubmit = (fields: Record<string, null | string | number>, code: string): void =>
      c.rejects({ type: 'completeTask', taskId: id, actor: actor('ini'), action: 'approve', fields }, code);
    resubmit({ score: 99 }, 'invalidPayload');
    resubmit({ amount: 'a lot' }, 'invalidPayload');
    resubmit({ amount: null }, 'invalidPayload');
    resubmit({ purpose: 7 }, 'invalidPayload');
    c.act(id, 'ini', 'approve', { fields: { purpose: null } });
    expect(c.state?.vars.purpose).toBeNull();
  });

  it('a flow without a bound record offers no fields on the resubmit task and takes none', () => {
    const c = new Case(chain([approval('a', { returnTo: 'initiator' })]));
    c.start();
    c.act(c.task('a').id, 'o1', 'return');
    expect(c.effects('createTask')).toEqual([{ type: 'createTask', taskId: c.task('start').id, nodeId: 'start', assignees: ['ini'], mode: 'single', actions: ['approve', 'comment'] }]);
    expect(c.effects('updateRecord')).toEqual([]);
    c.rejects({ type: 'completeTask', taskId: c.task('start').id, actor: actor('ini'), action: 'approve', fields: { x: 1 } }, 'invalidPayload');
  });

  it('the initiator may withdraw while the case is returned to them', () => {
    const c = returnedCase();
    expect(c.state?.lastAct).toBeDefined();
    const resubmitTask = c.task('start').id;
    c.rejects({ type: 'withdraw', actor: actor('o1') }, 'notInitiator');
    const r = c.run({ type: 'withdraw', actor: actor('ini'), comment: 'customer bought elsewhere' });
    expect(r.effects).toEqual([
      { type: 'cancelTask', taskId: resubmitTask },
      { type: 'updateRecord', milestone: 'withdrawn', values: { status: 'withdrawn' } },
      { type: 'instanceEnded', status: 'withdrawn', variables: { amount: 500, purpose: 'car', score: 0 } },
    ]);
    expect(c.state?.st).toBe('withdrawn');
  });

  it('after resubmitting, the initiator may withdraw again until someone acts', () => {
    const c = returnedCase(500);
    c.act(c.task('start').id, 'ini', 'approve', { fields: { amount: 5000 } });
    expect(c.state?.lastAct).toBeUndefined();
    const d = new Case(c.def);
    d.state = c.state;
    d.events = [...c.events];
    d.run({ type: 'withdraw', commandId: 'withdraw-after-resubmit', actor: actor('ini') });
    expect(d.state?.st).toBe('withdrawn');

    c.approve('senior', 'o2');
    c.rejects({ type: 'withdraw', actor: actor('ini') }, 'withdrawNotAllowed');
  });

  it('returnTo any goes back to the initiator when there is no earlier approval, or when the start is named', () => {
    const c = new Case(loan());
    c.start({ amount: 5000 });
    c.approve('senior', 'o2');
    // the director returns to the previous approval only: not to the initiator
    c.rejects({ type: 'completeTask', taskId: c.task('director').id, actor: actor('d1'), action: 'return', returnToNodeId: 'start' }, 'invalidReturnTarget');
    c.act(c.task('director').id, 'd1', 'return');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['senior']);
    expect(c.state?.path).toBeUndefined();
    // no earlier approval now: a plain return from an `any` node goes to the initiator
    c.act(c.task('senior').id, 'o2', 'return');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['start']);

    const named = chain([approval('a'), approval('b', { assignees: user('o2'), returnTo: 'any' })]);
    const d = new Case(named);
    d.start();
    d.approve('a', 'o1');
    d.act(d.task('b').id, 'o2', 'return', { returnToNodeId: 'start' });
    expect(d.state?.tasks?.map((t) => t.n)).toEqual(['start']);
    // every approval is to be given again
    expect(d.state?.path).toBeUndefined();
    d.act(d.task('start').id, 'ini', 'approve');
    expect(d.state?.tasks?.map((t) => t.n)).toEqual(['a']);
  });

  it('returnTo initiator refuses an earlier approval as the target, and previous refuses the start', () => {
    const def = chain([approval('a'), approval('b', { assignees: user('o2'), returnTo: 'initiator' }), approval('c', { assignees: user('d1') })]);
    const c = new Case(def);
    c.start();
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'return' }, 'invalidReturnTarget');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'return', returnToNodeId: 'start' }, 'invalidReturnTarget');
    c.approve('a', 'o1');
    c.rejects({ type: 'completeTask', taskId: c.task('b').id, actor: actor('o2'), action: 'return', returnToNodeId: 'a' }, 'invalidReturnTarget');
    c.approve('b', 'o2');
    c.rejects({ type: 'completeTask', taskId: c.task('c').id, actor: actor('d1'), action: 'return', returnToNodeId: 'start' }, 'invalidReturnTarget');
    c.act(c.task('c').id, 'd1', 'return');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['b']);
    c.act(c.task('b').id, 'o2', 'return', { returnToNodeId: 'start' });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['start']);
  });

  it('is refused while other paths of the case are open', () => {
    const parallel = flow(
      [n('start', 'start'), n('par', 'parallel'), approval('a', { returnTo: 'initiator' }), approval('b', { assignees: user('o2') }), n('join', 'join'), n('end', 'end')],
      [e('start', 'par'), e('par', 'a'), e('par', 'b'), e('a', 'join'), e('b', 'join'), e('join', 'end')],
    );
    const c = new Case(parallel);
    c.start();
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'return' }, 'invalidReturnTarget');
    // even when the other branch is done: its token waits at the join
    c.approve('b', 'o2');
    c.rejects({ type: 'completeTask', taskId: c.task('a').id, actor: actor('o1'), action: 'return' }, 'invalidReturnTarget');
  });

  it('starts the loops over: their counters reset', () => {
    const looping: FlowNode[] = [n('start', 'start'), approval('a', { returnTo: 'initiator' }), n('again', 'branch'), n('end', 'end')];
    const def = flow(looping, [e('start', 'a'), e('a', 'again'), e('again', 'a', { id: 'back', condition: 'more', loop: { maxIterations: 1 } }), e('again', 'end', { default: true })], [{ name: 'more', type: 'boolean', default: true }]);
    const c = new Case(def);
    c.start();
    c.approve('a', 'o1');
    expect(c.state?.loops).toEqual({ back: 1 });
    c.act(c.task('a').id, 'o1', 'return');
    expect(c.state?.loops).toBeUndefined();
    c.act(c.task('start').id, 'ini', 'approve');
    // the loop may be taken once more: without the reset it would exceed its maximum and fail the case
    c.approve('a', 'o1');
    expect(c.state).toMatchObject({ st: 'running', loops: { back: 1 } });
  });

  it('the initiator does not urge themselves; an administrator may urge the initiator', () => {
    const c = returnedCase();
    c.rejects({ type: 'urge', actor: actor('ini') }, 'taskNotOpen');
    c.run({ type: 'urge', actor: actor('root'), comment: 'please resubmit' });
    expect(c.effects('notify')).toEqual([{ type: 'notify', kind: 'urge', to: ['ini'], nodeId: 'start', taskId: c.task('start').id, by: 'root', comment: 'please resubmit' }]);
  });

  it('shows in the approval trail, in English and Chinese', () => {
    const c = returnedCase();
    c.now = T0 + 2 * HOUR;
    c.act(c.task('start').id, 'ini', 'approve', { comment: 'payslips attached' });
    const trail = approvalTrail(c.events, c.def);
    expect(trail.map((t) => [t.action, t.actor, t.nodeId, t.detail])).toEqual([
      ['started', 'ini', undefined, undefined],
      ['returned', 'o1', 'officer', 'start'],
      ['resubmitted', 'ini', 'start', undefined],
    ]);
    expect(trail[1]?.users).toEqual(['ini']);
    expect(trail[1]?.text).toEqual({ en: 'o1 returned the case at "officer" to the initiator: "attach the payslips"', 'zh-CN': 'o1 退回发起人（officer）：“attach the payslips”' });
    expect(trail[2]?.text).toEqual({ en: 'ini resubmitted the case: "payslips attached"', 'zh-CN': 'ini 重新提交了申请：“payslips attached”' });
  });
});

describe('random returns and resubmissions (fast-check)', () => {
  it('replay equals the live state after every command; refused commands change nothing', () => {
    const users = ['ini', 'o1', 'o2', 'd1', 'root'];
    const actions = ['approve', 'approve', 'return', 'return', 'reject', 'comment'] as const;
    const step = fc.record({ user: fc.nat(users.length - 1), action: fc.nat(actions.length - 1), amount: fc.integer({ min: 0, max: 3000 }), kind: fc.nat(9) });
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(step, { minLength: 5, maxLength: 40 }), (amount, steps) => {
        const c = new Case(loan());
        c.start({ amount });
        for (const s of steps) {
          if (c.state?.st !== 'running') break;
          c.now += HOUR;
          const task = c.state.tasks?.[0];
          const who = actor(users[s.user] ?? 'ini');
          let cmd: Parameters<Case['run']>[0];
          if (s.kind === 0) cmd = { type: 'withdraw', actor: who };
          else if (task === undefined) continue;
          else {
            const action = actions[s.action] ?? 'approve';
            cmd = { type: 'completeTask', taskId: task.id, actor: who, action, ...(action === 'return' && s.kind === 1 ? { returnToNodeId: 'start' } : {}), ...(task.n === 'start' && action === 'approve' ? { fields: { amount: s.amount } } : {}) };
          }
          try {
            c.run(cmd);
          } catch (err) {
            if (!(err instanceof FlowCommandError)) throw err;
            c.rejects(cmd, err.code);
          }
        }
        for (const x of c.events) {
          if (x.type === 'taskClosed') seen.add(`${x.data.reason}${x.data.toInitiator === true ? ' to the initiator' : ''}`);
          if (x.type === 'ended') seen.add(x.data.status);
        }
      }),
      { numRuns: 150, seed: 18 },
    );
    // the walks went through every way in and out of a return to the initiator
    for (const what of ['returned to the initiator', 'returned', 'resubmitted', 'withdrawn', 'completed']) expect(seen).toContain(what);
  });
});

// ---------------------------------------------------------------------------------------------
// The stored form of a returned and resubmitted case
// ---------------------------------------------------------------------------------------------

const GOLDEN = new URL('./resubmit.golden.json', import.meta.url);

describe('the stored form of a return to the initiator and a resubmission', () => {
  it('is byte for byte resubmit.golden.json (regenerate only on a deliberate change, with BANKFORGE_WRITE_GOLDEN=1)', () => {
    const c = returnedCase(500);
    const returned = JSON.stringify(c.state);
    c.now = T0 + 2 * HOUR;
    c.act(c.task('start').id, 'ini', 'approve', { fields: { amount: 5000 } });
    const resubmitted = JSON.stringify(c.state);
    const stored = { events: c.events.map((x) => JSON.stringify(encodeEvent(x))), states: [returned, resubmitted] };
    if (process.env.BANKFORGE_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(stored, null, 1)}\n`);
    expect(stored).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('decodes and encodes back to the same bytes', () => {
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { events: string[]; states: string[] };
    for (const json of golden.events) expect(JSON.stringify(encodeEvent(decodeEvent(JSON.parse(json) as StoredFlowEvent)))).toBe(json);
    for (const json of golden.states) expect(JSON.stringify(encodeState(decodeState(JSON.parse(json) as StoredFlowState)))).toBe(json);
    expect(decodeEvent(JSON.parse(golden.events[5] ?? '{}') as StoredFlowEvent).data).toEqual({ reason: 'returned', returnTo: 'start', toInitiator: true });
  });
});
