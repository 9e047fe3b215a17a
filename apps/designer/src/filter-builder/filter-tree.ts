import type { FilterCondition, RecordFilter } from '@bankforge/data-model';

/**
 * The filter builder's view of a `RecordFilter`: groups of conditions, each matching all or any of
 * its items, possibly negated ("none of", "not all of"). `path` is the node's JSON Pointer inside the filter as it
 * is stored, so that the engine's problems (`/filter/and/0/value`) land on the right row.
 */
export type FilterNode = FilterConditionNode | FilterGroupNode;

export interface FilterConditionNode {
  kind: 'condition';
  path: string;
  condition: FilterCondition;
}

export interface FilterGroupNode {
  kind: 'group';
  path: string;
  match: 'all' | 'any';
  negated: boolean;
  items: FilterNode[];
}

const isCondition = (filter: RecordFilter): filter is FilterCondition => 'field' in filter;

function node(filter: RecordFilter, path: string): FilterNode {
  if (isCondition(filter)) return { kind: 'condition', path, condition: filter };
  if ('not' in filter) {
    const inner = node(filter.not, `${path}/not`);
    // `not` of a group reads as "none of" (of `or`) or "not all of" (of `and`); `not` of one condition as "none of" it alone.
    return inner.kind === 'group' && !inner.negated ? { ...inner, path, negated: true } : { kind: 'group', path, match: 'any', negated: true, items: [inner] };
  }
  const match = 'and' in filter ? 'all' : 'any';
  const list = 'and' in filter ? filter.and : filter.or;
  const key = match === 'all' ? 'and' : 'or';
  return { kind: 'group', path, match, negated: false, items: list.map((f, i) => node(f, `${path}/${key}/${i}`)) };
}

/** The builder's root group for a stored filter (none: an empty group matching all). */
export function filterTree(filter: RecordFilter | undefined): FilterGroupNode {
  if (filter === undefined) return { kind: 'group', path: '', match: 'all', negated: false, items: [] };
  const root = node(filter, '');
  return root.kind === 'group' ? root : { kind: 'group', path: '', match: 'all', negated: false, items: [root] };
}

function toFilter(node: FilterNode): RecordFilter {
  if (node.kind === 'condition') return node.condition;
  const items = node.items.map(toFilter);
  const group: RecordFilter = node.match === 'all' ? { and: items } : { or: items };
  return node.negated ? { not: group } : group;
}

/** The filter to store; none for a root group with nothing in it. */
export function treeFilter(root: FilterGroupNode): RecordFilter | undefined {
  if (root.items.length === 0 && !root.negated) return undefined;
  // A root of one condition is stored as that condition, as an analyst's single condition reads in JSON.
  if (root.items.length === 1 && !root.negated && root.items[0]!.kind === 'condition') return root.items[0]!.condition;
  return toFilter(root);
}

/** Where a node sits in the tree: the item indexes from the root. */
export type TreeAt = readonly number[];

function update(group: FilterGroupNode, at: TreeAt, change: (node: FilterNode) => FilterNode | null): FilterGroupNode {
  const [first, ...rest] = at;
  if (first === undefined) return group;
  const target = group.items[first];
  if (target === undefined) return group;
  if (rest.length === 0) {
    const next = change(target);
    return { ...group, items: next === null ? removeAt(group.items, first) : replaceAt(group.items, first, next) };
  }
  if (target.kind !== 'group') return group;
  return { ...group, items: replaceAt(group.items, first, update(target, rest, change)) };
}

function updateGroup(root: FilterGroupNode, at: TreeAt, change: (group: FilterGroupNode) => FilterGroupNode): FilterGroupNode {
  if (at.length === 0) return change(root);
  return update(root, at, (n) => (n.kind === 'group' ? change(n) : n));
}

// New nodes get no path: a path is only known once the filter is stored and read again.
export function addCondition(root: FilterGroupNode, group: TreeAt, condition: FilterCondition): FilterGroupNode {
  return updateGroup(root, group, (g) => ({ ...g, items: [...g.items, { kind: 'condition', path: '', condition }] }));
}

export function addGroup(root: FilterGroupNode, group: TreeAt, match: 'all' | 'any', first: FilterCondition): FilterGroupNode {
  const added: FilterGroupNode = { kind: 'group', path: '', match, negated: false, items: [{ kind: 'condition', path: '', condition: first }] };
  return updateGroup(root, group, (g) => ({ ...g, items: [...g.items, added] }));
}

export function replaceCondition(root: FilterGroupNode, at: TreeAt, condition: FilterCondition): FilterGroupNode {
  return update(root, at, (n) => (n.kind === 'condition' ? { ...n, condition } : n));
}

export function removeNode(root: FilterGroupNode, at: TreeAt): FilterGroupNode {
  return update(root, at, () => null);
}

export function setMatch(root: FilterGroupNode, group: TreeAt, match: 'all' | 'any', negated: boolean): FilterGroupNode {
  return updateGroup(root, group, (g) => ({ ...g, match, negated }));
}

/** Every condition of a filter rewritten by `change` (a renamed field path, a renamed parameter). */
export function mapConditions(filter: RecordFilter, change: (condition: FilterCondition) => FilterCondition): RecordFilter {
  if (isCondition(filter)) return change(filter);
  if ('not' in filter) return { not: mapConditions(filter.not, change) };
  if ('and' in filter) return { and: filter.and.map((f) => mapConditions(f, change)) };
  return { or: filter.or.map((f) => mapConditions(f, change)) };
}

/** Whether any condition of a filter satisfies `test`. */
export function someCondition(filter: RecordFilter | undefined, test: (condition: FilterCondition) => boolean): boolean {
  if (filter === undefined) return false;
  if (isCondition(filter)) return test(filter);
  if ('not' in filter) return someCondition(filter.not, test);
  return ('and' in filter ? filter.and : filter.or).some((f) => someCondition(f, test));
}

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
