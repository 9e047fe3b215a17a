/**
 * Pure operations on a form's layout tree. Every function returns a new layout and leaves its
 * input untouched, so each result can go straight onto the undo stack.
 *
 * Nodes sit in *containers*: the form's top level (`ROOT`), a section, a column or a tab. Column
 * and tab ids share the node id space, so one string addresses any container.
 */
import type { FormFieldNode, FormNode, FormRepeatingGroup } from '@bankforge/form-engine';

/** The container id of the form's top level; generated ids never start with `$`. */
export const ROOT = '$root';

export interface NodeLocation {
  node: FormNode;
  /** The container holding the node. */
  container: string;
  index: number;
}

/** The child lists of a node that is a container (or holds containers), keyed by container id. */
function ownContainers(node: FormNode): { id: string; children: FormNode[] }[] {
  switch (node.type) {
    case 'section':
      return [{ id: node.id, children: node.children }];
    case 'columns':
      return node.columns;
    case 'tabs':
      return node.tabs;
    default:
      return [];
  }
}

/** Calls `visit` for every container of the layout, outermost first. */
function eachContainer(layout: readonly FormNode[], visit: (id: string, children: readonly FormNode[]) => void): void {
  const walk = (id: string, children: readonly FormNode[]) => {
    visit(id, children);
    for (const child of children) for (const c of ownContainers(child)) walk(c.id, c.children);
  };
  walk(ROOT, layout);
}

export function findNode(layout: readonly FormNode[], id: string): NodeLocation | null {
  let found: NodeLocation | null = null;
  eachContainer(layout, (container, children) => {
    if (found) return;
    const index = children.findIndex((n) => n.id === id);
    if (index >= 0) found = { node: children[index]!, container, index };
  });
  return found;
}

/** The nodes of a container, or null when no container has that id. */
export function childrenOf(layout: readonly FormNode[], container: string): readonly FormNode[] | null {
  let found: readonly FormNode[] | null = null;
  eachContainer(layout, (id, children) => {
    if (found === null && id === container) found = children;
  });
  return found;
}

/** The node that owns a column or tab (or the section itself); null for the root. */
export function containerOwner(layout: readonly FormNode[], container: string): FormNode | null {
  let owner: FormNode | null = null;
  const walk = (nodes: readonly FormNode[]) => {
    for (const node of nodes) {
      const containers = ownContainers(node);
      if (containers.some((c) => c.id === container)) owner = node;
      for (const c of containers) walk(c.children);
    }
  };
  walk(layout);
  return owner;
}

/** Every id used in the layout: nodes, columns and tabs. */
export function allIds(layout: readonly FormNode[]): Set<string> {
  const ids = new Set<string>();
  const walk = (nodes: readonly FormNode[]) => {
    for (const node of nodes) {
      ids.add(node.id);
      if (node.type === 'repeatingGroup') for (const f of node.fields) ids.add(f.id);
      for (const c of ownContainers(node)) {
        ids.add(c.id);
        walk(c.children);
      }
    }
  };
  walk(layout);
  return ids;
}

/** Every container id in document order, the root first. */
export function containerIds(layout: readonly FormNode[]): string[] {
  const ids: string[] = [];
  eachContainer(layout, (id) => ids.push(id));
  return ids;
}

/** Rebuilds the layout with `change` applied to the child list of `container`. */
function mapContainer(layout: readonly FormNode[], container: string, change: (children: FormNode[]) => FormNode[]): FormNode[] {
  if (container === ROOT) return change([...layout]);
  const mapNodes = (nodes: readonly FormNode[]): FormNode[] => nodes.map(mapNode);
  const mapNode = (node: FormNode): FormNode => {
    switch (node.type) {
      case 'section':
        return { ...node, children: node.id === container ? change([...node.children]) : mapNodes(node.children) };
      case 'columns':
        return { ...node, columns: node.columns.map((c) => ({ ...c, children: c.id === container ? change([...c.children]) : mapNodes(c.children) })) };
      case 'tabs':
        return { ...node, tabs: node.tabs.map((t) => ({ ...t, children: t.id === container ? change([...t.children]) : mapNodes(t.children) })) };
      default:
        return node;
    }
  };
  return mapNodes(layout);
}

/** Inserts `node` into `container` at `index` (clamped; the end when absent). */
export function insertNode(layout: readonly FormNode[], container: string, node: FormNode, index?: number): FormNode[] {
  if (childrenOf(layout, container) === null) return [...layout];
  return mapContainer(layout, container, (children) => {
    const at = index === undefined ? children.length : Math.max(0, Math.min(index, children.length));
    children.splice(at, 0, node);
    return children;
  });
}

/** A column of a repeating group (a cell in every row): a field node that sits in the group, not in a container. */
export interface CellLocation {
  group: FormRepeatingGroup;
  cell: FormFieldNode;
  index: number;
}

export function findCell(layout: readonly FormNode[], id: string): CellLocation | null {
  let found: CellLocation | null = null;
  eachContainer(layout, (_, children) => {
    for (const node of children) {
      if (found || node.type !== 'repeatingGroup') continue;
      const index = node.fields.findIndex((f) => f.id === id);
      if (index >= 0) found = { group: node, cell: node.fields[index]!, index };
    }
  });
  return found;
}

/** Rebuilds the layout with `change` applied to the columns of the group holding cell `id`. */
function mapCells(layout: readonly FormNode[], id: string, change: (fields: FormFieldNode[]) => FormFieldNode[]): FormNode[] {
  const location = findCell(layout, id);
  if (!location) return [...layout];
  return updateNode(layout, location.group.id, (group) => (group.type === 'repeatingGroup' ? { ...group, fields: change([...group.fields]) } : group));
}

/** Removes node `id`, with everything inside it, or the group column `id`. */
export function removeNode(layout: readonly FormNode[], id: string): FormNode[] {
  const location = findNode(layout, id);
  if (!location) return mapCells(layout, id, (fields) => fields.filter((f) => f.id !== id));
  return mapContainer(layout, location.container, (children) => children.filter((n) => n.id !== id));
}

/** Whether `container` lies inside the node `id` (a node cannot be moved into itself). */
export function isInside(layout: readonly FormNode[], container: string, id: string): boolean {
  const location = findNode(layout, id);
  if (!location) return false;
  return ownContainers(location.node).some((c) => c.id === container || containerIds(c.children).includes(container));
}

/**
 * Moves node `id` to `index` of `container`, the index counted in the container as it is after
 * the node left it. A move into the node itself changes nothing.
 */
export function moveNode(layout: readonly FormNode[], id: string, container: string, index: number): FormNode[] {
  const location = findNode(layout, id);
  if (!location || isInside(layout, container, id) || childrenOf(layout, container) === null) return [...layout];
  return insertNode(removeNode(layout, id), container, location.node, index);
}

/** Replaces node `id` (or the group column `id`) with `update(node)`; a column stays a field node. */
export function updateNode(layout: readonly FormNode[], id: string, update: (node: FormNode) => FormNode): FormNode[] {
  const location = findNode(layout, id);
  if (!location) {
    return mapCells(layout, id, (fields) =>
      fields.map((f) => {
        if (f.id !== id) return f;
        const next = update(f);
        return next.type === 'field' ? next : f;
      }),
    );
  }
  return mapContainer(layout, location.container, (children) => children.map((n) => (n.id === id ? update(n) : n)));
}

/** The entity field keys placed at the form's own level (repeating group columns are the group entity's). */
export function placedFields(layout: readonly FormNode[]): Set<string> {
  const keys = new Set<string>();
  eachContainer(layout, (_, children) => {
    for (const node of children) if (node.type === 'field') keys.add(node.field);
  });
  return keys;
}
