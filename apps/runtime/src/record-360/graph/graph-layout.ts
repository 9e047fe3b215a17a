import type { GraphNode } from '@bankforge/client';

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** Node size the canvas draws; the ring keeps neighbours this far apart at least. */
export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 48;

/**
 * A star: the record in the middle, its related parties evenly on a ring around it, the first at
 * the top, going clockwise. The ring grows with the number of parties so that labels do not touch.
 */
export function radialLayout(nodes: readonly GraphNode[]): Placed[] {
  const center = nodes.find((n) => n.center) ?? nodes[0];
  if (!center) return [];
  const others = nodes.filter((n) => n !== center);
  const radius = Math.max(170, (others.length * (NODE_WIDTH + 24)) / (2 * Math.PI));
  return [
    { id: center.id, x: 0, y: 0 },
    ...others.map((node, index) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / others.length;
      return { id: node.id, x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
    }),
  ];
}
