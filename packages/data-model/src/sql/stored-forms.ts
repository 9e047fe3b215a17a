import type { FieldDefinition } from '../entity/entity-definition.js';
import { normalizeFieldValue } from '../record/normalize.js';
import type { StoredForm } from './compile-filter.js';

/**
 * A money field's currency column (`<key>.currency` in a filter): three letters, compared
 * upper-cased as stored. It orders (a list sorts by code) but is no text to search in.
 */
export const CURRENCY_CODE: StoredForm = {
  label: 'currency code',
  operators: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'between', 'isNull'],
  expects: 'an ISO 4217 currency code',
  toStored: (value) =>
    typeof value === 'string' && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : undefined,
};

/**
 * A sensitive field stored encrypted, found through its blind index (`blindIndexColumn`): equal or
 * not, never ordered nor searched. A value is normalised as a write would be (`138 0013 8000` finds
 * `13800138000`) and then indexed with the caller's keyed hash, which the data model never holds.
 */
export function blindIndexForm(
  field: FieldDefinition,
  blindIndex: (canonical: string) => string,
): StoredForm {
  return {
    label: 'encrypted',
    operators: ['eq', 'ne', 'in', 'nin', 'isNull'],
    expects: 'text',
    toStored(value) {
      const canonical = typeof value === 'string' ? normalizeFieldValue(field, value) : undefined;
      return typeof canonical === 'string' && canonical.length <= 4000 ? blindIndex(canonical) : undefined;
    },
  };
}
