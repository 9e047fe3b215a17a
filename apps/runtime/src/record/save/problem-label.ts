import type { EntityDefinition } from '@bankforge/data-model';
import { repeatingGroups, type FormDefinition } from '@bankforge/form-engine/react';
import { localized } from '../../shell/localized.js';

/** How a problem in a row is named: the group's title, the row's number (from 1) and the column's label. */
export type RowLabel = (group: string, row: number, field: string) => string;

/**
 * The label of what a server problem's JSON Pointer names, in the reader's language: a field
 * (`/resident_id`), a repeating group (`/contacts`) or a cell of one of its rows (`/contacts/1/mobile`).
 * Undefined for the form itself or a pointer it does not know.
 */
export function problemLabel(form: FormDefinition, entities: Readonly<Record<string, EntityDefinition>>, path: string, language: string, rowLabel: RowLabel): string | undefined {
  const [, key = '', index, cell] = path.split('/');
  const fieldLabel = (entityKey: string, fieldKey: string) => {
    const field = entities[entityKey]?.fields.find((f) => f.key === fieldKey);
    return field ? localized(field.label, language) : undefined;
  };
  const group = repeatingGroups(form.layout).find((g) => g.key === key);
  if (!group) return fieldLabel(form.entity, key);
  const title = localized(group.title, language);
  if (index === undefined || cell === undefined || !/^\d+$/.test(index)) return title;
  const column = group.fields.find((node) => node.field === cell);
  const label = (column?.label && localized(column.label, language)) || fieldLabel(group.entity, cell) || cell;
  return rowLabel(title, Number(index) + 1, label);
}
