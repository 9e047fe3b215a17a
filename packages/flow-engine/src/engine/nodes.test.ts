import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../definition/flow-definition.js';
import { actor, approval, Case, chain, directory, e, flow, HOUR, n } from './harness.test.js';

const amount = [{ name: 'amount', type: 'number' as const, required: true }];
const u = (userId: string) => [{ kind: 'user', userId }];

describe('exclusive branch', () => {
  const def = flow(
    [n('start', 'start'), n('br', 'branch'), approval('small'), approval('mid', { assignees: u('o2') }), approval('big', { assignees: u('d1') }), n('end', 'end')],
    [
      e('start', 'br'),
      e('br', 'small', { condition: 'amount <= 100' }),
      e('br', 'mid', { condition: 'amount <= 1000' }),
      e('br', 'big', { default: true }),
      e('small', 'end'),
      e('mid', 'end'),
      e('big', 'end'),
    ],
    amount,
  );
  it.each([
    [50, 'small'],
    [100, 'small'],
    [500, 'mid'],
    [5000, 'big'],
  ])('amount %i goes to %s (first true condition in order, else default)', (a, node) => {
    const c = new Case(def);
    c.start({ amount: a });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual([node]);
  });

  it('fails the case when no edge can be taken', () => {
    const bad = { ...def, edges: def.edges.filter((x) => x.default !== true) };
    const c = new Case(bad);
    c.start({ amount: 5000 });
    expect(c.state).toMatchObject({ st: 'failed', err: 'no outgoing edge of br can be taken' });
  });
});

describe('parallel and inclusive', () => {
  it('parallel split and join wait for every branch', () => {
    const def = flow(
      [n('start', 'start'), n('par', 'parallel'), approval('a'), approval('b', { assignees: u('o2') }), n('join', 'join'), approval('after', { assignees: u('d1') }), n('end', 'end')],
      [e('start', 'par'), e('par', 'a'), e('par', 'b'), e('a', 'join'), e('b', 'join'), e('join', 'after'), e('after', 'end')],
    );
    const c = new Case(def);
    c.start();
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['a', 'b']);
    c.approve('b', 'o2');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['a']);
    expect(c.state?.tok?.map((t) => t.n).sort()).toEqual(['a', 'join']);
    c.approve('a', 'o1');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['after']);
    expect(c.state?.forks).toBeUndefined();
    expect(c.state?.tok).toEqual([expect.objectContaining({ n: 'after' })]);
    expect(c.state?.tok?.[0]?.f).toBeUndefined();
    c.approve('after', 'd1');
    expect(c.state?.st).toBe('completed');
  });

  const inclusive = (): FlowDefinition =>
    flow(
      [
        n('start', 'start'),
        n('inc', 'inclusive'),
        approval('risk', { assignees: u('o1') }),
        approval('legal', { assignees: u('o2') }),
        approval('ops', { assignees: u('d1') }),
        n('join', 'inclusiveJoin', { splitId: 'inc' }),
        approval('final', { assignees: u('bm1') }),
        n('end', 'end'),
      ],
      [
        e('start', 'inc'),
        e('inc', 'risk', { condition: 'amount > 100' }),
        e('inc', 'legal', { condition: 'amount > 1000' }),
        e('inc', 'ops', { default: true }),
        e('risk', 'join'),
        e('legal', 'join'),
        e('ops', 'join'),
        e('join', 'final'),
        e('final', 'end'),
      ],
      amount,
    );

  it('inclusive join waits for exactly the taken branches (one skipped)', () => {
    const c = new Case(inclusive());
    c.start({ amount: 500 });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['risk']);
    expect(Object.values(c.state?.forks ?? {})).toEqual([{ n: 'inc', taken: ['inc-risk'] }]);
    c.approve('risk', 'o1');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['final']);
  });

  it('inclusive join with two taken branches fires once, after both', () => {
    const c = new Case(inclusive());
    c.start({ amount: 5000 });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['risk', 'legal']);
    c.approve('legal', 'o2');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['risk']);
    c.approve('risk', 'o1');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['final']);
    expect(c.events.filter((x) => x.type === 'joined')).toHaveLength(1);
    c.approve('final', 'bm1');
    expect(c.state?.st).toBe('completed');
  });

  it('inclusive takes the default edge when no condition holds', () => {
    const c = new Case(inclusive());
    c.start({ amount: 10 });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['ops']);
  });

  it('terminate cancels the open tasks of the other branches', () => {
    const def = flow(
      [n('start', 'start'), n('par', 'parallel'), approval('a'), n('stop', 'terminate', { outcome: 'rejected' }), approval('b', { assignees: u('o2') }), n('join', 'join'), n('end', 'end')],
      [e('start', 'par'), e('par', 'a'), e('par', 'b'), e('a', 'stop'), e('b', 'join'), e('join', 'end')],
    );
    const c = new Case(def);
    c.start();
    const b = c.task('b').id;
    c.approve('a', 'o1');
    expect(c.state).toMatchObject({ st: 'terminated', out: 'rejected' });
    expect(c.state?.tasks).toBeUndefined();
    expect(c.effects('cancelTask')).toEqual([{ type: 'cancelTask', taskId: b }]);
  });
});

describe('loops', () => {
  const def = (max: number) =>
    flow(
      [n('start', 'start'), approval('review'), n('check', 'branch'), n('end', 'end')],
      [e('start', 'review'), e('review', 'check'), e('check', 'review', { condition: 'needsMore', loop: { maxIterations: max } }), e('check', 'end', { default: true })],
      [{ name: 'needsMore', type: 'boolean', default: false }],
    );

  it('repeats while the condition holds', () => {
    const c = new Case({ ...def(3), nodes: def(3).nodes.map((x) => (x.id === 'review' ? approval('review', { editableFields: ['needsMore'] }) : x)) });
    c.start({ needsMore: true });
    c.approve('review', 'o1');
    expect(c.state?.loops).toEqual({ 'check-review': 1 });
    c.approve('review', 'o1', { fields: { needsMore: false } });
    expect(c.state).toMatchObject({ st: 'completed' });
    expect(c.state?.loops).toBeUndefined();
  });

  it('stops with an error at the loop maximum', () => {
    const c = new Case(def(2));
    c.start({ needsMore: true });
    c.approve('review', 'o1');
    c.approve('review', 'o1');
    expect(c.state?.st).toBe('running');
    c.approve('review', 'o1');
    expect(c.state).toMatchObject({ st: 'failed', err: 'loop check-review exceeded its maximum of 2 iterations' });
    expect(c.effects('instanceEnded')[0]).toMatchObject({ status: 'failed' });
  });

  it('a cycle without a wait state fails instead of spinning', () => {
    const spin = flow(
      [n('start', 'start'), n('x', 'branch'), n('y', 'notify', { to: u('o1'), kind: 'message', template: 't' }), n('end', 'end')],
      [e('start', 'x'), e('x', 'y', { condition: 'true' }), e('x', 'end', { default: true }), e('y', 'x')],
    );
    const c = new Case(spin, { directory, maxSteps: 50 });
    c.start();
    expect(c.state?.st).toBe('failed');
  });
});

describe('decision node', () => {
  const def = flow(
    [
      n('start', 'start'),
      n('score', 'decision', { decisionKey: 'applicant-score', decisionVersion: 3, inputs: { Amount: 'amount', Double: 'amount * 2' }, outputs: { score: 'score', grade: 'result.grade' } }),
      n('br', 'branch'),
      n('reject', 'terminate', { outcome: 'rejected' }),
      approval('a'),
      n('end', 'end'),
    ],
    [e('start', 'score'), e('score', 'br'), e('br', 'reject', { condition: 'score < 600' }), e('br', 'a', { default: true }), e('a', 'end')],
    [...amount, { name: 'score', type: 'number' }, { name: 'grade', type: 'string' }],
  );

  it('evaluates synchronously through context.decide and writes the outputs', () => {
    const calls: unknown[] = [];
    const c = new Case(def, {
      directory,
      decide: (key, inputs, version) => {
        calls.push([key, inputs, version]);
        return { outputs: { score: 720, result: { grade: 'A' } }, trace: { tables: [{ matchedRules: [2] }] } };
      },
    });
    const started = c.start({ amount: 1000 });
    expect(calls).toEqual([['applicant-score', { Amount: 1000, Double: 2000 }, 3]]);
    expect(c.state?.vars).toEqual({ amount: 1000, score: 720, grade: 'A' });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['a']);
    // The history keeps what the decision saw and did, before the outputs reach the variables.
    const decided = started.events.find((ev) => ev.type === 'decided');
    expect(decided).toMatchObject({
      nodeId: 'score',
      data: { decisionKey: 'applicant-score', decisionVersion: 3, inputs: { Amount: 1000, Double: 2000 }, outputs: { score: 720, result: { grade: 'A' } }, trace: { tables: [{ matchedRules: [2] }] } },
    });
    expect(started.events[started.events.indexOf(decided!) + 1]).toMatchObject({ type: 'varsSet', data: { variables: { score: 720, grade: 'A' } } });
  });

  it('auto-rejects below the threshold', () => {
    const c = new Case(def, { directory, decide: () => ({ outputs: { score: 500 } }) });
    c.start({ amount: 1000 });
    expect(c.state).toMatchObject({ st: 'terminated', out: 'rejected', vars: { score: 500, grade: null } });
  });

  it('without decide: an evaluateDecision effect answered by serviceResult', () => {
    const c = new Case(def);
    c.start({ amount: 1000 });
    const eff = c.effects('evaluateDecision')[0];
    expect(eff).toMatchObject({ decisionKey: 'applicant-score', decisionVersion: 3, inputs: { Amount: 1000, Double: 2000 } });
    c.run({ type: 'serviceResult', callId: eff?.callId ?? '', ok: true, output: { score: 650, result: { grade: 'B' } } });
    expect(c.state?.vars.grade).toBe('B');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['a']);
  });

  it('a throwing decision fails the case', () => {
    const c = new Case(def, {
      directory,
      decide: () => {
        throw new Error('model missing');
      },
    });
    c.start({ amount: 1 });
    expect(c.state).toMatchObject({ st: 'failed', err: 'decision applicant-score failed at score: model missing' });
  });
});

describe('service node', () => {
  const def = (retry?: unknown, failureEdge = true) =>
    flow(
      [
        n('start', 'start'),
        n('svc', 'service', { effect: 'http', config: { url: 'https://core/api', method: 'POST' }, retry, outputs: { ref: 'body.ref' }, ...(failureEdge ? { failureEdge: 'svc-fix' } : {}) }),
        approval('fix', { assignees: u('o2') }),
        n('end', 'end'),
      ],
      [e('start', 'svc'), e('svc', 'end'), e('svc', 'fix'), e('fix', 'end')],
      [{ name: 'ref', type: 'string' }],
    );

  it('calls, writes outputs and continues on success', () => {
    const c = new Case(def());
    c.start();
    const call = c.effects('callService')[0];
    expect(call).toMatchObject({ effect: 'http', attempt: 1, config: { url: 'https://core/api', method: 'POST' } });
    c.run({ type: 'serviceResult', callId: call?.callId ?? '', ok: true, output: { body: { ref: 'R1' } } });
    expect(c.state).toMatchObject({ st: 'completed', vars: { ref: 'R1' } });
  });

  it('retries immediately, then takes the failure edge', () => {
    const c = new Case(def({ maxAttempts: 2 }));
    c.start();
    c.run({ type: 'serviceResult', callId: c.effects('callService')[0]?.callId ?? '', ok: false, error: '503' });
    const second = c.effects('callService')[0];
    expect(second?.attempt).toBe(2);
    c.run({ type: 'serviceResult', callId: second?.callId ?? '', ok: false, error: '503' });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['fix']);
  });

  it('retries after an exponential backoff timer', () => {
    const c = new Case(def({ maxAttempts: 3, backoff: { delay: 'PT1M', multiplier: 2 } }));
    c.start();
    c.run({ type: 'serviceResult', callId: c.effects('callService')[0]?.callId ?? '', ok: false });
    expect(c.effects('scheduleTimer')[0]).toMatchObject({ purpose: 'retry', dueAt: '2025-01-06T09:01:00.000Z' });
    c.fire('retry');
    expect(c.effects('callService')[0]?.attempt).toBe(2);
    c.run({ type: 'serviceResult', callId: c.effects('callService')[0]?.callId ?? '', ok: false });
    expect(c.effects('scheduleTimer')[0]?.dueAt).toBe('2025-01-06T09:03:00.000Z');
    c.fire('retry');
    c.run({ type: 'serviceResult', callId: c.effects('callService')[0]?.callId ?? '', ok: true, output: {} });
    expect(c.state).toMatchObject({ st: 'completed', vars: { ref: null } });
  });

  it('sends a body written as a FEEL template as the JSON it gives over the case variables, each attempt anew; a JSON body as written', () => {
    const templated = (body: string | Record<string, string>) =>
      flow(
        [n('start', 'start'), n('svc', 'service', { effect: 'http', config: { url: 'https://core/api', method: 'POST', body }, retry: { maxAttempts: 2 } }), n('end', 'end')],
        [e('start', 'svc'), e('svc', 'end')],
        amount,
      );
    const c = new Case(templated('{customer: "c_1", doubled: amount * 2, large: amount > 1000}'));
    c.start({ amount: 600 });
    expect(c.effects('callService')[0]?.config.body).toEqual({ customer: 'c_1', doubled: 1200, large: false });
    c.run({ type: 'serviceResult', callId: c.effects('callService')[0]?.callId ?? '', ok: false, error: '503' });
    expect(c.effects('callService')[0]?.config.body).toEqual({ customer: 'c_1', doubled: 1200, large: false });
    const plain = new Case(templated({ customer: 'amount' }));
    plain.start({ amount: 600 });
    expect(plain.effects('callService')[0]?.config.body).toEqual({ customer: 'amount' });
  });

  it('fails the case naming the step when its body template fails', () => {
    const c = new Case(
      flow([n('start', 'start'), n('svc', 'service', { effect: 'http', config: { url: 'https://core/api', body: '{a: ' } }), n('end', 'end')], [e('start', 'svc'), e('svc', 'end')], amount),
    );
    c.start({ amount: 1 });
    expect(c.state?.st).toBe('failed');
    expect(c.state?.err).toMatch(/^request body at svc failed/);
  });

  it('fails the case without a failure edge', () => {
    const c = new Case(def(undefined, false));
    c.start();
    c.run({ type: 'serviceResult', callId: c.effects('callService')[0]?.callId ?? '', ok: false, error: 'timeout' });
    expect(c.state).toMatchObject({ st: 'failed', err: 'service svc failed after 1 attempt(s): timeout' });
  });
});

describe('notify and timer nodes', () => {
  it('notify sends a carbon copy and moves on', () => {
    const c = new Case(chain([n('cc', 'notify', { to: [{ kind: 'manager', levels: 1 }, { kind: 'user', userId: 'ini' }], kind: 'cc', template: 'loan-approved' })]));
    c.start();
    expect(c.effects('notify')).toEqual([{ type: 'notify', kind: 'cc', to: ['m1', 'ini'], nodeId: 'cc', template: 'loan-approved' }]);
    expect(c.state?.st).toBe('completed');
    expect(c.events.find((x) => x.type === 'notified')?.data).toEqual({ kind: 'cc', to: ['m1', 'ini'], template: 'loan-approved' });
  });

  it('timer waits for a duration', () => {
    const c = new Case(chain([n('wait', 'timer', { duration: 'P3D' })]));
    c.start();
    expect(c.effects('scheduleTimer')[0]).toMatchObject({ purpose: 'wait', dueAt: '2025-01-09T09:00:00.000Z' });
    c.fire('wait');
    expect(c.state?.st).toBe('completed');
  });

  it('timer waits until a FEEL date; a past date passes straight through', () => {
    const def = chain([n('wait', 'timer', { until: 'date and time(due) + duration("PT1H")' })], [{ name: 'due', type: 'dateTime', required: true }]);
    const c = new Case(def);
    c.start({ due: '2025-02-01T08:00:00+08:00' });
    expect(c.state?.timers?.[0]?.due).toBe('2025-02-01T01:00:00.000Z');
    const d = new Case(def);
    d.start({ due: '2024-02-01T08:00:00Z' });
    expect(d.state?.st).toBe('completed');
    const m = new Case(chain([n('wait', 'timer', { until: 'date("2025-03-01")' })]));
    m.start();
    expect(m.state?.timers?.[0]?.due).toBe('2025-03-01T00:00:00.000Z');
    const y = new Case(chain([n('wait', 'timer', { duration: 'P1M' })]));
    y.start();
    expect(y.state?.timers?.[0]?.due).toBe('2025-02-06T09:00:00.000Z');
  });
});

describe('subflow', () => {
  const parent = flow(
    [n('start', 'start'), n('kyc', 'subflow', { flowKey: 'kyc-check', version: 2, inputs: { customer: 'customer', twice: 'amount * 2' }, outputs: { kycResult: 'outcome', risk: 'riskLevel' } }), approval('a'), n('end', 'end')],
    [e('start', 'kyc'), e('kyc', 'a'), e('a', 'end')],
    [{ name: 'customer', type: 'string' }, ...amount, { name: 'kycResult', type: 'string' }, { name: 'risk', type: 'string' }],
  );
  const child = flow(
    [n('start', 'start'), n('deep', 'subflow', { flowKey: 'sanctions', inputs: { name: 'customer' }, outputs: {} }), approval('check', { assignees: u('o2') }), n('end', 'end')],
    [e('start', 'deep'), e('deep', 'check'), e('check', 'end')],
    [{ name: 'customer', type: 'string' }, { name: 'twice', type: 'number' }, { name: 'riskLevel', type: 'string', default: 'low' }],
    'kyc-check',
  );

  it('starts a nested subflow and continues with its outputs when it completes', () => {
    const p = new Case(parent);
    p.start({ customer: 'C1', amount: 10 });
    const start = p.effects('startSubflow')[0];
    expect(start).toMatchObject({ flowKey: 'kyc-check', version: 2, variables: { customer: 'C1', twice: 20 }, parent: { instanceId: 'cmd1' } });
    if (start === undefined) throw new Error('no startSubflow');

    const k = new Case(child);
    k.run({ type: 'start', actor: actor('ini'), variables: start.variables, parent: start.parent });
    const nested = k.effects('startSubflow')[0];
    expect(nested).toMatchObject({ flowKey: 'sanctions', variables: { name: 'C1' }, parent: { instanceId: 'cmd1' } });
    k.run({ type: 'subflowCompleted', callId: nested?.callId ?? '', outcome: 'approved' });
    k.approve('check', 'o2');
    const ended = k.effects('instanceEnded')[0];
    expect(ended).toMatchObject({ status: 'completed', outcome: 'approved', parent: start.parent, variables: { riskLevel: 'low' } });

    p.run({ type: 'subflowCompleted', callId: ended?.parent?.callId ?? '', outcome: ended?.outcome, output: ended?.variables });
    expect(p.state?.vars).toMatchObject({ kycResult: 'approved', risk: 'low' });
    expect(p.state?.tasks?.map((t) => t.n)).toEqual(['a']);
  });

  it('cancelling the parent cancels a running subflow', () => {
    const p = new Case(parent);
    p.start({ customer: 'C1', amount: 10 });
    const callId = p.effects('startSubflow')[0]?.callId;
    p.rejects({ type: 'serviceResult', callId: callId ?? '', ok: true }, 'unknownCall');
    p.run({ type: 'cancel', actor: actor('root') });
    expect(p.effects('cancelSubflow')).toEqual([{ type: 'cancelSubflow', callId }]);
    expect(p.now + HOUR).toBeGreaterThan(p.now);
  });
});
