import type { EntityDefinition, FieldDefinition, FieldType, LocalizedText } from '@bankforge/data-model';
import { dropFromIndexes, isIndexableSystemField, renameInIndexes } from './entity-indexes.js';
import { retype } from './field-options.js';

/**
 * A new field id: `f_` and random characters. Ids are the field's identity across renames (the
 * migration follows the id), so an existing field's id is never regenerated.
 */
export function newFieldId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'f_';
  for (let i = 0; i < 10; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}

/** A key not used by any field yet: `field_1`, `field_2`, … */
function freeKey(entity: EntityDefinition): string {
  const taken = new Set(entity.fields.map((f) => f.key));
  let n = entity.fields.length + 1;
  while (taken.has(`field_${n}`)) n++;
  return `field_${n}`;
}

export function newEntity(key: string, title = key): EntityDefinition {
  return { kind: 'entity', key, title, label: { en: title, 'zh-CN': title }, fields: [] };
}

/** Appends a field of `type` with a fresh id and a free key, ready to be named. */
export function addField(entity: EntityDefinition, type: FieldType, id: string): EntityDefinition {
  const key = freeKey(entity);
  const field = retype({ id, key, type, label: { en: key, 'zh-CN': key } }, type);
  return { ...entity, fields: [...entity.fields, field] };
}

/** A new key; a label still showing the key in both languages (as a new field's does) follows it. */
export function renameKey(field: FieldDefinition, key: string): FieldDefinition {
  const labelIsKey = field.label.en === field.key && field.label['zh-CN'] === field.key;
  return { ...field, key, label: labelIsKey ? { en: key, 'zh-CN': key } : field.label };
}

/** Changes one field; a new key is followed into the indexes that name the field. */
export function updateField(entity: EntityDefinition, index: number, change: (field: FieldDefinition) => FieldDefinition): EntityDefinition {
  const before = entity.fields[index];
  const next = { ...entity, fields: entity.fields.map((f, i) => (i === index ? change(f) : f)) };
  const after = next.fields[index];
  if (!before || !after || before.key === after.key) return next;
  // Indexes name fields by key only. While either key is another field's (or a system column's),
  // an entry could mean either one: such a step is not followed, and the entry left behind is
  // reported (unknownIndexField) rather than silently pointing at the other field.
  const others = entity.fields.filter((_, i) => i !== index).map((f) => f.key);
  const ambiguous = (key: string) => others.includes(key) || isIndexableSystemField(key);
  return ambiguous(before.key) || ambiguous(after.key) ? next : renameInIndexes(next, before.key, after.key);
}

/** Deletes a field, and with it its place in every index (unless another field shares its key). */
export function removeField(entity: EntityDefinition, index: number): EntityDefinition {
  const removed = entity.fields[index];
  const next = { ...entity, fields: entity.fields.filter((_, i) => i !== index) };
  if (!removed || next.fields.some((f) => f.key === removed.key) || isIndexableSystemField(removed.key)) return next;
  return dropFromIndexes(next, removed.key);
}

/** Moves a field up (-1) or down (+1); a move past either end changes nothing. */
export function moveField(entity: EntityDefinition, index: number, delta: -1 | 1): EntityDefinition {
  const to = index + delta;
  if (to < 0 || to >= entity.fields.length) return entity;
  const fields = [...entity.fields];
  [fields[index], fields[to]] = [fields[to]!, fields[index]!];
  return { ...entity, fields };
}

/** Sets or clears an optional property: empty values are removed, so the document stays minimal. */
export function withProperty<T extends object, K extends keyof T>(target: T, name: K, value: T[K] | undefined): T {
  const next = { ...target };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[name];
  else next[name] = value;
  return next;
}

export function withText(text: LocalizedText | undefined, language: keyof LocalizedText, value: string): LocalizedText {
  return { en: text?.en ?? '', 'zh-CN': text?.['zh-CN'] ?? '', [language]: value };
}
