/**
 * Return to the initiator (退回发起人) and resubmit (重新提交). An approver returns the case; the
 * case's token goes back to the start node, where a resubmit task opens for the initiator alone.
 * The initiator amends the record and resubmits (`approve` on that task, with the record's re-read
 * bound values as `fields`): the values become the case variables and the case runs again from
 * the start node's outgoing edge, every approval to be given again. Or they withdraw the case.
 *
 * The resubmit task has no timeout: the start node has no `timeout` to take one from. A server
 * that wants to chase initiators urges them (an administrator's `urge`) or cancels stale cases.
 */
import type { FlowNode } from '../../definition/flow-definition.js';
import { FlowCommandError, type CompleteTaskCommand } from '../commands.js';
import type { FlowEffect } from '../effects.js';
import type { EventData } from '../events/flow-event.js';
import { copyJson } from '../state/copy.js';
import type { JsonValue, Task } from '../state/flow-state.js';
import { typeMatches } from '../values.js';
import { writeRecord } from './record-writes.js';
import type { Run } from './run.js';
import { closeTask } from './tasks.js';
import { drain, queueLeave } from './tokens.js';

/** The actions a resubmit task offers: approve (resubmit) and comment. */
const RESUBMIT_ACTIONS = ['approve', 'comment'];


/**
 * Sends the case back to its initiator from `task`: closes it as returned, writes the record at
 * `returned`, moves the token to the start node and opens the resubmit task there. Only from the
 * case's one path (`returnOptions` offers the initiator only then): with other paths open (a
 * parallel branch, a pending call) the case cannot run again from its start.
 */
export function returnToInitiator(run: Run, c: CompleteTaskCommand, task: Task): void {
  const start = run.index.start;
  if (start === undefined) throw new FlowCommandError('definitionMismatch', 'the flow has no start node');
  closeTask(run, task, 'returned', { actor: c.actor.userId, comment: c.comment }, { returnTo: start.id, toInitiator: true });
  writeRecord(run, 'returned');
  // the case starts over: loop counters too
  const entered: EventData<'entered'> = { tokenId: task.tokenId };
  const loops = Object.keys(run.state.loopCounts ?? {});
  if (loops.length > 0) entered.resetLoops = loops;
  run.emit('entered', entered, { nodeId: start.id });
  openResubmitTask(run, task.tokenId, start);
}

/** The initiator's task at the start node: resubmit (approve) or comment; the bound variables are its fields. */
function openResubmitTask(run: Run, tokenId: string, start: FlowNode): void {
  const initiator = run.state.initiator.userId;
  const taskId = `k${run.nextSeq()}`;
  run.emit('taskCreated', { tokenId, assignees: [initiator] }, { nodeId: start.id, taskId });
  const eff: Extract<FlowEffect, { type: 'createTask' }> = {
    type: 'createTask',
    taskId,
    nodeId: start.id,
    assignees: [initiator],
    mode: 'single',
    actions: [...RESUBMIT_ACTIONS],
  };
  const bound = Object.keys(run.definition.record?.variables ?? {});
  if (bound.length > 0) eff.editableFields = bound;
  run.effects.push(eff);
}

/**
 * A command on a resubmit task. Only the initiator acts on it (no maker-checker here: it is their
 * own case coming back to them); approve resubmits, comment comments.
 */
export function actOnResubmitTask(run: Run, c: CompleteTaskCommand, task: Task): void {
  const u = c.actor.userId;
  if (u !== run.state.initiator.userId) throw new FlowCommandError('notAssignee', `${u} is not an assignee of task ${task.id}: the case is back with its initiator`);
  if (!RESUBMIT_ACTIONS.includes(c.action)) {
    throw new FlowCommandError('actionNotAllowed', `${c.action} is not allowed on a returned case: the initiator resubmits it (approve) or withdraws it`);
  }
  if (c.fields !== undefined && c.action !== 'approve') throw new FlowCommandError('invalidPayload', 'fields are only accepted with approve');
  if (c.action === 'comment') {
    run.emit('commented', {}, { actor: u, nodeId: task.nodeId, taskId: task.id, comment: c.comment });
    return;
  }
  const fields = resubmittedFields(run, c.fields ?? {});
  const extra = { actor: u, nodeId: task.nodeId, taskId: task.id };
  if (Object.keys(fields).length > 0) run.emit('varsSet', { variables: fields }, extra);
  closeTask(run, task, 'resubmitted', { actor: u, comment: c.comment });
  writeRecord(run, 'resubmitted');
  queueLeave(run, task.tokenId, run.node(task.nodeId));
  drain(run);
}

/** The re-read record values sent with a resubmission: bound variables only, of their types, required ones set. */
function resubmittedFields(run: Run, fields: Record<string, JsonValue>): Record<string, JsonValue> {
  const bound = run.definition.record?.variables ?? {};
  for (const [name, value] of Object.entries(fields)) {
    if (!Object.hasOwn(bound, name)) throw new FlowCommandError('invalidPayload', `field ${name} is not read from the record`, { field: name });
    const v = run.index.variables.get(name);
    if (v === undefined) throw new FlowCommandError('invalidPayload', `field ${name} is not a variable of the flow`, { field: name });
    if (value === null) {
      if (v.required === true) throw new FlowCommandError('invalidPayload', `variable ${name} is required`, { field: name });
    } else if (!typeMatches(v, value)) throw new FlowCommandError('invalidPayload', `field ${name} must be a ${v.type}`, { field: name });
  }
  return copyJson(fields);
}
