import type { FieldDefinition } from '../entity/entity-definition.js';
import { columnKind } from '../field-types/column-shape.js';

/** What a column or expression holds, as far as aggregation, filters and results care. */
export type ValueType = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'multi' | 'json';

export function isNumeric(type: ValueType): boolean {
  return type === 'integer' || type === 'decimal';
}

export function isTemporal(type: ValueType): boolean {
  return type === 'date' || type === 'datetime';
}

export function valueTypeOf(field: FieldDefinition): ValueType {
  if (field.type === 'multiSelect') return 'multi';
  const kind = columnKind(field);
  switch (kind) {
    case 'string':
    case 'text':
      return 'text';
    case 'money':
      return 'decimal';
    default:
      return kind;
  }
}

/** System columns indexed in every table: the data-scope and recency queries every list runs. */
export const SYSTEM_INDEXES = ['owner_id', 'created_at', 'updated_at'] as const;

/** The standard columns every entity table has. */
export const SYSTEM_COLUMN_TYPES: Readonly<Record<string, ValueType>> = {
  id: 'text',
  created_at: 'datetime',
  created_by: 'text',
  updated_at: 'datetime',
  updated_by: 'text',
  owner_id: 'text',
  version: 'integer',
};
