/**
 * The stored form of a flow instance's state: the same fields as `FlowState` under short names
 * (a server keeps one per running case; a waiting loan case is about 600 bytes). Stored events
 * (`events/stored-event.ts`) carry timers, calls and the initiator in this form too. Only the
 * storage boundary (`state-encoding.ts`, `events/event-encoding.ts`) deals in these names.
 */
import type { CommandRecord, InstanceStatus, JsonValue, ParentCall, TimerPurpose } from './flow-state.js';

/** `Initiator`: `mgr` = managerChain. */
export interface StoredInitiator {
  userId: string;
  roles?: string[];
  branch?: string;
  mgr?: string[];
}

/** `Token`: `n` nodeId, `f` forkStack, `e` arrivalEdge, `i` completedRuns, `mi` instanceCount. */
export interface StoredToken {
  id: string;
  n: string;
  f?: string[];
  e?: string;
  i?: number;
  mi?: number;
}

/** `Fork`: `n` splitNodeId, `taken` takenEdges. */
export interface StoredFork {
  n: string;
  taken: string[];
}

/** `ApproverGroup`: `u` users, `p` position (`b` before, `a` after), `by` addedBy, `ok` approvedBy. */
export interface StoredApproverGroup {
  u: string[];
  p: 'b' | 'a';
  by: string;
  ok?: string;
}

/**
 * `Task`: `n` nodeId, `tok` tokenId, `who` pending, `all` assignees, `ok` approvedBy, `no`
 * rejectedBy, `req` approvalsRequired, `grp` approverGroups, `dlg` delegations, `esc` escalations.
 */
export interface StoredTask {
  id: string;
  n: string;
  tok: string;
  who: string[];
  all: string[];
  ok?: string[];
  no?: string[];
  req?: number;
  grp?: StoredApproverGroup[];
  dlg?: [string, string][];
  esc?: number;
}

/** `Timer`: `n` nodeId, `due` dueAt, `p` purpose, `task` taskId, `tok` tokenId, `att` attempt, `b` boundaryIndex, `i` run. */
export interface StoredTimer {
  id: string;
  n: string;
  due: string;
  p: TimerPurpose;
  task?: string;
  tok?: string;
  att?: number;
  b?: number;
  i?: number;
}

/** `PendingCall`: `n` nodeId, `tok` tokenId, `att` attempt, `k` kind, `i` run. */
export interface StoredCall {
  id: string;
  n: string;
  tok: string;
  att: number;
  k: 'service' | 'decision' | 'subflow';
  i?: number;
}

/**
 * `FlowState`: `def` definitionKey, `ver` definitionVersion, `st` status, `out` outcome, `err`
 * error, `ini` initiator, `at` startedAt, `vars` variables, `tok` tokens, `loops` loopCounts,
 * `path` approvalPath, `appr` distinctApprovals, `cmds` recentCommands, `seq` lastSeq, `lastAct`
 * lastActionSeq.
 */
export interface StoredFlowState {
  def: string;
  ver: number;
  id: string;
  st: InstanceStatus;
  out?: string;
  err?: string;
  ini: StoredInitiator;
  at: string;
  vars: Record<string, JsonValue>;
  tok?: StoredToken[];
  forks?: Record<string, StoredFork>;
  tasks?: StoredTask[];
  timers?: StoredTimer[];
  calls?: StoredCall[];
  loops?: Record<string, number>;
  path?: string[];
  appr?: [string, string][];
  cmds: Record<string, CommandRecord>;
  seq: number;
  lastAct?: number;
  parent?: ParentCall;
  subject?: string;
}
