// @vitest-environment node
import { loanApprovalFlow } from '@bankforge/example-bank-crm';
import { describe, expect, it } from 'vitest';
import { applyPositions } from '../document/flow-edits.js';
import { layoutFlow } from './elk-layout.js';

describe('auto-layout', () => {
  it('places every node of the example left to right along its edges, and the flow takes the places', async () => {
    const positions = await layoutFlow(loanApprovalFlow);
    expect([...positions.keys()].sort()).toEqual(loanApprovalFlow.nodes.map((n) => n.id).sort());
    for (const edge of loanApprovalFlow.edges) {
      expect(positions.get(edge.target)!.x, `${edge.source} → ${edge.target}`).toBeGreaterThan(positions.get(edge.source)!.x);
    }
    const laidOut = applyPositions(loanApprovalFlow, positions);
    expect(laidOut.nodes.every((n) => n.position !== undefined)).toBe(true);
    // No two nodes share a place.
    expect(new Set(laidOut.nodes.map((n) => `${n.position!.x},${n.position!.y}`)).size).toBe(laidOut.nodes.length);
  });
});
