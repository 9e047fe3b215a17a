import type { FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { columnStorageKey, defaultVisibility, listableFields, loadColumnChoice, saveColumnChoice, visibleKeys } from './column-choice.js';

type FieldType = FieldDefinition['type'];

function field(key: string, type: FieldType = 'text'): FieldDefinition {
  return { id: key, key, type, label: { en: key, 'zh-CN': key } };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

const fields = [field('a'), field('notes', 'longText'), field('b'), field('c'), field('d'), field('e'), field('f'), field('g')];

describe('column choice', () => {
  it('shows the first six short fields by default and never JSON', () => {
    expect(visibleKeys(fields, defaultVisibility(fields))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(listableFields([field('a'), field('doc', 'json')]).map((f) => f.key)).toEqual(['a']);
  });

  it('keeps the choice per entity across visits', () => {
    const storage = memoryStorage();
    saveColumnChoice(storage, 'customer', { ...defaultVisibility(fields), notes: true, a: false });
    expect(storage.items.has(columnStorageKey('customer'))).toBe(true);
    expect(visibleKeys(fields, loadColumnChoice(storage, 'customer', fields))).toEqual(['notes', 'b', 'c', 'd', 'e', 'f']);
    expect(visibleKeys(fields, loadColumnChoice(storage, 'loan', fields))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('ignores broken or stale saved choices and always shows a column', () => {
    expect(loadColumnChoice(memoryStorage({ [columnStorageKey('customer')]: '{oops' }), 'customer', fields)).toEqual(defaultVisibility(fields));
    const stale = memoryStorage({ [columnStorageKey('customer')]: JSON.stringify({ gone: true, a: 'yes' }) });
    expect(loadColumnChoice(stale, 'customer', fields)).toEqual(defaultVisibility(fields));
    const none = memoryStorage({ [columnStorageKey('x')]: JSON.stringify({ a: false }) });
    expect(visibleKeys([field('a')], loadColumnChoice(none, 'x', [field('a')]))).toEqual(['a']);
  });
});
