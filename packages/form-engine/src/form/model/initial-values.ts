import type { EntityDefinition } from '@bankforge/data-model';
import { applyFieldDefaults } from '@bankforge/data-model';
import type { FormPlan, PlacedField } from '../compile/form-plan.js';
import type { FormValues } from '../form-model-api.js';

/** A new record's values: each placed field's form default, else its entity default. */
export function initialValues(plan: FormPlan, entity: EntityDefinition): FormValues {
  const values = applyFieldDefaults(entity, {});
  for (const placed of plan.fields.values()) if (placed.initial !== undefined) values[placed.key] = structuredClone(placed.initial);
  return values;
}

/** A new row of a repeating group: its columns' form defaults, else their entity defaults. */
export function initialRow(entity: EntityDefinition, fields: ReadonlyMap<string, PlacedField>): Record<string, unknown> {
  const row = applyFieldDefaults(entity, {});
  for (const placed of fields.values()) if (placed.initial !== undefined) row[placed.key] = structuredClone(placed.initial);
  return row;
}
