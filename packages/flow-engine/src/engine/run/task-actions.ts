/** What people do on a task: approve, reject, return, delegate, add an approver, comment. */
import { isResubmitTask, returnOptions } from '../case-options/case-options.js';
import type { ApprovalNode } from '../../definition/flow-definition.js';
import { actionable, blocked, hasApproved, requiredNow } from '../approval-rules.js';
import { FlowCommandError, type CompleteTaskCommand } from '../commands.js';
import type { EventData } from '../events/flow-event.js';
import { copyJson } from '../state/copy.js';
import type { JsonValue, Task } from '../state/flow-state.js';
import { typeMatches } from '../values.js';
import { authorityRoute } from './assignees.js';
import { actOnResubmitTask, returnToInitiator } from './resubmit.js';
import type { Run } from './run.js';
import { afterRejection, afterTaskChange, closeTask } from './tasks.js';
import { drain } from './tokens.js';

/** Actions that decide something (a comment does not, and may come from anyone involved). */
const DECISIVE = new Set(['approve', 'reject', 'return', 'delegate', 'addApprover']);

export function completeTask(run: Run, c: CompleteTaskCommand): void {
  const s = run.state;
  const task = s.tasks?.find((t) => t.id === c.taskId);
  if (task === undefined) throw new FlowCommandError('taskNotOpen', `task ${c.taskId} is not open`);
  if (isResubmitTask(run.definition, task)) return actOnResubmitTask(run, c, task);
  const node = run.approvalNode(task.nodeId);
  const u = c.actor.userId;
  const isInitiator = u === s.initiator.userId;
  if (isInitiator && c.action !== 'comment') throw new FlowCommandError('makerChecker', 'the initiator cannot act on an approval of their own case');
  if (!node.actions.includes(c.action)) throw new FlowCommandError('actionNotAllowed', `${c.action} is not allowed on ${node.id}`);
  const involved = task.pending.includes(u) || (task.approverGroups ?? []).some((g) => g.approvedBy === undefined && g.users.includes(u));
  if (!involved) {
    if (c.action === 'comment' && (isInitiator || task.assignees.includes(u) || (task.approvedBy ?? []).includes(u))) {
      return comment(run, c, task);
    }
    if (c.action === 'approve' && hasApproved(task, u)) throw new FlowCommandError('alreadyApproved', `${u} already approved this task`);
    throw new FlowCommandError('notAssignee', `${u} is not an assignee of task ${task.id}`);
  }
  const act = actionable(task, node.mode);
  if (DECISIVE.has(c.action) && !act.includes(u)) throw new FlowCommandError('notYourTurn', `${u} cannot act on task ${task.id} yet`);
  if (c.fields !== undefined && c.action !== 'approve') throw new FlowCommandError('invalidPayload', 'fields are only accepted with approve');
  switch (c.action) {
    case 'approve':
      return approve(run, c, task, node);
    case 'reject':
      return reject(run, c, task, node);
    case 'return':
      return returnTask(run, c, task, node);
    case 'delegate':
      return delegate(run, c, task, node);
    case 'addApprover':
      return addApprover(run, c, task, node);
    case 'comment':
      return comment(run, c, task);
  }
}

function approve(run: Run, c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
  const u = c.actor.userId;
  if (node.distinctApprovers === true && (run.state.distinctApprovals ?? []).some(([au, an]) => au === u && an !== node.id)) {
    throw new FlowCommandError('alreadyApproved', `${u} already approved in this case (distinct approvers)`);
  }
  const fields = c.fields !== undefined ? checkFields(run, c.fields, node) : undefined;
  const counts = task.pending.includes(u) && (node.mode !== 'sequential' || task.pending[0] === u) && !blocked(task, u);
  const groups: number[] = [];
  (task.approverGroups ?? []).forEach((g, i) => {
    if (g.approvedBy === undefined && g.users.includes(u) && (g.position === 'before' || hasApproved(task, g.addedBy))) groups.push(i);
  });
  if (fields !== undefined && Object.keys(fields).length > 0) run.emit('varsSet', { variables: fields }, { actor: u, nodeId: node.id, taskId: task.id });
  const data: EventData<'approved'> = { userId: u };
  if (counts) data.counted = true;
  if (groups.length > 0) data.groups = groups;
  if (counts && (node.mode === 'any' || node.mode === 'single')) data.othersReleased = true;
  run.emit('approved', data, { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment });
  const routed = authorityRoute(run, node, u, c.actor);
  if (routed !== null) run.emit('authorityRouted', routed, { nodeId: node.id, taskId: task.id });
  afterTaskChange(run, task.id, node);
}

/**
 * A reject decides the task unless, in `percentage` mode, the required approvals can still be
 * reached without this assignee: then it is a recorded vote and the task stays open.
 */
function reject(run: Run, c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
  const u = c.actor.userId;
  const extra = { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment };
  if (node.mode === 'percentage' && task.pending.includes(u) && !blocked(task, u)) {
    const reachable = (task.approvedBy?.length ?? 0) + task.pending.length - 1 >= requiredNow(task, node);
    if (reachable) {
      run.emit('voteRejected', { userId: u }, extra);
      run.effects.push({ type: 'updateTask', taskId: task.id, assignees: actionable(run.task(task.id), node.mode) });
      return;
    }
  }
  closeTask(run, task, 'rejected', { actor: u, comment: c.comment });
  afterRejection(run, task, node);
}

function comment(run: Run, c: CompleteTaskCommand, task: Task): void {
  run.emit('commented', {}, { actor: c.actor.userId, nodeId: task.nodeId, taskId: task.id, comment: c.comment });
}

/**
 * Back to the previous approval node (`returnTo: previous`, the default), to any earlier one or the
 * initiator (`any`), or to the initiator only (`initiator`). The initiator is the target named by the
 * start node's id, or a plain return (no target) on an `initiator` node or on an `any` node with no
 * earlier approval.
 */
/** A return goes where `returnOptions` says it may: the target named, else the first option. */
function returnTask(run: Run, c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
  const options = returnOptions(run.definition, run.state, task.id);
  const chosen = c.returnToNodeId === undefined ? options[0] : options.find((o) => o.nodeId === c.returnToNodeId);
  if (chosen === undefined) {
    throw new FlowCommandError('invalidReturnTarget', c.returnToNodeId === undefined ? `there is nowhere ${node.id} may return the case to` : `cannot return to ${c.returnToNodeId}`);
  }
  if (chosen.toInitiator === true) return returnToInitiator(run, c, task);
  const target = chosen.nodeId;
  const token = run.state.tokens?.find((t) => t.id === task.tokenId);
  closeTask(run, task, 'returned', { actor: c.actor.userId, comment: c.comment }, { returnTo: target });
  run.queue.push({ tokenId: task.tokenId, to: target, forkStack: token?.forkStack });
  drain(run);
}

function delegate(run: Run, c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
  const to = c.delegateTo ?? '';
  const u = c.actor.userId;
  if (to === run.state.initiator.userId) throw new FlowCommandError('makerChecker', 'cannot delegate to the initiator');
  if (to === u || isAssignee(task, to)) throw new FlowCommandError('invalidPayload', `${to} is already an assignee of task ${task.id}`);
  run.emit('delegated', { from: u, to }, { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment });
  afterTaskChange(run, task.id, node);
}

function addApprover(run: Run, c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
  const add = c.addApprover;
  if (add === undefined) throw new FlowCommandError('invalidPayload', 'addApprover is missing');
  const u = c.actor.userId;
  if (add.userId === run.state.initiator.userId) throw new FlowCommandError('makerChecker', 'cannot add the initiator as an approver');
  if (add.userId === u || isAssignee(task, add.userId)) throw new FlowCommandError('invalidPayload', `${add.userId} is already an assignee of task ${task.id}`);
  run.emit('approverAdded', { userId: add.userId, position: add.position, addedBy: u }, { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment });
  afterTaskChange(run, task.id, node);
}

/** Still to act on the task, as an assignee or in an open approver group. */
function isAssignee(task: Task, u: string): boolean {
  return task.pending.includes(u) || (task.approverGroups ?? []).some((g) => g.approvedBy === undefined && g.users.includes(u));
}

/** The node's editable form fields sent with an approval, checked against the variables' types. */
function checkFields(run: Run, fields: Record<string, JsonValue>, node: ApprovalNode): Record<string, JsonValue> {
  const editable = node.editableFields ?? [];
  for (const [name, value] of Object.entries(fields)) {
    if (!editable.includes(name)) throw new FlowCommandError('invalidPayload', `field ${name} is not editable on ${node.id}`, { field: name });
    const v = run.index.variables.get(name);
    if (v !== undefined && value !== null && !typeMatches(v, value)) throw new FlowCommandError('invalidPayload', `field ${name} must be a ${v.type}`, { field: name });
  }
  return copyJson(fields);
}
