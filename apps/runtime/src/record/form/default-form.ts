import type { EntityDefinition } from '@bankforge/data-model';
import { FORM_SCHEMA_VERSION, type FormDefinition } from '@bankforge/form-engine/react';

/**
 * The form of an entity that has no published form: every field, one per line, in the entity's
 * order, with the entity's labels and defaults. It is never stored; record writes name no form,
 * so the server checks them against the entity's own rules.
 */
export function defaultFormFor(entity: EntityDefinition): FormDefinition {
  return {
    kind: 'form',
    key: `${entity.key}_generated`,
    title: entity.title,
    schemaVersion: FORM_SCHEMA_VERSION,
    entity: entity.key,
    label: entity.label,
    layout: entity.fields.map((field) => ({ id: `field-${field.key}`, type: 'field' as const, field: field.key })),
  };
}
