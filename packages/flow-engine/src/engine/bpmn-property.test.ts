/**
 * Random orders of service answers, failures, timer firings and repeated commands on a flow with
 * the BPMN activity behaviour (multi-instance, loop, boundary timer, token quantities, inclusive
 * and parallel joins): replay always equals the live state, and a repeat changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowCommandError, type FlowCommand } from './commands.js';
import { replay } from './events/apply-event.js';
import type { FlowEvent } from './events/flow-event.js';
import { execute } from './execute.js';
import { actor, deepFreeze, e, flow, n, T0 } from './harness.test.js';
import { decodeState, encodeState } from './state/state-encoding.js';
import type { StoredFlowState } from './state/stored-state.js';

const script = (id: string, extra: Record<string, unknown> = {}) => n(id, 'service', { effect: 'script', config: { script: id }, outputs: { count: 'count' }, ...extra });

const def = flow(
  [
    n('start', 'start'),
    n('split', 'inclusive'),
    script('each', { multiInstance: { cardinality: '3', completionCondition: 'count > 4' }, boundaryTimers: [{ id: 'late', duration: 'PT1H', interrupting: true, edge: 'each-rescue' }] }),
    script('again', { loop: { condition: 'count < 6', maximum: 4 }, retry: { maxAttempts: 2 } }),
    script('twice', { completionQuantity: 2 }),
    script('pair', { startQuantity: 2 }),
    script('rescue'),
    n('p', 'parallel'),
    n('nap', 'timer', { duration: 'PT30M' }),
    n('pj', 'join'),
    n('ij', 'inclusiveJoin'),
    n('end', 'end'),
  ],
  [
    e('start', 'split'),
    e('split', 'each', { condition: 'count >= 0' }),
    e('split', 'again', { condition: 'count < 2' }),
    e('split', 'p', { default: true }),
    e('each', 'ij'),
    e('each', 'rescue'),
    e('rescue', 'ij'),
    e('again', 'twice'),
    e('twice', 'pair'),
    e('pair', 'ij'),
    e('p', 'nap'),
    e('p', 'pj'),
    e('nap', 'pj'),
    e('pj', 'ij'),
    e('ij', 'end'),
  ],
  [{ name: 'count', type: 'number', required: true }],
);

type Step = { k: 'answer'; pick: number; ok: boolean; add: number } | { k: 'timer'; pick: number } | { k: 'repeat'; back: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('answer' as const), pick: fc.nat(5), ok: fc.boolean(), add: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('timer' as const), pick: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('repeat' as const), back: fc.nat(4) }) },
);

function toCommand(s: Step, state: StoredFlowState, i: number, sent: FlowCommand[]): FlowCommand {
  const id = `c${i}`;
  switch (s.k) {
    case 'answer': {
      const calls = state.calls ?? [];
      const call = calls[s.pick % Math.max(1, calls.length)];
      const count = state.vars.count;
      return { type: 'serviceResult', commandId: id, callId: call?.id ?? 'none', ok: s.ok || s.add > 0, output: { count: (typeof count === 'number' ? count : 0) + s.add } };
    }
    case 'timer': {
      const timers = state.timers ?? [];
      return { type: 'timerFired', commandId: id, timerId: timers[s.pick % Math.max(1, timers.length)]?.id ?? 'none' };
    }
    case 'repeat':
      return sent[sent.length - 1 - (s.back % Math.max(1, sent.length))] ?? { type: 'timerFired', commandId: id, timerId: 'none' };
  }
}

describe('random answers on a BPMN-style flow (fast-check)', () => {
  it('replay equals the live state; repeats are idempotent; the case ends or waits', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(step, { minLength: 10, maxLength: 80 }), (count, steps) => {
        const first = execute(def, null, { type: 'start', commandId: 'start', actor: actor('ini'), variables: { count } }, T0);
        // the stored form, as a server keeps it between commands
        let state = encodeState(first.state);
        const events: FlowEvent[] = [...first.events];
        for (const ev of first.events) seen.add(ev.type);
        const sent: FlowCommand[] = [];
        let now = T0;
        steps.forEach((s, i) => {
          now += 10 * 60_000;
          const cmd = toCommand(s, state, i, sent);
          const frozen = deepFreeze(decodeState(state));
          let r;
          try {
            r = execute(def, frozen, cmd, now);
          } catch (err) {
            if (!(err instanceof FlowCommandError)) throw err;
            return;
          }
          if (r.duplicate !== undefined) {
            expect(r.state).toBe(frozen);
            return;
          }
          sent.push(cmd);
          for (const ev of r.events) seen.add(ev.type === 'ended' ? `ended:${ev.data.status}` : ev.type);
          state = encodeState(r.state);
          events.push(...r.events);
          expect(JSON.stringify(encodeState(replay(def, events)))).toBe(JSON.stringify(state));
        });
        // a running case always has somewhere to go on: a call, a timer, or tokens parked at a join or quantity
        if (state.st === 'running') expect((state.calls?.length ?? 0) + (state.timers?.length ?? 0) + (state.tok?.length ?? 0)).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 11 },
    );
    for (const kind of ['ended:completed', 'multiStarted', 'joined', 'timerDone', 'callDone']) expect(seen).toContain(kind);
  });
});
