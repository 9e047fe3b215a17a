import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../definition/flow-definition.js';
import { FlowCommandError, type FlowCommand, type TaskAction } from './commands.js';
import { actionable } from './approval-rules.js';
import { replay } from './events/apply-event.js';
import type { FlowEvent } from './events/flow-event.js';
import { execute } from './execute.js';
import { actor, approval, deepFreeze, directory, e, flow, n, T0 } from './harness.test.js';
import { decodeState, encodeState } from './state/state-encoding.js';
import type { StoredFlowState } from './state/stored-state.js';

const committee = [{ kind: 'role', role: 'committee' }];

/** Parallel approvals (one with a timeout, one sequential), an inclusive split with a skippable branch, a loop and a service. */
export const def: FlowDefinition = flow(
  [
    n('start', 'start'),
    n('par', 'parallel'),
    approval('a', { mode: 'any', assignees: [{ kind: 'role', role: 'officer' }], timeout: { duration: 'PT8H', action: 'escalate' }, returnTo: 'any' }),
    approval('b', { mode: 'sequential', assignees: committee, timeout: { duration: 'PT4H', action: 'remind' } }),
    n('join', 'join'),
    n('inc', 'inclusive'),
    approval('c', { mode: 'percentage', percentage: 66.67, assignees: committee, distinctApprovers: true }),
    n('svc', 'service', { effect: 'webhook', config: {}, retry: { maxAttempts: 2, backoff: { delay: 'PT1M' } } }),
    n('ijoin', 'inclusiveJoin'),
    n('loop', 'branch'),
    approval('d', { mode: 'all', assignees: [{ kind: 'user', userId: 'd1' }, { kind: 'user', userId: 'bm1' }], timeout: { duration: 'PT1H', action: 'autoApprove' } }),
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
    e('svc', 'ijoin'),
    e('ijoin', 'd'),
    e('d', 'loop'),
    e('loop', 'a', { condition: 'amount > 500', loop: { maxIterations: 2 } }),
    e('loop', 'end', { default: true }),
  ],
  [{ name: 'amount', type: 'number', required: true }],
);

const USERS = ['ini', 'o1', 'o2', 'c1', 'c2', 'c3', 'd1', 'bm1', 'bm2', 'root'];
const ACTIONS: TaskAction[] = [...Array<TaskAction>(24).fill('approve'), 'reject', 'return', 'return', 'delegate', 'delegate', 'addApprover', 'addApprover', 'comment'];

type Step =
  | { k: 'task'; task: number; user: number; action: number; other: number; before: boolean }
  | { k: 'timer'; timer: number }
  | { k: 'service'; ok: boolean }
  | { k: 'withdraw' | 'urge' | 'cancel'; user: number }
  | { k: 'repeat'; back: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('task' as const), task: fc.nat(3), user: fc.nat(USERS.length - 1), action: fc.nat(ACTIONS.length - 1), other: fc.nat(USERS.length - 1), before: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('timer' as const), timer: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('service' as const), ok: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('withdraw' as const, 'urge' as const, 'urge' as const, 'urge' as const, 'cancel' as const), user: fc.nat(USERS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('repeat' as const), back: fc.nat(5) }) },
);

function toCommand(s: Step, state: StoredFlowState, i: number, sent: FlowCommand[]): FlowCommand {
  const id = `c${i}`;
  switch (s.k) {
    case 'task': {
      const tasks = state.tasks ?? [];
      const task = tasks[s.task % Math.max(1, tasks.length)];
      const node = def.nodes.find((x) => x.id === task?.n);
      const live = decodeState(state).tasks?.find((t) => t.id === task?.id);
      const now = live === undefined || node?.type !== 'approval' ? [] : actionable(live, node.mode);
      // mostly someone who may act now; sometimes anyone involved, the initiator or a stranger
      const pool = task === undefined ? USERS : [...now, ...now, ...now, ...now, ...task.who, ...(task.grp ?? []).flatMap((g) => g.u), 'ini', 'o2'];
      const user = pool[s.user % pool.length] ?? 'o1';
      const other = USERS[s.other] ?? 'o2';
      const action = ACTIONS[s.action] ?? 'approve';
      return {
        type: 'completeTask',
        commandId: id,
        taskId: task?.id ?? 'none',
        actor: actor(user),
        action,
        delegateTo: other,
        addApprover: { userId: other, position: s.before ? 'before' : 'after' },
        returnToNodeId: s.before ? 'a' : undefined,
      };
    }
    case 'timer': {
      const timers = state.timers ?? [];
      return { type: 'timerFired', commandId: id, timerId: timers[s.timer % Math.max(1, timers.length)]?.id ?? 'none' };
    }
    case 'service':
      return { type: 'serviceResult', commandId: id, callId: state.calls?.[0]?.id ?? 'none', ok: s.ok };
    case 'repeat':
      return sent[sent.length - 1 - (s.back % Math.max(1, sent.length))] ?? { type: 'urge', commandId: id, actor: actor('ini') };
    default:
      return { type: s.k, commandId: id, actor: actor(USERS[s.user] ?? 'ini') };
  }
}

describe('random command sequences (fast-check)', () => {
  it('replay equals the live state; rejected commands change nothing; repeats are idempotent', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.array(step, { minLength: 20, maxLength: 150 }), (amount, steps) => {
        const first = execute(def, null, { type: 'start', commandId: 'start', actor: actor('ini'), variables: { amount } }, T0, { directory });
        // the stored form, as a server keeps it between commands
        let state = encodeState(first.state);
        const events: FlowEvent[] = [...first.events];
        const sent: FlowCommand[] = [];
        let now = T0;
        steps.forEach((s, i) => {
          now += 15 * 60_000;
          const cmd = toCommand(s, state, i, sent);
          const before = JSON.stringify(state);
          const frozen = deepFreeze(decodeState(state));
          let r;
          try {
            r = execute(def, frozen, cmd, now, { directory });
          } catch (err) {
            if (!(err instanceof FlowCommandError)) throw err;
            expect(JSON.stringify(encodeState(frozen))).toBe(before);
            return;
          }
          if (r.duplicate !== undefined) {
            expect(r.state).toBe(frozen);
            expect(r.events).toEqual([]);
            return;
          }
          sent.push(cmd);
          for (const ev of r.events) seen.add(ev.type === 'ended' ? `ended:${ev.data.status}:${ev.data.outcome ?? (ev.data.error === undefined ? '' : 'error')}` : ev.type);
          state = encodeState(r.state);
          events.push(...r.events);
          expect(r.events.map((x) => x.seq)).toEqual(r.events.map((_, j) => (r.events[0]?.seq ?? 0) + j));
          // the live state is exactly the fold of all events so far
          expect(JSON.stringify(encodeState(replay(def, events)))).toBe(JSON.stringify(state));
        });
        // and running it all again gives the same bytes
        expect(state.seq).toBe(events.length);
      }),
      { numRuns: 300, seed: 5 },
    );
    // the random sequences really reach every part of the flow
    for (const kind of ['ended:completed:approved', 'ended:completed:rejected', 'ended:withdrawn:', 'joined', 'callStarted', 'escalated', 'approverAdded', 'delegated', 'timerDone']) {
      expect(seen).toContain(kind);
    }
  });
});
