// @vitest-environment node
import type { ApprovalNode, FlowDefinition, ServiceNode } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { newFlowDocument, newNode } from '../../document/new-flow.js';
import { addBoundaryTimer, canAddTimer, removeBoundaryTimer, repeatOf, timerPaths, withRepeat, withRetry } from './activity-edits.js';

/** start → review → approved, and review → escalated (a second path for a timer), review → rejected on rejection. */
function reviewFlow(): { flow: FlowDefinition; review: ApprovalNode } {
  const base = newFlowDocument('loans');
  const review = { ...(newNode('approval', 'review', { x: 200, y: 0 }) as ApprovalNode), rejectEdge: 'review_rejected' };
  const flow: FlowDefinition = {
    ...base,
    nodes: [...base.nodes, review, newNode('end', 'escalated', { x: 400, y: 100 }), newNode('end', 'rejected', { x: 400, y: 200 })],
    edges: [
      { id: 'start_review', source: 'start', target: 'review' },
      { id: 'review_end', source: 'review', target: 'end' },
      { id: 'review_rejected', source: 'review', target: 'rejected' },
      { id: 'review_escalated', source: 'review', target: 'escalated' },
    ],
  };
  return { flow, review };
}

describe('activity edits', () => {
  it('adds a timer that leaves by the step’s second path (never the one it goes on by, nor the rejection’s), named after the step', () => {
    const { flow, review } = reviewFlow();
    expect(timerPaths(flow, review).map((e) => e.id)).toEqual(['review_end', 'review_escalated']);
    const timed = addBoundaryTimer(flow, review)!;
    expect(timed.boundaryTimers).toEqual([{ id: 'review_timer', duration: 'P1D', interrupting: true, edge: 'review_escalated' }]);
    // Every spare path has its timer: no further one can be added.
    const withTimer = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'review' ? timed : n)) };
    expect(canAddTimer(withTimer, timed)).toBe(false);
    expect(addBoundaryTimer(withTimer, timed)).toBeNull();
    expect(removeBoundaryTimer(timed, 0)).not.toHaveProperty('boundaryTimers');
  });

  it('has no timer to add on a step with one way out', () => {
    const { flow, review } = reviewFlow();
    const single = { ...flow, edges: flow.edges.filter((e) => e.id !== 'review_escalated') };
    expect(canAddTimer(single, review)).toBe(false);
  });

  it('runs a step once, in a bounded loop or several times, never both', () => {
    const call = newNode('service', 'call', { x: 0, y: 0 }) as ServiceNode;
    expect(repeatOf(call)).toBe('once');
    const looped = withRepeat(call, 'loop');
    expect(looped.loop).toEqual({ maximum: 3 });
    const multi = withRepeat({ ...looped, loop: { maximum: 5, condition: 'pending' } }, 'multiInstance');
    expect(repeatOf(multi)).toBe('multiInstance');
    expect(multi).not.toHaveProperty('loop');
    expect(multi.multiInstance).toEqual({ cardinality: '', sequential: false });
    expect(withRepeat(multi, 'once')).toEqual(call);
  });

  it('keeps no retry policy for a call tried once', () => {
    const call = newNode('service', 'call', { x: 0, y: 0 }) as ServiceNode;
    expect(withRetry(call, { maxAttempts: 3, backoff: { delay: 'PT5M', multiplier: undefined } }).retry).toEqual({ maxAttempts: 3, backoff: { delay: 'PT5M' } });
    expect(withRetry(call, { maxAttempts: 1 })).not.toHaveProperty('retry');
    expect(withRetry(call, { maxAttempts: 1, backoff: { delay: 'PT5M' } }).retry).toEqual({ maxAttempts: 1, backoff: { delay: 'PT5M' } });
  });
});
