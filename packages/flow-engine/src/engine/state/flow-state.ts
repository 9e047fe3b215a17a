/**
 * The state of one flow instance, as the engine works on it: plain JSON, entirely a fold of its
 * events (`events/apply-event.ts`). Empty collections are left out rather than kept as `[]`/`{}`.
 *
 * A server stores one of these per running case, in the compact encoding of `stored-state.ts`
 * (`encodeState` / `decodeState`): the names here are for reading the code, the short ones for
 * keeping a waiting case near 600 bytes.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type InstanceStatus =
  /** Running: waiting on tasks, timers, service calls or subflows. */
  | 'running'
  /** Reached an end node (see `outcome`). */
  | 'completed'
  /** A terminate node ended it. */
  | 'terminated'
  /** An admin cancelled it. */
  | 'cancelled'
  /** The initiator withdrew it. */
  | 'withdrawn'
  /** Stopped on an error (a loop maximum, a service failing without a failure edge, a broken expression). */
  | 'failed';

/** The initiator as the case saw them at start (for maker-checker, manager and branch assignees). */
export interface Initiator {
  userId: string;
  roles?: string[];
  branch?: string;
  /** `[direct manager, their manager, ...]`. */
  managerChain?: string[];
}

/** The parent case's call, when this instance runs as a subflow. */
export interface ParentCall {
  instanceId: string;
  callId: string;
}

/**
 * Where the flow is. A token sits on a node (a wait state or a join), and carries the ids of the
 * parallel/inclusive splits it passed and has not yet been joined from.
 */
export interface Token {
  id: string;
  nodeId: string;
  /** Fork ids, innermost last. */
  forkStack?: string[];
  /** At a join: the edge it arrived by (a parallel join waits for one on every incoming edge). */
  arrivalEdge?: string;
  /** On a looping activity: the runs completed so far. */
  completedRuns?: number;
  /** On a multi-instance activity: the number of runs. */
  instanceCount?: number;
}

/** A parallel or inclusive split in flight: which outgoing edges it took. */
export interface Fork {
  splitNodeId: string;
  /** The edge ids taken (for an inclusive split: exactly those whose condition held). */
  takenEdges: string[];
}

/**
 * Approvers added to a task (加签 by `addApprover`, or routed in by an authority limit): the group
 * is satisfied when any one of its users approves. `before`: `addedBy` cannot approve until the
 * group has; `after`: the group may act only once `addedBy` has approved.
 */
export interface ApproverGroup {
  users: string[];
  position: 'before' | 'after';
  addedBy: string;
  /** Who approved for the group. */
  approvedBy?: string;
}

/** An open approval task and its bookkeeping. */
export interface Task {
  id: string;
  nodeId: string;
  /** The token waiting on this task. */
  tokenId: string;
  /**
   * Assignees who still have to act, in order. For `sequential` only the first may act (the
   * sequential queue; `addApprover` inserts into it); for the other modes any of them.
   */
  pending: string[];
  /** Everyone assigned (after delegation and escalation): the denominator of `percentage`. */
  assignees: string[];
  /** Assignees who approved, in order. */
  approvedBy?: string[];
  /** `percentage` mode: assignees who voted to reject while the share could still be reached. */
  rejectedBy?: string[];
  /**
   * `percentage` mode: approvals required, fixed when the task opens (counted in distinct people;
   * when escalation leaves fewer people than that, every remaining person must approve).
   */
  approvalsRequired?: number;
  /** Added approvers (not in sequential mode, where they join the queue). */
  approverGroups?: ApproverGroup[];
  /** Delegations: `[from, to]` pairs, in order. */
  delegations?: [string, string][];
  /** Escalations so far. */
  escalations?: number;
}

export type TimerPurpose = 'wait' | 'timeout' | 'remind' | 'retry' | 'boundary';

export interface Timer {
  id: string;
  nodeId: string;
  /** ISO 8601 UTC instant. */
  dueAt: string;
  purpose: TimerPurpose;
  /** The task a timeout/remind timer belongs to. */
  taskId?: string;
  /** The token a wait timer holds, or a retry timer will retry for. */
  tokenId?: string;
  /** Retry timers: the attempt they start. */
  attempt?: number;
  /** Boundary timers: the index in the node's `boundaryTimers`. */
  boundaryIndex?: number;
  /** Retry timers of a multi-instance activity: the run they retry. */
  run?: number;
}

export type CallKind = 'service' | 'decision' | 'subflow';

/** A service call, decision or subflow the server is running for the engine. */
export interface PendingCall {
  id: string;
  nodeId: string;
  tokenId: string;
  /** 1 for the first attempt. */
  attempt: number;
  kind: CallKind;
  /** Multi-instance: which run (1-based). */
  run?: number;
}

/** Processed command ids kept in the state: enough for the retries of a client or a timer lease. */
export const COMMAND_WINDOW = 16;

/** What a processed command produced: the seq range of its events (`[from, to]`, `to < from` when none). */
export type CommandRecord = [number, number];

export interface FlowState {
  /** Definition key and pinned version. */
  definitionKey: string;
  definitionVersion: number;
  /**
   * Instance id (`context.instanceId` at start, else the start command's id). Task, timer, call
   * and token ids are unique within the instance only (`k12`, `m13`, `c14`, `t15`: a letter and
   * the seq of the event that created them).
   */
  id: string;
  status: InstanceStatus;
  /** For `completed`: the end node's outcome (`approved`, `rejected`, `cancelled`, ...). */
  outcome?: string;
  /** For `failed`: why. */
  error?: string;
  initiator: Initiator;
  /** When it started (ISO instant). */
  startedAt: string;
  /** Case variables (JSON). */
  variables: Record<string, JsonValue>;
  tokens?: Token[];
  /** Splits in flight, by fork id. */
  forks?: Record<string, Fork>;
  tasks?: Task[];
  timers?: Timer[];
  calls?: PendingCall[];
  /** Times each loop edge was taken, by edge id. */
  loopCounts?: Record<string, number>;
  /** Approval nodes in the order they completed (for `return` to the previous node). */
  approvalPath?: string[];
  /** `[user, node]` approvals on nodes with `distinctApprovers`. */
  distinctApprovals?: [string, string][];
  /**
   * Ids of the last `COMMAND_WINDOW` processed commands and the events each produced (older ones
   * are dropped to keep the state small; `context.history` still finds them).
   */
  recentCommands: Record<string, CommandRecord>;
  /** Seq of the last event. */
  lastSeq: number;
  /**
   * Seq of the last decision someone other than the initiator took (approve, reject, return,
   * delegate, add approver, an automatic timeout decision). Absent while nobody has acted since the
   * initiator submitted (a resubmission clears it); the initiator may withdraw only then, or while
   * the case is returned to them.
   */
  lastActionSeq?: number;
  /** Parent instance when this is a subflow. */
  parent?: ParentCall;
  /** The record the case is about. */
  subject?: string;
}
