// @vitest-environment node
import { loanApprovalFlow } from '@bankforge/example-bank-crm';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { nodeSize } from './node-size.js';
import { quickLayout } from './quick-layout.js';

function overlaps(flow: FlowDefinition, places: Map<string, { x: number; y: number }>): string[] {
  const boxes = flow.nodes.map((n) => ({ id: n.id, ...places.get(n.id)!, ...nodeSize(n.type) }));
  const found: string[] = [];
  for (const a of boxes) for (const b of boxes) if (a.id < b.id && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id}/${b.id}`);
  return found;
}

describe('quick layout', () => {
  it('places every step of the example left to right along its paths, none on another', () => {
    const places = quickLayout(loanApprovalFlow);
    expect([...places.keys()].sort()).toEqual(loanApprovalFlow.nodes.map((n) => n.id).sort());
    for (const edge of loanApprovalFlow.edges.filter((e) => e.loop === undefined)) {
      expect(places.get(edge.target)!.x, `${edge.source} → ${edge.target}`).toBeGreaterThan(places.get(edge.source)!.x);
    }
    expect(overlaps(loanApprovalFlow, places)).toEqual([]);
  });

  it('puts the steps of a cycle without a loop path after the others instead of failing', () => {
    const base = loanApprovalFlow;
    const cyclic: FlowDefinition = { ...base, edges: [...base.edges, { id: 'back', source: 'officerReview', target: 'scoring' }] };
    const places = quickLayout(cyclic);
    expect(places.size).toBe(base.nodes.length);
    expect(overlaps(cyclic, places)).toEqual([]);
  });
});
