import { describe, expect, it } from 'vitest';
import type { EntityDefinition, EntityIndex } from './entity-definition.js';
import { entityOf, field } from '../testing/fixtures.js';
import { validateEntityDefinition } from './validate-entity-definition.js';
import { entityIndexColumns } from './entity-indexes.js';

const loan: EntityDefinition = entityOf(
  field('branch', 'reference', { reference: { entity: 'branch' } }),
  field('status', 'singleSelect', { options: [{ value: 'approved', label: { en: 'Approved', 'zh-CN': '已批准' } }] }),
  field('amount', 'money'),
  field('submitted_at', 'datetime'),
  field('notes', 'longText'),
  field('mobile', 'mobile', { sensitive: true }),
  field('remark', 'text', { maxLength: 700 }),
);
const withIndexes = (...indexes: EntityIndex[]): EntityDefinition => ({ ...loan, indexes });
const problems = (entity: EntityDefinition) => validateEntityDefinition(entity).map((e) => [e.code, e.path]);

describe('entity indexes', () => {
  it('accepts fields of the entity and the system columns a report reads, in any order', () => {
    expect(problems(withIndexes({ key: 'by_submission', fields: ['submitted_at', 'branch', 'status', 'amount'] }, { key: 'by_owner', fields: ['owner_id', 'created_at'] }))).toEqual([]);
  });

  it('refuses a second index with the same key, a field the entity lacks and the same field twice', () => {
    expect(problems(withIndexes({ key: 'a', fields: ['branch'] }, { key: 'a', fields: ['nothing', 'status', 'status'] }))).toEqual([
      ['uniqueItems', '/indexes/1/fields'],
      ['duplicateIndexKey', '/indexes/1/key'],
      ['unknownIndexField', '/indexes/1/fields/0'],
    ]);
  });

  it('refuses long text and encrypted values, which do not order, with the reason in both languages', () => {
    const found = validateEntityDefinition(withIndexes({ key: 'a', fields: ['notes', 'mobile', 'deleted_at'] }));
    expect(found.map((e) => [e.code, e.path])).toEqual([
      ['indexFieldType', '/indexes/0/fields/0'],
      ['indexFieldType', '/indexes/0/fields/1'],
      ['unknownIndexField', '/indexes/0/fields/2'],
    ]);
    expect(found[1]!.message).toContain('encrypted');
    expect(found[1]!.messageZh).toContain('加密');
  });

  it('refuses a key wider than InnoDB holds (utf8mb4 text at 4 bytes a character)', () => {
    const found = validateEntityDefinition(withIndexes({ key: 'wide', fields: ['remark', 'owner_id', 'created_by'] }));
    expect(found.map((e) => [e.code, e.path])).toEqual([['indexTooLong', '/indexes/0/fields']]);
    expect(found[0]!.message).toContain('3319 bytes');
    expect(problems(withIndexes({ key: 'fits', fields: ['remark', 'owner_id'] }))).toEqual([]);
  });

  it('holds at most 8 indexes of up to 6 fields', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ key: `i${i}`, fields: ['branch'] }));
    expect(problems(withIndexes(...nine))).toEqual([['maxItems', '/indexes']]);
    expect(problems(withIndexes({ key: 'long', fields: ['branch', 'status', 'amount', 'submitted_at', 'owner_id', 'created_at', 'updated_at'] }))).toEqual([['maxItems', '/indexes/0/fields']]);
  });

  it('leads with deleted_at and covers a money field with its currency', () => {
    expect(entityIndexColumns(loan, { key: 'by_submission', fields: ['submitted_at', 'branch', 'amount', 'owner_id'] })).toEqual([
      'deleted_at',
      'submitted_at',
      'branch',
      'amount',
      'amount_currency',
      'owner_id',
    ]);
  });
});
