/**
 * Timers: the server schedules them (`scheduleTimer`) and answers with `timerFired`. A timer waits
 * on a timer node, times out a task, retries a service, or is a boundary timer of an activity.
 */
import { FeelDate, FeelDateTime, instantSeconds, parseDateTime } from '@bankforge/rule-engine';
import type { ApprovalNode, FlowNode } from '../../definition/flow-definition.js';
import { boundaryTimersOf } from '../../definition/boundary-timers.js';
import { FlowCommandError, type TimerFiredCommand } from '../commands.js';
import type { ScheduleTimerEffect } from '../effects.js';
import type { Timer, TimerPurpose } from '../state/flow-state.js';
import { durationMs, FlowRuntimeError } from '../values.js';
import { startCall, stopActivity, type ActivityNode } from './activities.js';
import { feel } from './expressions.js';
import type { Run } from './run.js';
import { closeTask, taskTimedOut } from './tasks.js';
import { drain, queueAlong, queueLeave } from './tokens.js';

/** What a timer refers to (in the order given: it is the order of the stored fields). */
type TimerRefs = Pick<Timer, 'taskId' | 'tokenId' | 'attempt' | 'boundaryIndex' | 'run'>;

export function timerFired(run: Run, c: TimerFiredCommand): void {
  const timer = run.state.timers?.find((t) => t.id === c.timerId);
  if (timer === undefined) throw new FlowCommandError('unknownTimer', `timer ${c.timerId} is not pending`);
  run.emit('timerDone', { timerId: timer.id, fired: true }, { nodeId: timer.nodeId, taskId: timer.taskId });
  const node = run.node(timer.nodeId);
  switch (timer.purpose) {
    case 'wait':
      queueLeave(run, timer.tokenId ?? '', node);
      return drain(run);
    case 'retry':
      if (node.type !== 'service') throw new FlowRuntimeError(`retry timer on ${node.id}, which is not a service`);
      startCall(run, timer.tokenId ?? '', node, timer.attempt ?? 2, timer.run);
      return;
    case 'boundary':
      if (node.type !== 'service' && node.type !== 'subflow' && node.type !== 'approval') throw new FlowRuntimeError(`boundary timer on ${node.id}, which is not an activity`);
      boundaryTimerFired(run, timer.tokenId ?? '', node, timer.boundaryIndex ?? 0);
      return drain(run);
    case 'timeout':
    case 'remind': {
      const task = run.state.tasks?.find((t) => t.id === timer.taskId);
      if (task === undefined || node.type !== 'approval' || node.timeout === undefined) return;
      return taskTimedOut(run, task, node);
    }
  }
}

/** A boundary timer fired: a second path (non-interrupting), or the activity is cancelled and the token leaves by the timer's edge. */
function boundaryTimerFired(run: Run, tokenId: string, node: ActivityNode | ApprovalNode, index: number): void {
  const b = node.boundaryTimers?.[index];
  const edge = b === undefined ? undefined : run.index.edges.get(b.edge);
  if (b === undefined || edge === undefined) throw new FlowRuntimeError(`boundary timer ${index} of ${node.id} has no edge`);
  const token = run.token(tokenId);
  if (!b.interrupting) {
    run.queue.push({ tokenId: null, to: edge.target, forkStack: [...(token.forkStack ?? [])], edge });
    return;
  }
  if (node.type === 'approval') {
    const task = run.state.tasks?.find((t) => t.tokenId === tokenId);
    if (task !== undefined) closeTask(run, task, 'cancelled', {});
  } else stopActivity(run, tokenId, node);
  queueAlong(run, tokenId, edge);
}

export function armBoundaryTimers(run: Run, tokenId: string, node: FlowNode): void {
  boundaryTimersOf(node).forEach((b, i) => {
    setTimerAt(run, node.id, 'boundary', run.nowMs + durationMs(b.duration, run.nowMs), { tokenId, boundaryIndex: i });
  });
}

/** Cancels the token's timers of these purposes on the node. */
export function cancelTimers(run: Run, tokenId: string, nodeId: string, purposes: readonly TimerPurpose[]): void {
  for (const t of run.state.timers ?? []) {
    if (t.tokenId !== tokenId || t.nodeId !== nodeId || !purposes.includes(t.purpose)) continue;
    run.emit('timerDone', { timerId: t.id }, { nodeId });
    run.effects.push({ type: 'cancelTimer', timerId: t.id });
  }
}

/** A timer `duration` from now (in business time when `business` and the server gave a calendar). */
export function setTimer(run: Run, nodeId: string, purpose: TimerPurpose, duration: string, business: boolean, refs: TimerRefs): ScheduleTimerEffect {
  const eff = setTimerAt(run, nodeId, purpose, addDuration(run, duration, business), refs);
  eff.duration = duration;
  if (business) eff.businessCalendar = true;
  return eff;
}

export function setTimerAt(run: Run, nodeId: string, purpose: TimerPurpose, dueMs: number, refs: TimerRefs): ScheduleTimerEffect {
  const id = `m${run.nextSeq()}`;
  const due = new Date(dueMs).toISOString();
  run.emit('timerSet', { timer: { id, nodeId, dueAt: due, purpose, ...refs } }, { nodeId, taskId: refs.taskId });
  const eff: ScheduleTimerEffect = { type: 'scheduleTimer', timerId: id, nodeId, dueAt: due, purpose };
  run.effects.push(eff);
  return eff;
}

/** Epoch ms `duration` from now. */
export function addDuration(run: Run, duration: string, business: boolean): number {
  if (business && run.context.addBusinessDuration !== undefined) {
    const due = Date.parse(run.context.addBusinessDuration(run.at, duration));
    if (!Number.isFinite(due)) throw new FlowRuntimeError(`the business calendar returned no valid time for ${duration}`);
    return due;
  }
  return run.nowMs + durationMs(duration, run.nowMs);
}

/** Epoch ms of a timer node's `until` expression (a date means its midnight UTC). */
export function untilMs(run: Run, source: string): number {
  const v = feel(run, source, 'timer');
  if (v instanceof FeelDateTime) return instantSeconds(v).times(1000).toNumber();
  if (v instanceof FeelDate) return Date.UTC(v.year, v.month - 1, v.day);
  if (typeof v === 'string') {
    const dt = parseDateTime(v);
    if (dt !== null) return instantSeconds(dt).times(1000).toNumber();
  }
  throw new FlowRuntimeError(`timer expression ${source} did not return a date or date and time`);
}
