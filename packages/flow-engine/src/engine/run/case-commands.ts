/** Commands on the whole case: start it, withdraw it (the initiator), urge its tasks, cancel it (an admin). */
import { actionable, isAdmin } from '../approval-rules.js';
import { FlowCommandError, type CancelCommand, type StartCommand, type UrgeCommand, type WithdrawCommand } from '../commands.js';
import type { FlowEffect } from '../effects.js';
import type { EventData } from '../events/flow-event.js';
import { copyJson } from '../state/copy.js';
import type { Initiator, JsonValue } from '../state/flow-state.js';
import { typeMatches } from '../values.js';
import { writeRecord } from './record-writes.js';
import { isResubmitTask, isReturnedToInitiator } from '../case-options/case-options.js';
import type { Run } from './run.js';
import { drain } from './tokens.js';

export function start(run: Run, c: StartCommand): void {
  const startNode = run.index.start;
  if (startNode === undefined) throw new FlowCommandError('definitionMismatch', 'the flow has no start node');
  const vars = checkStartVariables(run, c.variables ?? {});
  const a = c.actor;
  const ini: Initiator = { userId: a.userId };
  if (a.roles !== undefined && a.roles.length > 0) ini.roles = [...a.roles];
  if (a.branch !== undefined) ini.branch = a.branch;
  if (a.managerChain !== undefined && a.managerChain.length > 0) ini.managerChain = [...a.managerChain];
  const def = run.definition;
  const data: EventData<'started'> = { definitionKey: def.key, definitionVersion: def.version ?? 0, instanceId: run.context.instanceId ?? c.commandId, initiator: ini, variables: vars };
  if (c.subject !== undefined) data.subject = c.subject;
  if (c.parent !== undefined) data.parent = { instanceId: c.parent.instanceId, callId: c.parent.callId };
  run.emit('started', data, { actor: a.userId });
  writeRecord(run, 'started');
  run.queue.push({ tokenId: null, to: startNode.id, forkStack: undefined });
  drain(run);
}

/** The declared variables: given values checked against their types, defaults for the rest. */
function checkStartVariables(run: Run, given: Record<string, JsonValue>): Record<string, JsonValue> {
  const vars: Record<string, JsonValue> = {};
  for (const name of Object.keys(given)) {
    if (!run.index.variables.has(name)) throw new FlowCommandError('invalidPayload', `unknown variable ${name}`, { variable: name });
  }
  for (const v of run.definition.variables) {
    const value = Object.hasOwn(given, v.name) ? given[v.name] : v.default;
    if (value === undefined || value === null) {
      if (v.required === true) throw new FlowCommandError('invalidPayload', `variable ${v.name} is required`, { variable: v.name });
      if (value === null) vars[v.name] = null;
      continue;
    }
    if (!typeMatches(v, value)) throw new FlowCommandError('invalidPayload', `variable ${v.name} must be a ${v.type}`, { variable: v.name });
    vars[v.name] = copyJson(value);
  }
  return vars;
}

/** The initiator withdraws while nobody has acted since they (re)submitted, or while the case is returned to them. */
export function withdraw(run: Run, c: WithdrawCommand): void {
  const s = run.state;
  if (c.actor.userId !== s.initiator.userId) throw new FlowCommandError('notInitiator', 'only the initiator may withdraw');
  if (s.lastActionSeq !== undefined && !isReturnedToInitiator(run.definition, run.state)) throw new FlowCommandError('withdrawNotAllowed', 'someone has acted on the case since it was submitted');
  run.endCase('withdrawn', undefined, undefined, { actor: c.actor.userId, comment: c.comment });
}

/** Reminds the assignees of the open tasks (an administrator may also remind an initiator of their returned case). */
export function urge(run: Run, c: UrgeCommand): void {
  const s = run.state;
  const byInitiator = c.actor.userId === s.initiator.userId;
  if (!byInitiator && !isAdmin(c.actor)) throw new FlowCommandError('notInitiator', 'only the initiator may urge');
  const tasks = (s.tasks ?? []).filter((t) => (c.taskId === undefined || t.id === c.taskId) && !(byInitiator && isResubmitTask(run.definition, t)));
  if (tasks.length === 0) throw new FlowCommandError('taskNotOpen', c.taskId === undefined ? 'no open task to urge' : `task ${c.taskId} is not open`);
  for (const t of tasks) {
    const to = isResubmitTask(run.definition, t) ? [...t.pending] : actionable(t, run.approvalNode(t.nodeId).mode);
    run.emit('notified', { kind: 'urge', to }, { actor: c.actor.userId, nodeId: t.nodeId, taskId: t.id, comment: c.comment });
    const eff: FlowEffect = { type: 'notify', kind: 'urge', to, nodeId: t.nodeId, taskId: t.id, by: c.actor.userId };
    if (c.comment !== undefined) eff.comment = c.comment;
    run.effects.push(eff);
  }
}

export function cancel(run: Run, c: CancelCommand): void {
  if (!isAdmin(c.actor)) throw new FlowCommandError('notAuthorized', 'only an administrator may cancel a case');
  run.endCase('cancelled', 'cancelled', undefined, { actor: c.actor.userId, comment: c.comment });
}
