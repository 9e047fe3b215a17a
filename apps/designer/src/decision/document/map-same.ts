/** Maps that keep identity: the editor's history tells a change from none by reference. */

/** `items` with `change` applied to each, or null when no item changed (the caller keeps what it had). */
export function mapSame<T>(items: readonly T[], change: (item: T, index: number) => T): T[] | null {
  let changed = false;
  const next = items.map((item, i) => {
    const after = change(item, i);
    if (after !== item) changed = true;
    return after;
  });
  return changed ? next : null;
}
