/**
 * One command's run: the state it works on (a copy of the one passed in), the events and effects
 * it produces, and the tokens waiting to move. The concerns live beside it (tokens, joins, tasks,
 * assignees, timers, activities, subflows) as functions of a `Run`.
 *
 * The run changes its state only by emitting events and applying them, which is what makes
 * `replay(definition, events)` reproduce the state exactly.
 */
import type { FeelDateTime } from '@bankforge/rule-engine';
import { toFeelValue } from '@bankforge/rule-engine';
import type { ApprovalNode, FlowDefinition, FlowEdge, FlowNode } from '../../definition/flow-definition.js';
import { FlowCommandError } from '../commands.js';
import type { Directory, ExecuteContext } from '../context.js';
import { indexOf, type DefinitionIndex } from '../definition-index.js';
import type { FlowEffect, UpdateRecordEffect } from '../effects.js';
import { applyInPlace } from '../events/apply-event.js';
import type { EventData, FlowEvent, FlowEventType } from '../events/flow-event.js';
import { copyJson } from '../state/copy.js';
import type { FlowState, InstanceStatus, Task, Token } from '../state/flow-state.js';
import { FlowRuntimeError } from '../values.js';
import { recordWrite } from './record-writes.js';

/** Where an event happened and who caused it. */
export interface EventExtra {
  actor?: string;
  nodeId?: string;
  taskId?: string;
  comment?: string;
}

/** A token to move: `tokenId` null means a new token (its id is taken from the entering event's seq). */
export interface Move {
  tokenId: string | null;
  to: string;
  /** The fork stack to give it (undefined: keep its own). */
  forkStack: string[] | undefined;
  edge?: FlowEdge;
  /** Loop edges whose counters reset (the loop was left). */
  resetLoops?: string[];
  /** Re-entering a looping activity: the runs completed so far. */
  completedRuns?: number;
}

export class Run {
  readonly events: FlowEvent[] = [];
  readonly effects: FlowEffect[] = [];
  readonly index: DefinitionIndex;
  /** `now` as an ISO instant (what events record). */
  readonly at: string;
  /** Tokens waiting to move, in order. */
  readonly queue: Move[] = [];
  /** Node entries so far (bounded by `context.maxSteps`). */
  steps = 0;
  private current: FlowState | null;
  private feelNowValue: FeelDateTime | undefined;

  constructor(
    readonly definition: FlowDefinition,
    state: FlowState | null,
    readonly commandId: string,
    /** `now` in epoch milliseconds. */
    readonly nowMs: number,
    readonly context: ExecuteContext,
    /** The user id of the command's actor; null for a timer, a service's or a subflow's answer. */
    readonly actor: string | null = null,
  ) {
    this.current = state;
    this.index = indexOf(definition);
    this.at = new Date(nowMs).toISOString();
  }

  get state(): FlowState {
    if (this.current === null) throw new Error('no state');
    return this.current;
  }

  get running(): boolean {
    return this.current !== null && this.current.status === 'running';
  }

  /** The seq the next event gets (ids of tasks, timers, calls and tokens derive from it). */
  nextSeq(): number {
    return (this.current?.lastSeq ?? 0) + 1;
  }

  emit<T extends FlowEventType>(type: T, data: EventData<T>, extra: EventExtra = {}): void {
    // fields in a fixed order, absent ones left out: the stored history is the same bytes on replay
    const e: Record<string, unknown> = { seq: this.nextSeq(), at: this.at, commandId: this.commandId, type };
    if (extra.actor !== undefined) e.actor = extra.actor;
    if (extra.nodeId !== undefined) e.nodeId = extra.nodeId;
    if (extra.taskId !== undefined) e.taskId = extra.taskId;
    if (extra.comment !== undefined) e.comment = extra.comment;
    e.data = data;
    const event = e as unknown as FlowEvent;
    this.events.push(event);
    this.current = applyInPlace(this.current as FlowState, event, this.definition);
  }

  /** FEEL's `now()` for this command. */
  feelNow(): FeelDateTime {
    return (this.feelNowValue ??= toFeelValue(new Date(this.nowMs)) as FeelDateTime);
  }

  node(id: string): FlowNode {
    const n = this.index.nodes.get(id);
    if (n === undefined) throw new FlowRuntimeError(`node ${id} does not exist in ${this.definition.key} v${this.definition.version ?? 0}`);
    return n;
  }

  approvalNode(id: string): ApprovalNode {
    const n = this.node(id);
    if (n.type !== 'approval') throw new FlowCommandError('definitionMismatch', `${id} is not an approval node`);
    return n;
  }

  token(id: string): Token {
    const t = this.state.tokens?.find((x) => x.id === id);
    if (t === undefined) throw new FlowRuntimeError(`token ${id} is not in the case`);
    return t;
  }

  task(id: string): Task {
    const t = this.state.tasks?.find((x) => x.id === id);
    if (t === undefined) throw new Error(`task ${id} vanished`);
    return t;
  }

  directory(): Directory {
    const d = this.context.directory;
    if (d === undefined) throw new Error('context.directory is required to resolve roles and managers');
    return d;
  }

  /**
   * Ends the case: cancels its open work, writes the record at the milestone (the outcome of a
   * completed case, else the status) and tells the server (and, for a subflow, the parent). A write
   * that fails fails the case instead (before anything is emitted); when the writes of `failed`
   * fail too, they are skipped and the reason joins the case's error.
   */
  endCase(status: Exclude<InstanceStatus, 'running'>, outcome?: string, error?: string, extra: EventExtra = {}): void {
    const milestone = status === 'completed' ? (outcome ?? 'approved') : status;
    let write: UpdateRecordEffect | undefined;
    if (status !== 'failed') write = recordWrite(this, milestone);
    else {
      try {
        write = recordWrite(this, milestone);
      } catch (e) {
        if (!(e instanceof FlowRuntimeError)) throw e;
        error = `${error ?? 'the case failed'}; the record writes at failed were skipped: ${e.message}`;
      }
    }
    const s = this.state;
    for (const t of s.tasks ?? []) this.effects.push({ type: 'cancelTask', taskId: t.id });
    for (const t of s.timers ?? []) this.effects.push({ type: 'cancelTimer', timerId: t.id });
    for (const c of s.calls ?? []) if (c.kind === 'subflow') this.effects.push({ type: 'cancelSubflow', callId: c.id });
    const data: EventData<'ended'> = { status };
    if (outcome !== undefined) data.outcome = outcome;
    if (error !== undefined) data.error = error;
    this.emit('ended', data, extra);
    if (write !== undefined) this.effects.push(write);
    const eff: Extract<FlowEffect, { type: 'instanceEnded' }> = { type: 'instanceEnded', status, variables: copyJson(this.state.variables) };
    if (outcome !== undefined) eff.outcome = outcome;
    if (error !== undefined) eff.error = error;
    if (s.parent !== undefined) eff.parent = { ...s.parent };
    this.effects.push(eff);
    this.queue.length = 0;
  }
}
