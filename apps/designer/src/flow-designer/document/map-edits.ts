/** Edits of the name → value maps a flow holds (decision and subflow inputs/outputs, record bindings), keeping their order. */

/** Sets the entry `key` (renamed from `previous` when given), in the place the old one had. */
export function setEntry<V>(map: Readonly<Record<string, V>>, key: string, value: V, previous: string = key): Record<string, V> {
  const entries = Object.entries(map);
  const at = entries.findIndex(([k]) => k === previous);
  const kept = entries.filter(([k]) => k !== previous && k !== key);
  if (at === -1) return Object.fromEntries([...kept, [key, value]]);
  const before = entries.slice(0, at).filter(([k]) => k !== key).length;
  kept.splice(before, 0, [key, value]);
  return Object.fromEntries(kept);
}

export function removeEntry<V>(map: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(map).filter(([k]) => k !== key));
}

/** A name not yet used as a key: `base`, `base2`, `base3`... */
export function freeKey(map: Readonly<Record<string, unknown>>, base: string): string {
  if (!(base in map)) return base;
  for (let n = 2; ; n++) if (!(`${base}${n}` in map)) return `${base}${n}`;
}

/** The list with `item` moved by `delta` places (clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** An object without the properties whose value is undefined (JSON documents leave them out). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
