/**
 * The stored form of the events (`event-encoding.ts`): the fields of `FlowEvent` under the short
 * names the history has always been stored with (`cmd`, `tok`, `f`, `rl`, `u`, flags as `1`); a
 * timer, call or initiator inside one is in its stored form.
 */
import type { TaskCloseReason } from './flow-event.js';
import type { InstanceStatus, JsonValue, ParentCall } from '../state/flow-state.js';
import type { StoredCall, StoredInitiator, StoredTimer } from '../state/stored-state.js';

interface StoredEventBase {
  /** 1, 2, 3, ... within the instance. */
  seq: number;
  /** ISO 8601 UTC instant. */
  at: string;
  /** The command that caused it. */
  cmd: string;
  /** The user who acted (absent for automatic steps). */
  actor?: string;
  nodeId?: string;
  taskId?: string;
  comment?: string;
}

type Ev<T extends string, D> = StoredEventBase & { type: T; data: D };

export type StoredFlowEvent =
  /** The case started (`actor` is the initiator). */
  | Ev<'started', { def: string; ver: number; id: string; ini: StoredInitiator; vars: Record<string, JsonValue>; subject?: string; parent?: ParentCall }>
  /**
   * A token moved onto `nodeId` (created when new). `f` replaces its fork stack; `e` is the edge it
   * came by; `loop` is the loop edge taken and its new count; `rl` the loop counters reset (the
   * loop exited); `i` the runs a looping activity completed.
   */
  | Ev<'entered', { tok: string; f?: string[]; e?: string; loop?: [string, number]; rl?: string[]; i?: number }>
  /** A multi-instance activity starts `n` runs for the token. */
  | Ev<'multiStarted', { tok: string; n: number }>
  /** A token was consumed (at an end). */
  | Ev<'left', { tok: string }>
  /** A parallel/inclusive split took these edges. */
  | Ev<'forked', { fork: string; taken: string[] }>
  /** A join fired: the tokens it consumed are gone, and with them the fork they closed (if any). */
  | Ev<'joined', { fork?: string; toks: string[] }>
  /** `who`: the assignees; `req`: the approvals a percentage needs. */
  | Ev<'taskCreated', { tok: string; who: string[]; req?: number }>
  /** `percentage` mode: a reject vote that did not decide the task (the share can still be reached). */
  | Ev<'voteRejected', { u: string }>
  /** An approval: `b` when it counted for the assignees (else only for groups), `g` the groups it satisfied, `x` the rest of the assignees are released (any/single). */
  | Ev<'approved', { u: string; b?: 1; g?: number[]; x?: 1; auto?: 1 }>
  | Ev<'delegated', { from: string; to: string }>
  | Ev<'approverAdded', { u: string; p: 'before' | 'after'; by: string }>
  /** An authority limit was exceeded: the task routes further to these users (after `by`). */
  | Ev<'authorityRouted', { to: string[]; by: string; limit: number }>
  | Ev<'escalated', { from: string[]; to: string[] }>
  | Ev<'commented', Record<string, never>>
  /** The task closed (and its timers with it). `to`: the node a return goes back to; `ini`: back to the initiator. */
  | Ev<'taskClosed', { r: TaskCloseReason; to?: string; ini?: 1; auto?: 1 }>
  | Ev<'timerSet', { timer: StoredTimer }>
  | Ev<'timerDone', { id: string; fired?: 1 }>
  | Ev<'callStarted', { call: StoredCall }>
  | Ev<'callDone', { id: string; ok: boolean; error?: string }>
  | Ev<'varsSet', { vars: Record<string, JsonValue> }>
  /** Carbon copy, message, reminder or urge sent (history only). */
  | Ev<'notified', { kind: 'cc' | 'message' | 'remind' | 'urge' | 'escalate'; to: string[]; template?: string }>
  | Ev<'ended', { st: Exclude<InstanceStatus, 'running'>; out?: string; err?: string }>
  | Ev<'migrated', { from: number; to: number }>
  | Ev<'decided', { key: string; ver?: number; in: Record<string, JsonValue>; out: Record<string, JsonValue>; trace?: JsonValue }>;
