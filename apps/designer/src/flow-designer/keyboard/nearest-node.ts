import type { FlowNode } from '@bankforge/flow-engine';
import type { NodePosition } from '../document/node-types.js';
import { nodeSize } from '../layout/node-size.js';

export type Direction = 'up' | 'down' | 'left' | 'right';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

function center(node: FlowNode, placed: (node: FlowNode) => NodePosition): NodePosition {
  const p = placed(node);
  const size = nodeSize(node.type);
  return { x: p.x + size.width / 2, y: p.y + size.height / 2 };
}

/**
 * The node an arrow key goes to from `from`: the nearest one whose centre lies in that direction
 * (within 45° either side), where a step sideways counts double, so "right" prefers the next node
 * on the same line over a nearer one above it. Undefined when there is none.
 */
export function nearestNode(nodes: readonly FlowNode[], from: FlowNode, direction: Direction, placed: (node: FlowNode) => NodePosition): FlowNode | undefined {
  const origin = center(from, placed);
  let best: FlowNode | undefined;
  let bestScore = Infinity;
  for (const node of nodes) {
    if (node.id === from.id) continue;
    const c = center(node, placed);
    const dx = c.x - origin.x;
    const dy = c.y - origin.y;
    const [ahead, aside] = direction === 'left' ? [-dx, dy] : direction === 'right' ? [dx, dy] : direction === 'up' ? [-dy, dx] : [dy, dx];
    if (ahead <= 0 || Math.abs(aside) > ahead) continue;
    const score = ahead + 2 * Math.abs(aside);
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  }
  return best;
}
