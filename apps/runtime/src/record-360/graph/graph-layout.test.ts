import { describe, expect, it } from 'vitest';
import { NODE_WIDTH, radialLayout } from './graph-layout.js';

const node = (id: string, center = false) => ({ id, visible: true, ...(center ? { center: true as const } : {}) });

describe('radialLayout', () => {
  it('puts the record in the middle and the first party straight above it', () => {
    const placed = radialLayout([node('b'), node('a', true), node('c')]);
    expect(placed[0]).toEqual({ id: 'a', x: 0, y: 0 });
    expect(placed[1]).toEqual({ id: 'b', x: 0, y: -170 });
    expect(placed[2]!.y).toBeGreaterThan(0);
  });

  it('widens the ring so that many parties do not overlap', () => {
    const placed = radialLayout([node('me', true), ...Array.from({ length: 12 }, (_, i) => node(`p${i}`))]);
    const ring = placed.slice(1);
    for (let i = 0; i < ring.length; i++) {
      const next = ring[(i + 1) % ring.length]!;
      expect(Math.hypot(next.x - ring[i]!.x, next.y - ring[i]!.y)).toBeGreaterThan(NODE_WIDTH);
    }
  });

  it('draws nothing for no nodes', () => {
    expect(radialLayout([])).toEqual([]);
  });
});
