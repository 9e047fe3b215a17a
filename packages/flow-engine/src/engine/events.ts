/**
 * The events of a flow instance. The instance state is a fold of them: `replay(definition, events)`
 * reproduces the state `execute` returned, field for field (the engine itself only ever changes
 * the state by applying the events it emits).
 *
 * Every event records when (`at`, an ISO instant), who (`actor`, absent for the engine's own
 * steps), the command it came from (`cmd`), and where relevant the node, task and comment.
 */
import type { FlowDefinition, FlowNode } from '../definition/flow-definition.js';
import { COMMAND_WINDOW, type ApproverGroup, type CommandRecord, type FlowState, type Initiator, type InstanceStatus, type JsonValue, type PendingCall, type Task, type Timer, type Token } from './state.js';

interface EventBase {
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

type Ev<T extends string, D> = EventBase & { type: T; data: D };

export type TaskCloseReason = 'approved' | 'rejected' | 'returned' | 'cancelled';

export type FlowEvent =
  /** The case started (`actor` is the initiator). */
  | Ev<'started', { def: string; ver: number; id: string; ini: Initiator; vars: Record<string, JsonValue>; subject?: string; parent?: { instanceId: string; callId: string } }>
  /**
   * A token moved onto `nodeId` (created when new). `f` replaces its fork stack; `loop` is the
   * loop edge taken and its new count; `rl` the loop counters reset (the loop exited).
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
  /** The task closed (and its timers with it). `to`: the node a return goes back to. */
  | Ev<'taskClosed', { r: TaskCloseReason; to?: string; auto?: 1 }>
  | Ev<'timerSet', { timer: Timer }>
  | Ev<'timerDone', { id: string; fired?: 1 }>
  | Ev<'callStarted', { call: PendingCall }>
  | Ev<'callDone', { id: string; ok: boolean; error?: string }>
  | Ev<'varsSet', { vars: Record<string, JsonValue> }>
  /** Carbon copy, message, reminder or urge sent (history only). */
  | Ev<'notified', { kind: 'cc' | 'message' | 'remind' | 'urge' | 'escalate'; to: string[]; template?: string }>
  | Ev<'ended', { st: Exclude<InstanceStatus, 'running'>; out?: string; err?: string }>;

export type FlowEventType = FlowEvent['type'];

/** Decisions that count as "someone acted" for withdraw. */
const ACTED = new Set<FlowEventType>(['approved', 'voteRejected', 'delegated', 'approverAdded', 'taskClosed']);

/** The state after one more event (the input is not changed). */
export function applyEvent(state: FlowState | null, event: FlowEvent, definition: FlowDefinition): FlowState {
  const next = state === null ? (null as unknown as FlowState) : cloneState(state);
  return applyInPlace(next, event, definition);
}

/** Rebuilds an instance's state from its events. */
export function replay(definition: FlowDefinition, events: readonly FlowEvent[]): FlowState {
  let state: FlowState | null = null;
  for (const e of events) state = applyInPlace(state as FlowState, e, definition);
  if (state === null) throw new Error('replay: no events');
  return state;
}

/**
 * A deep copy of a state, field by field (the state's shape is known, so this is a fraction of
 * `structuredClone`'s cost). Key order is kept, so the copy serialises to the same JSON.
 */
export function cloneState(s: FlowState): FlowState {
  const c: FlowState = { ...s, ini: copyInitiator(s.ini), vars: copyJsonRecord(s.vars), cmds: copyCmds(s.cmds) };
  if (s.tok !== undefined) c.tok = s.tok.map(copyToken);
  if (s.forks !== undefined) {
    const forks: NonNullable<FlowState['forks']> = {};
    for (const k of Object.keys(s.forks)) {
      const f = s.forks[k] as NonNullable<FlowState['forks']>[string];
      const copy = { ...f, taken: [...f.taken] };
      if (f.done !== undefined) copy.done = [...f.done];
      setOwn(forks, k, copy);
    }
    c.forks = forks;
  }
  if (s.tasks !== undefined) c.tasks = s.tasks.map(copyTask);
  if (s.timers !== undefined) c.timers = s.timers.map((t) => ({ ...t }));
  if (s.calls !== undefined) c.calls = s.calls.map((x) => ({ ...x }));
  if (s.loops !== undefined) c.loops = { ...s.loops };
  if (s.path !== undefined) c.path = [...s.path];
  if (s.appr !== undefined) c.appr = s.appr.map(([u, n]) => [u, n]);
  if (s.parent !== undefined) c.parent = { ...s.parent };
  return c;
}

function copyInitiator(ini: Initiator): Initiator {
  const c = { ...ini };
  if (ini.roles !== undefined) c.roles = [...ini.roles];
  if (ini.mgr !== undefined) c.mgr = [...ini.mgr];
  return c;
}

/**
 * An empty plain object that V8 keeps as a hash table: `cmds` gains a key unique to each command,
 * which in an ordinary (fast-mode) object creates a new hidden class per instance and defeats the
 * inline caches. Deleting a property that is not the last one switches the object to that mode;
 * nothing else about the object differs (same prototype, same keys, same JSON).
 */
function dictionaryObject<T>(): Record<string, T> {
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o as Record<string, T>;
}

function copyCmds(cmds: Record<string, CommandRecord>): Record<string, CommandRecord> {
  const c = dictionaryObject<CommandRecord>();
  for (const k of Object.keys(cmds)) {
    const r = cmds[k] as CommandRecord;
    setOwn(c, k, [r[0], r[1]]);
  }
  return c;
}

function copyToken(t: Token): Token {
  const c = { ...t };
  if (t.f !== undefined) c.f = [...t.f];
  return c;
}

function copyTask(t: Task): Task {
  const c = { ...t, who: [...t.who], all: [...t.all] };
  if (t.ok !== undefined) c.ok = [...t.ok];
  if (t.no !== undefined) c.no = [...t.no];
  if (t.grp !== undefined) c.grp = t.grp.map((g) => ({ ...g, u: [...g.u] }));
  if (t.dlg !== undefined) c.dlg = t.dlg.map(([from, to]) => [from, to]);
  return c;
}

/** `o[k] = v` as an own data property, even for the key `__proto__` (as `structuredClone` and `JSON.parse` do). */
function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** A deep copy of a JSON value: what `structuredClone` returns for JSON data, without its serialisation round trip. */
export function copyJson<T extends JsonValue | undefined>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out: JsonValue[] = new Array<JsonValue>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyJson(v[i] as JsonValue);
    return out as T;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  // not plain JSON (a Date, a Map, ...): leave it to structuredClone
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  return copyJsonRecord(v as Record<string, JsonValue>) as T;
}

function copyJsonRecord(o: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(o)) setOwn(out, k, copyJson(o[k] as JsonValue));
  return out;
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

/** @internal Applies an event to a state the caller owns (mutates it; `state` may be null only for `started`). */
export function applyInPlace(s: FlowState, e: FlowEvent, definition: FlowDefinition): FlowState {
  if (e.type === 'started') {
    const d = e.data;
    s = { def: d.def, ver: d.ver, id: d.id, st: 'running', ini: copyInitiator(d.ini), at: e.at, vars: copyJsonRecord(d.vars), cmds: dictionaryObject<CommandRecord>(), seq: 0 };
    if (d.subject !== undefined) s.subject = d.subject;
    if (d.parent !== undefined) s.parent = { ...d.parent };
  }
  s.seq = e.seq;
  const rec: CommandRecord | undefined = s.cmds[e.cmd];
  if (rec === undefined) {
    s.cmds[e.cmd] = [e.seq, e.seq];
    forgetOldCommands(s.cmds);
  } else rec[1] = e.seq;
  if (ACTED.has(e.type) && e.actor !== s.ini.userId && !(e.type === 'taskClosed' && e.data.r === 'cancelled')) s.lastAct = e.seq;

  switch (e.type) {
    case 'started':
      break;
    case 'entered': {
      const d = e.data;
      const toks = (s.tok ??= []);
      let t = toks.find((x) => x.id === d.tok);
      if (t === undefined) {
        t = { id: d.tok, n: e.nodeId ?? '' };
        toks.push(t);
      } else t.n = e.nodeId ?? '';
      if (d.f !== undefined) {
        if (d.f.length > 0) t.f = [...d.f];
        else delete t.f;
      }
      const at = e.nodeId === undefined ? undefined : nodeOf(definition, e.nodeId);
      if (d.e !== undefined && (at?.type === 'join' || at?.type === 'inclusiveJoin')) t.e = d.e;
      else delete t.e;
      if (d.i !== undefined) t.i = d.i;
      else delete t.i;
      delete t.mi;
      if (d.loop !== undefined) (s.loops ??= {})[d.loop[0]] = d.loop[1];
      if (d.rl !== undefined && s.loops !== undefined) for (const id of d.rl) delete s.loops[id];
      break;
    }
    case 'multiStarted': {
      const t = s.tok?.find((x) => x.id === e.data.tok);
      if (t !== undefined) t.mi = e.data.n;
      break;
    }
    case 'left':
      if (s.tok !== undefined) s.tok = s.tok.filter((t) => t.id !== e.data.tok);
      break;
    case 'forked':
      (s.forks ??= {})[e.data.fork] = { n: e.nodeId ?? '', taken: [...e.data.taken] };
      break;
    case 'joined': {
      const gone = new Set(e.data.toks);
      if (s.tok !== undefined) s.tok = s.tok.filter((t) => !gone.has(t.id));
      if (s.forks !== undefined && e.data.fork !== undefined) delete s.forks[e.data.fork];
      break;
    }
    case 'taskCreated': {
      const t: Task = { id: e.taskId ?? '', n: e.nodeId ?? '', tok: e.data.tok, who: [...e.data.who], all: [...e.data.who] };
      if (e.data.req !== undefined) t.req = e.data.req;
      (s.tasks ??= []).push(t);
      break;
    }
    case 'voteRejected': {
      const t = task(s, e.taskId);
      t.who = t.who.filter((u) => u !== e.data.u);
      (t.no ??= []).push(e.data.u);
      break;
    }
    case 'approved': {
      const t = task(s, e.taskId);
      const d = e.data;
      if (d.b === 1) {
        t.who = t.who.filter((u) => u !== d.u);
        (t.ok ??= []).push(d.u);
      }
      if (d.x === 1) t.who = [];
      if (d.g !== undefined && t.grp !== undefined) for (const i of d.g) { const g = t.grp[i]; if (g !== undefined) g.ok = d.u; }
      const node = nodeOf(definition, t.n);
      if (node !== undefined && node.type === 'approval' && node.distinctApprovers === true && d.auto !== 1) {
        const appr = (s.appr ??= []);
        if (!appr.some(([u, n]) => u === d.u && n === t.n)) appr.push([d.u, t.n]);
      }
      break;
    }
    case 'delegated': {
      const t = task(s, e.taskId);
      const { from, to } = e.data;
      const swap = (list: string[]): string[] => list.map((u) => (u === from ? to : u));
      t.who = swap(t.who);
      t.all = swap(t.all);
      if (t.grp !== undefined) for (const g of t.grp) if (g.ok === undefined) g.u = swap(g.u);
      (t.dlg ??= []).push([from, to]);
      break;
    }
    case 'approverAdded': {
      const t = task(s, e.taskId);
      const { u, p, by } = e.data;
      const node = nodeOf(definition, t.n);
      if (node !== undefined && node.type === 'approval' && node.mode === 'sequential') {
        const i = t.who.indexOf(by);
        const at = i < 0 ? t.who.length : p === 'before' ? i : i + 1;
        t.who.splice(at, 0, u);
        t.all.push(u);
      } else {
        const g: ApproverGroup = { u: [u], p: p === 'before' ? 'b' : 'a', by };
        (t.grp ??= []).push(g);
      }
      break;
    }
    case 'authorityRouted': {
      const t = task(s, e.taskId);
      (t.grp ??= []).push({ u: [...e.data.to], p: 'a', by: e.data.by });
      break;
    }
    case 'escalated': {
      const t = task(s, e.taskId);
      t.who = replaceUsers(t.who, e.data.from, e.data.to);
      t.all = replaceUsers(t.all, e.data.from, e.data.to);
      t.esc = (t.esc ?? 0) + 1;
      break;
    }
    case 'commented':
      break;
    case 'taskClosed': {
      const id = e.taskId;
      const t = task(s, id);
      s.tasks = (s.tasks ?? []).filter((x) => x.id !== id);
      if (s.timers !== undefined) s.timers = s.timers.filter((x) => x.task !== id);
      if (e.data.r === 'approved') (s.path ??= []).push(t.n);
      if (e.data.r === 'returned' && e.data.to !== undefined && s.path !== undefined) {
        const i = s.path.lastIndexOf(e.data.to);
        if (i >= 0) s.path = s.path.slice(0, i);
      }
      break;
    }
    case 'timerSet':
      (s.timers ??= []).push({ ...e.data.timer });
      break;
    case 'timerDone':
      if (s.timers !== undefined) s.timers = s.timers.filter((x) => x.id !== e.data.id);
      break;
    case 'callStarted':
      (s.calls ??= []).push({ ...e.data.call });
      break;
    case 'callDone':
      if (s.calls !== undefined) s.calls = s.calls.filter((x) => x.id !== e.data.id);
      break;
    case 'varsSet':
      for (const k of Object.keys(e.data.vars)) setOwn(s.vars, k, copyJson(e.data.vars[k]));
      break;
    case 'notified':
      break;
    case 'ended':
      s.st = e.data.st;
      if (e.data.out !== undefined) s.out = e.data.out;
      if (e.data.err !== undefined) s.err = e.data.err;
      delete s.tok;
      delete s.forks;
      delete s.tasks;
      delete s.timers;
      delete s.calls;
      delete s.loops;
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

function task(s: FlowState, id: string | undefined): NonNullable<FlowState['tasks']>[number] {
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

/** Drops empty collections so that the serialised state stays small. */
function compact(s: FlowState): void {
  if (s.tok !== undefined && s.tok.length === 0) delete s.tok;
  if (s.forks !== undefined && isEmpty(s.forks)) delete s.forks;
  if (s.timers !== undefined && s.timers.length === 0) delete s.timers;
  if (s.calls !== undefined && s.calls.length === 0) delete s.calls;
  if (s.loops !== undefined && isEmpty(s.loops)) delete s.loops;
  if (s.path !== undefined && s.path.length === 0) delete s.path;
  if (s.tasks !== undefined) {
    if (s.tasks.length === 0) delete s.tasks;
    else
      for (const t of s.tasks) {
        if (t.ok !== undefined && t.ok.length === 0) delete t.ok;
        if (t.grp !== undefined && t.grp.length === 0) delete t.grp;
      }
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
