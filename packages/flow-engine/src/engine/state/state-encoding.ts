/**
 * The storage boundary: `encodeState` turns the engine's state into its stored form (short field
 * names, see `stored-state.ts`), `decodeState` turns a stored state back.
 *
 * Both build new objects for what they rename and share the rest with their input (variables,
 * lists of ids, command records): treat what they return as read-only. That is safe with the
 * engine, which never changes a state it is given (it works on a copy), so a decoded state can go
 * straight into `execute` and an encoded one straight into `JSON.stringify`. Copying here as well
 * cost the flow bench a third of its throughput (the garbage of two more deep copies per command).
 *
 * Fields are renamed in the order the object holds them, not in a fixed order: the engine adds and
 * removes fields as events apply (a token loses its arrival edge when it moves on and regains it at
 * the next join), so the order is part of the bytes a server stored, and an encoding in a fixed
 * order would write the same state differently from the way it was written before. Keeping the
 * order makes `encode(decode(stored))` equal `stored` byte for byte.
 *
 * Every command passes a state through here twice (decode, then encode), so each kind of object
 * has its own renaming with plain property writes rather than a table and writes under computed
 * names.
 */
import { setOwn } from './copy.js';
import type { ApproverGroup, FlowState, Fork, Initiator, PendingCall, Task, Timer, Token } from './flow-state.js';
import type { StoredApproverGroup, StoredCall, StoredFlowState, StoredFork, StoredInitiator, StoredTask, StoredTimer, StoredToken } from './stored-state.js';

/** The stored form of a state (serialise it with `JSON.stringify`). */
export function encodeState(s: FlowState): StoredFlowState {
  const out = {} as StoredFlowState;
  const o = s as unknown as Record<string, unknown>;
  for (const k in o) {
    if (o[k] === undefined) continue;
    switch (k) {
      case 'definitionKey': out.def = s.definitionKey; break;
      case 'definitionVersion': out.ver = s.definitionVersion; break;
      case 'id': out.id = s.id; break;
      case 'status': out.st = s.status; break;
      case 'outcome': out.out = s.outcome as string; break;
      case 'error': out.err = s.error as string; break;
      case 'initiator': out.ini = encodeInitiator(s.initiator); break;
      case 'startedAt': out.at = s.startedAt; break;
      case 'variables': out.vars = s.variables; break;
      case 'tokens': out.tok = (s.tokens as Token[]).map(encodeToken); break;
      case 'forks': out.forks = mapRecord(s.forks as Record<string, Fork>, encodeFork); break;
      case 'tasks': out.tasks = (s.tasks as Task[]).map(encodeTask); break;
      case 'timers': out.timers = (s.timers as Timer[]).map(encodeTimer); break;
      case 'calls': out.calls = (s.calls as PendingCall[]).map(encodeCall); break;
      case 'loopCounts': out.loops = s.loopCounts as Record<string, number>; break;
      case 'approvalPath': out.path = (s.approvalPath as string[]); break;
      case 'distinctApprovals': out.appr = s.distinctApprovals as [string, string][]; break;
      case 'recentCommands': out.cmds = s.recentCommands; break;
      case 'lastSeq': out.seq = s.lastSeq; break;
      case 'lastActionSeq': out.lastAct = s.lastActionSeq as number; break;
      case 'parent': out.parent = s.parent as NonNullable<FlowState['parent']>; break;
      case 'subject': out.subject = s.subject as string; break;
      default: unknownField('encode', 'the state', k);
    }
  }
  return out;
}

/** The state a stored form holds (from `JSON.parse` of what `encodeState` gave). */
export function decodeState(stored: StoredFlowState): FlowState {
  const out = {} as FlowState;
  const o = stored as unknown as Record<string, unknown>;
  for (const k in o) {
    if (o[k] === undefined) continue;
    switch (k) {
      case 'def': out.definitionKey = stored.def; break;
      case 'ver': out.definitionVersion = stored.ver; break;
      case 'id': out.id = stored.id; break;
      case 'st': out.status = stored.st; break;
      case 'out': out.outcome = stored.out as string; break;
      case 'err': out.error = stored.err as string; break;
      case 'ini': out.initiator = decodeInitiator(stored.ini); break;
      case 'at': out.startedAt = stored.at; break;
      case 'vars': out.variables = stored.vars; break;
      case 'tok': out.tokens = (stored.tok as StoredToken[]).map(decodeToken); break;
      case 'forks': out.forks = mapRecord(stored.forks as Record<string, StoredFork>, decodeFork); break;
      case 'tasks': out.tasks = (stored.tasks as StoredTask[]).map(decodeTask); break;
      case 'timers': out.timers = (stored.timers as StoredTimer[]).map(decodeTimer); break;
      case 'calls': out.calls = (stored.calls as StoredCall[]).map(decodeCall); break;
      case 'loops': out.loopCounts = stored.loops as Record<string, number>; break;
      case 'path': out.approvalPath = (stored.path as string[]); break;
      case 'appr': out.distinctApprovals = stored.appr as [string, string][]; break;
      case 'cmds': out.recentCommands = stored.cmds; break;
      case 'seq': out.lastSeq = stored.seq; break;
      case 'lastAct': out.lastActionSeq = stored.lastAct as number; break;
      case 'parent': out.parent = stored.parent as NonNullable<StoredFlowState['parent']>; break;
      case 'subject': out.subject = stored.subject as string; break;
      default: unknownField('decode', 'the state', k);
    }
  }
  return out;
}

export function encodeInitiator(ini: Initiator): StoredInitiator {
  const out = {} as StoredInitiator;
  for (const k in ini) {
    switch (k) {
      case 'userId': out.userId = ini.userId; break;
      case 'roles': if (ini.roles !== undefined) out.roles = ini.roles; break;
      case 'branch': if (ini.branch !== undefined) out.branch = ini.branch; break;
      case 'managerChain': if (ini.managerChain !== undefined) out.mgr = ini.managerChain; break;
      default: unknownField('encode', 'the initiator', k);
    }
  }
  return out;
}

// Stored events carry the initiator, timers and calls in their stored form (`events/event-encoding.ts`).

export function decodeInitiator(ini: StoredInitiator): Initiator {
  const out = {} as Initiator;
  for (const k in ini) {
    switch (k) {
      case 'userId': out.userId = ini.userId; break;
      case 'roles': if (ini.roles !== undefined) out.roles = ini.roles; break;
      case 'branch': if (ini.branch !== undefined) out.branch = ini.branch; break;
      case 'mgr': if (ini.mgr !== undefined) out.managerChain = ini.mgr; break;
      default: unknownField('decode', 'the initiator', k);
    }
  }
  return out;
}

function encodeToken(t: Token): StoredToken {
  const out = {} as StoredToken;
  for (const k in t) {
    switch (k) {
      case 'id': out.id = t.id; break;
      case 'nodeId': out.n = t.nodeId; break;
      case 'forkStack': if (t.forkStack !== undefined) out.f = t.forkStack; break;
      case 'arrivalEdge': if (t.arrivalEdge !== undefined) out.e = t.arrivalEdge; break;
      case 'completedRuns': if (t.completedRuns !== undefined) out.i = t.completedRuns; break;
      case 'instanceCount': if (t.instanceCount !== undefined) out.mi = t.instanceCount; break;
      default: unknownField('encode', 'a token', k);
    }
  }
  return out;
}

function decodeToken(t: StoredToken): Token {
  const out = {} as Token;
  for (const k in t) {
    switch (k) {
      case 'id': out.id = t.id; break;
      case 'n': out.nodeId = t.n; break;
      case 'f': if (t.f !== undefined) out.forkStack = t.f; break;
      case 'e': if (t.e !== undefined) out.arrivalEdge = t.e; break;
      case 'i': if (t.i !== undefined) out.completedRuns = t.i; break;
      case 'mi': if (t.mi !== undefined) out.instanceCount = t.mi; break;
      default: unknownField('decode', 'a token', k);
    }
  }
  return out;
}

function encodeFork(f: Fork): StoredFork {
  const out = {} as StoredFork;
  for (const k in f) {
    switch (k) {
      case 'splitNodeId': out.n = f.splitNodeId; break;
      case 'takenEdges': out.taken = f.takenEdges; break;
      default: unknownField('encode', 'a fork', k);
    }
  }
  return out;
}

function decodeFork(f: StoredFork): Fork {
  const out = {} as Fork;
  for (const k in f) {
    switch (k) {
      case 'n': out.splitNodeId = f.n; break;
      case 'taken': out.takenEdges = f.taken; break;
      default: unknownField('decode', 'a fork', k);
    }
  }
  return out;
}

function encodeTask(t: Task): StoredTask {
  const out = {} as StoredTask;
  for (const k in t) {
    switch (k) {
      case 'id': out.id = t.id; break;
      case 'nodeId': out.n = t.nodeId; break;
      case 'tokenId': out.tok = t.tokenId; break;
      case 'pending': out.who = t.pending; break;
      case 'assignees': out.all = t.assignees; break;
      case 'approvedBy': if (t.approvedBy !== undefined) out.ok = t.approvedBy; break;
      case 'rejectedBy': if (t.rejectedBy !== undefined) out.no = t.rejectedBy; break;
      case 'approvalsRequired': if (t.approvalsRequired !== undefined) out.req = t.approvalsRequired; break;
      case 'approverGroups': if (t.approverGroups !== undefined) out.grp = t.approverGroups.map(encodeGroup); break;
      case 'delegations': if (t.delegations !== undefined) out.dlg = t.delegations; break;
      case 'escalations': if (t.escalations !== undefined) out.esc = t.escalations; break;
      default: unknownField('encode', 'a task', k);
    }
  }
  return out;
}

function decodeTask(t: StoredTask): Task {
  const out = {} as Task;
  for (const k in t) {
    switch (k) {
      case 'id': out.id = t.id; break;
      case 'n': out.nodeId = t.n; break;
      case 'tok': out.tokenId = t.tok; break;
      case 'who': out.pending = t.who; break;
      case 'all': out.assignees = t.all; break;
      case 'ok': if (t.ok !== undefined) out.approvedBy = t.ok; break;
      case 'no': if (t.no !== undefined) out.rejectedBy = t.no; break;
      case 'req': if (t.req !== undefined) out.approvalsRequired = t.req; break;
      case 'grp': if (t.grp !== undefined) out.approverGroups = t.grp.map(decodeGroup); break;
      case 'dlg': if (t.dlg !== undefined) out.delegations = t.dlg; break;
      case 'esc': if (t.esc !== undefined) out.escalations = t.esc; break;
      default: unknownField('decode', 'a task', k);
    }
  }
  return out;
}

function encodeGroup(g: ApproverGroup): StoredApproverGroup {
  const out = {} as StoredApproverGroup;
  for (const k in g) {
    switch (k) {
      case 'users': out.u = g.users; break;
      case 'position': out.p = g.position === 'before' ? 'b' : 'a'; break;
      case 'addedBy': out.by = g.addedBy; break;
      case 'approvedBy': if (g.approvedBy !== undefined) out.ok = g.approvedBy; break;
      default: unknownField('encode', 'an approver group', k);
    }
  }
  return out;
}

function decodeGroup(g: StoredApproverGroup): ApproverGroup {
  const out = {} as ApproverGroup;
  for (const k in g) {
    switch (k) {
      case 'u': out.users = g.u; break;
      case 'p': out.position = g.p === 'b' ? 'before' : 'after'; break;
      case 'by': out.addedBy = g.by; break;
      case 'ok': if (g.ok !== undefined) out.approvedBy = g.ok; break;
      default: unknownField('decode', 'an approver group', k);
    }
  }
  return out;
}

export function encodeTimer(t: Timer): StoredTimer {
  const out = {} as StoredTimer;
  for (const k in t) {
    switch (k) {
      case 'id': out.id = t.id; break;
      case 'nodeId': out.n = t.nodeId; break;
      case 'dueAt': out.due = t.dueAt; break;
      case 'purpose': out.p = t.purpose; break;
      case 'taskId': if (t.taskId !== undefined) out.task = t.taskId; break;
      case 'tokenId': if (t.tokenId !== undefined) out.tok = t.tokenId; break;
      case 'attempt': if (t.attempt !== undefined) out.att = t.attempt; break;
      case 'boundaryIndex': if (t.boundaryIndex !== undefined) out.b = t.boundaryIndex; break;
      case 'run': if (t.run !== undefined) out.i = t.run; break;
      default: unknownField('encode', 'a timer', k);
    }
  }
  return out;
}

export function decodeTimer(t: StoredTimer): Timer {
  const out = {} as Timer;
  for (const k in t) {
    switch (k) {
      case 'id': out.id = t.id; break;
      case 'n': out.nodeId = t.n; break;
      case 'due': out.dueAt = t.due; break;
      case 'p': out.purpose = t.p; break;
      case 'task': if (t.task !== undefined) out.taskId = t.task; break;
      case 'tok': if (t.tok !== undefined) out.tokenId = t.tok; break;
      case 'att': if (t.att !== undefined) out.attempt = t.att; break;
      case 'b': if (t.b !== undefined) out.boundaryIndex = t.b; break;
      case 'i': if (t.i !== undefined) out.run = t.i; break;
      default: unknownField('decode', 'a timer', k);
    }
  }
  return out;
}

export function encodeCall(c: PendingCall): StoredCall {
  const out = {} as StoredCall;
  for (const k in c) {
    switch (k) {
      case 'id': out.id = c.id; break;
      case 'nodeId': out.n = c.nodeId; break;
      case 'tokenId': out.tok = c.tokenId; break;
      case 'attempt': out.att = c.attempt; break;
      case 'kind': out.k = c.kind; break;
      case 'run': if (c.run !== undefined) out.i = c.run; break;
      default: unknownField('encode', 'a call', k);
    }
  }
  return out;
}

export function decodeCall(c: StoredCall): PendingCall {
  const out = {} as PendingCall;
  for (const k in c) {
    switch (k) {
      case 'id': out.id = c.id; break;
      case 'n': out.nodeId = c.n; break;
      case 'tok': out.tokenId = c.tok; break;
      case 'att': out.attempt = c.att; break;
      case 'k': out.kind = c.k; break;
      case 'i': if (c.i !== undefined) out.run = c.i; break;
      default: unknownField('decode', 'a call', k);
    }
  }
  return out;
}

/** A field the model does not have: a model change without its encoding, or a stored state from elsewhere. */
function unknownField(side: 'encode' | 'decode', what: string, field: string): never {
  throw new Error(`${side}State: ${what} has no field ${field}`);
}

/** A record keyed by fork ids, values converted; `__proto__` stays a key. */
function mapRecord<A, B>(o: Record<string, A>, convert: (v: A) => B): Record<string, B> {
  const out: Record<string, B> = {};
  for (const k of Object.keys(o)) setOwn(out, k, convert(o[k] as A));
  return out;
}
