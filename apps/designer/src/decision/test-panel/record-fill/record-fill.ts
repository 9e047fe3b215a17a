/**
 * A record's fields mapped onto the decision's input data, to try the draft on a real customer:
 * an input takes the field whose key or label (in either language, with or without the entity's
 * name before it) reads as its name, letters and digits alone compared: `CreditScore` takes
 * `credit_score`, `CustomerRiskTolerance` the customer's "Risk tolerance". A value the server sent
 * masked (the reader's field rules) is never used: the decision would be tried on `***`.
 */
import type { ReaderFieldAccess, RecordData } from '@bankforge/client';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import type { InputField } from '../input-fields.js';

export type FillOutcome =
  /** Filled from the field. */
  | { input: string; status: 'filled'; field: FieldDefinition; value: unknown }
  /** The field is there but masked for the reader. */
  | { input: string; status: 'masked'; field: FieldDefinition }
  /** The field is there but the record has no value. */
  | { input: string; status: 'empty'; field: FieldDefinition }
  /** No field reads as the input's name (or the reader may not see it). */
  | { input: string; status: 'noField' };

const normal = (text: string): string => text.toLowerCase().replaceAll(/[^\p{L}\p{N}]/gu, '');

/** The names a field answers to, strongest first: its key, its labels, then each with the entity's name before it. */
function namesOf(entity: EntityDefinition, field: FieldDefinition): string[][] {
  const own = [field.key, field.label.en, field.label['zh-CN']];
  const entityNames = [entity.key, entity.label?.en, entity.label?.['zh-CN']].filter((n): n is string => typeof n === 'string' && n !== '');
  return [[field.key], [field.label.en, field.label['zh-CN']], entityNames.flatMap((e) => own.map((o) => `${e}${o}`))];
}

/** The entity's field an input reads as, or undefined. */
export function fieldFor(input: string, entity: EntityDefinition): FieldDefinition | undefined {
  const wanted = normal(input);
  // The input data's own name, not its import prefix.
  const bare = normal(input.slice(input.lastIndexOf('.') + 1));
  for (let strength = 0; strength < 3; strength++) {
    const field = entity.fields.find((f) => namesOf(entity, f)[strength]!.some((name) => [wanted, bare].includes(normal(name))));
    if (field) return field;
  }
  return undefined;
}

const MASK = /\*\*\*/;

/** Whether the server sent the value masked (its field rule says so, or the value carries the mask's stars). */
function isMasked(field: FieldDefinition, value: unknown, access: ReaderFieldAccess): boolean {
  if (access[field.key] === 'masked') return true;
  if (typeof value === 'string') return MASK.test(value);
  if (typeof value === 'object' && value !== null && 'amount' in value) return MASK.test(String((value as { amount: unknown }).amount));
  return false;
}

/** A record's value as the test panel's JSON input: a money amount as its exact decimal text, a date and time without its zone. */
function inputValue(field: FieldDefinition, value: unknown, kind: InputField['kind']): unknown {
  if (field.type === 'money' && typeof value === 'object' && value !== null && 'amount' in value) return (value as { amount: unknown }).amount;
  if (field.type === 'datetime' && typeof value === 'string' && kind === 'dateTime') return value.replace(/(\.\d+)?(Z|[+-]\d\d:?\d\d)$/, '');
  return value;
}

/** What each input got from the record, in the inputs' order. */
export function fillFromRecord(fields: readonly InputField[], entity: EntityDefinition, record: RecordData, access: ReaderFieldAccess = {}): FillOutcome[] {
  return fields.map((input): FillOutcome => {
    const field = fieldFor(input.name, entity);
    if (field === undefined || access[field.key] === 'hidden' || !(field.key in record)) return { input: input.name, status: 'noField' };
    const value = record[field.key];
    if (isMasked(field, value, access)) return { input: input.name, status: 'masked', field };
    if (value === null || value === undefined || value === '') return { input: input.name, status: 'empty', field };
    return { input: input.name, status: 'filled', field, value: inputValue(field, value, input.kind) };
  });
}

/** The inputs the outcomes filled, by name (for the form). */
export function filledInputs(outcomes: readonly FillOutcome[]): Record<string, unknown> {
  return Object.fromEntries(outcomes.flatMap((o) => (o.status === 'filled' ? [[o.input, o.value]] : [])));
}

/** How many of an entity's fields the inputs would read: the entity offered first is the one that fills most. */
export function matchCount(fields: readonly InputField[], entity: EntityDefinition): number {
  return fields.filter((f) => fieldFor(f.name, entity) !== undefined).length;
}

/** The field that names a record in a list: its first unique text field that is not personal data, else its first required one. */
export function titleField(entity: EntityDefinition): FieldDefinition | undefined {
  const text = entity.fields.filter((f) => f.type === 'text' && f.sensitive !== true);
  return text.find((f) => f.unique === true) ?? text.find((f) => f.required === true) ?? text[0];
}

/** The fields a search may look in: plain text the reader sees in clear (the server refuses to filter on masked ones). */
export function searchFields(entity: EntityDefinition, access: ReaderFieldAccess): FieldDefinition[] {
  return entity.fields.filter((f) => f.type === 'text' && f.sensitive !== true && access[f.key] === undefined);
}
