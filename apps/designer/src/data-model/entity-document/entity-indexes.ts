import { INDEXABLE_SYSTEM_FIELDS, isEncrypted, isIndexable, type EntityDefinition, type EntityIndex, type FieldDefinition } from '@bankforge/data-model';

/** The system columns an index may name, in the order the designer offers them. */
export type IndexableSystemField = (typeof INDEXABLE_SYSTEM_FIELDS)[number];

export function isIndexableSystemField(name: string): name is IndexableSystemField {
  return (INDEXABLE_SYSTEM_FIELDS as readonly string[]).includes(name);
}

/** Sets the indexes; none left removes the property, so an entity without indexes stays as it was. */
function withIndexes(entity: EntityDefinition, indexes: EntityIndex[]): EntityDefinition {
  const next = { ...entity };
  if (indexes.length === 0) delete next.indexes;
  else next.indexes = indexes;
  return next;
}

function updateIndex(entity: EntityDefinition, index: number, change: (index: EntityIndex) => EntityIndex): EntityDefinition {
  return withIndexes(entity, (entity.indexes ?? []).map((x, i) => (i === index ? change(x) : x)));
}

/** A key no index uses yet: `index_1`, `index_2`, … */
function freeIndexKey(entity: EntityDefinition): string {
  const taken = new Set((entity.indexes ?? []).map((x) => x.key));
  let n = (entity.indexes ?? []).length + 1;
  while (taken.has(`index_${n}`)) n++;
  return `index_${n}`;
}

/** Appends an index with a fresh key and no fields yet (the analyst adds them next). */
export function addIndex(entity: EntityDefinition): EntityDefinition {
  return withIndexes(entity, [...(entity.indexes ?? []), { key: freeIndexKey(entity), fields: [] }]);
}

export function renameIndex(entity: EntityDefinition, index: number, key: string): EntityDefinition {
  return updateIndex(entity, index, (x) => ({ ...x, key }));
}

export function removeIndex(entity: EntityDefinition, index: number): EntityDefinition {
  return withIndexes(entity, (entity.indexes ?? []).filter((_, i) => i !== index));
}

/** Appends a field (or system column) to an index; one already in it is not added twice. */
export function addIndexField(entity: EntityDefinition, index: number, name: string): EntityDefinition {
  return updateIndex(entity, index, (x) => (x.fields.includes(name) ? x : { ...x, fields: [...x.fields, name] }));
}

/** Removes the field at `position`; the index stays even when empty, since the analyst is still editing it. */
export function removeIndexField(entity: EntityDefinition, index: number, position: number): EntityDefinition {
  return updateIndex(entity, index, (x) => ({ ...x, fields: x.fields.filter((_, j) => j !== position) }));
}

/** Moves a field of an index up (-1) or down (+1): the order is the index's, so it decides which reads it serves. */
export function moveIndexField(entity: EntityDefinition, index: number, position: number, delta: -1 | 1): EntityDefinition {
  const fields = entity.indexes?.[index]?.fields;
  const to = position + delta;
  if (!fields || to < 0 || to >= fields.length || position < 0 || position >= fields.length) return entity;
  return updateIndex(entity, index, (x) => {
    const next = [...x.fields];
    [next[position], next[to]] = [next[to]!, next[position]!];
    return { ...x, fields: next };
  });
}

/** Every index naming `from` names `to` instead (a field's key was renamed). */
export function renameInIndexes(entity: EntityDefinition, from: string, to: string): EntityDefinition {
  if (!entity.indexes || from === to) return entity;
  return withIndexes(entity, entity.indexes.map((x) => (x.fields.includes(from) ? { ...x, fields: x.fields.map((f) => (f === from ? to : f)) } : x)));
}

/** `name` leaves every index (its field was deleted); an index left with no field goes too. */
export function dropFromIndexes(entity: EntityDefinition, name: string): EntityDefinition {
  if (!entity.indexes) return entity;
  const indexes = entity.indexes.map((x) => ({ ...x, fields: x.fields.filter((f) => f !== name) }));
  return withIndexes(entity, indexes.filter((x, i) => x.fields.length > 0 || entity.indexes![i]!.fields.length === 0));
}

/**
 * Fields an index may hold: their values order (no long text, JSON or multi-select) and are not
 * encrypted (a sensitive value is stored as ciphertext, whose order means nothing). The server's
 * check refuses the others with `indexFieldType`, so the designer does not offer them.
 */
export function indexableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => isIndexable(f.type) && !isEncrypted(f));
}
