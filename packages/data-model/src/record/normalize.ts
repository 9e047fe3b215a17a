import type { EntityDefinition, FieldDefinition } from '../entity/entity-definition.js';
import { canonicalDecimal } from '../field-types/decimal.js';
import { canonicalDatetime } from '../field-types/date-time.js';
import { decimalShape } from '../field-types/column-shape.js';

const INTEGER_TEXT = /^[+-]?\d+$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalizeMoney(field: FieldDefinition, value: Record<string, unknown>): Record<string, unknown> {
  const { scale } = decimalShape(field);
  const out = { ...value };
  if (typeof value.amount === 'number' || typeof value.amount === 'string') {
    out.amount = canonicalDecimal(value.amount, scale) ?? value.amount;
  }
  if (typeof value.currency === 'string') out.currency = value.currency.trim().toUpperCase();
  return out;
}

/**
 * One field's value, made canonical where that can be done without guessing; anything else is
 * returned unchanged for the validator to report. `""` (after trimming, for the trimmed types)
 * becomes null for every type but json, where `""` is itself a JSON value.
 */
export function normalizeFieldValue(field: FieldDefinition, value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '' && field.type !== 'json') return null;
    switch (field.type) {
      case 'text':
      case 'email':
      case 'url':
      case 'date':
      case 'reference':
      case 'autoNumber':
        return trimmed;
      case 'mobile':
        // People write 138 0013 8000 or 138-0013-8000.
        return trimmed.replace(/[\s-]/g, '');
      case 'residentId':
        return trimmed.toUpperCase();
      case 'datetime':
        return canonicalDatetime(trimmed) ?? value;
      case 'decimal':
      case 'percentage':
        return canonicalDecimal(trimmed, decimalShape(field).scale) ?? value;
      case 'integer':
        if (INTEGER_TEXT.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
        return value;
      case 'boolean':
        if (trimmed === 'true') return true;
        if (trimmed === 'false') return false;
        return value;
      default:
        return value;
    }
  }
  if (typeof value === 'number' && (field.type === 'decimal' || field.type === 'percentage')) {
    return canonicalDecimal(value, decimalShape(field).scale) ?? value;
  }
  if (field.type === 'money' && isPlainObject(value)) return normalizeMoney(field, value);
  return value;
}

/**
 * Lenient canonicalisation of a record's values before validation: trims text, upper-cases
 * resident IDs and currencies, writes decimals and money amounts as exact strings with the
 * field's scale, converts date-times to UTC, turns `""` into null. Keys that are not fields are
 * copied as they are (the validator rejects them). Returns a new object.
 */
export function normalizeRecordValues(
  entity: EntityDefinition,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const fields = fieldsByKey(entity);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = fields.get(key);
    const normalized = field === undefined ? value : normalizeFieldValue(field, value);
    // defineProperty, so that a `__proto__` key from JSON.parse stays a key (and gets reported).
    if (key === '__proto__') Object.defineProperty(out, key, { value: normalized, enumerable: true, writable: true, configurable: true });
    else out[key] = normalized;
  }
  return out;
}

/** An entity's fields by key, built once per definition: an import normalises every row against the same one. */
const fieldMaps = new WeakMap<EntityDefinition, ReadonlyMap<string, FieldDefinition>>();
function fieldsByKey(entity: EntityDefinition): ReadonlyMap<string, FieldDefinition> {
  let fields = fieldMaps.get(entity);
  if (!fields) fieldMaps.set(entity, (fields = new Map(entity.fields.map((field) => [field.key, field]))));
  return fields;
}
