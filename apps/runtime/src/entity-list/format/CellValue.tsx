import type { FieldDefinition } from '@bankforge/data-model';
import { TagChips } from '@bankforge/form-engine/react';
import { formatValue, type FormatOptions } from './format-value.js';

/**
 * A record value in a list (a grid cell, a card): a tags field's values as coloured chips, any
 * other value as `formatValue` writes it.
 */
export function CellValue({ value, field, format }: { value: unknown; field: FieldDefinition; format: FormatOptions }) {
  if (field.display === 'tags' && Array.isArray(value) && value.length > 0) {
    return <TagChips options={field.options ?? []} values={value.map(String)} locale={format.language} />;
  }
  return <>{formatValue(value, field, format)}</>;
}
