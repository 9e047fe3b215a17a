/** Where a new or moved node goes: after a keyboard "add", or under the pointer at a drop. */
import type { FormNode } from '@bankforge/form-engine';
import { childrenOf, findNode, ROOT } from './form-tree.js';

export interface Placement {
  container: string;
  /** Absent: at the end. */
  index?: number;
}

/** Droppable ids of containers (their empty space) are prefixed so they never clash with node ids. */
export const CONTAINER_DROP_PREFIX = 'container:';

/**
 * Where the palette's "add" puts a node, given the selection: into a selected container (at its
 * end), into the first column or tab of selected columns or tabs, after a selected field; with
 * nothing selected, into the last top-level section (or the top level when there is none).
 */
export function insertionPoint(layout: readonly FormNode[], selected: string | null): Placement {
  if (selected !== null) {
    const location = findNode(layout, selected);
    if (location) {
      const node = location.node;
      if (node.type === 'section') return { container: node.id };
      if (node.type === 'columns' && node.columns[0]) return { container: node.columns[0].id };
      if (node.type === 'tabs' && node.tabs[0]) return { container: node.tabs[0].id };
      return { container: location.container, index: location.index + 1 };
    }
    if (childrenOf(layout, selected) !== null) return { container: selected };
  }
  const lastSection = [...layout].reverse().find((n) => n.type === 'section');
  return { container: lastSection ? lastSection.id : ROOT };
}

/**
 * The placement of a drop on `overId` (a node, or a container's empty space). A field dropped on
 * a section, columns or tabs goes into it (at the end of the section, first column or first tab),
 * as the analyst means; a container dropped there, or anything dropped on a field, takes that
 * node's index: moved up, it lands before the node; moved down within its own container, after it
 * (the index is counted once the dragged node has left, as `moveNode` does).
 */
export function dropPlacement(layout: readonly FormNode[], overId: string, dragging: 'field' | 'container'): Placement | null {
  if (overId.startsWith(CONTAINER_DROP_PREFIX)) {
    const container = overId.slice(CONTAINER_DROP_PREFIX.length);
    return childrenOf(layout, container) === null ? null : { container };
  }
  const over = findNode(layout, overId);
  if (!over) return null;
  if (dragging === 'field' && over.node.type !== 'field' && over.node.type !== 'repeatingGroup') return insertionPoint(layout, over.node.id);
  return { container: over.container, index: over.index };
}
