/**
 * Whether two artifact documents say the same thing: deep equality that ignores key order and the
 * envelope's `version` (a published version carries its number, the draft does not), as the server
 * decides an artifact's draft/published state.
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  return deepEqual(withoutVersion(a), withoutVersion(b));
}

function withoutVersion(document: unknown): unknown {
  if (!isObject(document)) return document;
  const { version: _version, ...rest } = document;
  return rest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  // An absent property and one set to undefined serialise the same, so they compare the same.
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
  return true;
}
