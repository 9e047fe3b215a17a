/**
 * A simulated case of the draft flow, run in the browser by the real flow engine: started with the
 * analyst's variables, its tasks answered as stand-in people, its service steps and sub-flows
 * answered by hand (nothing is sent), its clock advanced in business days on the server's business
 * calendar so that reminders, escalations and automatic decisions fire through the engine's own
 * timer command. Pure: every step takes a simulation and answers the next one; nothing here reads
 * the clock or talks to the server.
 */
import {
  addBusinessDuration,
  execute,
  FlowCommandError,
  type BusinessCalendar,
  type ExecuteContext,
  type FlowCommand,
  type FlowCommandErrorCode,
  type FlowDefinition,
  type FlowEffect,
  type FlowEvent,
  type FlowState,
  type JsonValue,
  type TaskAction,
} from '@bankforge/flow-engine';
import { decisionRef, type Decider } from './simulated-decisions.js';
import { INITIATOR, simulatedActor, simulatedDirectory } from './simulated-people.js';

export interface SimulationSetup {
  /** The draft as it stands when the simulation starts. */
  flow: FlowDefinition;
  /** The server's business calendar; without one, business durations count in calendar time (as on the server). */
  calendar?: BusinessCalendar;
  /** Each decision the flow's steps call, by `decisionRef`; a missing one fails the case, as on the server. */
  deciders: ReadonlyMap<string, Decider>;
  /** Stand-in holders per role. */
  holders: number;
}

/** A command the engine refused (nothing changed), or a time it could not count. */
export interface Refusal {
  code: FlowCommandErrorCode | 'failed';
  message: string;
}

/** A task as the server's inbox would hold it: who may act now and what they may do. */
export interface TaskInfo {
  nodeId: string;
  mayAct: readonly string[];
  actions: readonly TaskAction[];
  editableFields?: readonly string[];
}

export interface Simulation {
  readonly setup: SimulationSetup;
  /** The simulated clock, an ISO instant. */
  readonly now: string;
  readonly state: FlowState;
  readonly events: readonly FlowEvent[];
  /** Open tasks by id, kept from the engine's task effects (as the server materialises them). */
  readonly tasks: Readonly<Record<string, TaskInfo>>;
  /** The last command the engine refused; cleared by the next accepted one. */
  readonly refusal?: Refusal;
  /** Commands sent so far (names the next command). */
  readonly sent: number;
}

export type StartResult = { simulation: Simulation; refusal?: undefined } | { simulation?: undefined; refusal: Refusal };

/** An answer to a task, as a stand-in person. */
export interface TaskAnswer {
  taskId: string;
  actor: string;
  action: TaskAction;
  comment?: string;
  returnToNodeId?: string;
  delegateTo?: string;
  addApprover?: { userId: string; position: 'before' | 'after' };
  fields?: Record<string, JsonValue>;
}

/** How a service step or a decision waiting for its answer ended (by hand: nothing was sent). */
export type CallAnswer = { ok: true; output?: Record<string, JsonValue> } | { ok: false; error: string };

/** Timer firings one advance may make before it stops (a remind timeout re-arms itself every time). */
const MAX_FIRINGS = 500;
const DAY_MS = 86_400_000;

function contextOf(setup: SimulationSetup): ExecuteContext {
  const calendar = setup.calendar;
  return {
    directory: simulatedDirectory(setup.holders),
    decide: (key, inputs, version) => {
      const decider = setup.deciders.get(decisionRef(key, version));
      // The server's words: an unpublished decision is a broken flow, and the engine fails the case with them.
      if (decider === undefined) throw new Error(`decision ${key} is not published`);
      return decider(inputs);
    },
    ...(calendar !== undefined ? { addBusinessDuration: (from: string, duration: string) => addBusinessDuration(calendar, from, duration) } : {}),
    instanceId: 'simulation',
  };
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof FlowCommandError) return { code: error.code, message: error.message };
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** The inbox after a command's effects: tasks opened, re-assigned, closed. */
function applyTaskEffects(tasks: Readonly<Record<string, TaskInfo>>, effects: readonly FlowEffect[]): Record<string, TaskInfo> {
  const next = { ...tasks };
  for (const effect of effects) {
    if (effect.type === 'createTask') {
      next[effect.taskId] = {
        nodeId: effect.nodeId,
        mayAct: effect.assignees,
        actions: effect.actions as TaskAction[],
        ...(effect.editableFields !== undefined ? { editableFields: effect.editableFields } : {}),
      };
    } else if (effect.type === 'updateTask') {
      const task = next[effect.taskId];
      if (task !== undefined) next[effect.taskId] = { ...task, mayAct: effect.assignees };
    } else if (effect.type === 'closeTask' || effect.type === 'cancelTask') {
      delete next[effect.taskId];
    }
  }
  return next;
}

/** One command at `at`: the next simulation, or this one with the refusal. */
function send(simulation: Simulation, command: (commandId: string) => FlowCommand, at: string): Simulation {
  const sent = simulation.sent + 1;
  try {
    const result = execute(simulation.setup.flow, simulation.state, command(`simulated-${sent}`), at, contextOf(simulation.setup));
    return {
      setup: simulation.setup,
      now: at,
      state: result.state,
      events: [...simulation.events, ...result.events],
      tasks: applyTaskEffects(simulation.tasks, result.effects),
      sent,
    };
  } catch (error) {
    return { ...simulation, refusal: refusalOf(error) };
  }
}

/** Starts a case at `at` with the variables given (the rest take their defaults), as the simulated initiator. */
export function startSimulation(setup: SimulationSetup, variables: Record<string, JsonValue>, at: string): StartResult {
  try {
    const command: FlowCommand = { type: 'start', commandId: 'simulated-1', actor: simulatedActor(INITIATOR), variables };
    const result = execute(setup.flow, null, command, at, contextOf(setup));
    return { simulation: { setup, now: at, state: result.state, events: result.events, tasks: applyTaskEffects({}, result.effects), sent: 1 } };
  } catch (error) {
    return { refusal: refusalOf(error) };
  }
}

/** A stand-in person answers a task, now. */
export function answerTask(simulation: Simulation, answer: TaskAnswer): Simulation {
  const { actor, ...rest } = answer;
  return send(simulation, (commandId) => ({ type: 'completeTask', commandId, actor: simulatedActor(actor), ...rest }), simulation.now);
}

/** A service step or a decision call is answered by hand: it succeeded (with its output) or failed. */
export function answerCall(simulation: Simulation, callId: string, answer: CallAnswer): Simulation {
  return send(simulation, (commandId) => ({ type: 'serviceResult', commandId, callId, ...answer }), simulation.now);
}

/** A sub-flow the case waits for ended with this outcome (nothing was started). */
export function endSubflow(simulation: Simulation, callId: string, outcome: string): Simulation {
  return send(simulation, (commandId) => ({ type: 'subflowCompleted', commandId, callId, outcome }), simulation.now);
}

/** The initiator withdraws the case. */
export function withdrawCase(simulation: Simulation, comment?: string): Simulation {
  return send(simulation, (commandId) => ({ type: 'withdraw', commandId, actor: simulatedActor(INITIATOR), ...(comment ? { comment } : {}) }), simulation.now);
}

/** `days` business days after the simulated clock, on the calendar (calendar days without one). */
export function businessDaysLater(simulation: Simulation, days: number): string {
  const calendar = simulation.setup.calendar;
  if (calendar === undefined) return new Date(Date.parse(simulation.now) + days * DAY_MS).toISOString();
  return addBusinessDuration(calendar, simulation.now, `P${days}D`);
}

/**
 * The clock moves on to `until`: every timer due by then fires at its due time, earliest first,
 * through the engine's `timerFired` (reminders, escalations, automatic decisions, waits), and the
 * timers those set fire too when they fall due in time.
 */
export function advanceTo(simulation: Simulation, until: string): Simulation {
  const end = Date.parse(until);
  let current: Simulation = { ...simulation, refusal: undefined };
  for (let fired = 0; fired < MAX_FIRINGS && current.state.status === 'running'; fired++) {
    const due = [...(current.state.timers ?? [])].filter((t) => Date.parse(t.dueAt) <= end).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
    if (due === undefined) break;
    const at = new Date(Math.max(Date.parse(current.now), Date.parse(due.dueAt))).toISOString();
    const next = send(current, (commandId) => ({ type: 'timerFired', commandId, timerId: due.id }), at);
    if (next.refusal !== undefined) return next;
    current = next;
  }
  return Date.parse(current.now) < end ? { ...current, now: new Date(end).toISOString() } : current;
}

/** Advances the clock by `days` business days, firing what falls due. */
export function advanceBusinessDays(simulation: Simulation, days: number): Simulation {
  try {
    return advanceTo(simulation, businessDaysLater(simulation, days));
  } catch (error) {
    return { ...simulation, refusal: refusalOf(error) };
  }
}

/** When a task times out (its current deadline, after any reminder or escalation), if it has a timeout. */
export function taskDue(simulation: Simulation, taskId: string): string | undefined {
  return simulation.state.timers?.find((t) => t.taskId === taskId && t.purpose === 'timeout')?.dueAt;
}

/** The earliest pending timer: what the next advance will fire first. */
export function nextDue(simulation: Simulation): { nodeId: string; dueAt: string; purpose: string } | undefined {
  const timers = [...(simulation.state.timers ?? [])].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const first = timers[0];
  return first === undefined ? undefined : { nodeId: first.nodeId, dueAt: first.dueAt, purpose: first.purpose };
}

/** Where the case has been and where it waits: for the canvas to highlight. */
export interface SimulationPath {
  visitedNodes: ReadonlySet<string>;
  visitedEdges: ReadonlySet<string>;
  currentNodes: ReadonlySet<string>;
}

export function simulationPath(simulation: Simulation): SimulationPath {
  const visitedNodes = new Set<string>();
  const visitedEdges = new Set<string>();
  for (const event of simulation.events) {
    if (event.type !== 'entered') continue;
    if (event.nodeId !== undefined) visitedNodes.add(event.nodeId);
    if (event.data.edgeId !== undefined) visitedEdges.add(event.data.edgeId);
  }
  const currentNodes = new Set(simulation.state.status === 'running' ? (simulation.state.tokens ?? []).map((t) => t.nodeId) : []);
  return { visitedNodes, visitedEdges, currentNodes };
}

/** The calls the case waits for (service steps, decisions asked by hand, sub-flows): answered in the panel, never sent. */
export function pendingCalls(simulation: Simulation): { id: string; nodeId: string; kind: 'service' | 'decision' | 'subflow' }[] {
  return (simulation.state.calls ?? []).map((c) => ({ id: c.id, nodeId: c.nodeId, kind: c.kind }));
}
