/**
 * The flow engine: `execute(definition, state, command, now, context) → { state, events, effects }`.
 *
 * Pure and synchronous: no clock, no randomness, no I/O. Time comes in as `now` (epoch
 * milliseconds or an ISO 8601 instant; events record it as an ISO string); ids are derived from
 * event sequence numbers; directory lookups, synchronous decision evaluation and the business
 * calendar come in through `context`. The state passed in is never mutated: the engine works on a
 * copy and changes it only by applying the events it emits, so `replay(definition, events)`
 * reproduces the returned state exactly.
 *
 * A rejected command throws `FlowCommandError` (with a stable `code`) and changes nothing. A
 * command that is accepted but runs into a broken flow at run time (an expression that fails, an
 * approval that resolves to nobody, a loop over its maximum, a service failing without a failure
 * edge) ends the instance with status `failed` and the reason in `err`.
 */
import {
  compileExpression,
  FeelDate,
  FeelDateTime,
  instantSeconds,
  parseDateTime,
  toFeelValue,
  type CompiledExpression,
  type FeelValue,
} from '@bankforge/rule-engine';
import type {
  ApprovalMode,
  ApprovalNode,
  AssigneeRule,
  FlowDefinition,
  FlowEdge,
  FlowNode,
  FlowVariable,
  ServiceEffect,
  ServiceNode,
  SubflowNode,
} from '../definition/flow-definition.js';

// the task rules and durations are part of the engine's public API
export { actionable, requiredApprovals } from './approval-rules.js';
export { durationMs } from './values.js';

/** Nodes that run as calls to the server and carry BPMN activity behaviour. */
type ActivityNode = ServiceNode | SubflowNode;
import {
  checkCommandShape,
  FlowCommandError,
  type Actor,
  type CancelCommand,
  type CompleteTaskCommand,
  type FlowCommand,
  type ServiceResultCommand,
  type StartCommand,
  type SubflowCompletedCommand,
  type TimerFiredCommand,
  type UrgeCommand,
  type WithdrawCommand,
} from './commands.js';
import { boundaryTimersOf } from '../definition/boundary-timers.js';
import { actionable, blocked, hasApproved, isAdmin, isComplete, requiredApprovals, requiredNow } from './approval-rules.js';
import { commonPrefix, durationMs, FlowRuntimeError, pathGet, toJson, toNumber, typeMatches, variableToFeel } from './values.js';
import { applyInPlace, cloneState, copyJson, type FlowEvent, type FlowEventType, type TaskCloseReason } from './events.js';
import type { CommandRecord, FlowState, InstanceStatus, JsonValue, PendingCall, Task, TimerPurpose, Token } from './state.js';

// ---------------------------------------------------------------------------------------------
// Context and effects
// ---------------------------------------------------------------------------------------------

/**
 * Directory lookups the engine needs to resolve assignees. Pure functions over the server's
 * snapshot of users and roles (the server loads what a command may need before calling).
 */
export interface Directory {
  /** Holders of a role anywhere in the bank. */
  usersInRole(role: string): readonly string[];
  /** Holders of a role within a branch. */
  usersInRoleAtBranch(role: string, branch: string): readonly string[];
  /** The manager `levels` up from a user (1 = direct manager), if any. */
  managerOf(userId: string, levels: number): string | undefined;
}

export interface ExecuteContext {
  /** Needed when the flow has role, branch-role or manager assignees (or escalates/routes by authority). */
  directory?: Directory;
  /**
   * Evaluates a decision artifact synchronously (the server passes the rule engine's compiled
   * model). When absent, a decision node emits an `evaluateDecision` effect and waits for a
   * `serviceResult` command with the effect's `callId` (output = the decision's result).
   */
  decide?: (decisionKey: string, inputs: Record<string, JsonValue>, version?: number) => Record<string, JsonValue>;
  /**
   * Adds an ISO duration in business time (for `businessCalendar: true` timeouts and timers) and
   * returns the due ISO instant. Without it, calendar time is used.
   */
  addBusinessDuration?: (fromIso: string, duration: string) => string;
  /** The instance id to record at `start` (default: the start command's id). */
  instanceId?: string;
  /** The instance's events so far: when given, a repeated command returns the events it produced. */
  history?: readonly FlowEvent[];
  /** Node entries allowed per command before the instance fails (guards cycles without a wait state; default 10,000). */
  maxSteps?: number;
}

export type NotifyKind = 'cc' | 'message' | 'remind' | 'urge' | 'escalate';

/** Work for the server, in the order it arose. */
export type FlowEffect =
  | {
      type: 'createTask';
      taskId: string;
      nodeId: string;
      /** Who may act now (the head of the queue in sequential mode). */
      assignees: string[];
      mode: ApprovalMode;
      actions: string[];
      formKey?: string;
      editableFields?: string[];
      dueAt?: string;
    }
  /** The users who may act on an open task changed (delegation, added approver, escalation, next in sequence). */
  | { type: 'updateTask'; taskId: string; assignees: string[] }
  /** The task was decided (approved, rejected, returned). */
  | { type: 'closeTask'; taskId: string; result: TaskCloseReason }
  /** The task was withdrawn, cancelled or terminated with the case. */
  | { type: 'cancelTask'; taskId: string }
  | { type: 'notify'; kind: NotifyKind; to: string[]; nodeId?: string; taskId?: string; template?: string; comment?: string; by?: string }
  | { type: 'scheduleTimer'; timerId: string; nodeId: string; dueAt: string; purpose: TimerPurpose; duration?: string; businessCalendar?: boolean }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'callService'; callId: string; nodeId: string; effect: ServiceEffect; config: Record<string, JsonValue>; attempt: number }
  | { type: 'evaluateDecision'; callId: string; nodeId: string; decisionKey: string; decisionVersion?: number; inputs: Record<string, JsonValue> }
  | {
      type: 'startSubflow';
      callId: string;
      nodeId: string;
      flowKey: string;
      version?: number;
      variables: Record<string, JsonValue>;
      /** Pass it as `parent` of the child's start command; the child's `instanceEnded` effect carries it back. */
      parent: { instanceId: string; callId: string };
    }
  | { type: 'cancelSubflow'; callId: string }
  /**
   * The case ended; for a subflow, answer the parent with `subflowCompleted` (callId =
   * parent.callId), with `errorCode` (status failed with an outcome: an error end event) or
   * `error` (failed at run time) when it failed.
   */
  | {
      type: 'instanceEnded';
      status: Exclude<InstanceStatus, 'running'>;
      outcome?: string;
      error?: string;
      variables: Record<string, JsonValue>;
      parent?: { instanceId: string; callId: string };
    };

export interface ExecuteResult {
  state: FlowState;
  events: FlowEvent[];
  effects: FlowEffect[];
  /** Set when the command id was already processed: the seq range of the events it produced then. */
  duplicate?: CommandRecord;
}

/** A time as epoch milliseconds or an ISO 8601 instant (`2025-01-31T09:00:00Z`). */
export type Now = number | string;

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export function execute(definition: FlowDefinition, state: FlowState | null, command: FlowCommand, now: Now, context: ExecuteContext = {}): ExecuteResult {
  checkCommandShape(command);
  const ms = typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new FlowCommandError('invalidPayload', `now is not a valid time: ${String(now)}`);

  if (state !== null) {
    const rec = state.cmds[command.commandId] ?? commandInHistory(command.commandId, context.history);
    if (rec !== undefined) {
      const events = context.history?.filter((e) => e.seq >= rec[0] && e.seq <= rec[1]) ?? [];
      return { state, events: [...events], effects: [], duplicate: [rec[0], rec[1]] };
    }
    if (command.type === 'start') throw new FlowCommandError('alreadyStarted', 'the instance has already started');
    if (state.def !== definition.key || state.ver !== (definition.version ?? 0)) {
      throw new FlowCommandError('definitionMismatch', `the instance runs ${state.def} v${state.ver}, not ${definition.key} v${definition.version ?? 0}`);
    }
    if (state.st !== 'running') throw new FlowCommandError('instanceEnded', `the instance has ended (${state.st})`);
  } else if (command.type !== 'start') {
    throw new FlowCommandError('notStarted', 'no instance: the first command must be start');
  }

  const run = new Run(definition, state === null ? null : cloneState(state), command.commandId, ms, context);
  run.handle(command);
  return { state: run.state, events: run.events, effects: run.effects };
}

/** The seq range of the events a command produced, from the instance's history (for ids older than the state's window). */
function commandInHistory(commandId: string, history: readonly FlowEvent[] | undefined): CommandRecord | undefined {
  if (history === undefined) return undefined;
  let rec: CommandRecord | undefined;
  for (const e of history) {
    if (e.cmd !== commandId) continue;
    if (rec === undefined) rec = [e.seq, e.seq];
    else rec[1] = e.seq;
  }
  return rec;
}

// ---------------------------------------------------------------------------------------------
// Definition index (built once per definition object)
// ---------------------------------------------------------------------------------------------

interface DefIndex {
  nodes: Map<string, FlowNode>;
  out: Map<string, FlowEdge[]>;
  /** Incoming edges, loop edges left out (what a join waits for). */
  inc: Map<string, FlowEdge[]>;
  /** Nodes reachable from a node along non-loop edges (for the inclusive join), computed on demand. */
  reach: Map<string, Set<string>>;
  edges: Map<string, FlowEdge>;
  vars: Map<string, FlowVariable>;
  names: string[];
  exprs: Map<string, CompiledExpression>;
  /** The first start node. */
  start: FlowNode | undefined;
}

const indexes = new WeakMap<FlowDefinition, DefIndex>();

function indexOf(def: FlowDefinition): DefIndex {
  let idx = indexes.get(def);
  if (idx !== undefined) return idx;
  const nodes = new Map(def.nodes.map((n) => [n.id, n] as const));
  const out = new Map<string, FlowEdge[]>();
  const inc = new Map<string, FlowEdge[]>();
  for (const e of def.edges) {
    let list = out.get(e.source);
    if (list === undefined) out.set(e.source, (list = []));
    list.push(e);
    if (e.loop !== undefined) continue;
    let into = inc.get(e.target);
    if (into === undefined) inc.set(e.target, (into = []));
    into.push(e);
  }
  const vars = new Map(def.variables.map((v) => [v.name, v] as const));
  idx = { nodes, out, inc, reach: new Map(), edges: new Map(def.edges.map((e) => [e.id, e] as const)), vars, names: [...vars.keys(), 'initiator'], exprs: new Map(), start: def.nodes.find((n) => n.type === 'start') };
  indexes.set(def, idx);
  return idx;
}


type EventData<T extends FlowEventType> = Extract<FlowEvent, { type: T }>['data'];
interface EventExtra {
  actor?: string;
  nodeId?: string;
  taskId?: string;
  comment?: string;
}
/** A token to move: `tok` null means a new token (its id is taken from the entering event's seq). */
interface Move {
  tok: string | null;
  to: string;
  f: string[] | undefined;
  edge?: FlowEdge;
  resetLoops?: string[];
  /** Re-entering a looping activity: the runs completed so far. */
  i?: number;
}

const DECISIVE = new Set(['approve', 'reject', 'return', 'delegate', 'addApprover']);

// ---------------------------------------------------------------------------------------------
// One command's run
// ---------------------------------------------------------------------------------------------

class Run {
  readonly events: FlowEvent[] = [];
  readonly effects: FlowEffect[] = [];
  private readonly idx: DefIndex;
  private readonly at: string;
  private feelNowValue: FeelDateTime | undefined;
  private readonly queue: Move[] = [];
  private steps = 0;
  private s: FlowState | null;

  constructor(
    private readonly def: FlowDefinition,
    state: FlowState | null,
    private readonly cmdId: string,
    private readonly ms: number,
    private readonly ctx: ExecuteContext,
  ) {
    this.s = state;
    this.idx = indexOf(def);
    this.at = new Date(ms).toISOString();
  }

  get state(): FlowState {
    if (this.s === null) throw new Error('no state');
    return this.s;
  }

  handle(c: FlowCommand): void {
    try {
      switch (c.type) {
        case 'start':
          return this.start(c);
        case 'completeTask':
          return this.completeTask(c);
        case 'withdraw':
          return this.withdraw(c);
        case 'urge':
          return this.urge(c);
        case 'cancel':
          return this.cancel(c);
        case 'timerFired':
          return this.timerFired(c);
        case 'serviceResult':
          return this.serviceResult(c);
        case 'subflowCompleted':
          return this.subflowCompleted(c);
      }
    } catch (e) {
      if (!(e instanceof FlowRuntimeError)) throw e;
      this.queue.length = 0;
      if (this.s !== null && this.s.st === 'running') this.endCase('failed', undefined, e.message);
    }
  }

  // ------------------------------------------------------------------ events

  private nextSeq(): number {
    return (this.s?.seq ?? 0) + 1;
  }

  private emit<T extends FlowEventType>(type: T, data: EventData<T>, extra: EventExtra = {}): void {
    const e: Record<string, unknown> = { seq: this.nextSeq(), at: this.at, cmd: this.cmdId, type };
    if (extra.actor !== undefined) e.actor = extra.actor;
    if (extra.nodeId !== undefined) e.nodeId = extra.nodeId;
    if (extra.taskId !== undefined) e.taskId = extra.taskId;
    if (extra.comment !== undefined) e.comment = extra.comment;
    e.data = data;
    const event = e as unknown as FlowEvent;
    this.events.push(event);
    this.s = applyInPlace(this.s as FlowState, event, this.def);
  }

  // ------------------------------------------------------------------ commands

  private start(c: StartCommand): void {
    const startNode = this.idx.start;
    if (startNode === undefined) throw new FlowCommandError('definitionMismatch', 'the flow has no start node');
    const vars = this.checkStartVariables(c.variables ?? {});
    const a = c.actor;
    const ini: FlowState['ini'] = { userId: a.userId };
    if (a.roles !== undefined && a.roles.length > 0) ini.roles = [...a.roles];
    if (a.branch !== undefined) ini.branch = a.branch;
    if (a.managerChain !== undefined && a.managerChain.length > 0) ini.mgr = [...a.managerChain];
    const data: EventData<'started'> = { def: this.def.key, ver: this.def.version ?? 0, id: this.ctx.instanceId ?? c.commandId, ini, vars };
    if (c.subject !== undefined) data.subject = c.subject;
    if (c.parent !== undefined) data.parent = { instanceId: c.parent.instanceId, callId: c.parent.callId };
    this.emit('started', data, { actor: a.userId });
    this.queue.push({ tok: null, to: startNode.id, f: undefined });
    this.drain();
  }

  private completeTask(c: CompleteTaskCommand): void {
    const s = this.state;
    const task = s.tasks?.find((t) => t.id === c.taskId);
    if (task === undefined) throw new FlowCommandError('taskNotOpen', `task ${c.taskId} is not open`);
    const node = this.approvalNode(task.n);
    const u = c.actor.userId;
    const isInitiator = u === s.ini.userId;
    if (isInitiator && c.action !== 'comment') throw new FlowCommandError('makerChecker', 'the initiator cannot act on an approval of their own case');
    if (!node.actions.includes(c.action)) throw new FlowCommandError('actionNotAllowed', `${c.action} is not allowed on ${node.id}`);
    const involved = task.who.includes(u) || (task.grp ?? []).some((g) => g.ok === undefined && g.u.includes(u));
    if (!involved) {
      if (c.action === 'comment' && (isInitiator || task.all.includes(u) || (task.ok ?? []).includes(u))) {
        return this.comment(c, task);
      }
      if (c.action === 'approve' && hasApproved(task, u)) throw new FlowCommandError('alreadyApproved', `${u} already approved this task`);
      throw new FlowCommandError('notAssignee', `${u} is not an assignee of task ${task.id}`);
    }
    const act = actionable(task, node.mode);
    if (DECISIVE.has(c.action) && !act.includes(u)) throw new FlowCommandError('notYourTurn', `${u} cannot act on task ${task.id} yet`);
    if (c.fields !== undefined && c.action !== 'approve') throw new FlowCommandError('invalidPayload', 'fields are only accepted with approve');
    switch (c.action) {
      case 'approve':
        return this.approve(c, task, node);
      case 'reject':
        return this.reject(c, task, node);
      case 'return':
        return this.returnTask(c, task, node);
      case 'delegate':
        return this.delegate(c, task, node);
      case 'addApprover':
        return this.addApprover(c, task, node);
      case 'comment':
        return this.comment(c, task);
    }
  }

  /**
   * A reject decides the task unless, in `percentage` mode, the required approvals can still be
   * reached without this assignee: then it is a recorded vote and the task stays open.
   */
  private reject(c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
    const u = c.actor.userId;
    const extra = { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment };
    if (node.mode === 'percentage' && task.who.includes(u) && !blocked(task, u)) {
      const reachable = (task.ok?.length ?? 0) + task.who.length - 1 >= requiredNow(task, node);
      if (reachable) {
        this.emit('voteRejected', { u }, extra);
        this.effects.push({ type: 'updateTask', taskId: task.id, assignees: actionable(this.task(task.id), node.mode) });
        return;
      }
    }
    this.closeTask(task, 'rejected', { actor: u, comment: c.comment });
    this.afterRejection(task, node);
  }

  /** A rejected task follows the node's reject edge, or ends the case as rejected. */
  private afterRejection(task: Task, node: ApprovalNode): void {
    if (node.rejectEdge === undefined) return this.endCase('completed', 'rejected');
    const edge = this.idx.edges.get(node.rejectEdge);
    if (edge === undefined) throw new FlowRuntimeError(`reject edge ${node.rejectEdge} of ${node.id} does not exist`);
    const tok = this.state.tok?.find((t) => t.id === task.tok);
    this.queue.push({ tok: task.tok, to: edge.target, f: tok?.f, edge });
    this.drain();
  }

  private comment(c: CompleteTaskCommand, task: Task): void {
    this.emit('commented', {}, { actor: c.actor.userId, nodeId: task.n, taskId: task.id, comment: c.comment });
  }

  private approve(c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
    const s = this.state;
    const u = c.actor.userId;
    if (node.distinctApprovers === true && (s.appr ?? []).some(([au, an]) => au === u && an !== node.id)) {
      throw new FlowCommandError('alreadyApproved', `${u} already approved in this case (distinct approvers)`);
    }
    const fields = c.fields !== undefined ? this.checkFields(c.fields, node) : undefined;
    const base = task.who.includes(u) && (node.mode !== 'sequential' || task.who[0] === u) && !blocked(task, u);
    const groups: number[] = [];
    (task.grp ?? []).forEach((g, i) => {
      if (g.ok === undefined && g.u.includes(u) && (g.p === 'b' || hasApproved(task, g.by))) groups.push(i);
    });
    if (fields !== undefined && Object.keys(fields).length > 0) this.emit('varsSet', { vars: fields }, { actor: u, nodeId: node.id, taskId: task.id });
    const data: EventData<'approved'> = { u };
    if (base) data.b = 1;
    if (groups.length > 0) data.g = groups;
    if (base && (node.mode === 'any' || node.mode === 'single')) data.x = 1;
    this.emit('approved', data, { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment });
    const routed = this.authorityRoute(node, u, c.actor);
    if (routed !== null) this.emit('authorityRouted', routed, { nodeId: node.id, taskId: task.id });
    this.afterTaskChange(task.id, node);
  }

  /** Closes the task and moves on when its mode is satisfied; else tells the server who may act now. */
  private afterTaskChange(taskId: string, node: ApprovalNode): void {
    const task = this.state.tasks?.find((t) => t.id === taskId);
    if (task === undefined) return;
    if (isComplete(task, node)) {
      this.closeTask(task, 'approved', {});
      this.queueLeave(task.tok, node);
      this.drain();
    } else {
      this.effects.push({ type: 'updateTask', taskId, assignees: actionable(task, node.mode) });
    }
  }

  private returnTask(c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
    const path = this.state.path ?? [];
    const previous = path[path.length - 1];
    const target = c.returnToNodeId ?? previous;
    const ok = target !== undefined && (node.returnTo === 'any' ? path.includes(target) : target === previous);
    if (!ok || target === undefined) {
      throw new FlowCommandError('invalidReturnTarget', target === undefined ? 'there is no earlier approval to return to' : `cannot return to ${target}`);
    }
    const tok = this.state.tok?.find((t) => t.id === task.tok);
    this.closeTask(task, 'returned', { actor: c.actor.userId, comment: c.comment }, target);
    this.queue.push({ tok: task.tok, to: target, f: tok?.f });
    this.drain();
  }

  private delegate(c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
    const to = c.delegateTo ?? '';
    const u = c.actor.userId;
    if (to === this.state.ini.userId) throw new FlowCommandError('makerChecker', 'cannot delegate to the initiator');
    if (to === u || task.who.includes(to) || (task.grp ?? []).some((g) => g.ok === undefined && g.u.includes(to))) {
      throw new FlowCommandError('invalidPayload', `${to} is already an assignee of task ${task.id}`);
    }
    this.emit('delegated', { from: u, to }, { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment });
    this.afterTaskChange(task.id, node);
  }

  private addApprover(c: CompleteTaskCommand, task: Task, node: ApprovalNode): void {
    const add = c.addApprover;
    if (add === undefined) throw new FlowCommandError('invalidPayload', 'addApprover is missing');
    const u = c.actor.userId;
    if (add.userId === this.state.ini.userId) throw new FlowCommandError('makerChecker', 'cannot add the initiator as an approver');
    if (add.userId === u || task.who.includes(add.userId) || (task.grp ?? []).some((g) => g.ok === undefined && g.u.includes(add.userId))) {
      throw new FlowCommandError('invalidPayload', `${add.userId} is already an assignee of task ${task.id}`);
    }
    this.emit('approverAdded', { u: add.userId, p: add.position, by: u }, { actor: u, nodeId: node.id, taskId: task.id, comment: c.comment });
    this.afterTaskChange(task.id, node);
  }

  private withdraw(c: WithdrawCommand): void {
    const s = this.state;
    if (c.actor.userId !== s.ini.userId) throw new FlowCommandError('notInitiator', 'only the initiator may withdraw');
    if (s.lastAct !== undefined) throw new FlowCommandError('withdrawNotAllowed', 'someone has acted on the case since it was submitted');
    this.endCase('withdrawn', undefined, undefined, { actor: c.actor.userId, comment: c.comment });
  }

  private urge(c: UrgeCommand): void {
    const s = this.state;
    if (c.actor.userId !== s.ini.userId && !isAdmin(c.actor)) throw new FlowCommandError('notInitiator', 'only the initiator may urge');
    const tasks = (s.tasks ?? []).filter((t) => c.taskId === undefined || t.id === c.taskId);
    if (tasks.length === 0) throw new FlowCommandError('taskNotOpen', c.taskId === undefined ? 'no open task to urge' : `task ${c.taskId} is not open`);
    for (const t of tasks) {
      const to = actionable(t, this.approvalNode(t.n).mode);
      this.emit('notified', { kind: 'urge', to }, { actor: c.actor.userId, nodeId: t.n, taskId: t.id, comment: c.comment });
      const eff: FlowEffect = { type: 'notify', kind: 'urge', to, nodeId: t.n, taskId: t.id, by: c.actor.userId };
      if (c.comment !== undefined) eff.comment = c.comment;
      this.effects.push(eff);
    }
  }

  private cancel(c: CancelCommand): void {
    if (!isAdmin(c.actor)) throw new FlowCommandError('notAuthorized', 'only an administrator may cancel a case');
    this.endCase('cancelled', 'cancelled', undefined, { actor: c.actor.userId, comment: c.comment });
  }

  private timerFired(c: TimerFiredCommand): void {
    const timer = this.state.timers?.find((t) => t.id === c.timerId);
    if (timer === undefined) throw new FlowCommandError('unknownTimer', `timer ${c.timerId} is not pending`);
    this.emit('timerDone', { id: timer.id, fired: 1 }, { nodeId: timer.n, taskId: timer.task });
    const node = this.node(timer.n);
    switch (timer.p) {
      case 'wait':
        this.queueLeave(timer.tok ?? '', node);
        return this.drain();
      case 'retry':
        if (node.type !== 'service') throw new FlowRuntimeError(`retry timer on ${node.id}, which is not a service`);
        this.startCall(timer.tok ?? '', node, timer.att ?? 2, timer.i);
        return;
      case 'boundary':
        if (node.type !== 'service' && node.type !== 'subflow' && node.type !== 'approval') throw new FlowRuntimeError(`boundary timer on ${node.id}, which is not an activity`);
        this.boundaryTimerFired(timer.tok ?? '', node, timer.b ?? 0);
        return this.drain();
      case 'timeout':
      case 'remind': {
        const task = this.state.tasks?.find((t) => t.id === timer.task);
        if (task === undefined || node.type !== 'approval' || node.timeout === undefined) return;
        return this.timeout(task, node);
      }
    }
  }

  private timeout(task: Task, node: ApprovalNode): void {
    const to = node.timeout;
    if (to === undefined) return;
    const act = actionable(task, node.mode);
    switch (to.action) {
      case 'remind':
        this.emit('notified', { kind: 'remind', to: act }, { nodeId: node.id, taskId: task.id });
        this.effects.push({ type: 'notify', kind: 'remind', to: act, nodeId: node.id, taskId: task.id });
        this.setTimer(node.id, 'timeout', to.duration, to.businessCalendar === true, { task: task.id });
        return;
      case 'escalate': {
        const from = act.filter((u) => task.who.includes(u));
        const targets: string[] = [];
        const esc = to.escalateTo ?? { manager: true };
        if ('role' in esc) targets.push(...this.roleUsers(esc.role));
        else for (const u of from) {
          const m = this.dir().managerOf(u, 1);
          if (m !== undefined) targets.push(m);
        }
        const unique = [...new Set(targets)].filter((u) => u !== this.state.ini.userId && !from.includes(u));
        if (unique.length === 0 || from.length === 0) {
          this.emit('notified', { kind: 'remind', to: act }, { nodeId: node.id, taskId: task.id });
          this.effects.push({ type: 'notify', kind: 'remind', to: act, nodeId: node.id, taskId: task.id });
          return;
        }
        this.emit('escalated', { from, to: unique }, { nodeId: node.id, taskId: task.id });
        this.emit('notified', { kind: 'escalate', to: unique }, { nodeId: node.id, taskId: task.id });
        this.effects.push({ type: 'notify', kind: 'escalate', to: unique, nodeId: node.id, taskId: task.id });
        this.effects.push({ type: 'updateTask', taskId: task.id, assignees: actionable(this.task(task.id), node.mode) });
        // a fresh deadline: if the new assignee sits on it too, the next timeout escalates one level further
        this.setTimer(node.id, 'timeout', to.duration, to.businessCalendar === true, { task: task.id });
        return;
      }
      case 'autoApprove':
        this.closeTask(task, 'approved', {}, undefined, true);
        this.queueLeave(task.tok, node);
        return this.drain();
      case 'autoReject':
        this.closeTask(task, 'rejected', {}, undefined, true);
        return this.afterRejection(task, node);
    }
  }

  private serviceResult(c: ServiceResultCommand): void {
    const call = this.state.calls?.find((x) => x.id === c.callId);
    if (call === undefined || call.k === 'subflow') throw new FlowCommandError('unknownCall', `call ${c.callId} is not pending`);
    const node = this.node(call.n);
    const data: EventData<'callDone'> = { id: call.id, ok: c.ok };
    if (c.error !== undefined) data.error = c.error;
    this.emit('callDone', data, { nodeId: node.id });
    const output = c.output ?? {};
    if (node.type === 'decision') {
      if (!c.ok) throw new FlowRuntimeError(`decision ${node.decisionKey} failed at ${node.id}: ${c.error ?? 'error'}`);
      this.setOutputs(node.id, node.outputs, output);
      this.queueLeave(call.tok, node);
      return this.drain();
    }
    if (node.type !== 'service') throw new FlowRuntimeError(`call ${call.id} is on ${node.id}, which is not a service`);
    if (c.ok) {
      if (node.outputs !== undefined) this.setOutputs(node.id, node.outputs, output);
      this.runEnded(call, node);
      return this.drain();
    }
    const max = Math.max(1, node.retry?.maxAttempts ?? 1);
    if (call.att < max) {
      const backoff = node.retry?.backoff;
      if (backoff === undefined) return this.startCall(call.tok, node, call.att + 1, call.i);
      const delayMs = durationMs(backoff.delay, this.ms) * Math.pow(backoff.multiplier ?? 1, call.att - 1);
      const extra: { tok: string; att: number; i?: number } = { tok: call.tok, att: call.att + 1 };
      if (call.i !== undefined) extra.i = call.i;
      this.setTimerAt(node.id, 'retry', Math.round(this.ms + delayMs), extra);
      return;
    }
    if (node.failureEdge !== undefined) {
      const edge = this.idx.edges.get(node.failureEdge);
      if (edge === undefined) throw new FlowRuntimeError(`failure edge ${node.failureEdge} of ${node.id} does not exist`);
      const tok = this.state.tok?.find((t) => t.id === call.tok);
      this.stopActivity(call.tok, node);
      this.queue.push({ tok: call.tok, to: edge.target, f: tok?.f, edge });
      return this.drain();
    }
    throw new FlowRuntimeError(`service ${node.id} failed after ${call.att} attempt(s): ${c.error ?? 'error'}`);
  }

  private subflowCompleted(c: SubflowCompletedCommand): void {
    const call = this.state.calls?.find((x) => x.id === c.callId);
    if (call === undefined || call.k !== 'subflow') throw new FlowCommandError('unknownCall', `subflow call ${c.callId} is not pending`);
    const node = this.node(call.n);
    const failed = c.errorCode !== undefined || c.error !== undefined;
    const done: EventData<'callDone'> = { id: call.id, ok: !failed };
    if (failed) done.error = c.errorCode ?? c.error;
    this.emit('callDone', done, { nodeId: node.id });
    if (node.type !== 'subflow') throw new FlowRuntimeError(`call ${call.id} is on ${node.id}, which is not a subflow`);
    if (c.errorCode !== undefined) return this.endCase('failed', c.errorCode, `subflow ${node.id} threw ${c.errorCode}`);
    if (c.error !== undefined) throw new FlowRuntimeError(`subflow ${node.id} failed: ${c.error}`);
    const child: Record<string, JsonValue> = { ...(c.outcome !== undefined ? { outcome: c.outcome } : {}), ...(c.output ?? {}) };
    const vars: Record<string, JsonValue> = {};
    for (const [parentVar, childVar] of Object.entries(node.outputs)) {
      if (Object.hasOwn(child, childVar)) vars[parentVar] = child[childVar] ?? null;
    }
    if (Object.keys(vars).length > 0) this.emit('varsSet', { vars }, { nodeId: node.id });
    this.runEnded(call, node);
    this.drain();
  }

  // ------------------------------------------------------------------ moving tokens

  /** Moves queued tokens until every one rests on a wait state (or the case ends). */
  private drain(): void {
    const max = this.ctx.maxSteps ?? 10_000;
    do this.drainQueue(max);
    while (this.retryInclusiveJoins());
  }

  /**
   * A token that left the case (or went elsewhere) may have been what an inclusive join waited
   * for: try the joins that hold tokens once the queue is empty.
   */
  private retryInclusiveJoins(): boolean {
    if (this.state.st !== 'running') return false;
    const waiting = new Set((this.state.tok ?? []).filter((t) => this.idx.nodes.get(t.n)?.type === 'inclusiveJoin').map((t) => t.n));
    for (const id of waiting) {
      const node = this.node(id);
      this.join(node);
      if (this.queue.length > 0) return true;
    }
    return false;
  }

  private drainQueue(max: number): void {
    while (this.queue.length > 0) {
      if (this.state.st !== 'running') {
        this.queue.length = 0;
        return;
      }
      const m = this.queue.shift() as Move;
      if (++this.steps > max) throw new FlowRuntimeError(`more than ${max} steps without a wait state (at ${m.to})`);
      const node = this.node(m.to);
      const tok = m.tok ?? `t${this.nextSeq()}`;
      const data: EventData<'entered'> = { tok };
      if (m.tok === null || m.f !== undefined) data.f = m.f ?? [];
      if (m.edge !== undefined) data.e = m.edge.id;
      if (m.edge?.loop !== undefined) {
        const n = (this.state.loops?.[m.edge.id] ?? 0) + 1;
        if (n > m.edge.loop.maxIterations) throw new FlowRuntimeError(`loop ${m.edge.id} exceeded its maximum of ${m.edge.loop.maxIterations} iterations`);
        data.loop = [m.edge.id, n];
      }
      if (m.resetLoops !== undefined && m.resetLoops.length > 0) data.rl = m.resetLoops;
      if (m.i !== undefined) data.i = m.i;
      if (data.f !== undefined && data.f.length === 0 && m.tok !== null) delete data.f;
      this.emit('entered', data, { nodeId: node.id });
      this.arrive(tok, node);
    }
  }

  private arrive(tok: string, node: FlowNode): void {
    switch (node.type) {
      case 'start':
      case 'branch':
      case 'inclusive':
      case 'parallel':
        return this.queueLeave(tok, node);
      case 'end':
        if (node.errorCode !== undefined) return this.endCase('failed', node.errorCode, `error end event ${node.id} threw ${node.errorCode}`);
        this.emit('left', { tok }, { nodeId: node.id });
        if (this.state.tok === undefined) this.endCase('completed', node.outcome ?? 'approved');
        return;
      case 'terminate':
        return this.endCase('terminated', node.outcome);
      case 'approval':
        return this.openTask(tok, node);
      case 'join':
      case 'inclusiveJoin':
        return this.join(node);
      case 'decision':
        return this.decision(tok, node);
      case 'service':
      case 'subflow':
        return this.startActivity(tok, node);
      case 'notify': {
        const to = this.resolve(node.to, false);
        this.emit('notified', { kind: node.kind, to, template: node.template }, { nodeId: node.id });
        this.effects.push({ type: 'notify', kind: node.kind, to, nodeId: node.id, template: node.template });
        return this.queueLeave(tok, node);
      }
      case 'timer': {
        let due: number;
        if (node.until !== undefined) due = this.untilMs(node.until);
        else if (node.duration !== undefined) due = this.addDuration(node.duration, node.businessCalendar === true);
        else throw new FlowRuntimeError(`timer ${node.id} has neither duration nor until`);
        if (due <= this.ms) return this.queueLeave(tok, node);
        const eff = this.setTimerAt(node.id, 'wait', due, { tok });
        if (node.duration !== undefined) {
          eff.duration = node.duration;
          if (node.businessCalendar === true) eff.businessCalendar = true;
        }
        return;
      }
    }
  }

  /** Chooses the outgoing edges of `node` and queues the token (or new tokens, for a split) along them. */
  private queueLeave(tok: string | null, node: FlowNode, f?: string[]): void {
    const token = tok === null ? undefined : this.state.tok?.find((t) => t.id === tok);
    const fork = tok === null ? f : token?.f;
    let edges = this.idx.out.get(node.id) ?? [];
    if (node.type === 'service' && node.failureEdge !== undefined) edges = edges.filter((e) => e.id !== node.failureEdge);
    const timers = boundaryTimersOf(node);
    if (timers.length > 0) {
      const boundary = new Set(timers.map((b) => b.edge));
      edges = edges.filter((e) => !boundary.has(e.id));
    }
    if (node.type === 'approval' && node.rejectEdge !== undefined) edges = edges.filter((e) => e.id !== node.rejectEdge);
    if (node.type === 'parallel' || node.type === 'inclusive') {
      let taken = edges;
      if (node.type === 'inclusive') {
        // BPMN: unconditioned edges are always taken; the default when no conditioned edge holds
        const held = edges.filter((e) => e.default !== true && e.condition !== undefined && this.holds(e.condition, e.id));
        taken = edges.filter((e) => e.default !== true && (e.condition === undefined || held.includes(e)));
        if (held.length === 0) taken = [...taken, ...edges.filter((e) => e.default === true)];
      }
      if (taken.length === 0) throw new FlowRuntimeError(`no outgoing edge of ${node.id} can be taken`);
      const forkId = `f${this.nextSeq()}`;
      this.emit('forked', { fork: forkId, taken: taken.map((e) => e.id) }, { nodeId: node.id });
      if (tok !== null) this.emit('left', { tok }, { nodeId: node.id });
      for (const e of taken) this.queue.push({ tok: null, to: e.target, f: [...(fork ?? []), forkId], edge: e });
      return;
    }
    const edge = this.chooseEdge(node, edges);
    const loopsHere = edges.filter((e) => e.loop !== undefined && e.id !== edge.id && this.state.loops?.[e.id] !== undefined).map((e) => e.id);
    const move: Move = { tok, to: edge.target, f: tok === null ? (fork ?? []) : undefined, edge };
    if (edge.loop === undefined && loopsHere.length > 0) move.resetLoops = loopsHere;
    this.queue.push(move);
    // BPMN completionQuantity: more tokens along the same edge, on the same fork stack
    const extra = node.type === 'service' || node.type === 'subflow' ? (node.completionQuantity ?? 1) - 1 : 0;
    for (let k = 0; k < extra; k++) this.queue.push({ tok: null, to: edge.target, f: [...(fork ?? [])], edge });
  }

  /** Conditioned edges in order (the first that holds), then the default edge, then an unconditioned one. */
  private chooseEdge(node: FlowNode, edges: FlowEdge[]): FlowEdge {
    for (const e of edges) if (e.condition !== undefined && e.default !== true && this.holds(e.condition, e.id)) return e;
    const fallback = edges.find((e) => e.default === true) ?? edges.find((e) => e.condition === undefined);
    if (fallback === undefined) throw new FlowRuntimeError(`no outgoing edge of ${node.id} can be taken`);
    return fallback;
  }

  /**
   * BPMN join semantics. A parallel join fires when a token waits on every incoming edge (after an
   * exclusive split it never does: that flow deadlocks, as BPMN says). An inclusive join fires when
   * no token elsewhere in the case can still reach it, so it waits for exactly the branches taken.
   * It consumes one token per incoming edge and closes the fork those tokens came from.
   */
  private join(node: FlowNode): void {
    const here = (this.state.tok ?? []).filter((t) => t.n === node.id);
    const incoming = this.idx.inc.get(node.id) ?? [];
    const picked: Token[] = [];
    for (const edge of incoming) {
      const t = here.find((x) => x.e === edge.id && !picked.includes(x));
      if (t !== undefined) picked.push(t);
      else if (node.type === 'join') return;
    }
    if (node.type === 'inclusiveJoin') {
      const elsewhere = (this.state.tok ?? []).some((t) => t.n !== node.id && this.reachable(t.n).has(node.id));
      if (elsewhere || picked.length === 0) return;
    }
    const stacks = picked.map((t) => t.f ?? []);
    const first = stacks[0] ?? [];
    const same = stacks.every((f) => f.length === first.length && f.every((x, i) => x === first[i]));
    const data: EventData<'joined'> = { toks: picked.map((t) => t.id) };
    const top = same ? first[first.length - 1] : undefined;
    if (top !== undefined) data.fork = top;
    this.emit('joined', data, { nodeId: node.id });
    this.queueLeave(null, node, same ? first.slice(0, -1) : commonPrefix(stacks));
  }

  private reachable(from: string): Set<string> {
    let r = this.idx.reach.get(from);
    if (r === undefined) {
      r = new Set();
      const todo = [from];
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        for (const e of this.idx.out.get(id) ?? []) {
          if (e.loop !== undefined || r.has(e.target)) continue;
          r.add(e.target);
          todo.push(e.target);
        }
      }
      this.idx.reach.set(from, r);
    }
    return r;
  }

  // ------------------------------------------------------------------ approvals

  private openTask(tok: string, node: ApprovalNode): void {
    const who = this.resolve(node.assignees, true);
    if (who.length === 0) throw new FlowRuntimeError(`approval ${node.id} resolved to no assignee`);
    const taskId = `k${this.nextSeq()}`;
    const created: EventData<'taskCreated'> = { tok, who };
    if (node.mode === 'percentage') created.req = requiredApprovals(who.length, node.percentage ?? 100);
    this.emit('taskCreated', created, { nodeId: node.id, taskId });
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
    this.effects.push(eff);
    this.armBoundaryTimers(tok, node);
    if (node.timeout !== undefined) {
      const t = this.setTimer(node.id, 'timeout', node.timeout.duration, node.timeout.businessCalendar === true, { task: taskId });
      eff.dueAt = t.dueAt;
    }
  }

  private closeTask(task: Task, r: TaskCloseReason, extra: EventExtra, to?: string, auto?: boolean): void {
    this.cancelTimers(task.tok, task.n, ['boundary']);
    for (const t of this.state.timers ?? []) if (t.task === task.id) this.effects.push({ type: 'cancelTimer', timerId: t.id });
    const data: EventData<'taskClosed'> = { r };
    if (to !== undefined) data.to = to;
    if (auto === true) data.auto = 1;
    this.emit('taskClosed', data, { ...extra, nodeId: task.n, taskId: task.id });
    this.effects.push(r === 'cancelled' ? { type: 'cancelTask', taskId: task.id } : { type: 'closeTask', taskId: task.id, result: r });
  }

  /** An approver above their authority: the next authority (or their manager) must approve after them. */
  private authorityRoute(node: ApprovalNode, u: string, actor: Actor): EventData<'authorityRouted'> | null {
    const limits = node.authorityLimits ?? [];
    if (limits.length === 0) return null;
    const roles = actor.roles ?? [];
    for (const av of new Set(limits.map((l) => l.amountVariable))) {
      const amount = toNumber(this.state.vars[av]);
      if (amount === undefined) continue;
      const chain = limits.filter((l) => l.amountVariable === av);
      const mine = chain.filter((l) => roles.includes(l.role));
      if (mine.length === 0) continue;
      const limit = Math.max(...mine.map((l) => l.upTo));
      if (amount <= limit) continue;
      const higher = chain.filter((l) => l.upTo > limit).sort((a, b) => a.upTo - b.upTo);
      const target = higher.find((l) => l.upTo >= amount) ?? higher[higher.length - 1];
      let users: string[];
      if (target !== undefined) users = [...this.roleUsers(target.role)];
      else {
        const m = this.dir().managerOf(u, 1);
        users = m === undefined ? [] : [m];
      }
      users = [...new Set(users)].filter((x) => x !== u && x !== this.state.ini.userId);
      if (users.length > 0) return { to: users, by: u, limit };
    }
    return null;
  }

  private approvalNode(id: string): ApprovalNode {
    const n = this.node(id);
    if (n.type !== 'approval') throw new FlowCommandError('definitionMismatch', `${id} is not an approval node`);
    return n;
  }

  private task(id: string): Task {
    const t = this.state.tasks?.find((x) => x.id === id);
    if (t === undefined) throw new Error(`task ${id} vanished`);
    return t;
  }

  // ------------------------------------------------------------------ decisions, services, timers

  private decision(tok: string, node: Extract<FlowNode, { type: 'decision' }>): void {
    const inputs: Record<string, JsonValue> = {};
    for (const [name, src] of Object.entries(node.inputs)) inputs[name] = toJson(this.feel(src, node.id));
    if (this.ctx.decide !== undefined) {
      let result: Record<string, JsonValue>;
      try {
        result = this.ctx.decide(node.decisionKey, inputs, node.decisionVersion);
      } catch (e) {
        throw new FlowRuntimeError(`decision ${node.decisionKey} failed at ${node.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
      this.setOutputs(node.id, node.outputs, result);
      return this.queueLeave(tok, node);
    }
    const id = `c${this.nextSeq()}`;
    this.emit('callStarted', { call: { id, n: node.id, tok, att: 1, k: 'decision' } }, { nodeId: node.id });
    const eff: FlowEffect = { type: 'evaluateDecision', callId: id, nodeId: node.id, decisionKey: node.decisionKey, inputs };
    if (node.decisionVersion !== undefined) eff.decisionVersion = node.decisionVersion;
    this.effects.push(eff);
  }

  private startCall(tok: string, node: ServiceNode, attempt: number, run?: number): void {
    const id = `c${this.nextSeq()}`;
    const call: PendingCall = { id, n: node.id, tok, att: attempt, k: 'service' };
    if (run !== undefined) call.i = run;
    this.emit('callStarted', { call }, { nodeId: node.id });
    this.effects.push({ type: 'callService', callId: id, nodeId: node.id, effect: node.effect, config: copyJson(node.config), attempt });
  }

  private startSubflow(tok: string, node: SubflowNode, run?: number): void {
    const variables: Record<string, JsonValue> = {};
    for (const [name, src] of Object.entries(node.inputs)) variables[name] = toJson(this.feel(src, node.id));
    const id = `c${this.nextSeq()}`;
    const call: PendingCall = { id, n: node.id, tok, att: 1, k: 'subflow' };
    if (run !== undefined) call.i = run;
    this.emit('callStarted', { call }, { nodeId: node.id });
    const eff: FlowEffect = { type: 'startSubflow', callId: id, nodeId: node.id, flowKey: node.flowKey, variables, parent: { instanceId: this.state.id, callId: id } };
    if (node.version !== undefined) eff.version = node.version;
    this.effects.push(eff);
  }

  // ------------------------------------------------------------------ activities (service, subflow)

  /**
   * A token arrives at a service or subflow: wait for the start quantity, test a loop before its
   * first run, arm the boundary timers, then start one run (or the multi-instance runs).
   */
  private startActivity(tok: string, node: ActivityNode): void {
    const token = this.token(tok);
    const first = token.i === undefined;
    if (first && (node.startQuantity ?? 1) > 1) {
      const idle = (this.state.tok ?? []).filter((t) => t.n === node.id && t.id !== tok && !(this.state.calls ?? []).some((c) => c.tok === t.id));
      if (idle.length + 1 < (node.startQuantity ?? 1)) return;
      for (const t of idle.slice(0, (node.startQuantity ?? 1) - 1)) this.emit('left', { tok: t.id }, { nodeId: node.id });
    }
    if (first && node.loop?.testBefore === true && !this.loopContinues(node, 0)) return this.leaveActivity(tok, node);
    if (first) this.armBoundaryTimers(tok, node);
    const multi = node.multiInstance;
    if (multi === undefined) return this.startRun(tok, node);
    const v = toJson(this.feel(multi.cardinality, node.id));
    const n = typeof v === 'number' ? v : toNumber(v);
    if (n === undefined || !Number.isInteger(n) || n < 0) throw new FlowRuntimeError(`multi-instance cardinality of ${node.id} is ${JSON.stringify(v)}, not a non-negative integer`);
    if (n === 0) return this.leaveActivity(tok, node);
    this.emit('multiStarted', { tok, n }, { nodeId: node.id });
    if (multi.sequential === true) return this.startRun(tok, node, 1);
    for (let i = 1; i <= n; i++) this.startRun(tok, node, i);
  }

  private startRun(tok: string, node: ActivityNode, run?: number): void {
    if (node.type === 'service') this.startCall(tok, node, 1, run);
    else this.startSubflow(tok, node, run);
  }

  /** One run ended well: the next multi-instance run, or the loop again, or on along the outgoing edge. */
  private runEnded(call: PendingCall, node: ActivityNode): void {
    const token = this.token(call.tok);
    const multi = node.multiInstance;
    if (multi !== undefined && token.mi !== undefined) {
      const done = multi.completionCondition !== undefined && this.holds(multi.completionCondition, node.id);
      if (!done) {
        if (multi.sequential === true && (call.i ?? 0) < token.mi) return this.startRun(call.tok, node, (call.i ?? 0) + 1);
        if ((this.state.calls ?? []).some((c) => c.tok === call.tok)) return;
      }
    }
    const runs = (token.i ?? 0) + 1;
    if (node.loop !== undefined && this.loopContinues(node, runs)) {
      this.stopActivity(call.tok, node, true);
      this.queue.push({ tok: call.tok, to: node.id, f: undefined, i: runs });
      return;
    }
    this.leaveActivity(call.tok, node);
  }

  /** Standard loop: another run while the condition holds and the maximum is not reached. */
  private loopContinues(node: ActivityNode, runs: number): boolean {
    const loop = node.loop;
    if (loop === undefined) return false;
    if (loop.maximum !== undefined && runs >= loop.maximum) return false;
    return loop.condition === undefined || this.holds(loop.condition, node.id);
  }

  private leaveActivity(tok: string, node: ActivityNode): void {
    this.stopActivity(tok, node);
    this.queueLeave(tok, node);
  }

  /** Cancels the token's other runs (and, unless the activity loops on, its boundary timers). */
  private stopActivity(tok: string, node: ActivityNode, keepTimers = false): void {
    for (const c of this.state.calls ?? []) {
      if (c.tok !== tok || c.n !== node.id) continue;
      this.emit('callDone', { id: c.id, ok: false, error: 'cancelled' }, { nodeId: node.id });
      if (c.k === 'subflow') this.effects.push({ type: 'cancelSubflow', callId: c.id });
    }
    if (!keepTimers) this.cancelTimers(tok, node.id, ['boundary', 'retry']);
  }

  private armBoundaryTimers(tok: string, node: FlowNode): void {
    boundaryTimersOf(node).forEach((b, i) => {
      this.setTimerAt(node.id, 'boundary', this.ms + durationMs(b.duration, this.ms), { tok, b: i });
    });
  }

  /** Cancels the token's timers of these purposes on the node. */
  private cancelTimers(tok: string, nodeId: string, purposes: readonly TimerPurpose[]): void {
    for (const t of this.state.timers ?? []) {
      if (t.tok !== tok || t.n !== nodeId || !purposes.includes(t.p)) continue;
      this.emit('timerDone', { id: t.id }, { nodeId });
      this.effects.push({ type: 'cancelTimer', timerId: t.id });
    }
  }

  private boundaryTimerFired(tok: string, node: ActivityNode | ApprovalNode, index: number): void {
    const b = node.boundaryTimers?.[index];
    const edge = b === undefined ? undefined : this.idx.edges.get(b.edge);
    if (b === undefined || edge === undefined) throw new FlowRuntimeError(`boundary timer ${index} of ${node.id} has no edge`);
    const token = this.token(tok);
    if (!b.interrupting) {
      this.queue.push({ tok: null, to: edge.target, f: [...(token.f ?? [])], edge });
      return;
    }
    if (node.type === 'approval') {
      const task = this.state.tasks?.find((t) => t.tok === tok);
      if (task !== undefined) this.closeTask(task, 'cancelled', {});
    } else this.stopActivity(tok, node);
    this.queue.push({ tok, to: edge.target, f: token.f, edge });
  }

  private token(id: string): Token {
    const t = this.state.tok?.find((x) => x.id === id);
    if (t === undefined) throw new FlowRuntimeError(`token ${id} is not in the case`);
    return t;
  }

  private setOutputs(nodeId: string, mapping: Record<string, string>, result: Record<string, JsonValue>): void {
    const vars: Record<string, JsonValue> = {};
    for (const [v, path] of Object.entries(mapping)) vars[v] = pathGet(result, path);
    if (Object.keys(vars).length > 0) this.emit('varsSet', { vars }, { nodeId });
  }

  private setTimer(nodeId: string, p: TimerPurpose, duration: string, business: boolean, extra: { task?: string; tok?: string }): Extract<FlowEffect, { type: 'scheduleTimer' }> {
    const eff = this.setTimerAt(nodeId, p, this.addDuration(duration, business), extra);
    eff.duration = duration;
    if (business) eff.businessCalendar = true;
    return eff;
  }

  private setTimerAt(nodeId: string, p: TimerPurpose, dueMs: number, extra: { task?: string; tok?: string; att?: number; b?: number; i?: number }): Extract<FlowEffect, { type: 'scheduleTimer' }> {
    const id = `m${this.nextSeq()}`;
    const due = new Date(dueMs).toISOString();
    this.emit('timerSet', { timer: { id, n: nodeId, due, p, ...extra } }, { nodeId, taskId: extra.task });
    const eff: Extract<FlowEffect, { type: 'scheduleTimer' }> = { type: 'scheduleTimer', timerId: id, nodeId, dueAt: due, purpose: p };
    this.effects.push(eff);
    return eff;
  }

  private addDuration(duration: string, business: boolean): number {
    if (business && this.ctx.addBusinessDuration !== undefined) {
      const due = Date.parse(this.ctx.addBusinessDuration(this.at, duration));
      if (!Number.isFinite(due)) throw new FlowRuntimeError(`the business calendar returned no valid time for ${duration}`);
      return due;
    }
    return this.ms + durationMs(duration, this.ms);
  }

  private untilMs(src: string): number {
    const v = this.feel(src, 'timer');
    if (v instanceof FeelDateTime) return instantSeconds(v).times(1000).toNumber();
    if (v instanceof FeelDate) return Date.UTC(v.year, v.month - 1, v.day);
    if (typeof v === 'string') {
      const dt = parseDateTime(v);
      if (dt !== null) return instantSeconds(dt).times(1000).toNumber();
    }
    throw new FlowRuntimeError(`timer expression ${src} did not return a date or date and time`);
  }

  // ------------------------------------------------------------------ ending

  endCase(st: Exclude<InstanceStatus, 'running'>, out?: string, err?: string, extra: EventExtra = {}): void {
    const s = this.state;
    for (const t of s.tasks ?? []) this.effects.push({ type: 'cancelTask', taskId: t.id });
    for (const t of s.timers ?? []) this.effects.push({ type: 'cancelTimer', timerId: t.id });
    for (const c of s.calls ?? []) if (c.k === 'subflow') this.effects.push({ type: 'cancelSubflow', callId: c.id });
    const data: EventData<'ended'> = { st };
    if (out !== undefined) data.out = out;
    if (err !== undefined) data.err = err;
    this.emit('ended', data, extra);
    const eff: Extract<FlowEffect, { type: 'instanceEnded' }> = { type: 'instanceEnded', status: st, variables: copyJson(this.state.vars) };
    if (out !== undefined) eff.outcome = out;
    if (err !== undefined) eff.error = err;
    if (s.parent !== undefined) eff.parent = { ...s.parent };
    this.effects.push(eff);
    this.queue.length = 0;
  }

  // ------------------------------------------------------------------ assignees, FEEL, variables

  private dir(): Directory {
    const d = this.ctx.directory;
    if (d === undefined) throw new Error('context.directory is required to resolve roles and managers');
    return d;
  }

  /** Holders of a role in the initiator's branch, or anywhere when the branch has none. */
  private roleUsers(role: string): readonly string[] {
    const branch = this.state.ini.branch;
    if (branch !== undefined) {
      const local = this.dir().usersInRoleAtBranch(role, branch);
      if (local.length > 0) return local;
    }
    return this.dir().usersInRole(role);
  }

  private resolve(rules: readonly AssigneeRule[], excludeInitiator: boolean): string[] {
    const ini = this.state.ini;
    const out: string[] = [];
    for (const r of rules) {
      switch (r.kind) {
        case 'user':
          out.push(r.userId);
          break;
        case 'role':
          out.push(...this.dir().usersInRole(r.role));
          break;
        case 'branchRole':
          if (ini.branch !== undefined) out.push(...this.dir().usersInRoleAtBranch(r.role, ini.branch));
          break;
        case 'manager': {
          const m = ini.mgr?.[r.levels - 1] ?? this.dir().managerOf(ini.userId, r.levels);
          if (m !== undefined) out.push(m);
          break;
        }
        case 'expression': {
          const v = toJson(this.feel(r.feel, 'assignee'));
          if (typeof v === 'string') out.push(v);
          else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
          break;
        }
      }
    }
    return [...new Set(out)].filter((u) => u !== '' && (!excludeInitiator || u !== ini.userId));
  }

  private holds(condition: string, where: string): boolean {
    return this.feel(condition, where) === true;
  }

  private feel(source: string, where: string): FeelValue {
    let c = this.idx.exprs.get(source);
    try {
      if (c === undefined) {
        c = compileExpression(source, { names: this.idx.names });
        this.idx.exprs.set(source, c);
      }
      const scope: Record<string, FeelValue> = {};
      const vars = this.state.vars;
      for (const name of c.reads) {
        if (name === 'initiator') {
          const ini = this.state.ini;
          scope.initiator = toFeelValue({ userId: ini.userId, roles: ini.roles ?? [], branch: ini.branch ?? null });
        } else if (Object.hasOwn(vars, name)) scope[name] = variableToFeel(this.idx.vars.get(name), vars[name] as JsonValue);
      }
      this.feelNowValue ??= toFeelValue(new Date(this.ms)) as FeelDateTime;
      return c.evaluate(scope, { now: this.feelNowValue, stepBudget: 100_000 }).value;
    } catch (e) {
      throw new FlowRuntimeError(`expression at ${where} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private checkStartVariables(given: Record<string, JsonValue>): Record<string, JsonValue> {
    const vars: Record<string, JsonValue> = {};
    for (const name of Object.keys(given)) {
      if (!this.idx.vars.has(name)) throw new FlowCommandError('invalidPayload', `unknown variable ${name}`, { variable: name });
    }
    for (const v of this.def.variables) {
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

  private checkFields(fields: Record<string, JsonValue>, node: ApprovalNode): Record<string, JsonValue> {
    const editable = node.editableFields ?? [];
    for (const [name, value] of Object.entries(fields)) {
      if (!editable.includes(name)) throw new FlowCommandError('invalidPayload', `field ${name} is not editable on ${node.id}`, { field: name });
      const v = this.idx.vars.get(name);
      if (v !== undefined && value !== null && !typeMatches(v, value)) throw new FlowCommandError('invalidPayload', `field ${name} must be a ${v.type}`, { field: name });
    }
    return copyJson(fields);
  }

  private node(id: string): FlowNode {
    const n = this.idx.nodes.get(id);
    if (n === undefined) throw new FlowRuntimeError(`node ${id} does not exist in ${this.def.key} v${this.def.version ?? 0}`);
    return n;
  }
}
