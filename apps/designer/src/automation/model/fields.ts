import type { EntityDefinition, FieldDefinition, SelectOption } from '@bankforge/data-model';

/** Field types an automation cannot write: numbered by the platform. */
const NOT_WRITABLE: ReadonlySet<string> = new Set(['autoNumber']);

/** An entity's fields an action may write (sensitive ones included: they are written, never read). */
export function writableFields(entity: EntityDefinition | undefined): FieldDefinition[] {
  return (entity?.fields ?? []).filter((f) => !NOT_WRITABLE.has(f.type));
}

/** The multiSelect fields a setTags action can change (the customer's tags). */
export function tagFields(entity: EntityDefinition | undefined): FieldDefinition[] {
  return (entity?.fields ?? []).filter((f) => f.type === 'multiSelect');
}

export function fieldOptions(entity: EntityDefinition | undefined, field: string): readonly SelectOption[] {
  return entity?.fields.find((f) => f.key === field)?.options ?? [];
}

/** The fields a FEEL expression over the entity's record may read: its non-sensitive ones (sensitive ones are never in scope). */
export function readableFields(entity: EntityDefinition | undefined): FieldDefinition[] {
  return (entity?.fields ?? []).filter((f) => !f.sensitive);
}

/** The names a FEEL expression over the entity's record may read: its non-sensitive field keys. */
export function readableFieldKeys(entity: EntityDefinition | undefined): string[] {
  return readableFields(entity).map((f) => f.key);
}
