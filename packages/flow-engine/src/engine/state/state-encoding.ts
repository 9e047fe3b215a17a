/**
 * The storage boundary: `encodeState` turns the engine's state into its stored form (short field
 * names, see `stored-state.ts`), `decodeState` turns a stored state back. Both return independent
 * copies.
 *
 * Fields are renamed in the order the object holds them, not in a fixed order: the engine adds and
 * removes fields as events apply (a token loses its arrival edge when it moves on and regains it at
 * the next join), so the order is part of the bytes a server stored, and an encoding in a fixed
 * order would write the same state differently from the way it was written before. Keeping the
 * order makes `encode(decode(stored))` equal `stored` byte for byte.
 */
import { copyCommands, copyJsonRecord, setOwn } from './copy.js';
import type { ApproverGroup, CommandRecord, FlowState, Fork, Initiator, PendingCall, Task, Timer, Token } from './flow-state.js';
import type { StoredApproverGroup, StoredCall, StoredFlowState, StoredFork, StoredInitiator, StoredTask, StoredTimer, StoredToken } from './stored-state.js';

/** One field: its name in the engine, its stored name, and how its value converts each way (a copy by default). */
type Field = readonly [name: string, stored: string, encode?: (v: never) => unknown, decode?: (v: never) => unknown];

interface Codec<Model, Stored> {
  encode(value: Model): Stored;
  decode(value: Stored): Model;
}

/** Renames the fields of one kind of object both ways, keeping their order; an unknown field is a bug, not data to drop. */
function codec<Model extends object, Stored extends object>(what: string, fields: readonly Field[]): Codec<Model, Stored> {
  const byName = new Map(fields.map((f) => [f[0], f] as const));
  const byStored = new Map(fields.map((f) => [f[1], f] as const));
  const rename = (from: object, table: Map<string, Field>, side: 'encode' | 'decode'): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const o = from as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (v === undefined) continue;
      const f = table.get(k);
      if (f === undefined) throw new Error(`${side}State: ${what} has no field ${k}`);
      const convert = (side === 'encode' ? f[2] : f[3]) as ((v: unknown) => unknown) | undefined;
      out[side === 'encode' ? f[1] : f[0]] = convert === undefined ? copyValue(v) : convert(v);
    }
    return out;
  };
  return {
    encode: (value) => rename(value, byName, 'encode') as Stored,
    decode: (value) => rename(value, byStored, 'decode') as Model,
  };
}

/** Scalars as they are; lists of scalars and pairs copied (the only other values these fields hold). */
function copyValue(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  return v.map((x: unknown) => (Array.isArray(x) ? [...(x as unknown[])] : x));
}

function list<M extends object, S extends object>(c: Codec<M, S>): [(v: M[]) => S[], (v: S[]) => M[]] {
  return [(v) => v.map(c.encode), (v) => v.map(c.decode)];
}

/** A record keyed by ids (fork ids, edge ids), values converted. */
function record<M, S>(encode: (v: M) => S, decode: (v: S) => M): [(v: Record<string, M>) => Record<string, S>, (v: Record<string, S>) => Record<string, M>] {
  const map = <A, B>(o: Record<string, A>, f: (v: A) => B): Record<string, B> => {
    const out: Record<string, B> = {};
    for (const k of Object.keys(o)) setOwn(out, k, f(o[k] as A));
    return out;
  };
  return [(o) => map(o, encode), (o) => map(o, decode)];
}

const same = <T>(v: T): T => v;

const initiator = codec<Initiator, StoredInitiator>('the initiator', [['userId', 'userId'], ['roles', 'roles'], ['branch', 'branch'], ['managerChain', 'mgr']]);

const token = codec<Token, StoredToken>('a token', [
  ['id', 'id'],
  ['nodeId', 'n'],
  ['forkStack', 'f'],
  ['arrivalEdge', 'e'],
  ['completedRuns', 'i'],
  ['instanceCount', 'mi'],
]);

const fork = codec<Fork, StoredFork>('a fork', [
  ['splitNodeId', 'n'],
  ['takenEdges', 'taken'],
]);

const approverGroup = codec<ApproverGroup, StoredApproverGroup>('an approver group', [
  ['users', 'u'],
  ['position', 'p', (p: ApproverGroup['position']) => (p === 'before' ? 'b' : 'a'), (p: StoredApproverGroup['p']) => (p === 'b' ? 'before' : 'after')],
  ['addedBy', 'by'],
  ['approvedBy', 'ok'],
]);

const task = codec<Task, StoredTask>('a task', [
  ['id', 'id'],
  ['nodeId', 'n'],
  ['tokenId', 'tok'],
  ['pending', 'who'],
  ['assignees', 'all'],
  ['approvedBy', 'ok'],
  ['rejectedBy', 'no'],
  ['approvalsRequired', 'req'],
  ['approverGroups', 'grp', ...list(approverGroup)],
  ['delegations', 'dlg'],
  ['escalations', 'esc'],
]);

const timer = codec<Timer, StoredTimer>('a timer', [
  ['id', 'id'],
  ['nodeId', 'n'],
  ['dueAt', 'due'],
  ['purpose', 'p'],
  ['taskId', 'task'],
  ['tokenId', 'tok'],
  ['attempt', 'att'],
  ['boundaryIndex', 'b'],
  ['run', 'i'],
]);

const call = codec<PendingCall, StoredCall>('a call', [
  ['id', 'id'],
  ['nodeId', 'n'],
  ['tokenId', 'tok'],
  ['attempt', 'att'],
  ['kind', 'k'],
  ['run', 'i'],
]);

/** Command ids come from clients: kept in a hash-table object, `__proto__` included (see `dictionaryObject`). */
const commands: readonly [(v: Record<string, CommandRecord>) => unknown, (v: Record<string, CommandRecord>) => unknown] = [
  (v) => {
    const out: Record<string, CommandRecord> = {};
    for (const k of Object.keys(v)) setOwn(out, k, [...(v[k] as CommandRecord)] as CommandRecord);
    return out;
  },
  copyCommands,
];

const state = codec<FlowState, StoredFlowState>('the state', [
  ['definitionKey', 'def'],
  ['definitionVersion', 'ver'],
  ['id', 'id'],
  ['status', 'st'],
  ['outcome', 'out'],
  ['error', 'err'],
  ['initiator', 'ini', initiator.encode, initiator.decode],
  ['startedAt', 'at'],
  ['variables', 'vars', copyJsonRecord, copyJsonRecord],
  ['tokens', 'tok', ...list(token)],
  ['forks', 'forks', ...record(fork.encode, fork.decode)],
  ['tasks', 'tasks', ...list(task)],
  ['timers', 'timers', ...list(timer)],
  ['calls', 'calls', ...list(call)],
  ['loopCounts', 'loops', ...record<number, number>(same, same)],
  ['approvalPath', 'path'],
  ['distinctApprovals', 'appr'],
  ['recentCommands', 'cmds', ...commands],
  ['lastSeq', 'seq'],
  ['lastActionSeq', 'lastAct'],
  ['parent', 'parent', (p: FlowState['parent']) => ({ ...p }), (p: FlowState['parent']) => ({ ...p })],
  ['subject', 'subject'],
]);

/** The stored form of a state (serialise it with `JSON.stringify`). */
export function encodeState(s: FlowState): StoredFlowState {
  return state.encode(s);
}

/** The state a stored form holds (from `JSON.parse` of what `encodeState` gave). */
export function decodeState(stored: StoredFlowState): FlowState {
  return state.decode(stored);
}

// Events carry these parts of the state in their stored form (applying an event decodes them).
export const decodeInitiator = initiator.decode;
export const decodeTimer = timer.decode;
export const decodeCall = call.decode;
