import { closestCenter, pointerWithin, type CollisionDetection } from '@dnd-kit/core';
import type { FormNode } from '@bankforge/form-engine';
import { allIds, findNode } from '../tree/form-tree.js';
import { CONTAINER_DROP_PREFIX } from '../tree/placement.js';

/** Drop targets inside node `id` (a container cannot be dropped into itself). */
function targetsInside(layout: readonly FormNode[], id: string): Set<string> {
  const location = findNode(layout, id);
  if (!location) return new Set();
  const inside = allIds([location.node]);
  return new Set([...inside, ...[...inside].map((i) => `${CONTAINER_DROP_PREFIX}${i}`)]);
}

/**
 * Nested containers all lie under the pointer: the innermost (smallest) target wins. Without a
 * pointer (keyboard drags) the closest centre does.
 */
export function innermostTarget(layout: readonly FormNode[]): CollisionDetection {
  return (args) => {
    const excluded = targetsInside(layout, String(args.active.id));
    const droppableContainers = args.droppableContainers.filter((c) => !excluded.has(String(c.id)));
    const scoped = { ...args, droppableContainers };
    const within = pointerWithin(scoped);
    if (within.length === 0) return closestCenter(scoped);
    const area = (id: string | number) => {
      const rect = args.droppableRects.get(id);
      return rect ? rect.width * rect.height : Number.POSITIVE_INFINITY;
    };
    return [...within].sort((a, b) => area(a.id) - area(b.id));
  };
}
