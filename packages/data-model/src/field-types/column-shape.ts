import type { FieldDefinition, FieldType } from '../entity/entity-definition.js';
import { MAX_NUMBER_LENGTH } from './auto-number.js';

/** How the server's schema builder stores a field. */
export type ColumnKind =
  'string' | 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'json' | 'money';

const COLUMN_KINDS: Record<FieldType, ColumnKind> = {
  text: 'string',
  email: 'string',
  mobile: 'string',
  residentId: 'string',
  url: 'string',
  autoNumber: 'string',
  singleSelect: 'string',
  reference: 'string',
  longText: 'text',
  integer: 'integer',
  decimal: 'decimal',
  percentage: 'decimal',
  money: 'money',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  multiSelect: 'json',
  json: 'json',
};

/** The column length of a text field without `maxLength`. */
export const DEFAULT_TEXT_LENGTH = 255;
/** The longest `maxLength` a text field may ask for (longer texts are `longText`). */
export const MAX_TEXT_LENGTH = 4000;

const FIXED_STRING_LENGTHS: Partial<Record<FieldType, number>> = {
  email: 254,
  url: 2048,
  mobile: 11,
  residentId: 18,
  autoNumber: MAX_NUMBER_LENGTH,
  singleSelect: 64,
  reference: 36,
};

const DEFAULT_DECIMAL_SHAPES: Partial<Record<FieldType, { precision: number; scale: number }>> = {
  decimal: { precision: 18, scale: 4 },
  money: { precision: 18, scale: 2 },
  percentage: { precision: 9, scale: 4 },
};

/** A money field `amount` keeps its currency in a second column, `amount_currency`. */
export const MONEY_CURRENCY_SUFFIX = '_currency';

export function moneyCurrencyColumn(fieldKey: string): string {
  return fieldKey + MONEY_CURRENCY_SUFFIX;
}

/** The table of an entity's records: always `e_<key>`, so no request can name another table. */
export function entityTable(entityKey: string): string {
  return `e_${entityKey}`;
}

/** A sensitive field `mobile` is stored encrypted, with an HMAC of its value in `mobile_bidx` for exact lookups. */
export const BLIND_INDEX_SUFFIX = '_bidx';

export function blindIndexColumn(fieldKey: string): string {
  return fieldKey + BLIND_INDEX_SUFFIX;
}

/** The types whose values can be marked sensitive and so encrypted at rest. */
export const ENCRYPTABLE_TYPES: readonly FieldType[] = ['text', 'longText', 'email', 'mobile', 'residentId', 'url'];

/** Whether the field's values are stored encrypted. */
export function isEncrypted(field: Pick<FieldDefinition, 'type' | 'sensitive'>): boolean {
  return field.sensitive === true && ENCRYPTABLE_TYPES.includes(field.type);
}

export function columnKind(field: Pick<FieldDefinition, 'type'>): ColumnKind {
  const kind = COLUMN_KINDS[field.type];
  if (kind === undefined) throw new RangeError(`Unknown field type: ${String(field.type)}`);
  return kind;
}

/** The length, in characters, of the column of a field whose column kind is 'string'. */
export function stringLength(field: Pick<FieldDefinition, 'type' | 'maxLength'>): number {
  if (field.type === 'text') return field.maxLength ?? DEFAULT_TEXT_LENGTH;
  const length = FIXED_STRING_LENGTHS[field.type];
  if (length === undefined) throw new RangeError(`${field.type} fields are not stored as strings`);
  return length;
}

/** DECIMAL(precision, scale) of a decimal, money or percentage field. */
export function decimalShape(field: Pick<FieldDefinition, 'type' | 'precision' | 'scale'>): {
  precision: number;
  scale: number;
} {
  const defaults = DEFAULT_DECIMAL_SHAPES[field.type];
  if (defaults === undefined) throw new RangeError(`${field.type} fields are not stored as decimals`);
  return { precision: field.precision ?? defaults.precision, scale: field.scale ?? defaults.scale };
}
