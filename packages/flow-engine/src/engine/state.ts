/**
 * The state of one flow instance: plain JSON, small (an instance waiting on one approval
 * serialises to a few hundred bytes), and entirely a fold of its events (`events.ts`).
 * Empty collections are omitted rather than stored as `[]`/`{}`; field names are short because
 * a server stores one of these per running case.
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
  mgr?: string[];
}

/**
 * Where the flow is. A token sits on a node (a wait state or a join). `f` is its fork stack:
 * the ids of the parallel/inclusive splits it passed and has not yet been joined from.
 */
export interface Token {
  id: string;
  /** Node id. */
  n: string;
  /** Fork ids, innermost last. */
  f?: string[];
  /** At a join: the edge it arrived by (a parallel join waits for one on every incoming edge). */
  e?: string;
  /** On a looping activity: the runs completed so far. */
  i?: number;
  /** On a multi-instance activity: the number of runs. */
  mi?: number;
}

/** A parallel or inclusive split in flight: which outgoing edges it took and how many have joined. */
export interface Fork {
  /** The split node. */
  n: string;
  /** The edge ids taken (for an inclusive split: exactly those whose condition held). */
  taken: string[];
  /** Edge ids whose branch has arrived at the join (or ended), in arrival order. */
  done?: string[];
}


/**
 * Approvers added to a task (加签 by `addApprover`, or routed in by an authority limit): the group
 * is satisfied when any one of its users approves. `p: 'b'` (before): `by` cannot approve until
 * the group has; `p: 'a'` (after): the group may act only once `by` has approved.
 */
export interface ApproverGroup {
  u: string[];
  p: 'b' | 'a';
  by: string;
  /** Who approved for the group. */
  ok?: string;
}

/** An open approval task and its bookkeeping. */
export interface Task {
  id: string;
  /** Node id. */
  n: string;
  /** The token waiting on this task. */
  tok: string;
  /**
   * Assignees who still have to act, in order. For `sequential` only the first may act (the
   * sequential queue; `addApprover` inserts into it); for the other modes any of them.
   */
  who: string[];
  /** Everyone assigned (after delegation and escalation): the denominator of `percentage`. */
  all: string[];
  /** Assignees who approved, in order. */
  ok?: string[];
  /** `percentage` mode: assignees who voted to reject while the share could still be reached. */
  no?: string[];
  /**
   * `percentage` mode: approvals required, fixed when the task opens (counted in distinct people;
   * when escalation leaves fewer people than that, every remaining person must approve).
   */
  req?: number;
  /** Added approvers (not in sequential mode, where they join the queue). */
  grp?: ApproverGroup[];
  /** Delegations: `[from, to]` pairs, in order. */
  dlg?: [string, string][];
  /** Escalations so far. */
  esc?: number;
}

export type TimerPurpose = 'wait' | 'timeout' | 'remind' | 'retry' | 'boundary';

export interface Timer {
  id: string;
  /** Node id. */
  n: string;
  /** ISO 8601 UTC instant. */
  due: string;
  p: TimerPurpose;
  /** The task a timeout/remind timer belongs to. */
  task?: string;
  /** The token a wait timer holds, or a retry timer will retry for. */
  tok?: string;
  /** Retry timers: the attempt they start. */
  att?: number;
  /** Boundary timers: the index in the node's `boundaryTimers`. */
  b?: number;
  /** Retry timers of a multi-instance activity: the run they retry. */
  i?: number;
}

/** A service call, decision or subflow the server is running for the engine. */
export interface PendingCall {
  id: string;
  /** Node id. */
  n: string;
  tok: string;
  /** 1 for the first attempt. */
  att: number;
  k: 'service' | 'decision' | 'subflow';
  /** Multi-instance: which run (1-based). */
  i?: number;
}

/** Processed command ids kept in the state: enough for the retries of a client or a timer lease. */
export const COMMAND_WINDOW = 16;

/** What a processed command produced: the seq range of its events (`[from, to]`, `to < from` when none). */
export type CommandRecord = [number, number];

export interface FlowState {
  /** Definition key and pinned version. */
  def: string;
  ver: number;
  /** Instance id (`context.instanceId` at start, else the start command's id). Task, timer, call and token ids are unique within the instance only (`k12`, `m13`, `c14`, `t15`: a letter and the seq of the event that created them). */
  id: string;
  st: InstanceStatus;
  /** For `completed`: the end node's outcome (`approved`, `rejected`, `cancelled`, ...). */
  out?: string;
  /** For `failed`: why. */
  err?: string;
  ini: Initiator;
  /** When it started (ISO instant). */
  at: string;
  /** Case variables (JSON). */
  vars: Record<string, JsonValue>;
  tok?: Token[];
  forks?: Record<string, Fork>;
  tasks?: Task[];
  timers?: Timer[];
  calls?: PendingCall[];
  /** Loop counters: times an edge back was taken, by edge id. */
  loops?: Record<string, number>;
  /** Approval nodes in the order they completed (for `return` to the previous node). */
  path?: string[];
  /** `[user, node]` approvals on nodes with `distinctApprovers`. */
  appr?: [string, string][];
  /**
   * Ids of the last `COMMAND_WINDOW` processed commands and the events each produced (older ones
   * are dropped to keep the state small; `context.history` still finds them).
   */
  cmds: Record<string, CommandRecord>;
  /** Seq of the last event. */
  seq: number;
  /**
   * lastActionSeq: seq of the last decision someone other than the initiator took (approve, reject,
   * return, delegate, add approver, an automatic timeout decision). Absent while nobody has acted;
   * the initiator may withdraw only then.
   */
  lastAct?: number;
  /** Parent instance when this is a subflow. */
  parent?: { instanceId: string; callId: string };
  subject?: string;
}
