import { INDEXABLE_SYSTEM_FIELDS, type EntityDefinition, type EntityIndex, type FieldDefinition, type FieldError } from './entity-definition.js';
import { definitionError } from './definition-errors.js';
import { fieldType, type RawField } from './field-rules.js';
import { NOT_INDEXABLE_TYPES } from './type-options.js';
import { pointer } from '../json-pointer/json-pointer.js';
import { columnKind, decimalShape, isEncrypted, moneyCurrencyColumn, stringLength } from '../field-types/column-shape.js';

/** InnoDB's largest index key (DYNAMIC rows): the sum of the columns' widths, utf8mb4 text at 4 bytes a character. */
export const INDEX_KEY_BYTES = 3072;

/** Bytes of the system columns an index may name (`deleted_at`, which leads each, counted apart). */
const SYSTEM_COLUMN_BYTES: Record<(typeof INDEXABLE_SYSTEM_FIELDS)[number], number> = {
  owner_id: 64 * 4,
  created_by: 64 * 4,
  updated_by: 64 * 4,
  created_at: 7,
  updated_at: 7,
};
const DELETED_AT_BYTES = 7;

/** The widest a field's columns can make an index key, in bytes. */
function fieldKeyBytes(field: Pick<FieldDefinition, 'type' | 'maxLength' | 'precision' | 'scale'>): number {
  switch (columnKind(field)) {
    case 'string':
      return stringLength(field) * 4;
    case 'decimal':
      return Math.ceil(decimalShape(field).precision / 2) + 1;
    case 'money':
      return Math.ceil(decimalShape(field).precision / 2) + 1 + 3 * 4;
    case 'integer':
    case 'datetime':
      return 8;
    case 'date':
      return 3;
    case 'boolean':
      return 1;
    case 'text':
    case 'json':
      return INDEX_KEY_BYTES;
  }
}

function isSystemField(key: string): key is (typeof INDEXABLE_SYSTEM_FIELDS)[number] {
  return (INDEXABLE_SYSTEM_FIELDS as readonly string[]).includes(key);
}

/**
 * The rules of `indexes` a schema cannot express: unique keys, fields of the entity (or the
 * system columns a report reads) whose values order (no long text, JSON, multi-selects, nor
 * encrypted values), and a key that fits InnoDB's 3,072 bytes.
 */
export function checkEntityIndexes(indexes: unknown, fields: readonly RawField[]): FieldError[] {
  if (!Array.isArray(indexes)) return [];
  const errors: FieldError[] = [];
  const byKey = new Map(fields.filter((f) => typeof f.key === 'string').map((f) => [f.key as string, f]));
  const seen = new Set<string>();
  indexes.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const { key, fields: names } = raw as { key?: unknown; fields?: unknown };
    if (typeof key === 'string') {
      if (seen.has(key)) errors.push(definitionError(pointer('indexes', i, 'key'), 'duplicateIndexKey', { value: key }));
      seen.add(key);
    }
    if (!Array.isArray(names)) return;
    let bytes = DELETED_AT_BYTES;
    names.forEach((name: unknown, j) => {
      if (typeof name !== 'string') return;
      const at = pointer('indexes', i, 'fields', j);
      if (isSystemField(name)) {
        bytes += SYSTEM_COLUMN_BYTES[name];
        return;
      }
      const field = byKey.get(name);
      const type = field ? fieldType(field) : undefined;
      if (!field || !type) {
        errors.push(definitionError(at, 'unknownIndexField', { value: name }));
        return;
      }
      if (NOT_INDEXABLE_TYPES.includes(type) || isEncrypted({ type, sensitive: field.sensitive === true })) {
        errors.push(definitionError(at, 'indexFieldType', { value: name, type: field.sensitive === true ? 'sensitive' : type }));
        return;
      }
      bytes += fieldKeyBytes({ ...(field as Partial<FieldDefinition>), type });
    });
    if (bytes > INDEX_KEY_BYTES) errors.push(definitionError(pointer('indexes', i, 'fields'), 'indexTooLong', { value: bytes, limit: INDEX_KEY_BYTES }));
  });
  return errors;
}

/**
 * The physical columns of an index, in order: `deleted_at` first (every read filters on it), then
 * each named field's columns (a money field's amount and currency, so a sum reads the index alone).
 */
export function entityIndexColumns(entity: Pick<EntityDefinition, 'fields'>, index: EntityIndex): string[] {
  const columns = ['deleted_at'];
  for (const name of index.fields) {
    const field = entity.fields.find((f) => f.key === name);
    if (!field) columns.push(name);
    else columns.push(...(field.type === 'money' ? [field.key, moneyCurrencyColumn(field.key)] : [field.key]));
  }
  return columns;
}
