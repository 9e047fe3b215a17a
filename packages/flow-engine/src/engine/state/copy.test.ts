import { describe, expect, it } from 'vitest';
import { cloneState, copyJson } from './copy.js';
import type { FlowState, JsonValue } from './flow-state.js';

/** Every field of the state in use. */
const state: FlowState = {
  definitionKey: 'f',
  definitionVersion: 1,
  id: 'i',
  status: 'running',
  initiator: { userId: 'ini', roles: ['r'], branch: 'b', managerChain: ['m1', 'm2'] },
  startedAt: '2026-01-01T00:00:00.000Z',
  variables: { n: 1, s: 'x', l: [1, { a: [2] }], c: { d: { e: null } }, b: true },
  tokens: [{ id: 't1', nodeId: 'a', forkStack: ['f2'], arrivalEdge: 'e1', completedRuns: 1, instanceCount: 3 }, { id: 't3', nodeId: 'b' }],
  forks: { f2: { splitNodeId: 'par', takenEdges: ['e1', 'e2'] } },
  tasks: [
    {
      id: 'k4',
      nodeId: 'a',
      tokenId: 't1',
      pending: ['u1'],
      assignees: ['u1', 'u2', 'u3'],
      approvedBy: ['u2'],
      rejectedBy: ['u3'],
      approvalsRequired: 2,
      approverGroups: [{ users: ['g'], position: 'after', addedBy: 'u2', approvedBy: 'g' }, { users: ['h'], position: 'before', addedBy: 'u1' }],
      delegations: [['x', 'u1']],
      escalations: 1,
    },
  ],
  timers: [
    { id: 'm5', nodeId: 'a', dueAt: '2026-01-02T00:00:00.000Z', purpose: 'timeout', taskId: 'k4' },
    { id: 'm7', nodeId: 's', dueAt: '2026-01-02T00:00:00.000Z', purpose: 'retry', tokenId: 't3', attempt: 2, run: 1 },
    { id: 'm8', nodeId: 's', dueAt: '2026-01-02T00:00:00.000Z', purpose: 'boundary', tokenId: 't3', boundaryIndex: 0 },
  ],
  calls: [{ id: 'c6', nodeId: 's', tokenId: 't3', attempt: 1, kind: 'service', run: 2 }],
  loopCounts: { e9: 1 },
  approvalPath: ['a'],
  distinctApprovals: [['u2', 'a']],
  recentCommands: { start: [1, 3], c1: [4, 6] },
  lastSeq: 6,
  lastActionSeq: 5,
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
    const c = cloneState({ ...state, variables: vars });
    expect(Object.keys(c.variables)).toEqual(['__proto__', 'y']);
    expect(Object.getPrototypeOf(c.variables)).toBe(Object.prototype);
    expect(JSON.stringify(c.variables)).toBe(JSON.stringify(vars));
    expect(copyJson(vars)).toEqual(structuredClone(vars));
  });
});
