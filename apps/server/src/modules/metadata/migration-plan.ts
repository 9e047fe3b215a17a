import {
  columnKind,
  decimalShape,
  entityIndexColumns,
  stringLength,
  type EntityDefinition,
  type EntityIndex,
  type FieldDefinition,
} from '@bankforge/data-model';
import type { MigrationPlan as ClientMigrationPlan } from '@bankforge/client';
import { columnsOf, hasIndex } from './physical-schema.js';

/** One change to an entity's table. Fields are named by their stable id as well as their key. */
export type MigrationStep =
  | { op: 'createTable'; entity: string }
  | { op: 'addColumn'; field: FieldDefinition }
  | { op: 'renameColumn'; fieldId: string; from: string; to: string; field: FieldDefinition; previous: FieldDefinition }
  | { op: 'widenColumn'; field: FieldDefinition; previous: FieldDefinition }
  | { op: 'narrowColumn'; field: FieldDefinition; previous: FieldDefinition }
  | { op: 'changeType'; field: FieldDefinition; previous: FieldDefinition }
  | { op: 'dropColumn'; previous: FieldDefinition }
  | { op: 'addIndex'; field: FieldDefinition }
  | { op: 'dropIndex'; previous: FieldDefinition }
  | { op: 'addEntityIndex'; index: EntityIndex; columns: string[] }
  | { op: 'dropEntityIndex'; index: EntityIndex };

// The plan's shape is the public contract (the designer's confirmation dialog reads it); the server types its steps fully.
export type { LossyChange } from '@bankforge/client';
export type MigrationPlan = Omit<ClientMigrationPlan, 'steps'> & { steps: MigrationStep[] };

type Comparison = 'same' | 'wider' | 'narrower' | 'incompatible';

/** Compares the physical column a field needs now with the one it had. */
function compareColumns(previous: FieldDefinition, next: FieldDefinition): Comparison {
  const before = columnKind(previous);
  const after = columnKind(next);
  if (before === 'string' && after === 'text') return 'wider';
  if (before !== after) return 'incompatible';
  if (previous.type === 'reference' || next.type === 'reference') {
    if (previous.type !== next.type || previous.reference?.entity !== next.reference?.entity) return 'incompatible';
  }
  if (before === 'string') {
    const a = stringLength(previous);
    const b = stringLength(next);
    return a === b ? 'same' : b > a ? 'wider' : 'narrower';
  }
  if (before === 'decimal' || before === 'money') {
    const a = decimalShape(previous);
    const b = decimalShape(next);
    if (a.precision === b.precision && a.scale === b.scale) return 'same';
    const wider = b.scale >= a.scale && b.precision - b.scale >= a.precision - a.scale;
    return wider ? 'wider' : 'narrower';
  }
  return 'same';
}

function indexSignature(field: FieldDefinition): string {
  return hasIndex(field) ? (field.unique ? 'unique' : 'index') : 'none';
}

/**
 * The steps that take an entity's table from its published definition to the next one. Fields
 * are matched by their stable `id`, so changing a key is a rename that keeps the data.
 */
export function planEntityMigration(
  previous: { definition: EntityDefinition; version: number } | undefined,
  next: EntityDefinition,
): MigrationPlan {
  const toVersion = (previous?.version ?? 0) + 1;
  const plan: MigrationPlan = { entity: next.key, fromVersion: previous?.version ?? null, toVersion, steps: [], lossy: [], summary: [] };
  const add = (step: MigrationStep, line: string): void => {
    plan.steps.push(step);
    plan.summary.push(line);
  };
  const addEntityIndex = (index: EntityIndex): void => {
    const columns = entityIndexColumns(next, index);
    add({ op: 'addEntityIndex', index, columns }, `Index ${index.key}: ${columns.join(', ')}`);
  };
  if (!previous) {
    add({ op: 'createTable', entity: next.key }, `Create the table for ${next.key} with ${next.fields.length} fields`);
    for (const field of next.fields) if (hasIndex(field)) add({ op: 'addIndex', field }, `Index ${field.key}${field.unique ? ' (unique)' : ''}`);
    for (const index of next.indexes ?? []) addEntityIndex(index);
    return plan;
  }
  // Composite indexes whose columns change are dropped before the columns move and built after.
  const rebuilt = changedEntityIndexes(previous.definition, next);
  for (const index of previous.definition.indexes ?? []) {
    if (rebuilt.has(index.key) || !next.indexes?.some((i) => i.key === index.key)) add({ op: 'dropEntityIndex', index }, `Drop the index ${index.key}`);
  }
  const before = new Map(previous.definition.fields.map((f) => [f.id, f]));
  const after = new Map(next.fields.map((f) => [f.id, f]));

  for (const [id, old] of before) {
    if (after.has(id)) continue;
    if (hasIndex(old)) add({ op: 'dropIndex', previous: old }, `Drop the index on ${old.key}`);
    add({ op: 'dropColumn', previous: old }, `Drop ${old.key} (its values are kept in a backup table)`);
    plan.lossy.push({ fieldId: id, key: old.key, change: 'drop', detail: `Field ${old.key} is removed; its stored values would be lost` });
  }
  for (const field of next.fields) {
    const old = before.get(field.id);
    if (!old) {
      add({ op: 'addColumn', field }, `Add ${field.key} (${field.type})${field.default !== undefined ? ', filled with its default' : ''}`);
      if (hasIndex(field)) add({ op: 'addIndex', field }, `Index ${field.key}${field.unique ? ' (unique)' : ''}`);
      continue;
    }
    const comparison = compareColumns(old, field);
    const indexChanged = indexSignature(old) !== indexSignature(field) || comparison === 'narrower' || comparison === 'incompatible';
    if (indexChanged && hasIndex(old)) add({ op: 'dropIndex', previous: old }, `Drop the index on ${old.key}`);
    if (old.key !== field.key) {
      add({ op: 'renameColumn', fieldId: field.id, from: old.key, to: field.key, field, previous: old }, `Rename ${old.key} to ${field.key}, keeping its values`);
    }
    if (comparison === 'wider') add({ op: 'widenColumn', field, previous: old }, `Widen ${field.key}`);
    if (comparison === 'narrower') {
      add({ op: 'narrowColumn', field, previous: old }, `Narrow ${field.key}; values that no longer fit are cleared and kept in a backup table`);
      plan.lossy.push({ fieldId: field.id, key: field.key, change: 'narrow', detail: `Field ${field.key} is narrowed; values that do not fit would be lost` });
    }
    if (comparison === 'incompatible') {
      add({ op: 'changeType', field, previous: old }, `Change ${field.key} from ${old.type} to ${field.type}; its values are kept in a backup table`);
      plan.lossy.push({ fieldId: field.id, key: field.key, change: 'retype', detail: `Field ${field.key} changes from ${old.type} to ${field.type}; its stored values would be lost` });
    }
    if (indexChanged && hasIndex(field)) add({ op: 'addIndex', field }, `Index ${field.key}${field.unique ? ' (unique)' : ''}`);
  }
  for (const index of next.indexes ?? []) {
    if (rebuilt.has(index.key) || !previous.definition.indexes?.some((i) => i.key === index.key)) addEntityIndex(index);
  }
  return plan;
}

/**
 * The keys of composite indexes present before and after whose columns change: another field
 * list, or a field of it dropped, retyped or resized (a rename alone keeps the index: both
 * databases rename the column inside it).
 */
function changedEntityIndexes(previous: EntityDefinition, next: EntityDefinition): Set<string> {
  const shape = (entity: EntityDefinition, index: EntityIndex): string =>
    JSON.stringify(
      index.fields.map((name) => {
        const field = entity.fields.find((f) => f.key === name);
        return field ? [field.id, ...columnsOf(field).map((c) => c.mysql)] : name;
      }),
    );
  const changed = new Set<string>();
  for (const index of next.indexes ?? []) {
    const before = previous.indexes?.find((i) => i.key === index.key);
    if (before && shape(previous, before) !== shape(next, index)) changed.add(index.key);
  }
  return changed;
}
