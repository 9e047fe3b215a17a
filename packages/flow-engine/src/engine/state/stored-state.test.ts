/**
 * The storage boundary. `stored-states.golden.json` holds the JSON of every state a set of seeded
 * random walks over the sample flows reached, as the engine stored it before its state model got
 * full names (regenerate it only on a deliberate change of the stored form, with
 * BANKFORGE_WRITE_GOLDEN=1): the engine must still store exactly those bytes, and
 * `encodeState`/`decodeState` must be exact inverses, on those states and on random ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyNodeType, loanApproval } from '../../definition/sample-flows.js';
import type { FlowDefinition } from '../../definition/flow-definition.js';
import { FlowCommandError, type FlowCommand, type TaskAction } from '../commands.js';
import type { Directory, ExecuteContext } from '../context.js';
import { execute } from '../execute.js';
import { approval, deepFreeze, e, flow, n, T0 } from '../harness.test.js';
import type { FlowState, JsonValue } from './flow-state.js';
import { decodeState, encodeState } from './state-encoding.js';
import type { StoredFlowState } from './stored-state.js';

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

const WALKS: Walk[] = [
  { def: loanApproval(), variables: (pick) => ({ amount: ['300000', '2000000', '9000000'][pick(3)] ?? '1', applicant: { income: 5000 + pick(5000) } }) },
  { def: everyNodeType(), variables: (pick) => ({ x: pick(4), kyc: { officer: 'k1' }, 'opened at': '2025-01-08T09:00:00Z' }) },
  { def: approvalsAndActivities(), variables: (pick) => ({ amount: pick(2000) }) },
  { def: activities(), variables: (pick) => ({ amount: pick(2000) }) },
];

/** The states a seeded walk of `steps` commands over `w` reached (after each accepted command), as the engine returned them. */
function walk(w: Walk, seed: number, steps: number): FlowState[] {
  const pick = random(seed);
  const ctx: ExecuteContext = { directory };
  let now = T0;
  const begin: FlowCommand = { type: 'start', commandId: 'start', actor: INITIATOR, variables: w.variables(pick) };
  if (seed % 2 === 0) Object.assign(begin, { subject: `rec${seed}`, parent: { instanceId: 'p1', callId: 'c9' } });
  const start = execute(w.def, null, begin, now, ctx);
  let stored = encodeState(start.state);
  const out: FlowState[] = [start.state];
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
      sent.push(cmd);
    } catch (err) {
      if (!(err instanceof FlowCommandError)) throw err;
    }
  }
  return out;
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

/** Every state of six walks per sample flow. */
function corpus(): FlowState[] {
  const out: FlowState[] = [];
  WALKS.forEach((w, k) => {
    for (let seed = 1; seed <= 6; seed++) out.push(...walk(w, seed * 100 + k, 50));
  });
  return out;
}

const golden = (): string[] => JSON.parse(readFileSync(GOLDEN, 'utf8')) as string[];

describe('the stored state', () => {
  it('is byte for byte what the engine stored before the state model got full names', () => {
    const stored = corpus().map((s) => JSON.stringify(encodeState(s)));
    if (process.env.BANKFORGE_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(stored, null, 0).replaceAll('","', '",\n"')}\n`);
    const expected = golden();
    expect(stored.length).toBe(expected.length);
    stored.forEach((json, i) => expect(json, `state ${i}`).toBe(expected[i]));
  });

  it('decodes and encodes back to the same bytes', () => {
    for (const json of golden()) expect(JSON.stringify(encodeState(decodeState(JSON.parse(json) as StoredFlowState)))).toBe(json);
  });

  it('decodes what it encoded, for every state the sample flows reach', () => {
    for (const s of corpus()) {
      const back = decodeState(encodeState(s));
      expect(back).toEqual(s);
      // the same field order too, so the engine goes on producing the same bytes
      expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    }
  });

  it('is an exact inverse on random states, whatever order their fields were set in (fast-check)', () => {
    fc.assert(
      fc.property(flowState, (s) => {
        const stored = encodeState(s);
        const back = decodeState(stored);
        expect(back).toEqual(s);
        expect(JSON.stringify(back)).toBe(JSON.stringify(s));
        const json = JSON.stringify(stored);
        expect(JSON.stringify(encodeState(decodeState(JSON.parse(json) as StoredFlowState)))).toBe(json);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('refuses a field it does not know (a model change without its encoding)', () => {
    const s = corpus()[0] as FlowState;
    expect(() => encodeState({ ...s, surprise: 1 } as FlowState)).toThrow('encodeState: the state has no field surprise');
    expect(() => decodeState({ ...encodeState(s), tok: [{ id: 't1', n: 'a', zz: 1 }] } as unknown as StoredFlowState)).toThrow('decodeState: a token has no field zz');
  });
});

// ---------------------------------------------------------------------------------------------
// Random states (fast-check): every field, optional ones present or not, in a random field order
// ---------------------------------------------------------------------------------------------

/** The objects of `arb` with their fields in a random order (the engine's field order depends on the event history). */
function shuffled<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const rank = (seed: number, key: string): number => {
    let h = seed;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x9e3779b1);
    return h >>> 0;
  };
  return fc.tuple(arb, fc.integer()).map(([o, seed]) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort((x, y) => rank(seed, x) - rank(seed, y))) out[k] = (o as Record<string, unknown>)[k];
    return out as T;
  });
}

const id = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const ids = fc.array(id, { maxLength: 4 });
const pair = fc.tuple(id, id);
const iso = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString());
const json: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;

const initiator = shuffled(fc.record({ userId: id, roles: ids, branch: id, managerChain: ids }, { requiredKeys: ['userId'] }));
const token = shuffled(fc.record({ id, nodeId: id, forkStack: ids, arrivalEdge: id, completedRuns: fc.nat(9), instanceCount: fc.nat(9) }, { requiredKeys: ['id', 'nodeId'] }));
const group = shuffled(fc.record({ users: ids, position: fc.constantFrom('before' as const, 'after' as const), addedBy: id, approvedBy: id }, { requiredKeys: ['users', 'position', 'addedBy'] }));
const task = shuffled(
  fc.record(
    { id, nodeId: id, tokenId: id, pending: ids, assignees: ids, approvedBy: ids, rejectedBy: ids, approvalsRequired: fc.nat(5), approverGroups: fc.array(group, { maxLength: 2 }), delegations: fc.array(pair, { maxLength: 2 }), escalations: fc.nat(3) },
    { requiredKeys: ['id', 'nodeId', 'tokenId', 'pending', 'assignees'] },
  ),
);
const timer = shuffled(
  fc.record(
    { id, nodeId: id, dueAt: iso, purpose: fc.constantFrom('wait' as const, 'timeout' as const, 'remind' as const, 'retry' as const, 'boundary' as const), taskId: id, tokenId: id, attempt: fc.nat(5), boundaryIndex: fc.nat(3), run: fc.nat(5) },
    { requiredKeys: ['id', 'nodeId', 'dueAt', 'purpose'] },
  ),
);
const call = shuffled(
  fc.record({ id, nodeId: id, tokenId: id, attempt: fc.nat(5), kind: fc.constantFrom('service' as const, 'decision' as const, 'subflow' as const), run: fc.nat(5) }, { requiredKeys: ['id', 'nodeId', 'tokenId', 'attempt', 'kind'] }),
);
const fork = shuffled(fc.record({ splitNodeId: id, takenEdges: ids }));
const commandRecord = fc.tuple(fc.nat(99), fc.nat(99));

const flowState: fc.Arbitrary<FlowState> = shuffled(
  fc.record(
    {
      definitionKey: id,
      definitionVersion: fc.nat(9),
      id,
      status: fc.constantFrom('running' as const, 'completed' as const, 'terminated' as const, 'cancelled' as const, 'withdrawn' as const, 'failed' as const),
      outcome: id,
      error: fc.string(),
      initiator,
      startedAt: iso,
      variables: fc.dictionary(fc.string(), json, { maxKeys: 4 }),
      tokens: fc.array(token, { maxLength: 3 }),
      forks: fc.dictionary(id, fork, { maxKeys: 2 }),
      tasks: fc.array(task, { maxLength: 2 }),
      timers: fc.array(timer, { maxLength: 3 }),
      calls: fc.array(call, { maxLength: 2 }),
      loopCounts: fc.dictionary(id, fc.nat(9), { maxKeys: 2 }),
      approvalPath: ids,
      distinctApprovals: fc.array(pair, { maxLength: 2 }),
      recentCommands: fc.dictionary(fc.string(), commandRecord, { maxKeys: 4 }),
      lastSeq: fc.nat(999),
      lastActionSeq: fc.nat(999),
      parent: fc.record({ instanceId: id, callId: id }),
      subject: id,
    },
    { requiredKeys: ['definitionKey', 'definitionVersion', 'id', 'status', 'initiator', 'startedAt', 'variables', 'recentCommands', 'lastSeq'] },
  ),
);
