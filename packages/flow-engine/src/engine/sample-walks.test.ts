/**
 * Seeded random walks over four sample flows (the bank's loan approval, every node type, approvals
 * in every mode with activities around them, BPMN activity behaviour): random commands, accepted,
 * refused and repeated, each run the way a server would (stored form in, stored form out). The
 * storage tests compare what they produce with what the engine produced before.
 */
import { describe, expect, it } from 'vitest';
import { everyNodeType, loanApproval } from '../definition/sample-flows.js';
import type { FlowDefinition } from '../definition/flow-definition.js';
import { FlowCommandError, type FlowCommand, type TaskAction } from './commands.js';
import type { Directory, ExecuteContext } from './context.js';
import type { FlowEvent } from './events/flow-event.js';
import { execute } from './execute.js';
import { approval, deepFreeze, e, flow, n, T0 } from './harness.test.js';
import type { FlowState, JsonValue } from './state/flow-state.js';
import { decodeState, encodeState } from './state/state-encoding.js';
import type { StoredFlowState } from './state/stored-state.js';

/** Roles hold three people each, a branch role one; everyone's manager is `m-` them (three levels at most). */
const directory: Directory = {
  usersInRole: (role) => [`${role}1`, `${role}2`, `${role}3`],
  usersInRoleAtBranch: (role, branch) => [`${role}@${branch}`],
  managerOf: (userId, levels) => {
    let u = userId;
    for (let i = 0; i < levels; i++) u = `m-${u}`;
    return u.startsWith('m-m-m-m-') ? undefined : u;
  },
};

/** Approvals in every mode with timeouts, groups and a reject edge; BPMN activity behaviour around them. */
function approvalsAndActivities(): FlowDefinition {
  const committee = [{ kind: 'role', role: 'committee' }];
  return flow(
    [
      n('start', 'start'),
      n('par', 'parallel'),
      approval('a', { mode: 'any', assignees: [{ kind: 'role', role: 'officer' }], timeout: { duration: 'PT8H', action: 'escalate' }, returnTo: 'any', distinctApprovers: true }),
      approval('b', { mode: 'sequential', assignees: committee, timeout: { duration: 'PT4H', action: 'remind' } }),
      n('join', 'join'),
      n('inc', 'inclusive'),
      approval('c', { mode: 'percentage', percentage: 66.67, assignees: committee, distinctApprovers: true, rejectEdge: 'c-rework', boundaryTimers: [{ id: 'slow', duration: 'PT2H', interrupting: false, edge: 'c-nudge' }] }),
      n('nudge', 'notify', { to: [{ kind: 'manager', levels: 1 }], kind: 'message', template: 'slow' }),
      n('rework', 'service', { effect: 'script', config: { script: 'rework' }, loop: { condition: 'amount > 300', maximum: 3 }, retry: { maxAttempts: 2, backoff: { delay: 'PT1M', multiplier: 2 } } }),
      n('svc', 'service', { effect: 'webhook', config: {}, multiInstance: { cardinality: '3', completionCondition: 'amount > 1500' }, boundaryTimers: [{ id: 'late', duration: 'PT1H', interrupting: true, edge: 'svc-ijoin' }], completionQuantity: 2 }),
      n('sub', 'subflow', { flowKey: 'child', inputs: { amount: 'amount' }, outputs: { amount: 'amount' }, multiInstance: { cardinality: '2', sequential: true }, startQuantity: 2 }),
      n('ijoin', 'inclusiveJoin'),
      n('loop', 'branch'),
      approval('d', { mode: 'all', assignees: [{ kind: 'user', userId: 'd1' }, { kind: 'manager', levels: 1 }], timeout: { duration: 'PT1H', action: 'autoApprove' }, authorityLimits: [{ role: 'officer', upTo: 800, amountVariable: 'amount' }] }),
      n('end', 'end'),
    ],
    [
      e('start', 'par'),
      e('par', 'a'),
      e('par', 'b'),
      e('a', 'join'),
      e('b', 'join'),
      e('join', 'inc'),
      e('inc', 'c', { condition: 'amount > 100' }),
      e('inc', 'svc', { default: true }),
      e('c', 'ijoin'),
      e('c', 'rework', { id: 'c-rework' }),
      e('c', 'nudge', { id: 'c-nudge' }),
      e('nudge', 'ijoin'),
      e('rework', 'ijoin'),
      e('svc', 'sub'),
      e('svc', 'ijoin', { id: 'svc-ijoin' }),
      e('sub', 'ijoin'),
      e('ijoin', 'd'),
      e('d', 'loop'),
      e('loop', 'a', { condition: 'amount > 500', loop: { maxIterations: 2 } }),
      e('loop', 'end', { default: true }),
    ],
    [{ name: 'amount', type: 'number', required: true }],
  );
}

/** Activities only: multi-instance with retries and a boundary timer, a standard loop, sequential subflows, a vote, a loop edge. */
function activities(): FlowDefinition {
  const script = (id: string, extra: Record<string, unknown>) => n(id, 'service', { effect: 'script', config: { script: id }, outputs: { amount: 'amount' }, ...extra });
  return flow(
    [
      n('start', 'start'),
      n('split', 'inclusive'),
      script('each', { multiInstance: { cardinality: '3', completionCondition: 'amount > 1500' }, retry: { maxAttempts: 2, backoff: { delay: 'PT1M' } }, boundaryTimers: [{ id: 'late', duration: 'PT1H', interrupting: true, edge: 'each-ijoin' }] }),
      script('again', { loop: { condition: 'amount < 1500', maximum: 4 } }),
      n('sub', 'subflow', { flowKey: 'child', inputs: { amount: 'amount' }, outputs: { amount: 'amount' }, multiInstance: { cardinality: '2', sequential: true } }),
      approval('vote', { mode: 'percentage', percentage: 66.67, assignees: [{ kind: 'role', role: 'committee' }] }),
      n('ijoin', 'inclusiveJoin'),
      n('loop', 'branch'),
      n('end', 'end'),
    ],
    [
      e('start', 'split'),
      e('split', 'each', { condition: 'amount > 200' }),
      e('split', 'again', { condition: 'amount < 1800' }),
      e('split', 'sub', { condition: 'amount > 600' }),
      e('split', 'vote', { default: true }),
      e('each', 'ijoin'),
      e('each', 'ijoin', { id: 'each-ijoin' }),
      e('again', 'ijoin'),
      e('sub', 'ijoin'),
      e('vote', 'ijoin'),
      e('ijoin', 'loop'),
      e('loop', 'split', { condition: 'amount > 1000', loop: { maxIterations: 2 } }),
      e('loop', 'end', { default: true }),
    ],
    [{ name: 'amount', type: 'number', required: true }],
  );
}

/** A small deterministic generator (mulberry32), so the walks are the same on every run. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Walk {
  def: FlowDefinition;
  variables: (pick: (n: number) => number) => Record<string, JsonValue>;
}

const INITIATOR = { userId: 'ini', roles: ['officer'], branch: 'b1', managerChain: ['m-ini'] };
const ACTIONS: TaskAction[] = ['approve', 'approve', 'approve', 'approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'];

const WALKS: Walk[] = [
  { def: loanApproval(), variables: (pick) => ({ amount: ['300000', '2000000', '9000000'][pick(3)] ?? '1', applicant: { income: 5000 + pick(5000) } }) },
  { def: everyNodeType(), variables: (pick) => ({ x: pick(4), kyc: { officer: 'k1' }, 'opened at': '2025-01-08T09:00:00Z' }) },
  { def: approvalsAndActivities(), variables: (pick) => ({ amount: pick(2000) }) },
  { def: activities(), variables: (pick) => ({ amount: pick(2000) }) },
];

/** What a walk produced: the state after each accepted command (as the engine returned it) and all the events. */
export interface Walked {
  states: FlowState[];
  events: FlowEvent[];
}

/** A seeded walk of `steps` random commands over `w` (accepted, refused and repeated ones). */
export function walk(w: Walk, seed: number, steps: number): Walked {
  const pick = random(seed);
  const ctx: ExecuteContext = { directory };
  let now = T0;
  const begin: FlowCommand = { type: 'start', commandId: 'start', actor: INITIATOR, variables: w.variables(pick) };
  if (seed % 2 === 0) Object.assign(begin, { subject: `rec${seed}`, parent: { instanceId: 'p1', callId: 'c9' } });
  const start = execute(w.def, null, begin, now, ctx);
  let stored = encodeState(start.state);
  const out: FlowState[] = [start.state];
  const events: FlowEvent[] = [...start.events];
  const sent: FlowCommand[] = [];
  for (let i = 0; i < steps && stored.st === 'running'; i++) {
    now += 20 * 60_000;
    const cmd = command(stored, pick, `c${i}`, sent);
    try {
      // decoding shares values with the stored form: frozen, so that any change to either would throw
      const before = JSON.stringify(stored);
      const live = deepFreeze(decodeState(deepFreeze(stored)));
      const r = execute(w.def, live, cmd, now, ctx);
      expect(JSON.stringify(stored)).toBe(before);
      if (r.duplicate !== undefined) continue;
      stored = encodeState(r.state);
      out.push(r.state);
      events.push(...r.events);
      sent.push(cmd);
    } catch (err) {
      if (!(err instanceof FlowCommandError)) throw err;
    }
  }
  return { states: out, events };
}

function command(s: StoredFlowState, pick: (n: number) => number, commandId: string, sent: FlowCommand[]): FlowCommand {
  const tasks = s.tasks ?? [];
  const timers = s.timers ?? [];
  const calls = s.calls ?? [];
  const roll = pick(20);
  if (roll === 0 && sent.length > 0) return sent[pick(sent.length)] as FlowCommand;
  if (roll === 1) return { type: 'urge', commandId, actor: INITIATOR };
  if (roll === 2 && pick(4) === 0) return { type: pick(2) === 0 ? 'withdraw' : 'cancel', commandId, actor: pick(2) === 0 ? INITIATOR : { userId: 'root', admin: true } };
  if (roll < 6 && timers.length > 0) return { type: 'timerFired', commandId, timerId: (timers[pick(timers.length)] as { id: string }).id };
  if (roll < 11 && calls.length > 0) {
    const call = calls[pick(calls.length)] as { id: string; k: string };
    if (call.k === 'subflow') return { type: 'subflowCompleted', commandId, callId: call.id, outcome: 'approved', output: { amount: pick(2000) } };
    return { type: 'serviceResult', commandId, callId: call.id, ok: pick(4) !== 0, output: { score: 500 + pick(300), amount: pick(2000), body: { id: 'acc1' } }, error: 'down' };
  }
  const task = tasks[pick(Math.max(1, tasks.length))];
  if (task === undefined) return { type: 'urge', commandId, actor: INITIATOR };
  const people = [...task.who, ...task.who, ...(task.grp ?? []).flatMap((g) => g.u), 'ini', 'officer2'];
  const other = ['officer1', 'committee2', 'd1', 'x9', 'ini'][pick(5)] ?? 'x9';
  const userId = people[pick(people.length)] ?? 'x9';
  const roles = userId.startsWith('officer') ? ['officer'] : [];
  return {
    type: 'completeTask',
    commandId,
    taskId: task.id,
    actor: { userId, roles },
    action: ACTIONS[pick(ACTIONS.length)] ?? 'approve',
    comment: pick(3) === 0 ? 'ok' : undefined,
    delegateTo: other,
    addApprover: { userId: other, position: pick(2) === 0 ? 'before' : 'after' },
    fields: undefined,
  } as FlowCommand;
}

/** Six walks per sample flow. */
export function walks(): Walked[] {
  const out: Walked[] = [];
  WALKS.forEach((w, k) => {
    for (let seed = 1; seed <= 6; seed++) out.push(walk(w, seed * 100 + k, 50));
  });
  return out;
}

/** Every state of `walks()`. */
export function corpus(): FlowState[] {
  return walks().flatMap((w) => w.states);
}

describe('sample walks', () => {
  it('reach every way a case ends', () => {
    const ends = new Set(corpus().map((s) => s.status));
    for (const status of ['running', 'completed', 'terminated', 'cancelled', 'withdrawn', 'failed']) expect(ends).toContain(status);
  });
});

