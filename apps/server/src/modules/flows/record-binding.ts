import type { EntityDefinition } from '@bankforge/data-model';
import type { FlowDefinition, JsonValue } from '@bankforge/flow-engine';
import { ProblemError } from '../../platform/problem/problem-error.js';

/**
 * The case variables a flow reads from its record (the binding's `variables`): a money field gives
 * its amount as exact decimal text (FEEL reads it as that number; the currency stays on the record),
 * a decimal its text, anything else its value. Sensitive (encrypted) fields are never bound: the
 * engine's state is not encrypted.
 */
export function variablesFromRecord(flow: FlowDefinition, entity: EntityDefinition, record: Readonly<Record<string, unknown>>): Record<string, JsonValue> {
  const variables: Record<string, JsonValue> = {};
  for (const [variable, fieldKey] of Object.entries(flow.record?.variables ?? {})) {
    const field = entity.fields.find((f) => f.key === fieldKey);
    if (!field) throw ProblemError.conflict('flowBindingBroken', `Flow ${flow.key} reads ${fieldKey}, which ${entity.key} no longer has.`);
    if (field.sensitive === true) throw ProblemError.conflict('flowBindingBroken', `Flow ${flow.key} reads the sensitive field ${fieldKey}; flows may not carry sensitive values.`);
    const value = record[fieldKey];
    if (value === null || value === undefined) continue;
    variables[variable] = field.type === 'money' ? (value as { amount: string }).amount : (value as JsonValue);
  }
  return variables;
}

/**
 * A flow's record write (values from FEEL) in the record's terms: an amount into a money field takes
 * the currency the record's field already has (else the field's only currency).
 */
export function recordValuesOf(entity: EntityDefinition, values: Readonly<Record<string, JsonValue>>, currencies: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = entity.fields.find((f) => f.key === key);
    if (field?.type === 'money' && (typeof value === 'string' || typeof value === 'number')) {
      const currency = currencies[key] ?? (field.currencies?.length === 1 ? field.currencies[0] : undefined) ?? Object.values(currencies)[0];
      out[key] = { amount: String(value), currency };
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The field that names a record in lists and notifications: its first unique text (or auto number) field, else its first required text. */
export function titleField(entity: EntityDefinition): string | undefined {
  const text = entity.fields.filter((f) => (f.type === 'text' || f.type === 'autoNumber') && f.sensitive !== true);
  return (text.find((f) => f.unique === true) ?? text.find((f) => f.required === true))?.key;
}

export function recordTitle(entity: EntityDefinition, record: Readonly<Record<string, unknown>>): string | undefined {
  const key = titleField(entity);
  const value = key ? record[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
