import { describe, expect, it } from 'vitest';
import { cloneState, copyJson } from './events.js';
import type { FlowState, JsonValue } from './state.js';

const state: FlowState = {
  def: 'f',
  ver: 1,
  id: 'i',
  st: 'running',
  ini: { userId: 'ini', roles: ['r'], branch: 'b', mgr: ['m1', 'm2'] },
  at: '2026-01-01T00:00:00.000Z',
  vars: { n: 1, s: 'x', l: [1, { a: [2] }], c: { d: { e: null } }, b: true },
  tok: [{ id: 't1', n: 'a', f: ['f2'] }, { id: 't3', n: 'b' }],
  forks: { f2: { n: 'par', taken: ['e1', 'e2'], done: ['e1'] } },
  tasks: [{ id: 'k4', n: 'a', tok: 't1', who: ['u1'], all: ['u1', 'u2'], ok: ['u2'], grp: [{ u: ['g'], p: 'a', by: 'u2' }], dlg: [['x', 'u1']], esc: 1 }],
  timers: [{ id: 'm5', n: 'a', due: '2026-01-02T00:00:00.000Z', p: 'timeout', task: 'k4' }],
  calls: [{ id: 'c6', n: 's', tok: 't3', att: 1, k: 'service' }],
  loops: { e9: 1 },
  path: ['a'],
  appr: [['u2', 'a']],
  cmds: { start: [1, 3], c1: [4, 6] },
  seq: 6,
  lastAct: 5,
  parent: { instanceId: 'p', callId: 'c1' },
  subject: 'rec',
};

/** Every object and array reachable from `v`. */
function containers(v: unknown, out = new Set<object>()): Set<object> {
  if (typeof v === 'object' && v !== null) {
    out.add(v);
    for (const x of Object.values(v)) containers(x, out);
  }
  return out;
}

describe('cloneState', () => {
  it('is a deep copy that serialises like structuredClone and shares nothing', () => {
    const c = cloneState(state);
    expect(JSON.stringify(c)).toBe(JSON.stringify(structuredClone(state)));
    expect(c).toEqual(state);
    const mine = containers(state);
    for (const o of containers(c)) expect(mine.has(o)).toBe(false);
  });

  it('keeps a variable named __proto__ as an own property', () => {
    const vars = JSON.parse('{"__proto__": {"x": 1}, "y": [1]}') as Record<string, JsonValue>;
    const c = cloneState({ ...state, vars });
    expect(Object.keys(c.vars)).toEqual(['__proto__', 'y']);
    expect(Object.getPrototypeOf(c.vars)).toBe(Object.prototype);
    expect(JSON.stringify(c.vars)).toBe(JSON.stringify(vars));
    expect(copyJson(vars)).toEqual(structuredClone(vars));
  });
});
