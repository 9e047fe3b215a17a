/** Approval tasks: opening one, closing it, moving on when its mode is satisfied, and its timeout. */
import type { ApprovalNode } from '../../definition/flow-definition.js';
import type { FlowEffect } from '../effects.js';
import type { EventData, TaskCloseReason } from '../events/flow-event.js';
import type { Task } from '../state/flow-state.js';
import { actionable, isComplete, requiredApprovals } from '../approval-rules.js';
import { FlowRuntimeError } from '../values.js';
import { escalationTargets, resolveAssignees } from './assignees.js';
import type { EventExtra, Run } from './run.js';
import { armBoundaryTimers, cancelTimers, setTimer } from './timers.js';
import { drain, queueAlong, queueLeave } from './tokens.js';

export function openTask(run: Run, tokenId: string, node: ApprovalNode): void {
  const who = resolveAssignees(run, node.assignees, true);
  if (who.length === 0) throw new FlowRuntimeError(`approval ${node.id} resolved to no assignee`);
  const taskId = `k${run.nextSeq()}`;
  const created: EventData<'taskCreated'> = { tokenId, assignees: who };
  if (node.mode === 'percentage') created.approvalsRequired = requiredApprovals(who.length, node.percentage ?? 100);
  run.emit('taskCreated', created, { nodeId: node.id, taskId });
  const eff: Extract<FlowEffect, { type: 'createTask' }> = {
    type: 'createTask',
    taskId,
    nodeId: node.id,
    assignees: node.mode === 'sequential' ? who.slice(0, 1) : [...who],
    mode: node.mode,
    actions: [...node.actions],
  };
  if (node.formKey !== undefined) eff.formKey = node.formKey;
  if (node.editableFields !== undefined) eff.editableFields = [...node.editableFields];
  run.effects.push(eff);
  armBoundaryTimers(run, tokenId, node);
  if (node.timeout !== undefined) {
    const t = setTimer(run, node.id, 'timeout', node.timeout.duration, node.timeout.businessCalendar === true, { taskId });
    eff.dueAt = t.dueAt;
  }
}

/** How a task closed, besides its reason: where a return goes, and whether a timeout decided it. */
export interface TaskClosing {
  returnTo?: string;
  /** The return goes back to the initiator (`returnTo` is the start node). */
  toInitiator?: true;
  /** A timeout decided (autoApprove, autoReject). */
  automatic?: true;
}

/** Closes the task with its timers (its boundary timers too). */
export function closeTask(run: Run, task: Task, reason: TaskCloseReason, extra: EventExtra, closing: TaskClosing = {}): void {
  cancelTimers(run, task.tokenId, task.nodeId, ['boundary']);
  for (const t of run.state.timers ?? []) if (t.taskId === task.id) run.effects.push({ type: 'cancelTimer', timerId: t.id });
  // fields in this order, absent ones left out: the stored history is the same bytes on replay
  const data: EventData<'taskClosed'> = { reason };
  if (closing.returnTo !== undefined) data.returnTo = closing.returnTo;
  if (closing.toInitiator === true) data.toInitiator = true;
  if (closing.automatic === true) data.automatic = true;
  run.emit('taskClosed', data, { ...extra, nodeId: task.nodeId, taskId: task.id });
  run.effects.push(reason === 'cancelled' ? { type: 'cancelTask', taskId: task.id } : { type: 'closeTask', taskId: task.id, result: reason });
}

/** Closes the task and moves on when its mode is satisfied; else tells the server who may act now. */
export function afterTaskChange(run: Run, taskId: string, node: ApprovalNode): void {
  const task = run.state.tasks?.find((t) => t.id === taskId);
  if (task === undefined) return;
  if (isComplete(task, node)) {
    closeTask(run, task, 'approved', {});
    queueLeave(run, task.tokenId, node);
    drain(run);
  } else {
    run.effects.push({ type: 'updateTask', taskId, assignees: actionable(task, node.mode) });
  }
}

/** A rejected task follows the node's reject edge, or ends the case as rejected. */
export function afterRejection(run: Run, task: Task, node: ApprovalNode): void {
  if (node.rejectEdge === undefined) return run.endCase('completed', 'rejected');
  const edge = run.index.edges.get(node.rejectEdge);
  if (edge === undefined) throw new FlowRuntimeError(`reject edge ${node.rejectEdge} of ${node.id} does not exist`);
  queueAlong(run, task.tokenId, edge);
  drain(run);
}

/** The task's timeout fired: remind, escalate, or decide automatically. */
export function taskTimedOut(run: Run, task: Task, node: ApprovalNode): void {
  const timeout = node.timeout;
  if (timeout === undefined) return;
  const act = actionable(task, node.mode);
  const remind = (): void => {
    run.emit('notified', { kind: 'remind', to: act }, { nodeId: node.id, taskId: task.id });
    run.effects.push({ type: 'notify', kind: 'remind', to: act, nodeId: node.id, taskId: task.id });
  };
  switch (timeout.action) {
    case 'remind':
      remind();
      setTimer(run, node.id, 'timeout', timeout.duration, timeout.businessCalendar === true, { taskId: task.id });
      return;
    case 'escalate': {
      const from = act.filter((u) => task.pending.includes(u));
      const to = escalationTargets(run, node, from);
      // nobody to escalate to: remind instead (and no fresh deadline, as nothing changed)
      if (to.length === 0 || from.length === 0) return remind();
      run.emit('escalated', { from, to }, { nodeId: node.id, taskId: task.id });
      run.emit('notified', { kind: 'escalate', to }, { nodeId: node.id, taskId: task.id });
      run.effects.push({ type: 'notify', kind: 'escalate', to, nodeId: node.id, taskId: task.id });
      run.effects.push({ type: 'updateTask', taskId: task.id, assignees: actionable(run.task(task.id), node.mode) });
      // a fresh deadline: if the new assignee sits on it too, the next timeout escalates one level further
      setTimer(run, node.id, 'timeout', timeout.duration, timeout.businessCalendar === true, { taskId: task.id });
      return;
    }
    case 'autoApprove':
      closeTask(run, task, 'approved', {}, { automatic: true });
      queueLeave(run, task.tokenId, node);
      return drain(run);
    case 'autoReject':
      closeTask(run, task, 'rejected', {}, { automatic: true });
      return afterRejection(run, task, node);
  }
}
