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
 * edge) ends the instance with status `failed` and the reason in `error`.
 */
import type { FlowDefinition } from '../definition/flow-definition.js';
import { checkCommandShape, FlowCommandError, type FlowCommand } from './commands.js';
import type { ExecuteContext, Now } from './context.js';
import type { FlowEffect } from './effects.js';
import type { FlowEvent } from './events/flow-event.js';
import { serviceResult } from './run/activities.js';
import { cancel, start, urge, withdraw } from './run/case-commands.js';
import { Run } from './run/run.js';
import { subflowCompleted } from './run/subflows.js';
import { completeTask } from './run/task-actions.js';
import { timerFired } from './run/timers.js';
import { cloneState } from './state/copy.js';
import type { CommandRecord, FlowState } from './state/flow-state.js';
import { FlowRuntimeError } from './values.js';

export interface ExecuteResult {
  state: FlowState;
  events: FlowEvent[];
  effects: FlowEffect[];
  /** Set when the command id was already processed: the seq range of the events it produced then. */
  duplicate?: CommandRecord;
}

export function execute(definition: FlowDefinition, state: FlowState | null, command: FlowCommand, now: Now, context: ExecuteContext = {}): ExecuteResult {
  checkCommandShape(command);
  const ms = typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new FlowCommandError('invalidPayload', `now is not a valid time: ${String(now)}`);

  if (state !== null) {
    const rec = state.recentCommands[command.commandId] ?? commandInHistory(command.commandId, context.history);
    if (rec !== undefined) {
      const events = context.history?.filter((e) => e.seq >= rec[0] && e.seq <= rec[1]) ?? [];
      return { state, events: [...events], effects: [], duplicate: [rec[0], rec[1]] };
    }
    if (command.type === 'start') throw new FlowCommandError('alreadyStarted', 'the instance has already started');
    if (state.definitionKey !== definition.key || state.definitionVersion !== (definition.version ?? 0)) {
      throw new FlowCommandError('definitionMismatch', `the instance runs ${state.definitionKey} v${state.definitionVersion}, not ${definition.key} v${definition.version ?? 0}`);
    }
    if (state.status !== 'running') throw new FlowCommandError('instanceEnded', `the instance has ended (${state.status})`);
  } else if (command.type !== 'start') {
    throw new FlowCommandError('notStarted', 'no instance: the first command must be start');
  }

  const actor = 'actor' in command ? command.actor.userId : null;
  const run = new Run(definition, state === null ? null : cloneState(state), command.commandId, ms, context, actor);
  try {
    handle(run, command);
  } catch (e) {
    // a broken flow met at run time fails the case; the command itself was valid and is recorded
    if (!(e instanceof FlowRuntimeError)) throw e;
    run.queue.length = 0;
    if (run.running) run.endCase('failed', undefined, e.message);
  }
  return { state: run.state, events: run.events, effects: run.effects };
}

function handle(run: Run, c: FlowCommand): void {
  switch (c.type) {
    case 'start':
      return start(run, c);
    case 'completeTask':
      return completeTask(run, c);
    case 'withdraw':
      return withdraw(run, c);
    case 'urge':
      return urge(run, c);
    case 'cancel':
      return cancel(run, c);
    case 'timerFired':
      return timerFired(run, c);
    case 'serviceResult':
      return serviceResult(run, c);
    case 'subflowCompleted':
      return subflowCompleted(run, c);
  }
}

/** The seq range of the events a command produced, from the instance's history (for ids older than the state's window). */
function commandInHistory(commandId: string, history: readonly FlowEvent[] | undefined): CommandRecord | undefined {
  if (history === undefined) return undefined;
  let rec: CommandRecord | undefined;
  for (const e of history) {
    if (e.commandId !== commandId) continue;
    if (rec === undefined) rec = [e.seq, e.seq];
    else rec[1] = e.seq;
  }
  return rec;
}
