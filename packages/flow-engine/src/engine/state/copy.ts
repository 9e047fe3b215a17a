/**
 * Deep copies of the state and its JSON values, field by field: the engine copies the state it is
 * given on every command (it never mutates its input), so this is on the hot path, and knowing the
 * shape makes it a fraction of `structuredClone`'s cost. Key order is kept, so a copy serialises
 * to the same JSON.
 */
import type { CommandRecord, FlowState, Initiator, JsonValue, Task, Token } from './flow-state.js';

export function cloneState(s: FlowState): FlowState {
  const c: FlowState = { ...s, initiator: copyInitiator(s.initiator), variables: copyJsonRecord(s.variables), recentCommands: copyCommands(s.recentCommands) };
  if (s.tokens !== undefined) c.tokens = s.tokens.map(copyToken);
  if (s.forks !== undefined) {
    const forks: NonNullable<FlowState['forks']> = {};
    for (const k of Object.keys(s.forks)) {
      const f = s.forks[k] as NonNullable<FlowState['forks']>[string];
      setOwn(forks, k, { ...f, takenEdges: [...f.takenEdges] });
    }
    c.forks = forks;
  }
  if (s.tasks !== undefined) c.tasks = s.tasks.map(copyTask);
  if (s.timers !== undefined) c.timers = s.timers.map((t) => ({ ...t }));
  if (s.calls !== undefined) c.calls = s.calls.map((x) => ({ ...x }));
  if (s.loopCounts !== undefined) c.loopCounts = { ...s.loopCounts };
  if (s.approvalPath !== undefined) c.approvalPath = [...s.approvalPath];
  if (s.distinctApprovals !== undefined) c.distinctApprovals = s.distinctApprovals.map(([u, n]) => [u, n]);
  if (s.parent !== undefined) c.parent = { ...s.parent };
  return c;
}

export function copyInitiator(ini: Initiator): Initiator {
  const c = { ...ini };
  if (ini.roles !== undefined) c.roles = [...ini.roles];
  if (ini.managerChain !== undefined) c.managerChain = [...ini.managerChain];
  return c;
}

/**
 * An empty plain object that V8 keeps as a hash table: the recent commands gain a key unique to
 * each command, which in an ordinary (fast-mode) object creates a new hidden class per instance
 * and defeats the inline caches. Deleting a property that is not the last one switches the object
 * to that mode; nothing else about the object differs (same prototype, same keys, same JSON).
 */
export function dictionaryObject<T>(): Record<string, T> {
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o as Record<string, T>;
}

export function copyCommands(cmds: Record<string, CommandRecord>): Record<string, CommandRecord> {
  const c = dictionaryObject<CommandRecord>();
  for (const k of Object.keys(cmds)) {
    const r = cmds[k] as CommandRecord;
    setOwn(c, k, [r[0], r[1]]);
  }
  return c;
}

function copyToken(t: Token): Token {
  const c = { ...t };
  if (t.forkStack !== undefined) c.forkStack = [...t.forkStack];
  return c;
}

function copyTask(t: Task): Task {
  const c = { ...t, pending: [...t.pending], assignees: [...t.assignees] };
  if (t.approvedBy !== undefined) c.approvedBy = [...t.approvedBy];
  if (t.rejectedBy !== undefined) c.rejectedBy = [...t.rejectedBy];
  if (t.approverGroups !== undefined) c.approverGroups = t.approverGroups.map((g) => ({ ...g, users: [...g.users] }));
  if (t.delegations !== undefined) c.delegations = t.delegations.map(([from, to]) => [from, to]);
  return c;
}

/** `o[k] = v` as an own data property, even for the key `__proto__` (as `structuredClone` and `JSON.parse` do). */
export function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
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

export function copyJsonRecord(o: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(o)) setOwn(out, k, copyJson(o[k] as JsonValue));
  return out;
}
