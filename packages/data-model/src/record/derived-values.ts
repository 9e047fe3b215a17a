import type { EntityDefinition, FieldDefinition } from '../entity/entity-definition.js';
import { residentIdBirthDate } from '../field-types/resident-id.js';

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The value `field` reads from its `derivedFrom` field's value, or undefined when it reads none:
 * a date derived from a resident ID is the birth date the ID carries (when the ID is valid).
 * Other derivations only share masking (see `FieldDefinition.derivedFrom`) and give no value.
 */
export function derivedValue(field: Pick<FieldDefinition, 'type'>, source: Pick<FieldDefinition, 'type'> | undefined, sourceValue: unknown): string | undefined {
  if (!derivesValue(field, source) || typeof sourceValue !== 'string') return undefined;
  return residentIdBirthDate(sourceValue.trim().toUpperCase());
}

function derivesValue(field: Pick<FieldDefinition, 'type'>, source: Pick<FieldDefinition, 'type'> | undefined): boolean {
  return field.type === 'date' && source?.type === 'residentId';
}

type DerivingField = { field: FieldDefinition; source: FieldDefinition };

/** Per field list (a published definition's is never changed): every record write asks. */
const derivingByFields = new WeakMap<readonly FieldDefinition[], readonly DerivingField[]>();

/** The fields of the entity that derive a value from another field, with that field. */
export function derivingFields(entity: Pick<EntityDefinition, 'fields'>): readonly DerivingField[] {
  const cached = derivingByFields.get(entity.fields);
  if (cached) return cached;
  const byKey = new Map(entity.fields.map((f) => [f.key, f]));
  const found = entity.fields.flatMap((field) => {
    const source = field.derivedFrom === undefined ? undefined : byKey.get(field.derivedFrom);
    return source !== undefined && derivesValue(field, source) ? [{ field, source }] : [];
  });
  derivingByFields.set(entity.fields, found);
  return found;
}

/**
 * A copy of `values` in which each field left empty that derives from another field (a birth date
 * from a resident ID) takes the value derived from it. A value that is there stays, even if it
 * disagrees: the writer may know better (a corrected birth date), and the validator has the last word.
 * `stored` holds the values already saved (an update sends only its changes).
 */
export function fillDerivedValues(
  entity: Pick<EntityDefinition, 'fields'>,
  values: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const { field, source } of derivingFields(entity)) {
    const current = Object.hasOwn(values, field.key) ? values[field.key] : stored[field.key];
    if (!isEmpty(current)) continue;
    const from = Object.hasOwn(values, source.key) ? values[source.key] : stored[source.key];
    const derived = derivedValue(field, source, from);
    if (derived !== undefined) out[field.key] = derived;
  }
  return out;
}
