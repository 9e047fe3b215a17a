import {
  isIndexable,
  optionApplies,
  TYPE_OPTION_TYPES,
  type FieldDefinition,
  type FieldType,
  type TypeOption,
} from '@bankforge/data-model';

/** How min/max are written for a type: integers as numbers, exact decimals as strings, dates as ISO strings. */
export function boundKind(type: FieldType): 'integer' | 'decimal' | 'date' | 'datetime' | null {
  if (type === 'integer') return 'integer';
  if (type === 'decimal' || type === 'money' || type === 'percentage') return 'decimal';
  if (type === 'date' || type === 'datetime') return type;
  return null;
}

/**
 * The field retyped: options that do not apply to the new type are dropped, and so is the
 * default (a value of the old type rarely fits the new one). Id, key and label stay.
 */
export function retype(field: FieldDefinition, type: FieldType): FieldDefinition {
  const next: FieldDefinition = { ...field, type };
  delete next.default;
  // The engine's table, so the designer never keeps an option the server would refuse as `notApplicable`.
  for (const option of Object.keys(TYPE_OPTION_TYPES) as TypeOption[]) {
    if (!optionApplies(option, type)) delete next[option];
  }
  if (!isIndexable(type)) {
    delete next.unique;
    delete next.indexed;
  }
  if (type === 'singleSelect' || type === 'multiSelect') next.options ??= [];
  return next;
}
