/**
 * Test harness for the engine tests: a small directory, a definition builder, and a `Case` that
 * drives one instance as a server would: it keeps the stored form of the state (`encodeState`),
 * decodes it for every command, and checks after every command that replaying the events gives
 * the same stored bytes and that the stored form decodes back to the engine's state.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowEdge, FlowNode, FlowVariable } from '../definition/flow-definition.js';
import type { Actor, FlowCommand, TaskAction } from './commands.js';
import type { Directory, ExecuteContext } from './context.js';
import type { FlowEffect } from './effects.js';
import { replay } from './events/apply-event.js';
import { decodeEvent, encodeEvent } from './events/event-encoding.js';
import type { FlowEvent } from './events/flow-event.js';
import { execute, type ExecuteResult } from './execute.js';
import type { JsonValue } from './state/flow-state.js';
import { decodeState, encodeState } from './state/state-encoding.js';
import type { StoredFlowState } from './state/stored-state.js';

const ROLES: Record<string, string[]> = {
  officer: ['o1', 'o2', 'ini'],
  manager: ['bm1', 'bm2'],
  committee: ['c1', 'c2', 'c3'],
  director: ['d1'],
  admin: ['root'],
};
const BRANCH_ROLES: Record<string, string[]> = { 'b1/officer': ['o1', 'ini'], 'b1/manager': ['bm1'] };
const MANAGERS: Record<string, string> = { ini: 'm1', m1: 'm2', o1: 'bm1', o2: 'bm2', bm1: 'd1', c1: 'bm1' };

export const directory: Directory = {
  usersInRole: (role) => ROLES[role] ?? [],
  usersInRoleAtBranch: (role, branch) => BRANCH_ROLES[`${branch}/${role}`] ?? [],
  managerOf: (userId, levels) => {
    let u: string | undefined = userId;
    for (let i = 0; i < levels && u !== undefined; i++) u = MANAGERS[u];
    return u;
  },
};

/** Roles each test user holds (sent with their commands). */
const USER_ROLES: Record<string, string[]> = {};
for (const [role, users] of Object.entries(ROLES)) for (const u of users) (USER_ROLES[u] ??= []).push(role);

export function actor(userId: string): Actor {
  const a: Actor = { userId, roles: USER_ROLES[userId] ?? [] };
  if (userId === 'ini') {
    a.branch = 'b1';
    a.managerChain = ['m1', 'm2'];
  }
  if (userId === 'root') a.admin = true;
  return a;
}

const label = (id: string) => ({ en: id, 'zh-CN': id });

export function n(id: string, type: FlowNode['type'], extra: Record<string, unknown> = {}): FlowNode {
  return { id, type, name: label(id), ...extra } as FlowNode;
}

export function approval(id: string, extra: Record<string, unknown> = {}): FlowNode {
  return n(id, 'approval', { assignees: [{ kind: 'user', userId: 'o1' }], mode: 'single', actions: ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'], ...extra });
}

export function e(source: string, target: string, extra: Partial<FlowEdge> = {}): FlowEdge {
  return { id: `${source}-${target}`, source, target, ...extra };
}

/** A flow `start → ...chain → end` (consecutive ids joined) plus any extra nodes and edges. */
export function flow(nodes: FlowNode[], edges: FlowEdge[], variables: FlowVariable[] = [], key = 'test'): FlowDefinition {
  return { kind: 'flow', key, title: key, version: 1, schemaVersion: 1, variables, nodes, edges };
}

/** start → each node in order → end. */
export function chain(middle: FlowNode[], variables: FlowVariable[] = [], end: Record<string, unknown> = {}): FlowDefinition {
  const nodes = [n('start', 'start'), ...middle, n('end', 'end', end)];
  const edges: FlowEdge[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) edges.push(e(nodes[i]?.id ?? '', nodes[i + 1]?.id ?? ''));
  return flow(nodes, edges, variables);
}

export const T0 = Date.parse('2025-01-06T09:00:00Z');
export const HOUR = 3_600_000;

type CommandInput = FlowCommand extends infer C ? (C extends FlowCommand ? Omit<C, 'commandId'> & { commandId?: string } : never) : never;

export class Case {
  /** The stored form of the state (what a server keeps between commands). */
  state: StoredFlowState | null = null;
  events: FlowEvent[] = [];
  last: ExecuteResult | undefined;
  now = T0;
  private n = 0;

  constructor(
    readonly def: FlowDefinition,
    readonly ctx: ExecuteContext = { directory },
  ) {}

  run(cmd: CommandInput): ExecuteResult {
    const command = { commandId: `cmd${++this.n}`, ...cmd } as FlowCommand;
    const r = execute(this.def, this.state === null ? null : decodeState(this.state), command, this.now, this.ctx);
    this.state = encodeState(r.state);
    if (r.duplicate === undefined) this.events.push(...r.events);
    this.last = r;
    expect(JSON.stringify(encodeState(replay(this.def, this.events)))).toBe(JSON.stringify(this.state));
    expect(decodeState(this.state)).toEqual(r.state);
    for (const ev of r.events) expect(decodeEvent(JSON.parse(JSON.stringify(encodeEvent(ev))) as Parameters<typeof decodeEvent>[0])).toEqual(ev);
    return r;
  }

  start(variables: Record<string, JsonValue> = {}, by = 'ini'): ExecuteResult {
    return this.run({ type: 'start', actor: actor(by), variables });
  }

  act(taskId: string, userId: string, action: TaskAction, extra: Partial<Extract<FlowCommand, { type: 'completeTask' }>> = {}): ExecuteResult {
    return this.run({ type: 'completeTask', taskId, actor: actor(userId), action, ...extra });
  }

  /** The open task on `nodeId` (throws when none). */
  task(nodeId: string): NonNullable<StoredFlowState['tasks']>[number] {
    const t = this.state?.tasks?.find((x) => x.n === nodeId);
    if (t === undefined) throw new Error(`no open task on ${nodeId}; open: ${JSON.stringify(this.state?.tasks ?? [])}`);
    return t;
  }

  approve(nodeId: string, userId: string, extra: Partial<Extract<FlowCommand, { type: 'completeTask' }>> = {}): ExecuteResult {
    return this.act(this.task(nodeId).id, userId, 'approve', extra);
  }

  fire(purpose: string, nodeId?: string): ExecuteResult {
    const t = this.state?.timers?.find((x) => x.p === purpose && (nodeId === undefined || x.n === nodeId));
    if (t === undefined) throw new Error(`no ${purpose} timer`);
    this.now = Math.max(this.now, Date.parse(t.due));
    return this.run({ type: 'timerFired', timerId: t.id });
  }

  /** Expects the command to be rejected with `code` and the state to stay exactly as it was. */
  rejects(cmd: CommandInput, code: string): void {
    const before = JSON.stringify(this.state);
    const frozen = this.state === null ? null : deepFreeze(decodeState(this.state));
    const command = { commandId: `bad${++this.n}`, ...cmd } as FlowCommand;
    expect(() => execute(this.def, frozen, command, this.now, this.ctx)).toThrowError(expect.objectContaining({ code }) as Error);
    expect(JSON.stringify(this.state)).toBe(before);
    if (frozen !== null) expect(JSON.stringify(encodeState(frozen))).toBe(before);
  }

  effects<T extends FlowEffect['type']>(type: T): Extract<FlowEffect, { type: T }>[] {
    return (this.last?.effects ?? []).filter((x): x is Extract<FlowEffect, { type: T }> => x.type === type);
  }
}

export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

describe('test harness', () => {
  it('builds a chain flow and resolves the directory', () => {
    const def = chain([approval('a')]);
    expect(def.edges.map((x) => x.id)).toEqual(['start-a', 'a-end']);
    expect(directory.managerOf('ini', 2)).toBe('m2');
    expect(directory.usersInRoleAtBranch('officer', 'b1')).toEqual(['o1', 'ini']);
  });
});
