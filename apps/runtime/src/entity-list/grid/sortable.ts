import type { FieldDefinition } from '@bankforge/data-model';

/**
 * Whether the server sorts a list on the field: only indexed columns (unique, indexed, references),
 * never encrypted or multi-valued ones; it refuses others with `notSortable`.
 */
export function isSortable(field: FieldDefinition): boolean {
  if (field.type === 'multiSelect' || field.type === 'json') return false;
  if (field.sensitive && ['text', 'longText', 'email', 'mobile', 'residentId', 'url'].includes(field.type)) return false;
  return Boolean(field.unique || field.indexed || field.type === 'reference');
}
