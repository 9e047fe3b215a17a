import type { EntityDefinition } from '../entity/entity-definition.js';
import { normalizeFieldValue } from './normalize.js';

/**
 * A copy of `values` in which every field that is absent (or undefined) and has a `default`
 * takes it. The default is normalised like an entered value (a decimal default of `0` becomes
 * `"0.0000"`) and copied, so records never share a default object. Present values, null
 * included, are kept.
 */
export function applyFieldDefaults(
  entity: EntityDefinition,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const field of entity.fields) {
    if (field.default === undefined) continue;
    if (Object.hasOwn(values, field.key) && values[field.key] !== undefined) continue;
    out[field.key] = normalizeFieldValue(field, structuredClone(field.default));
  }
  return out;
}
