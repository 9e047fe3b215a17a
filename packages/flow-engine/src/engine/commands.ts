/**
 * Commands the server sends to a flow instance, and the typed error a rejected command raises.
 *
 * Every command carries a `commandId` chosen by the caller (an HTTP `Idempotency-Key`, a timer
 * lease id, ...): executing the same id twice returns the first result and changes nothing.
 * A rejected command (a thrown `FlowCommandError`) changes nothing either: the state passed in is
 * never mutated.
 */
import type { JsonValue } from './state/flow-state.js';

/** Who sends a command. `managerChain[0]` is the direct manager, `[1]` their manager, ... */
export interface Actor {
  userId: string;
  roles?: readonly string[];
  branch?: string;
  managerChain?: readonly string[];
  /** May run admin commands (`cancel`). */
  admin?: boolean;
}

export interface StartCommand {
  type: 'start';
  commandId: string;
  actor: Actor;
  variables?: Record<string, JsonValue>;
  /** The record the case is about (id in the flow's entity), if any. */
  subject?: string;
  /** Set by the server when this instance is a subflow of another one. */
  parent?: { instanceId: string; callId: string };
}

export type TaskAction = 'approve' | 'reject' | 'return' | 'delegate' | 'addApprover' | 'comment';

export interface CompleteTaskCommand {
  type: 'completeTask';
  commandId: string;
  taskId: string;
  actor: Actor;
  action: TaskAction;
  comment?: string;
  /**
   * `return`: the earlier approval node to go back to, or the start node's id to send the case back
   * to its initiator (nodes with `returnTo: any` or `initiator`); absent → the previous approval node
   * (on an `initiator` node, or an `any` node with no earlier approval: the initiator).
   */
  returnToNodeId?: string;
  /** `delegate`: the user who takes over this actor's part of the task. */
  delegateTo?: string;
  /** `addApprover`: one more approver, before (they approve first) or after this actor. */
  addApprover?: { userId: string; position: 'before' | 'after' };
  /**
   * Values of the node's editable form fields, written into the case variables on approve. On the
   * resubmit task of a returned case: the values of the record's bound fields as the initiator left
   * them (by variable name), written into the case variables as it is resubmitted.
   */
  fields?: Record<string, JsonValue>;
}

/** The initiator takes the case back while nobody has acted since their last action. */
export interface WithdrawCommand {
  type: 'withdraw';
  commandId: string;
  actor: Actor;
  comment?: string;
}

/** Remind the assignees of an open task (or of every open task). */
export interface UrgeCommand {
  type: 'urge';
  commandId: string;
  actor: Actor;
  taskId?: string;
  comment?: string;
}

/** An administrator ends the case. */
export interface CancelCommand {
  type: 'cancel';
  commandId: string;
  actor: Actor;
  comment?: string;
}

export interface TimerFiredCommand {
  type: 'timerFired';
  commandId: string;
  timerId: string;
}

export interface ServiceResultCommand {
  type: 'serviceResult';
  commandId: string;
  callId: string;
  ok: boolean;
  /** On success: values written into the case variables (per the node's output mapping). */
  output?: Record<string, JsonValue>;
  error?: string;
}

export interface SubflowCompletedCommand {
  type: 'subflowCompleted';
  commandId: string;
  callId: string;
  /** The subflow's outcome (`approved`, `rejected`, `cancelled`, ...). */
  outcome?: string;
  /** The subflow's final variables (mapped back per the node's output mapping). */
  output?: Record<string, JsonValue>;
  /** The subflow ended at an error end event: the error propagates and aborts this case too (BPMN). */
  errorCode?: string;
  /** The subflow failed at run time: this case fails with it. */
  error?: string;
}

export type FlowCommand =
  | StartCommand
  | CompleteTaskCommand
  | WithdrawCommand
  | UrgeCommand
  | CancelCommand
  | TimerFiredCommand
  | ServiceResultCommand
  | SubflowCompletedCommand;

export type FlowCommandErrorCode =
  /** The command is malformed (missing id, unknown action, bad field, wrong types). */
  | 'invalidPayload'
  /** `start` on an existing instance, or any other command without one. */
  | 'notStarted'
  | 'alreadyStarted'
  /** The instance has ended (completed, terminated, cancelled, withdrawn, failed). */
  | 'instanceEnded'
  /** No such task, or it is closed. */
  | 'taskNotOpen'
  /** The actor is not (or not yet, in a sequential task) an assignee of the task. */
  | 'notAssignee'
  /** The initiator tried to complete an approval on their own case (their resubmit task excepted). */
  | 'makerChecker'
  /** `distinctApprovers`: the actor already approved in this case, or already acted on this task. */
  | 'alreadyApproved'
  /** The node does not allow this action. */
  | 'actionNotAllowed'
  /** `return` to a node that is not an earlier node of this case, or to the initiator where the node does not allow it (or other paths are open). */
  | 'invalidReturnTarget'
  | 'notInitiator'
  /** Withdraw after someone acted since the initiator's last action. */
  | 'withdrawNotAllowed'
  /** A sequential task where it is someone else's turn, or an approver waiting for the approver they added before themselves. */
  | 'notYourTurn'
  /** Admin-only command by a non-admin. */
  | 'notAuthorized'
  | 'unknownTimer'
  | 'unknownCall'
  /** The definition does not match the instance (other key/version) or is broken at runtime. */
  | 'definitionMismatch';

export class FlowCommandError extends Error {
  override readonly name = 'FlowCommandError';
  constructor(
    readonly code: FlowCommandErrorCode,
    message: string,
    readonly details?: Record<string, JsonValue>,
  ) {
    super(message);
  }
}

/** Throws `invalidPayload` unless the command has the basic shape of its type. */
export function checkCommandShape(command: FlowCommand): void {
  const c = command as unknown as Record<string, unknown>;
  const bad = (msg: string): never => {
    throw new FlowCommandError('invalidPayload', msg);
  };
  if (typeof c !== 'object' || c === null) bad('command must be an object');
  if (typeof c.commandId !== 'string' || c.commandId === '') bad('commandId must be a non-empty string');
  const actor = c.actor as Record<string, unknown> | undefined;
  const needsActor = ['start', 'completeTask', 'withdraw', 'urge', 'cancel'].includes(String(c.type));
  if (needsActor && (typeof actor !== 'object' || actor === null || typeof actor.userId !== 'string' || actor.userId === '')) {
    bad('actor.userId must be a non-empty string');
  }
  switch (c.type) {
    case 'start':
      if (c.variables !== undefined && !isPlainObject(c.variables)) bad('variables must be an object');
      return;
    case 'completeTask': {
      if (typeof c.taskId !== 'string') bad('taskId must be a string');
      const actions = ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'];
      if (!actions.includes(String(c.action))) bad(`unknown action ${String(c.action)}`);
      if (c.comment !== undefined && typeof c.comment !== 'string') bad('comment must be a string');
      if (c.action === 'delegate' && (typeof c.delegateTo !== 'string' || c.delegateTo === '')) bad('delegate needs delegateTo');
      if (c.action === 'addApprover') {
        const a = c.addApprover as Record<string, unknown> | undefined;
        if (!isPlainObject(a) || typeof a.userId !== 'string' || a.userId === '' || (a.position !== 'before' && a.position !== 'after')) {
          bad('addApprover needs {userId, position: before|after}');
        }
      }
      if (c.returnToNodeId !== undefined && typeof c.returnToNodeId !== 'string') bad('returnToNodeId must be a string');
      if (c.fields !== undefined && !isPlainObject(c.fields)) bad('fields must be an object');
      return;
    }
    case 'withdraw':
    case 'cancel':
      return;
    case 'urge':
      if (c.taskId !== undefined && typeof c.taskId !== 'string') bad('taskId must be a string');
      return;
    case 'timerFired':
      if (typeof c.timerId !== 'string') bad('timerId must be a string');
      return;
    case 'serviceResult':
      if (typeof c.callId !== 'string') bad('callId must be a string');
      if (typeof c.ok !== 'boolean') bad('ok must be a boolean');
      if (c.output !== undefined && !isPlainObject(c.output)) bad('output must be an object');
      return;
    case 'subflowCompleted':
      if (typeof c.callId !== 'string') bad('callId must be a string');
      if (c.output !== undefined && !isPlainObject(c.output)) bad('output must be an object');
      if (c.errorCode !== undefined && typeof c.errorCode !== 'string') bad('errorCode must be a string');
      if (c.error !== undefined && typeof c.error !== 'string') bad('error must be a string');
      return;
    default:
      bad(`unknown command type ${String(c.type)}`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
