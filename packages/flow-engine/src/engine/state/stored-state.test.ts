/**
 * The stored form of the state. `stored-states.golden.json` holds the JSON of every state a set of
 * seeded random walks over the sample flows reached, as the engine wrote it before the state model
 * got its full names: the engine must still store exactly those bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { everyNodeType, loanApproval } from '../../definition/sample-flows.js';
import type { FlowDefinition } from '../../definition/flow-definition.js';
import { FlowCommandError, type FlowCommand, type TaskAction } from '../commands.js';
import { execute, type Directory, type ExecuteContext } from '../engine.js';
import { approval, e, flow, n, T0 } from '../harness.test.js';
import type { FlowState, JsonValue } from '../state.js';

type Stored = FlowState;
const encode = (s: FlowState): Stored => s;
const decode = (s: Stored): FlowState => s;

const GOLDEN = new URL('./stored-states.golden.json', import.meta.url);

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

export const WALKS: Walk[] = [
  { def: loanApproval(), variables: (pick) => ({ amount: ['300000', '2000000', '9000000'][pick(3)] ?? '1', applicant: { income: 5000 + pick(5000) } }) },
  { def: everyNodeType(), variables: (pick) => ({ x: pick(4), kyc: { officer: 'k1' }, 'opened at': '2025-01-08T09:00:00Z' }) },
  { def: approvalsAndActivities(), variables: (pick) => ({ amount: pick(2000) }) },
  { def: activities(), variables: (pick) => ({ amount: pick(2000) }) },
];

/** The stored states of `runs` seeded walks of `steps` commands each over `walk` (those of accepted commands). */
export function walk(w: Walk, seed: number, steps: number): Stored[] {
  const pick = random(seed);
  const ctx: ExecuteContext = { directory };
  let now = T0;
  const begin: FlowCommand = { type: 'start', commandId: 'start', actor: INITIATOR, variables: w.variables(pick) };
  if (seed % 2 === 0) Object.assign(begin, { subject: `rec${seed}`, parent: { instanceId: 'p1', callId: 'c9' } });
  const start = execute(w.def, null, begin, now, ctx);
  let stored = encode(start.state);
  const out: Stored[] = [stored];
  const sent: FlowCommand[] = [];
  for (let i = 0; i < steps && stored.st === 'running'; i++) {
    now += 20 * 60_000;
    const cmd = command(stored, pick, `c${i}`, sent);
    try {
      const r = execute(w.def, decode(stored), cmd, now, ctx);
      if (r.duplicate !== undefined) continue;
      stored = encode(r.state);
      out.push(stored);
      sent.push(cmd);
    } catch (err) {
      if (!(err instanceof FlowCommandError)) throw err;
    }
  }
  return out;
}

function command(s: Stored, pick: (n: number) => number, commandId: string, sent: FlowCommand[]): FlowCommand {
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

/** Every state of six walks per sample flow, as stored JSON. */
function storedCorpus(): string[] {
  const out: string[] = [];
  WALKS.forEach((w, k) => {
    for (let seed = 1; seed <= 6; seed++) for (const s of walk(w, seed * 100 + k, 50)) out.push(JSON.stringify(s));
  });
  return out;
}

describe('the stored state', () => {
  it('is byte for byte what the engine stored before the state model got full names', () => {
    const corpus = storedCorpus();
    if (process.env.BANKFORGE_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(corpus, null, 0).replaceAll('","', '",\n"')}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as string[];
    expect(corpus.length).toBe(golden.length);
    corpus.forEach((json, i) => expect(json, `state ${i}`).toBe(golden[i]));
  });
});
