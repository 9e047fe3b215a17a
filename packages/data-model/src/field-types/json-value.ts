/** How deep a json field's value may nest. */
export const MAX_JSON_DEPTH = 64;

/**
 * A value JSON can carry unchanged: null, booleans, finite numbers, strings, arrays and plain
 * objects of such values, nested at most `MAX_JSON_DEPTH` deep. Not undefined, NaN, Infinity,
 * functions, Dates, Maps or class instances.
 */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}
