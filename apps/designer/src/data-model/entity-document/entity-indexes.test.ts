import type { EntityDefinition, FieldDefinition, FieldType } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { newEntity, removeField, renameKey, updateField } from './entity-edits.js';
import { addIndex, addIndexField, dropFromIndexes, indexableFields, moveIndexField, removeIndex, removeIndexField, renameIndex, renameInIndexes } from './entity-indexes.js';

const field = (key: string, type: FieldType = 'text', extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });

/** A loan book: status, branch, amount, submitted_at, and two indexes over them. */
const loans = (): EntityDefinition => ({
  ...newEntity('loan_application', 'Loan application'),
  fields: [field('status', 'singleSelect'), field('branch', 'reference'), field('amount', 'money'), field('submitted_at', 'datetime')],
  indexes: [
    { key: 'by_status', fields: ['status', 'created_at'] },
    { key: 'by_branch', fields: ['branch', 'submitted_at', 'amount'] },
  ],
});

describe('entity indexes', () => {
  it('adds indexes with fresh keys, starting with no fields', () => {
    let entity = addIndex(newEntity('loan_application'));
    entity = addIndex(entity);
    expect(entity.indexes).toEqual([
      { key: 'index_1', fields: [] },
      { key: 'index_2', fields: [] },
    ]);
    entity = addIndex(removeIndex(entity, 0));
    // index_2 is still taken: the next free one.
    expect(entity.indexes!.map((x) => x.key)).toEqual(['index_2', 'index_3']);
  });

  it('renames and removes an index; the last one removed drops the property', () => {
    const renamed = renameIndex(loans(), 1, 'by_branch_date');
    expect(renamed.indexes!.map((x) => x.key)).toEqual(['by_status', 'by_branch_date']);
    const none = removeIndex(removeIndex(loans(), 1), 0);
    expect(none).not.toHaveProperty('indexes');
    expect(none.fields).toHaveLength(4);
  });

  it('adds fields in order, each once, and removes one', () => {
    let entity = addIndex(loans());
    entity = addIndexField(entity, 2, 'submitted_at');
    entity = addIndexField(entity, 2, 'owner_id');
    entity = addIndexField(entity, 2, 'submitted_at');
    expect(entity.indexes![2]!.fields).toEqual(['submitted_at', 'owner_id']);
    entity = removeIndexField(entity, 2, 0);
    expect(entity.indexes![2]!.fields).toEqual(['owner_id']);
    // Emptied by hand, the index stays: the analyst is choosing its fields.
    expect(removeIndexField(entity, 2, 0).indexes![2]).toEqual({ key: 'index_3', fields: [] });
    // The other indexes are untouched.
    expect(entity.indexes!.slice(0, 2)).toEqual(loans().indexes);
  });

  it('moves a field up or down within bounds', () => {
    const entity = loans();
    expect(moveIndexField(entity, 1, 2, -1).indexes![1]!.fields).toEqual(['branch', 'amount', 'submitted_at']);
    expect(moveIndexField(entity, 1, 0, 1).indexes![1]!.fields).toEqual(['submitted_at', 'branch', 'amount']);
    expect(moveIndexField(entity, 1, 0, -1)).toBe(entity);
    expect(moveIndexField(entity, 1, 2, 1)).toBe(entity);
    expect(moveIndexField(entity, 5, 0, 1)).toBe(entity);
  });

  it('follows a renamed field into every index', () => {
    const entity = renameInIndexes({ ...loans(), indexes: [...loans().indexes!, { key: 'by_status_amount', fields: ['status', 'amount'] }] }, 'status', 'loan_status');
    expect(entity.indexes!.map((x) => x.fields)).toEqual([
      ['loan_status', 'created_at'],
      ['branch', 'submitted_at', 'amount'],
      ['loan_status', 'amount'],
    ]);
  });

  it('takes a deleted field out of every index, and an index it leaves empty with it', () => {
    const entity = { ...loans(), indexes: [...loans().indexes!, { key: 'by_amount', fields: ['amount'] }, { key: 'index_4', fields: [] }] };
    const after = dropFromIndexes(entity, 'amount');
    expect(after.indexes).toEqual([
      { key: 'by_status', fields: ['status', 'created_at'] },
      { key: 'by_branch', fields: ['branch', 'submitted_at'] },
      // An index still being drawn is not the deleted field's: it stays.
      { key: 'index_4', fields: [] },
    ]);
    const only = { ...loans(), indexes: [{ key: 'by_amount', fields: ['amount'] }] };
    expect(dropFromIndexes(only, 'amount')).not.toHaveProperty('indexes');
  });

  it('offers only fields whose values order and are not encrypted', () => {
    const fields = [
      field('name', 'text', { sensitive: true }),
      field('purpose', 'longText'),
      field('details', 'json'),
      field('tags', 'multiSelect'),
      field('status', 'singleSelect'),
      field('amount', 'money'),
      field('mobile', 'mobile'),
    ];
    expect(indexableFields(fields).map((f) => f.key)).toEqual(['status', 'amount', 'mobile']);
  });
});

describe('field edits keep indexes consistent', () => {
  it('renaming a field’s key renames it in the indexes', () => {
    const entity = updateField(loans(), 0, (f) => renameKey(f, 'loan_status'));
    expect(entity.fields[0]!.key).toBe('loan_status');
    expect(entity.indexes![0]!.fields).toEqual(['loan_status', 'created_at']);
  });

  it('a rename through another field’s key is not followed, so the index never names the wrong field', () => {
    // Typing "branch_code" over "status" passes through "branch", the other field's key.
    let entity = updateField(loans(), 0, (f) => renameKey(f, 'branch'));
    expect(entity.indexes!.map((x) => x.fields)).toEqual(loans().indexes!.map((x) => x.fields));
    entity = updateField(entity, 0, (f) => renameKey(f, 'branch_code'));
    expect(entity.indexes![1]!.fields).toEqual(['branch', 'submitted_at', 'amount']);
  });

  it('other changes to a field leave the indexes as they are', () => {
    const entity = loans();
    expect(updateField(entity, 2, (f) => ({ ...f, required: true })).indexes).toBe(entity.indexes);
  });

  it('deleting a field removes it from the indexes', () => {
    const entity = removeField(loans(), 0);
    expect(entity.indexes).toEqual([
      { key: 'by_status', fields: ['created_at'] },
      { key: 'by_branch', fields: ['branch', 'submitted_at', 'amount'] },
    ]);
    expect(removeField(removeField(entity, 0), 0).indexes).toEqual([
      { key: 'by_status', fields: ['created_at'] },
      { key: 'by_branch', fields: ['submitted_at'] },
    ]);
  });

  it('deleting one of two fields with the same key keeps the key in the indexes', () => {
    const entity = { ...loans(), fields: [...loans().fields, { ...field('status', 'singleSelect'), id: 'f_status_2' }] };
    expect(removeField(entity, 0).indexes).toEqual(loans().indexes);
  });
});
