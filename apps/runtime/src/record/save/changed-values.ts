/** Whether two record values are the same (key order in objects such as money does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return (a ?? null) === (b ?? null);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/**
 * What an update sends: the submitted values that differ from the record as it was read. A PATCH
 * with only these leaves the other fields (hidden ones, those of other forms) as they are.
 */
export function changedValues(original: Readonly<Record<string, unknown>>, submitted: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(submitted).filter(([key, value]) => !sameValue(original[key], value)));
}
