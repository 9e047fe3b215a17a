import { derivingFields, type FieldDefinition } from '@bankforge/data-model';
import type { ImportColumn } from '@bankforge/client';

/** A header or label compared without case, spaces, underscores or full-width punctuation: `Mobile No.` and `mobile_no` agree. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：（）()]/g, '');
}

/** Fields an import may fill: everything but auto numbers, which the server assigns. */
export function importableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.type !== 'autoNumber');
}

/**
 * The required fields a created row would leave empty whatever the file holds: no column maps to
 * them and the server fills in nothing (no default, not an auto number, not a birth date read from
 * a mapped resident ID). Every create would fail on them, so the mapping is refused instead of
 * each row (the runtime's import page warns of the same fields as they are mapped).
 */
export function requiredUnmapped(fields: readonly FieldDefinition[], mapped: ReadonlySet<string>): FieldDefinition[] {
  const derived = new Map(derivingFields({ fields: [...fields] }).map(({ field, source }) => [field.key, source.key]));
  return importableFields(fields).filter((f) => {
    if (f.required !== true || f.default !== undefined || mapped.has(f.key)) return false;
    const source = derived.get(f.key);
    return source === undefined || !mapped.has(source);
  });
}

/**
 * The mapping proposed for a file's headers: a header names a field by its key, its English label
 * or its Chinese label; a field is taken by the first header naming it, and the rest map to nothing.
 */
export function proposeMapping(headers: readonly string[], fields: readonly FieldDefinition[]): ImportColumn[] {
  const byName = new Map<string, string>();
  for (const field of importableFields(fields)) {
    for (const name of [field.key, field.label.en, field.label['zh-CN']]) {
      if (name && !byName.has(headerKey(name))) byName.set(headerKey(name), field.key);
    }
  }
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = byName.get(headerKey(header));
    if (!field || taken.has(field)) return { header, field: null };
    taken.add(field);
    return { header, field };
  });
}
