/**
 * The state as a fold of the events: `replay(definition, events)` reproduces the state `execute`
 * returned, field for field and in the same field order (the engine itself only ever changes the
 * state by applying the events it emits, so the stored bytes of both are the same).
 */
import type { FlowDefinition, FlowNode } from '../../definition/flow-definition.js';
import { copyInitiator, copyJson, copyJsonRecord, dictionaryObject, setOwn } from '../state/copy.js';
import { COMMAND_WINDOW, type CommandRecord, type FlowState, type Task } from '../state/flow-state.js';
import type { FlowEvent, FlowEventType } from './flow-event.js';

/** Decisions that count as "someone acted" for withdraw. */
const ACTED = new Set<FlowEventType>(['approved', 'voteRejected', 'delegated', 'approverAdded', 'taskClosed']);

/** Rebuilds an instance's state from its events. */
export function replay(definition: FlowDefinition, events: readonly FlowEvent[]): FlowState {
  let state: FlowState | null = null;
  for (const e of events) state = applyInPlace(state as FlowState, e, definition);
  if (state === null) throw new Error('replay: no events');
  return state;
}

/** Nodes by id, per definition object (events look nodes up without scanning the node list). */
const nodeMaps = new WeakMap<FlowDefinition, Map<string, FlowNode>>();

function nodeOf(definition: FlowDefinition, id: string): FlowNode | undefined {
  let m = nodeMaps.get(definition);
  if (m === undefined) {
    m = new Map();
    // the first node with an id wins, as `nodes.find` would
    for (const n of definition.nodes) if (!m.has(n.id)) m.set(n.id, n);
    nodeMaps.set(definition, m);
  }
  return m.get(id);
}

/** Applies an event to a state the caller owns (mutates it; `state` may be null only for `started`). */
export function applyInPlace(s: FlowState, e: FlowEvent, definition: FlowDefinition): FlowState {
  if (e.type === 'started') {
    const d = e.data;
    s = {
      definitionKey: d.definitionKey,
      definitionVersion: d.definitionVersion,
      id: d.instanceId,
      status: 'running',
      initiator: copyInitiator(d.initiator),
      startedAt: e.at,
      variables: copyJsonRecord(d.variables),
      recentCommands: dictionaryObject<CommandRecord>(),
      lastSeq: 0,
    };
    if (d.subject !== undefined) s.subject = d.subject;
    if (d.parent !== undefined) s.parent = { ...d.parent };
  }
  s.lastSeq = e.seq;
  const rec: CommandRecord | undefined = s.recentCommands[e.commandId];
  if (rec === undefined) {
    s.recentCommands[e.commandId] = [e.seq, e.seq];
    forgetOldCommands(s.recentCommands);
  } else rec[1] = e.seq;
  if (ACTED.has(e.type) && e.actor !== s.initiator.userId && !(e.type === 'taskClosed' && e.data.reason === 'cancelled')) s.lastActionSeq = e.seq;

  switch (e.type) {
    case 'started':
      break;
    case 'entered': {
      const d = e.data;
      const tokens = (s.tokens ??= []);
      let t = tokens.find((x) => x.id === d.tokenId);
      if (t === undefined) {
        t = { id: d.tokenId, nodeId: e.nodeId ?? '' };
        tokens.push(t);
      } else t.nodeId = e.nodeId ?? '';
      if (d.forkStack !== undefined) {
        if (d.forkStack.length > 0) t.forkStack = [...d.forkStack];
        else delete t.forkStack;
      }
      const at = e.nodeId === undefined ? undefined : nodeOf(definition, e.nodeId);
      if (d.edgeId !== undefined && (at?.type === 'join' || at?.type === 'inclusiveJoin')) t.arrivalEdge = d.edgeId;
      else delete t.arrivalEdge;
      if (d.completedRuns !== undefined) t.completedRuns = d.completedRuns;
      else delete t.completedRuns;
      delete t.instanceCount;
      if (d.loop !== undefined) (s.loopCounts ??= {})[d.loop[0]] = d.loop[1];
      if (d.resetLoops !== undefined && s.loopCounts !== undefined) for (const id of d.resetLoops) delete s.loopCounts[id];
      break;
    }
    case 'multiStarted': {
      const t = s.tokens?.find((x) => x.id === e.data.tokenId);
      if (t !== undefined) t.instanceCount = e.data.instanceCount;
      break;
    }
    case 'left':
      if (s.tokens !== undefined) s.tokens = s.tokens.filter((t) => t.id !== e.data.tokenId);
      break;
    case 'forked':
      (s.forks ??= {})[e.data.forkId] = { splitNodeId: e.nodeId ?? '', takenEdges: [...e.data.takenEdges] };
      break;
    case 'joined': {
      const gone = new Set(e.data.tokenIds);
      if (s.tokens !== undefined) s.tokens = s.tokens.filter((t) => !gone.has(t.id));
      if (s.forks !== undefined && e.data.forkId !== undefined) delete s.forks[e.data.forkId];
      break;
    }
    case 'taskCreated': {
      const t: Task = { id: e.taskId ?? '', nodeId: e.nodeId ?? '', tokenId: e.data.tokenId, pending: [...e.data.assignees], assignees: [...e.data.assignees] };
      if (e.data.approvalsRequired !== undefined) t.approvalsRequired = e.data.approvalsRequired;
      (s.tasks ??= []).push(t);
      break;
    }
    case 'voteRejected': {
      const t = task(s, e.taskId);
      t.pending = t.pending.filter((u) => u !== e.data.userId);
      (t.rejectedBy ??= []).push(e.data.userId);
      break;
    }
    case 'approved': {
      const t = task(s, e.taskId);
      const d = e.data;
      if (d.counted === true) {
        t.pending = t.pending.filter((u) => u !== d.userId);
        (t.approvedBy ??= []).push(d.userId);
      }
      if (d.othersReleased === true) t.pending = [];
      if (d.groups !== undefined && t.approverGroups !== undefined) {
        for (const i of d.groups) {
          const g = t.approverGroups[i];
          if (g !== undefined) g.approvedBy = d.userId;
        }
      }
      const node = nodeOf(definition, t.nodeId);
      if (node !== undefined && node.type === 'approval' && node.distinctApprovers === true && d.automatic !== true) {
        const approvals = (s.distinctApprovals ??= []);
        if (!approvals.some(([u, n]) => u === d.userId && n === t.nodeId)) approvals.push([d.userId, t.nodeId]);
      }
      break;
    }
    case 'delegated': {
      const t = task(s, e.taskId);
      const { from, to } = e.data;
      const swap = (list: string[]): string[] => list.map((u) => (u === from ? to : u));
      t.pending = swap(t.pending);
      t.assignees = swap(t.assignees);
      if (t.approverGroups !== undefined) for (const g of t.approverGroups) if (g.approvedBy === undefined) g.users = swap(g.users);
      (t.delegations ??= []).push([from, to]);
      break;
    }
    case 'approverAdded': {
      const t = task(s, e.taskId);
      const { userId: u, position: p, addedBy: by } = e.data;
      const node = nodeOf(definition, t.nodeId);
      if (node !== undefined && node.type === 'approval' && node.mode === 'sequential') {
        const i = t.pending.indexOf(by);
        const at = i < 0 ? t.pending.length : p === 'before' ? i : i + 1;
        t.pending.splice(at, 0, u);
        t.assignees.push(u);
      } else {
        (t.approverGroups ??= []).push({ users: [u], position: p, addedBy: by });
      }
      break;
    }
    case 'authorityRouted': {
      const t = task(s, e.taskId);
      (t.approverGroups ??= []).push({ users: [...e.data.to], position: 'after', addedBy: e.data.approver });
      break;
    }
    case 'escalated': {
      const t = task(s, e.taskId);
      t.pending = replaceUsers(t.pending, e.data.from, e.data.to);
      t.assignees = replaceUsers(t.assignees, e.data.from, e.data.to);
      t.escalations = (t.escalations ?? 0) + 1;
      break;
    }
    case 'commented':
      break;
    case 'taskClosed': {
      const id = e.taskId;
      const t = task(s, id);
      s.tasks = (s.tasks ?? []).filter((x) => x.id !== id);
      if (s.timers !== undefined) s.timers = s.timers.filter((x) => x.taskId !== id);
      if (e.data.reason === 'approved') (s.approvalPath ??= []).push(t.nodeId);
      // back to the initiator: the case runs again from its start, so every approval is to be given again
      if (e.data.toInitiator === true) delete s.approvalPath;
      else if (e.data.reason === 'returned' && e.data.returnTo !== undefined && s.approvalPath !== undefined) {
        const i = s.approvalPath.lastIndexOf(e.data.returnTo);
        if (i >= 0) s.approvalPath = s.approvalPath.slice(0, i);
      }
      // a resubmission is a fresh submission: the initiator may withdraw again until someone acts
      if (e.data.reason === 'resubmitted') delete s.lastActionSeq;
      break;
    }
    case 'timerSet':
      (s.timers ??= []).push({ ...e.data.timer });
      break;
    case 'timerDone':
      if (s.timers !== undefined) s.timers = s.timers.filter((x) => x.id !== e.data.timerId);
      break;
    case 'callStarted':
      (s.calls ??= []).push({ ...e.data.call });
      break;
    case 'callDone':
      if (s.calls !== undefined) s.calls = s.calls.filter((x) => x.id !== e.data.callId);
      break;
    case 'varsSet':
      for (const k of Object.keys(e.data.variables)) setOwn(s.variables, k, copyJson(e.data.variables[k]));
      break;
    case 'notified':
      break;
    case 'ended':
      s.status = e.data.status;
      if (e.data.outcome !== undefined) s.outcome = e.data.outcome;
      if (e.data.error !== undefined) s.error = e.data.error;
      delete s.tokens;
      delete s.forks;
      delete s.tasks;
      delete s.timers;
      delete s.calls;
      delete s.loopCounts;
      break;
    case 'migrated':
      s.definitionVersion = e.data.toVersion;
      break;
  }
  compact(s);
  return s;
}

/** Drops the oldest command record (by the seq of its first event) once the window is full. */
function forgetOldCommands(cmds: Record<string, CommandRecord>): void {
  let count = 0;
  let oldest: string | undefined;
  let oldestSeq = Infinity;
  for (const k in cmds) {
    count++;
    const first = (cmds[k] as CommandRecord)[0];
    if (first < oldestSeq) {
      oldestSeq = first;
      oldest = k;
    }
  }
  if (count > COMMAND_WINDOW && oldest !== undefined) delete cmds[oldest];
}

function task(s: FlowState, id: string | undefined): Task {
  const t = s.tasks?.find((x) => x.id === id);
  if (t === undefined) throw new Error(`event refers to task ${String(id)}, which is not open`);
  return t;
}

/** `list` with the users of `from` replaced (in place of the first of them) by those of `to`, without duplicates. */
function replaceUsers(list: string[], from: string[], to: string[]): string[] {
  const gone = new Set(from);
  let at = list.findIndex((u) => gone.has(u));
  const rest: string[] = [];
  for (const u of list) if (!gone.has(u)) rest.push(u);
  if (at < 0) at = rest.length;
  at = Math.min(at, rest.length);
  const add = to.filter((u, i) => !rest.includes(u) && to.indexOf(u) === i);
  rest.splice(at, 0, ...add);
  return rest;
}

/** Drops empty collections so that the stored state stays small. */
function compact(s: FlowState): void {
  if (s.tokens !== undefined && s.tokens.length === 0) delete s.tokens;
  if (s.forks !== undefined && isEmpty(s.forks)) delete s.forks;
  if (s.timers !== undefined && s.timers.length === 0) delete s.timers;
  if (s.calls !== undefined && s.calls.length === 0) delete s.calls;
  if (s.loopCounts !== undefined && isEmpty(s.loopCounts)) delete s.loopCounts;
  if (s.approvalPath !== undefined && s.approvalPath.length === 0) delete s.approvalPath;
  if (s.tasks !== undefined) {
    if (s.tasks.length === 0) delete s.tasks;
    else
      for (const t of s.tasks) {
        if (t.approvedBy !== undefined && t.approvedBy.length === 0) delete t.approvedBy;
        if (t.approverGroups !== undefined && t.approverGroups.length === 0) delete t.approverGroups;
      }
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
