import { derivingFields, type FieldDefinition } from '@bankforge/data-model';

/**
 * The fields a created record needs from the file: required, and nothing the server fills in (an
 * auto number, a default, a birth date read from a resident ID column). The server's mapping check
 * (imports/import-mapping.ts, requiredUnmapped) refuses the same fields left unmapped.
 */
export function requiredColumns(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.type !== 'autoNumber' && f.required === true && f.default === undefined);
}

/** The required fields no column maps to: a row that creates a record would fail on each. */
export function requiredUnmapped(fields: readonly FieldDefinition[], mapped: ReadonlySet<string>): FieldDefinition[] {
  const derived = new Map(derivingFields({ fields: [...fields] }).map(({ field, source }) => [field.key, source.key]));
  return requiredColumns(fields).filter((f) => {
    if (mapped.has(f.key)) return false;
    const source = derived.get(f.key);
    return source === undefined || !mapped.has(source);
  });
}
