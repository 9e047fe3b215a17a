import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../../definition/flow-definition.js';
import { approval, edge, node } from '../../definition/sample-flows.js';
import { execute } from '../execute.js';
import type { FlowState } from '../state/flow-state.js';
import { canWithdraw, returnOptions } from './case-options.js';

const directory = { usersInRole: () => ['co'], usersInRoleAtBranch: () => [], managerOf: () => undefined };
const ini = { userId: 'rm', roles: [] };
const co = { userId: 'co', roles: ['credit_officer'] };

/** start -> first -> second -> end, the second step returning as `returnTo` says. */
function twoSteps(returnTo: 'previous' | 'any' | 'initiator'): FlowDefinition {
  return {
    kind: 'flow',
    key: 'two_steps',
    title: 'Two steps',
    schemaVersion: 1,
    variables: [],
    nodes: [node('start', 'start'), approval('first', { returnTo: 'any' }), approval('second', { returnTo }), node('end', 'end')],
    edges: [edge('e1', 'start', 'first'), edge('e2', 'first', 'second'), edge('e3', 'second', 'end')],
  };
}

/** The case waiting at `second`, after the first approval. */
function atSecond(flow: FlowDefinition): { state: FlowState; taskId: string } {
  const started = execute(flow, null, { type: 'start', commandId: 's', actor: ini, variables: {} }, '2026-12-01T01:00:00Z', { directory });
  const first = started.state.tasks![0]!.id;
  const approved = execute(flow, started.state, { type: 'completeTask', commandId: 'a', taskId: first, actor: co, action: 'approve' }, '2026-12-01T02:00:00Z', { directory });
  return { state: approved.state, taskId: approved.state.tasks![0]!.id };
}

describe('returnOptions', () => {
  it('offers what the node\'s returnTo allows, the default first, and a return goes where the option says', () => {
    for (const [returnTo, expected] of [
      ['previous', [{ nodeId: 'first' }]],
      ['initiator', [{ nodeId: 'start', toInitiator: true }]],
      ['any', [{ nodeId: 'first' }, { nodeId: 'start', toInitiator: true }]],
    ] as const) {
      const flow = twoSteps(returnTo);
      const { state, taskId } = atSecond(flow);
      expect(returnOptions(flow, state, taskId)).toEqual(expected);
      // Each option is one the engine takes; a step outside them it refuses.
      for (const option of expected) {
        const returned = execute(flow, state, { type: 'completeTask', commandId: `r-${option.nodeId}`, taskId, actor: co, action: 'return', returnToNodeId: option.nodeId, comment: 'why' }, '2026-12-01T03:00:00Z', { directory });
        expect(returned.state.tasks?.map((t) => t.nodeId)).toEqual([option.nodeId]);
      }
      expect(() => execute(flow, state, { type: 'completeTask', commandId: 'r-x', taskId, actor: co, action: 'return', returnToNodeId: 'second', comment: 'why' }, '2026-12-01T03:00:00Z', { directory })).toThrow(/cannot return to second/);
    }
  });

  it('offers nothing on a task without the return action, and the initiator may withdraw only until someone acts or once it is back with them', () => {
    const flow = twoSteps('initiator');
    flow.nodes = flow.nodes.map((n) => (n.id === 'second' ? approval('second', { actions: ['approve'] }) : n));
    const started = execute(flow, null, { type: 'start', commandId: 's', actor: ini, variables: {} }, '2026-12-01T01:00:00Z', { directory });
    expect(canWithdraw(flow, started.state)).toBe(true);
    const { state, taskId } = atSecond(flow);
    expect(returnOptions(flow, state, taskId)).toEqual([]);
    expect(canWithdraw(flow, state)).toBe(false);
    const back = atSecond(twoSteps('initiator'));
    const returned = execute(twoSteps('initiator'), back.state, { type: 'completeTask', commandId: 'r', taskId: back.taskId, actor: co, action: 'return', comment: 'documents' }, '2026-12-01T03:00:00Z', { directory });
    expect(canWithdraw(twoSteps('initiator'), returned.state)).toBe(true);
  });
});
