/** Which properties of a name an expression reads (`item.phone`, `contacts.amount`), from its syntax tree. */
import type { FeelSyntaxNode } from '@bankforge/rule-engine';

/** Per name: the properties read through a path, or 'all' when the name is read whole. */
export type PropertyReads = Map<string, Set<string> | 'all'>;

function isNode(value: unknown): value is FeelSyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function record(reads: PropertyReads, name: string, property: string | null): void {
  const seen = reads.get(name);
  if (seen === 'all') return;
  if (property === null) reads.set(name, 'all');
  else if (seen) seen.add(property);
  else reads.set(name, new Set([property]));
}

/**
 * The properties of each of `names` that `ast` reads. Inside a filter (`list[item > 3]`) `item`
 * is the list's element, not the repeating group's row, so it is not counted there.
 */
export function propertyReads(ast: FeelSyntaxNode, names: ReadonlySet<string>): PropertyReads {
  const reads: PropertyReads = new Map();
  const visit = (value: unknown, itemBound: boolean): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, itemBound);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (!isNode(value)) {
      // arguments, context entries and iteration contexts wrap nodes in plain objects
      for (const v of Object.values(value)) visit(v, itemBound);
      return;
    }
    const node = value;
    if (node.kind === 'name') {
      if (names.has(node.name) && !(itemBound && node.name === 'item')) record(reads, node.name, null);
      return;
    }
    if (node.kind === 'path' && node.target.kind === 'name') {
      const name = node.target.name;
      if (names.has(name) && !(itemBound && name === 'item')) record(reads, name, node.property);
      return;
    }
    if (node.kind === 'filter') {
      visit(node.target, itemBound);
      visit(node.filter, true);
      return;
    }
    for (const v of Object.values(node)) visit(v, itemBound);
  };
  visit(ast, false);
  return reads;
}
