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
});
