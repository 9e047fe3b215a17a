/**
 * The events of a flow instance: its append-only history. The state is a fold of them
 * (`apply-event.ts`). A server stores them in the compact form of `stored-event.ts`
 * (`encodeEvent` / `decodeEvent`).
 *
 * Every event records when (`at`, an ISO instant), who (`actor`, absent for the engine's own
 * steps), the command it came from, and where relevant the node, task and comment.
 */
import type { Initiator, InstanceStatus, JsonValue, ParentCall, PendingCall, Timer } from '../state/flow-state.js';

interface EventBase {
  /** 1, 2, 3, ... within the instance. */
  seq: number;
  /** ISO 8601 UTC instant. */
  at: string;
  /** The command that caused it. */
  commandId: string;
  /** The user who acted (absent for automatic steps). */
  actor?: string;
  nodeId?: string;
  taskId?: string;
  comment?: string;
}

type Ev<T extends string, D> = EventBase & { type: T; data: D };

/** `resubmitted`: the initiator resubmitted a case returned to them (the resubmit task, on the start node). */
export type TaskCloseReason = 'approved' | 'rejected' | 'returned' | 'cancelled' | 'resubmitted';

export type FlowEvent =
  /** The case started (`actor` is the initiator). */
  | Ev<'started', { definitionKey: string; definitionVersion: number; instanceId: string; initiator: Initiator; variables: Record<string, JsonValue>; subject?: string; parent?: ParentCall }>
  /**
   * A token moved onto `nodeId` (created when new). `forkStack` replaces its fork stack; `edgeId`
   * is the edge it came by; `loop` the loop edge taken and its new count; `resetLoops` the loop
   * counters reset (the loop was left); `completedRuns` the runs a looping activity completed.
   */
  | Ev<'entered', { tokenId: string; forkStack?: string[]; edgeId?: string; loop?: [string, number]; resetLoops?: string[]; completedRuns?: number }>
  /** A multi-instance activity starts `instanceCount` runs for the token. */
  | Ev<'multiStarted', { tokenId: string; instanceCount: number }>
  /** A token was consumed (at an end, a split, a start quantity). */
  | Ev<'left', { tokenId: string }>
  /** A parallel/inclusive split took these edges. */
  | Ev<'forked', { forkId: string; takenEdges: string[] }>
  /** A join fired: the tokens it consumed are gone, and with them the fork they closed (if any). */
  | Ev<'joined', { forkId?: string; tokenIds: string[] }>
  /** `approvalsRequired`: what a percentage needs, fixed when the task opens. */
  | Ev<'taskCreated', { tokenId: string; assignees: string[]; approvalsRequired?: number }>
  /** `percentage` mode: a reject vote that did not decide the task (the share can still be reached). */
  | Ev<'voteRejected', { userId: string }>
  /**
   * An approval: `counted` when it counted for the assignees (else only for groups), `groups` the
   * approver groups it satisfied, `othersReleased` the rest of the assignees are released (any/single).
   */
  | Ev<'approved', { userId: string; counted?: true; groups?: number[]; othersReleased?: true; automatic?: true }>
  | Ev<'delegated', { from: string; to: string }>
  | Ev<'approverAdded', { userId: string; position: 'before' | 'after'; addedBy: string }>
  /** An authority limit was exceeded: the task routes further to these users (after `approver`, whose limit it was). */
  | Ev<'authorityRouted', { to: string[]; approver: string; limit: number }>
  | Ev<'escalated', { from: string[]; to: string[] }>
  | Ev<'commented', Record<string, never>>
  /**
   * The task closed (and its timers with it). `returnTo`: the node a return goes back to;
   * `toInitiator`: the return goes back to the initiator (`returnTo` is then the start node, where
   * the initiator's resubmit task opens).
   */
  | Ev<'taskClosed', { reason: TaskCloseReason; returnTo?: string; toInitiator?: true; automatic?: true }>
  | Ev<'timerSet', { timer: Timer }>
  | Ev<'timerDone', { timerId: string; fired?: true }>
  | Ev<'callStarted', { call: PendingCall }>
  | Ev<'callDone', { callId: string; ok: boolean; error?: string }>
  | Ev<'varsSet', { variables: Record<string, JsonValue> }>
  /** A decision node evaluated its decision in process (history only; the outputs reach the variables by `varsSet`). */
  | Ev<'decided', { decisionKey: string; decisionVersion?: number; inputs: Record<string, JsonValue>; outputs: Record<string, JsonValue>; trace?: JsonValue }>
  /** Carbon copy, message, reminder or urge sent (history only). */
  | Ev<'notified', { kind: 'cc' | 'message' | 'remind' | 'urge' | 'escalate'; to: string[]; template?: string }>
  | Ev<'ended', { status: Exclude<InstanceStatus, 'running'>; outcome?: string; error?: string }>
  /** An administrator moved the running case to another version of its flow (`migrateInstance`). */
  | Ev<'migrated', { fromVersion: number; toVersion: number }>;

export type FlowEventType = FlowEvent['type'];

/** The payload of one type of event. */
export type EventData<T extends FlowEventType> = Extract<FlowEvent, { type: T }>['data'];
