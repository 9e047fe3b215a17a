/**
 * What changed between two versions of an artifact, as an analyst reads it: the document's elements
 * (its kind says which: fields, steps, connections, rules...) are matched by their ids, so a field
 * inserted at the top is one added field, not every field after it changed; each change names its
 * element with its label and the property that changed. This is the one place versions are
 * compared; the designer only renders the answer.
 */
import type { ChangedElement, DocumentChange, ElementPlace } from '@bankforge/client';
import { pointer, pointerTokens } from '@bankforge/data-model';
import type { ArtifactElement } from '@bankforge/rule-engine';

/** An element as found in one version: where it sits and in what. */
interface Placed {
  element: ArtifactElement;
  item: unknown;
  /** The element it sits in (the nearest one whose path is a prefix of its own). */
  parent: Placed | undefined;
  /** The list it is an item of, relative to its parent (`/children`, `/columns/0/children`, `/fields`). */
  list: string;
  index: number;
}

interface Version {
  document: unknown;
  byKey: Map<string, Placed>;
  order: Placed[];
  /** Every element's path: an element's own properties stop where another element starts. */
  paths: Set<string>;
}

const keyOf = (element: Pick<ArtifactElement, 'type' | 'id'>): string => `${element.type}\u0000${element.id}`;
const OMIT = Symbol('omit');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(document: unknown, path: string): unknown {
  let node = document;
  for (const token of pointerTokens(path)) node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[token] : undefined;
  return node;
}

/** Equal as JSON: key order is no difference. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => same(a[k], b[k]));
  }
  return false;
}

function index(document: unknown, elements: readonly ArtifactElement[]): Version {
  const byKey = new Map<string, Placed>();
  const byPath = new Map<string, Placed>();
  const order: Placed[] = [];
  // Shallow paths first, so that an element's parent is placed before it.
  const sorted = [...elements].sort((a, b) => pointerTokens(a.path).length - pointerTokens(b.path).length);
  for (const element of sorted) {
    // A duplicate id (a document its check would refuse) is compared as part of what holds it.
    if (byKey.has(keyOf(element)) || byPath.has(element.path)) continue;
    const tokens = pointerTokens(element.path);
    let parent: Placed | undefined;
    let depth = tokens.length - 1;
    for (; depth > 0; depth--) {
      parent = byPath.get(pointer(...tokens.slice(0, depth)));
      if (parent) break;
    }
    const placed: Placed = {
      element,
      item: valueAt(document, element.path),
      parent,
      list: pointer(...tokens.slice(parent ? depth : 0, -1)),
      index: Number(tokens.at(-1)),
    };
    byKey.set(keyOf(element), placed);
    byPath.set(element.path, placed);
  }
  // The document's order, not the sort's: changes are listed as the later version reads.
  for (const element of elements) {
    const placed = byPath.get(element.path);
    if (placed?.element === element) order.push(placed);
  }
  return { document, byKey, order, paths: new Set(byPath.keys()) };
}

/**
 * A value without the elements inside it (they are compared on their own) and without its drawing
 * properties. An empty list reads as no list: "no actions" and an absent list say the same.
 */
function own(value: unknown, path: string, paths: ReadonlySet<string>, drawing: readonly string[] = []): unknown {
  if (Array.isArray(value)) {
    const items = value.flatMap((item, i) => {
      const at = `${path}/${i}`;
      if (paths.has(at)) return [];
      const kept = own(item, at, paths);
      return [kept === OMIT ? item : kept];
    });
    return items.length === 0 ? OMIT : items;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}${pointer(key)}`;
      if (drawing.includes(key) || paths.has(at)) continue;
      const kept = own(item, at, paths);
      if (kept !== OMIT && kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return value;
}

const ownOf = (placed: Placed, version: Version): unknown => own(placed.item, placed.element.path, version.paths, placed.element.layout);

const changed = (element: ArtifactElement): ChangedElement => ({ type: element.type, id: element.id, ...(element.label ? { label: element.label } : {}) });
const withinOf = (placed: Placed): { within?: ChangedElement } => (placed.parent ? { within: changed(placed.parent.element) } : {});
const placeOf = (placed: Placed): ElementPlace => ({ ...(placed.parent ? { within: changed(placed.parent.element) } : {}), position: placed.index + 1 });

/** Property by property: objects are walked into, anything else (a list, a text) is one value. */
function compare(before: unknown, after: unknown, property: string[], path: string, emit: (change: DocumentChange) => void): void {
  if (same(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) compare(before[key], after[key], [...property, key], `${path}${pointer(key)}`, emit);
    return;
  }
  const op = before === undefined ? 'add' : after === undefined ? 'remove' : 'replace';
  emit({
    op,
    path,
    ...(property.length > 0 ? { property: property.join('.') } : {}),
    ...(before !== undefined ? { from: before } : {}),
    ...(after !== undefined ? { value: after } : {}),
  });
}

/** The keys of the longest run of `keys` already in ascending `rank` order (patience sorting): the rest moved. */
function steady(keys: readonly string[], rank: ReadonlyMap<string, number>): Set<string> {
  const tails: number[] = [];
  const previous: number[] = [];
  const ranks = keys.map((k) => rank.get(k)!);
  ranks.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ranks[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = i;
  });
  const kept = new Set<string>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(keys[i]!);
  return kept;
}

/** The common elements whose place changed: another parent or list, or another order among the siblings both versions have. */
function moved(before: Version, after: Version): Set<string> {
  const out = new Set<string>();
  const lists = new Map<string, string[]>();
  for (const placed of after.order) {
    const key = keyOf(placed.element);
    const earlier = before.byKey.get(key);
    if (!earlier) continue;
    const parent = placed.parent ? keyOf(placed.parent.element) : '';
    if ((earlier.parent ? keyOf(earlier.parent.element) : '') !== parent || earlier.list !== placed.list) {
      out.add(key);
      continue;
    }
    if (placed.element.unordered) continue;
    const list = `${parent}\u0001${placed.list}`;
    lists.set(list, [...(lists.get(list) ?? []), key]);
  }
  for (const keys of lists.values()) {
    const kept = steady(keys, new Map(keys.map((k) => [k, before.byKey.get(k)!.index])));
    for (const key of keys) if (!kept.has(key)) out.add(key);
  }
  return out;
}

/**
 * The changes from `earlier` to `later`: the document's own properties first, then its elements in
 * the later version's order (added, changed, moved), then the removed ones. `elementsOf` is the
 * kind's list of elements; without one, the documents are compared property by property.
 */
export function diffVersions(earlier: unknown, later: unknown, elementsOf?: (document: never) => readonly ArtifactElement[]): DocumentChange[] {
  const list = (document: unknown) => (elementsOf ? elementsOf(document as never) : []);
  const before = index(earlier, list(earlier));
  const after = index(later, list(later));
  const changes: DocumentChange[] = [];
  compare(own(earlier, '', before.paths, ['version']), own(later, '', after.paths, ['version']), [], '', (c) => changes.push(c));

  const moves = moved(before, after);
  for (const placed of after.order) {
    const key = keyOf(placed.element);
    const element = changed(placed.element);
    const earlierPlace = before.byKey.get(key);
    if (!earlierPlace) {
      changes.push({ op: 'add', path: placed.element.path, element, ...withinOf(placed), value: ownOf(placed, after) });
      continue;
    }
    compare(ownOf(earlierPlace, before), ownOf(placed, after), [], placed.element.path, (c) => changes.push({ ...c, element, ...withinOf(placed) }));
    if (moves.has(key)) changes.push({ op: 'move', path: placed.element.path, element, ...withinOf(placed), from: placeOf(earlierPlace), value: placeOf(placed) });
  }
  for (const placed of before.order) {
    if (after.byKey.has(keyOf(placed.element))) continue;
    changes.push({ op: 'remove', path: placed.element.path, element: changed(placed.element), ...withinOf(placed), from: ownOf(placed, before) });
  }
  return changes;
}
