/**
 * A small stand-in for the server, for the betsy cases: it runs flow instances on a virtual
 * clock (no real waiting), performs their effects (script tokens, timers, subflows) and sends the
 * results back as commands, in time order and, at one instant, in the order they arose.
 */
import type { FlowDefinition } from '../../definition/flow-definition.js';
import { FlowCommandError, type FlowCommand } from '../../engine/commands.js';
import type { FlowEffect } from '../../engine/effects.js';
import { execute } from '../../engine/execute.js';
import type { FlowState, JsonValue } from '../../engine/state/flow-state.js';
import { runScript, type ScriptLog } from './script-tokens.js';

export const SIMULATION_START = Date.parse('2026-01-05T09:00:00Z');
const ACTOR = { userId: 'betsy', admin: true };

interface Instance {
  id: string;
  def: FlowDefinition;
  state: FlowState | null;
  parent?: { instanceId: string; callId: string };
}

interface Job {
  at: number;
  n: number;
  run: () => void;
}

export interface SimulationResult {
  log: ScriptLog;
  /** How the first-started (root) instances ended: status and outcome, or `running` if never. */
  ends: { status: string; outcome?: string; error?: string }[];
}

export class Simulation {
  readonly log: ScriptLog = { trace: [], marker: false, stamps: {} };
  private now = SIMULATION_START;
  private readonly jobs: Job[] = [];
  private jobCount = 0;
  private readonly instances = new Map<string, Instance>();
  private readonly children = new Map<string, string>();
  private commands = 0;
  private readonly roots: string[] = [];

  constructor(
    private readonly definitions: ReadonlyMap<string, FlowDefinition>,
    private readonly limitMs: number,
  ) {}

  /** Starts a root instance of the flow `key` now. */
  start(key: string, variables: Record<string, JsonValue>): void {
    const id = this.startInstance(key, variables);
    if (id !== undefined) this.roots.push(id);
  }

  /** Runs every job due until nothing is left or the time limit passes. */
  run(): SimulationResult {
    const end = SIMULATION_START + this.limitMs;
    for (let job = this.next(); job !== undefined && job.at <= end && this.commands < 100_000; job = this.next()) {
      this.now = Math.max(this.now, job.at);
      job.run();
    }
    const ends = this.roots.map((id) => {
      const s = this.instances.get(id)?.state;
      if (s === null || s === undefined) return { status: 'notStarted' };
      const e: SimulationResult['ends'][number] = { status: s.status };
      if (s.outcome !== undefined) e.outcome = s.outcome;
      if (s.error !== undefined) e.error = s.error;
      return e;
    });
    return { log: this.log, ends };
  }

  private next(): Job | undefined {
    let best = -1;
    this.jobs.forEach((j, i) => {
      const b = this.jobs[best];
      if (b === undefined || j.at < b.at || (j.at === b.at && j.n < b.n)) best = i;
    });
    return best < 0 ? undefined : this.jobs.splice(best, 1)[0];
  }

  private schedule(at: number, run: () => void): void {
    this.jobs.push({ at, n: this.jobCount++, run });
  }

  private startInstance(key: string, variables: Record<string, JsonValue>, parent?: Instance['parent']): string | undefined {
    const def = this.definitions.get(key);
    if (def === undefined) throw new Error(`no flow ${key} in the model`);
    const id = `i${this.instances.size + 1}`;
    const inst: Instance = { id, def, state: null };
    if (parent !== undefined) inst.parent = parent;
    this.instances.set(id, inst);
    const cmd: FlowCommand = { type: 'start', commandId: `${id}-start`, actor: ACTOR, variables };
    if (parent !== undefined) cmd.parent = parent;
    this.send(inst, cmd);
    return id;
  }

  private send(inst: Instance, command: FlowCommand): void {
    this.commands++;
    let result;
    try {
      result = execute(inst.def, inst.state, command, this.now, { instanceId: inst.id });
    } catch (e) {
      // a late answer (a cancelled call, a timer of an ended case) is refused: nothing to do
      if (e instanceof FlowCommandError) return;
      throw e;
    }
    inst.state = result.state;
    for (const effect of result.effects) this.perform(inst, effect);
  }

  private perform(inst: Instance, effect: FlowEffect): void {
    switch (effect.type) {
      case 'callService': {
        const script = typeof effect.config.script === 'string' ? effect.config.script : '';
        const vars = { ...(inst.state?.variables ?? {}) };
        const outcome = runScript(script, vars, this.log, this.now);
        const reply = (): void => {
          if (outcome.finish !== undefined) outcome.finish(this.now);
          const cmd: FlowCommand = outcome.error === undefined
            ? { type: 'serviceResult', commandId: `${effect.callId}-done`, callId: effect.callId, ok: true, output: { ...vars, ...outcome.vars } }
            : { type: 'serviceResult', commandId: `${effect.callId}-done`, callId: effect.callId, ok: false, error: outcome.error };
          this.send(inst, cmd);
        };
        this.schedule(this.now + outcome.busyMs, reply);
        return;
      }
      case 'scheduleTimer':
        this.schedule(Date.parse(effect.dueAt), () => this.send(inst, { type: 'timerFired', commandId: `${effect.timerId}-fired`, timerId: effect.timerId }));
        return;
      case 'startSubflow':
        this.schedule(this.now, () => {
          const child = this.startInstance(effect.flowKey, effect.variables, effect.parent);
          if (child !== undefined) this.children.set(`${inst.id}/${effect.callId}`, child);
        });
        return;
      case 'cancelSubflow': {
        const child = this.instances.get(this.children.get(`${inst.id}/${effect.callId}`) ?? '');
        if (child !== undefined) this.send(child, { type: 'cancel', commandId: `${child.id}-cancel`, actor: ACTOR });
        return;
      }
      case 'instanceEnded': {
        const parent = effect.parent === undefined ? undefined : this.instances.get(effect.parent.instanceId);
        if (parent === undefined || effect.parent === undefined || effect.status === 'cancelled') return;
        const callId = effect.parent.callId;
        const cmd: FlowCommand = { type: 'subflowCompleted', commandId: `${callId}-completed`, callId, output: effect.variables };
        if (effect.status === 'failed') {
          // an error in a sub-process is an error of its parent (nothing here catches it)
          if (effect.outcome !== undefined) cmd.errorCode = effect.outcome;
          else cmd.error = effect.error ?? 'failed';
        } else if (effect.outcome !== undefined) cmd.outcome = effect.outcome;
        this.schedule(this.now, () => this.send(parent, cmd));
        return;
      }
      default:
        return;
    }
  }
}
