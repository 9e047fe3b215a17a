// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { layeredLayout } from './layered-layout.js';

const nodes = ['a', 'b', 'c'].map((id) => ({ id, width: 100, height: 40 }));
const edges = [
  { id: 'a-b', source: 'a', target: 'b' },
  { id: 'b-c', source: 'b', target: 'c' },
  { id: 'x-c', source: 'x', target: 'c' },
];

describe('layered layout', () => {
  it('places every node along its edges, left to right by default', async () => {
    const places = await layeredLayout(nodes, edges);
    expect([...places.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(places.get('b')!.x).toBeGreaterThan(places.get('a')!.x);
    expect(places.get('c')!.x).toBeGreaterThan(places.get('b')!.x);
  });

  it('runs the edges upwards when asked (a requirements graph: what is required sits below)', async () => {
    const places = await layeredLayout(nodes, edges, { direction: 'UP' });
    expect(places.get('b')!.y).toBeLessThan(places.get('a')!.y);
    expect(places.get('c')!.y).toBeLessThan(places.get('b')!.y);
  });

  it('keeps a group together: no other node inside the box its members span, edges crossing its border', async () => {
    const many = ['in1', 'in2', 'out', 'inner', 'other'].map((id) => ({ id, width: 100, height: 40 }));
    const links = [
      { id: 'in1-inner', source: 'in1', target: 'inner' },
      { id: 'inner-out', source: 'inner', target: 'out' },
      { id: 'in2-other', source: 'in2', target: 'other' },
      { id: 'in2-out', source: 'in2', target: 'out' },
    ];
    const places = await layeredLayout(many, links, { direction: 'UP', groups: [{ id: 'service', members: ['out', 'inner'], padding: 16, titleHeight: 22 }] });
    expect([...places.keys()].sort()).toEqual(['in1', 'in2', 'inner', 'other', 'out']);
    expect(places.get('out')!.y).toBeLessThan(places.get('inner')!.y);
    const members = ['out', 'inner'].map((id) => places.get(id)!);
    const box = { left: Math.min(...members.map((p) => p.x)), right: Math.max(...members.map((p) => p.x + 100)), top: Math.min(...members.map((p) => p.y)), bottom: Math.max(...members.map((p) => p.y + 40)) };
    for (const id of ['in1', 'in2', 'other']) {
      const p = places.get(id)!;
      const inside = p.x < box.right && p.x + 100 > box.left && p.y < box.bottom && p.y + 40 > box.top;
      expect(inside, id).toBe(false);
    }
  });
});
