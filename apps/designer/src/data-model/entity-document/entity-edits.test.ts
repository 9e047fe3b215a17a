import type { EntityDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { addField, moveField, renameKey, newEntity, newFieldId, removeField, updateField, withProperty, withText } from './entity-edits.js';
import { boundKind, retype } from './field-options.js';

const base = (): EntityDefinition => addField(addField(newEntity('customer', 'Customer'), 'text', 'f_a'), 'integer', 'f_b');

describe('entity edits', () => {
  it('makes ids of f_ and ten lower-case letters or digits', () => {
    let n = 0;
    expect(newFieldId(() => (n++ % 36) / 36)).toBe('f_abcdefghij');
    expect(newFieldId()).toMatch(/^f_[a-z0-9]{10}$/);
  });

  it('adds fields with free keys and the options their type needs', () => {
    let entity = base();
    entity = removeField(entity, 0);
    entity = addField(entity, 'singleSelect', 'f_c');
    expect(entity.fields.map((f) => f.key)).toEqual(['field_2', 'field_3']);
    expect(entity.fields[1]).toEqual({ id: 'f_c', key: 'field_3', type: 'singleSelect', label: { en: 'field_3', 'zh-CN': 'field_3' }, options: [] });
  });

  it('moves fields within bounds and keeps their ids', () => {
    const entity = base();
    expect(moveField(entity, 1, -1).fields.map((f) => f.id)).toEqual(['f_b', 'f_a']);
    expect(moveField(entity, 1, 1)).toBe(entity);
    expect(moveField(entity, 0, -1)).toBe(entity);
  });

  it('renaming a key keeps the id', () => {
    const entity = updateField(base(), 0, (f) => ({ ...f, key: 'full_name' }));
    expect(entity.fields[0]).toMatchObject({ id: 'f_a', key: 'full_name' });
  });

  it('a label that still shows the key follows a rename; a written one stays', () => {
    const [first] = base().fields;
    expect(renameKey(first!, 'full_name').label).toEqual({ en: 'full_name', 'zh-CN': 'full_name' });
    const named = { ...first!, label: { en: 'Name', 'zh-CN': 'field_1' } };
    expect(renameKey(named, 'full_name').label).toEqual({ en: 'Name', 'zh-CN': 'field_1' });
  });

  it('drops empty optional properties', () => {
    expect(withProperty({ a: 1, b: 'x' } as { a: number; b?: string }, 'b', '')).toEqual({ a: 1 });
    expect(withProperty({ a: 1 } as { a: number; c?: string[] }, 'c', [])).toEqual({ a: 1 });
    expect(withProperty({ a: 1 } as { a: number; c?: string[] }, 'c', ['x'])).toEqual({ a: 1, c: ['x'] });
    expect(withText(undefined, 'zh-CN', '客户')).toEqual({ en: '', 'zh-CN': '客户' });
  });
});

describe('field options', () => {
  it('writes bounds by type', () => {
    expect(boundKind('money')).toBe('decimal');
    expect(boundKind('text')).toBeNull();
  });

  it('retyping drops what no longer applies, and the default', () => {
    const field = { id: 'f', key: 'k', type: 'text' as const, label: { en: 'K', 'zh-CN': 'K' }, maxLength: 20, pattern: '^a', unique: true, default: 'x', required: true };
    expect(retype(field, 'longText')).toEqual({ id: 'f', key: 'k', type: 'longText', label: { en: 'K', 'zh-CN': 'K' }, maxLength: 20, required: true });
    expect(retype(field, 'multiSelect')).toMatchObject({ options: [] });
  });
});
