/**
 * BPMN activity behaviour of service and subflow nodes: standard loops, multi-instance, boundary
 * timers, token quantities; and error end events.
 */
import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../definition/flow-definition.js';
import { validateFlowDefinition } from '../definition/validate-flow.js';
import { approval, Case, chain, e, flow, n } from './harness.test.js';

const counter = [{ name: 'count', type: 'number' as const }];

function script(id: string, extra: Record<string, unknown> = {}): FlowNode {
  return n(id, 'service', { effect: 'script', config: { script: id }, outputs: { count: 'count' }, ...extra });
}

/** Answers every open call of the case (a script that adds one to `count`), until none is left. */
function answerAll(c: Case, max = 50): string[] {
  const ran: string[] = [];
  for (let i = 0; i < max; i++) {
    const call = c.state?.calls?.find((x) => x.k === 'service');
    if (call === undefined || c.state?.st !== 'running') break;
    ran.push(call.n);
    const count = c.state.vars.count;
    c.run({ type: 'serviceResult', callId: call.id, ok: true, output: { count: (typeof count === 'number' ? count : 0) + 1 } });
  }
  return ran;
}

describe('standard loop', () => {
  it('repeats while the condition holds (tested after each run)', () => {
    const c = new Case(chain([script('inc', { loop: { condition: 'count < 3' } })], counter));
    c.start({ count: 0 });
    expect(answerAll(c)).toEqual(['inc', 'inc', 'inc']);
    expect(c.state).toMatchObject({ st: 'completed', vars: { count: 3 } });
  });

  it('runs once when the condition is false after the first run', () => {
    const c = new Case(chain([script('inc', { loop: { condition: 'count < 3' } })], counter));
    c.start({ count: 5 });
    expect(answerAll(c)).toEqual(['inc']);
  });

  it('with testBefore, a false condition runs it not at all', () => {
    const c = new Case(chain([script('inc', { loop: { condition: 'false', testBefore: true } })], counter));
    c.start({ count: 0 });
    expect(answerAll(c)).toEqual([]);
    expect(c.state?.st).toBe('completed');
  });

  it('stops at the loop maximum', () => {
    const c = new Case(chain([script('inc', { loop: { condition: 'true', maximum: 4 } })], counter));
    c.start({ count: 0 });
    expect(answerAll(c)).toHaveLength(4);
  });
});

describe('multi-instance', () => {
  it('parallel: all runs start at once and the token moves on when the last ends', () => {
    const c = new Case(chain([script('each', { multiInstance: { cardinality: '3' } })], counter));
    c.start({ count: 0 });
    expect(c.effects('callService')).toHaveLength(3);
    expect(c.state?.calls?.map((x) => x.i)).toEqual([1, 2, 3]);
    expect(answerAll(c)).toHaveLength(3);
    expect(c.state?.st).toBe('completed');
  });

  it('sequential: one run after another', () => {
    const c = new Case(chain([script('each', { multiInstance: { cardinality: 'count + 2', sequential: true } })], counter));
    c.start({ count: 0 });
    expect(c.effects('callService')).toHaveLength(1);
    expect(answerAll(c)).toHaveLength(2);
    expect(c.state?.st).toBe('completed');
  });

  it('a completion condition ends the remaining runs', () => {
    const c = new Case(chain([script('each', { multiInstance: { cardinality: '5', completionCondition: 'count >= 2' } })], counter));
    c.start({ count: 0 });
    expect(answerAll(c)).toHaveLength(2);
    expect(c.state?.st).toBe('completed');
    expect(c.events.filter((x) => x.type === 'callDone' && x.data.error === 'cancelled')).toHaveLength(3);
  });

  it('zero runs skip the activity; a negative cardinality fails the case', () => {
    const skip = new Case(chain([script('each', { multiInstance: { cardinality: '0' } })], counter));
    skip.start({ count: 0 });
    expect(skip.state?.st).toBe('completed');
    const bad = new Case(chain([script('each', { multiInstance: { cardinality: 'count' } })], counter));
    bad.start({ count: -1 });
    expect(bad.state).toMatchObject({ st: 'failed' });
    expect(bad.state?.err).toContain('cardinality');
  });
});

describe('boundary timers', () => {
  const guarded = (interrupting: boolean) =>
    flow(
      [n('start', 'start'), script('slow', { boundaryTimers: [{ id: 'late', duration: 'PT2S', interrupting, edge: 'slow-escalate' }] }), n('done', 'end'), script('escalate'), n('escalated', 'end')],
      [e('start', 'slow'), e('slow', 'done'), e('slow', 'escalate'), e('escalate', 'escalated')],
      counter,
    );

  it('interrupting: the timer cancels the activity and takes its edge', () => {
    const c = new Case(guarded(true));
    c.start({ count: 0 });
    const slowCall = c.state?.calls?.[0]?.id ?? '';
    c.fire('boundary');
    expect(c.state?.calls?.map((x) => x.n)).toEqual(['escalate']);
    c.rejects({ type: 'serviceResult', callId: slowCall, ok: true }, 'unknownCall');
    expect(answerAll(c)).toEqual(['escalate']);
    expect(c.state?.st).toBe('completed');
  });

  it('non-interrupting: the activity goes on and a second path starts', () => {
    const c = new Case(guarded(false));
    c.start({ count: 0 });
    c.fire('boundary');
    expect(c.state?.calls?.map((x) => x.n).sort()).toEqual(['escalate', 'slow']);
    answerAll(c);
    expect(c.state?.st).toBe('completed');
  });

  it('the timer is cancelled when the activity ends first', () => {
    const c = new Case(guarded(true));
    c.start({ count: 0 });
    answerAll(c, 1);
    expect(c.state?.st).toBe('completed');
    expect(c.events.some((x) => x.type === 'timerDone' && x.data.fired === undefined)).toBe(true);
  });

  it('the validator checks the boundary edge and refuses loop plus multi-instance', () => {
    const def = guarded(true);
    expect(validateFlowDefinition(def)).toEqual([]);
    const slow = def.nodes[1] as unknown as Record<string, unknown>;
    slow.boundaryTimers = [{ id: 'late', duration: 'PT2S', interrupting: true, edge: 'escalate-escalated' }];
    slow.loop = { condition: 'true' };
    slow.multiInstance = { cardinality: '2' };
    const codes = validateFlowDefinition(def).map((p) => p.code);
    expect(codes).toContain('invalidBoundaryEdge');
    expect(codes).toContain('loopAndMultiInstance');
  });
});

describe('boundary timers on approvals (BPMN user-task SLA)', () => {
  const sla = (interrupting: boolean) =>
    flow(
      [n('start', 'start'), approval('review', { boundaryTimers: [{ id: 'sla', duration: 'PT8H', interrupting, edge: 'review-ops' }] }), n('done', 'end'), script('ops'), n('escalated', 'end')],
      [e('start', 'review'), e('review', 'done'), e('review', 'ops'), e('ops', 'escalated')],
      counter,
    );

  it('interrupting: the task is cancelled and the case takes the timer edge', () => {
    const c = new Case(sla(true));
    c.start({ count: 0 });
    const taskId = c.task('review').id;
    c.fire('boundary');
    expect(c.effects('cancelTask')).toEqual([{ type: 'cancelTask', taskId }]);
    expect(c.state?.tasks).toBeUndefined();
    expect(answerAll(c)).toEqual(['ops']);
    expect(c.state?.st).toBe('completed');
  });

  it('non-interrupting: the approver can still decide while the second path runs', () => {
    const c = new Case(sla(false));
    c.start({ count: 0 });
    c.fire('boundary');
    expect(answerAll(c)).toEqual(['ops']);
    expect(c.state?.st).toBe('running');
    c.approve('review', 'o1');
    expect(c.state?.st).toBe('completed');
  });

  it('a decision before the deadline cancels the timer', () => {
    const c = new Case(sla(true));
    c.start({ count: 0 });
    c.approve('review', 'o1');
    expect(c.effects('cancelTimer')).toHaveLength(1);
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved' });
    expect(validateFlowDefinition(sla(true))).toEqual([]);
  });
});

describe('token quantities and error ends', () => {
  it('completionQuantity sends two tokens; startQuantity waits for two', () => {
    const c = new Case(chain([script('send', { completionQuantity: 2 }), script('forward'), script('receive', { startQuantity: 2 })], counter));
    c.start({ count: 0 });
    expect(answerAll(c)).toEqual(['send', 'forward', 'forward', 'receive']);
    expect(c.state?.st).toBe('completed');
  });

  it('an error thrown in a subflow aborts the parent too; a run-time failure fails it', () => {
    const def = chain([n('sub', 'subflow', { flowKey: 'child', inputs: {}, outputs: {} })]);
    const thrown = new Case(def);
    thrown.start();
    const callId = thrown.state?.calls?.[0]?.id ?? '';
    thrown.run({ type: 'subflowCompleted', callId, errorCode: 'LIMIT_BREACH' });
    expect(thrown.state).toMatchObject({ st: 'failed', out: 'LIMIT_BREACH' });
    const broken = new Case(def);
    broken.start();
    broken.run({ type: 'subflowCompleted', callId: broken.state?.calls?.[0]?.id ?? '', error: 'no assignee' });
    expect(broken.state?.st).toBe('failed');
    expect(broken.state?.out).toBeUndefined();
    expect(broken.state?.err).toContain('no assignee');
  });

  it('an error end event aborts the case with its code', () => {
    const c = new Case(chain([], [], { errorCode: 'LIMIT_BREACH' }));
    c.start();
    expect(c.state).toMatchObject({ st: 'failed', out: 'LIMIT_BREACH' });
  });
});

describe('BPMN join semantics', () => {
  const vars = [{ name: 'test', type: 'string' as const }];

  it('a parallel join after an exclusive split never fires (deadlock, as BPMN says)', () => {
    const def = flow(
      [n('start', 'start'), n('x', 'branch'), script('a'), script('b'), n('j', 'join'), script('after'), n('end', 'end')],
      [e('start', 'x'), e('x', 'a', { condition: 'contains(test, "a")' }), e('x', 'b', { default: true }), e('a', 'j'), e('b', 'j'), e('j', 'after'), e('after', 'end')],
      vars,
    );
    expect(validateFlowDefinition(def).map((p) => p.code)).toContain('joinCanDeadlock');
    const c = new Case(def);
    c.start({ test: 'a' });
    expect(answerAll(c)).toEqual(['a']);
    expect(c.state?.st).toBe('running');
    expect(c.state?.tok?.map((t) => t.n)).toEqual(['j']);
  });

  it('an inclusive join synchronises exactly the branches taken, once', () => {
    const def = flow(
      [n('start', 'start'), n('i', 'inclusive'), script('a'), script('b'), script('c'), n('ij', 'inclusiveJoin'), script('after'), n('end', 'end')],
      [
        e('start', 'i'),
        e('i', 'a', { condition: 'contains(test, "a")' }),
        e('i', 'b', { condition: 'contains(test, "b")' }),
        e('i', 'c', { default: true }),
        e('a', 'ij'),
        e('b', 'ij'),
        e('c', 'ij'),
        e('ij', 'after'),
        e('after', 'end'),
      ],
      vars,
    );
    const both = new Case(def);
    both.start({ test: 'ab' });
    expect(answerAll(both).sort()).toEqual(['a', 'after', 'b']);
    const one = new Case(def);
    one.start({ test: 'b' });
    expect(answerAll(one)).toEqual(['b', 'after']);
    const none = new Case(def);
    none.start({ test: 'z' });
    expect(answerAll(none)).toEqual(['c', 'after']);
  });

  it('an inclusive split takes unconditioned edges always and the default only when no condition held', () => {
    const def = flow(
      [n('start', 'start'), n('i', 'inclusive'), script('cond'), script('always'), script('dflt'), n('e1', 'end'), n('e2', 'end'), n('e3', 'end')],
      [e('start', 'i'), e('i', 'cond', { condition: 'contains(test, "a")' }), e('i', 'always'), e('i', 'dflt', { default: true }), e('cond', 'e1'), e('always', 'e2'), e('dflt', 'e3')],
      vars,
    );
    const c = new Case(def);
    c.start({ test: 'b' });
    expect(answerAll(c).sort()).toEqual(['always', 'dflt']);
    const d = new Case(def);
    d.start({ test: 'a' });
    expect(answerAll(d).sort()).toEqual(['always', 'cond']);
  });

  it('conditions on a parallel split are not evaluated: every branch runs', () => {
    // the validator refuses such a condition (conditionOnNonBranch); the engine ignores it all the same
    const def = flow(
      [n('start', 'start'), n('p', 'parallel'), script('a'), script('b'), n('j', 'join'), n('end', 'end')],
      [e('start', 'p'), e('p', 'a', { condition: 'false' }), e('p', 'b'), e('a', 'j'), e('b', 'j'), e('j', 'end')],
      vars,
    );
    const c = new Case(def);
    c.start({ test: 'x' });
    expect(answerAll(c).sort()).toEqual(['a', 'b']);
    expect(c.state?.st).toBe('completed');
  });
});
