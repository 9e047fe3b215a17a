import { describe, expect, it } from 'vitest';
import { changeKind, displayValue, readablePointer } from './describe-change.js';

describe('describe-change', () => {
  it('reads a pointer as a path, unescaping ~1 and ~0', () => {
    expect(readablePointer('/fields/3/label/zh-CN')).toBe('fields › 3 › label › zh-CN');
    expect(readablePointer('/a~1b/c~0d')).toBe('a/b › c~d');
    expect(readablePointer('')).toBe('');
  });

  it('names array items from the document: field keys, node ids', () => {
    const entity = { fields: [{ id: 'f_1', key: 'full_name', label: { en: 'Name' } }] };
    expect(readablePointer('/fields/0/label/en', entity)).toBe('fields › 0 (full_name) › label › en');
    expect(readablePointer('/fields/5', entity)).toBe('fields › 5');
    const form = { layout: [{ id: 'n_sec', type: 'section', children: [{ id: 'n_1', type: 'field', field: 'employer' }] }] };
    expect(readablePointer('/layout/0/children/0/visibleWhen', form)).toBe('layout › 0 (n_sec) › children › 0 (employer) › visibleWhen');
  });

  it('shows values as JSON on one line and cuts long ones', () => {
    expect(displayValue('Customer').short).toBe('"Customer"');
    expect(displayValue({ en: 'A', 'zh-CN': '甲' }).short).toBe('{ "en": "A", "zh-CN": "甲" }');
    const long = displayValue('x'.repeat(500));
    expect(long.short.length).toBe(240);
    expect(long.full.length).toBe(502);
  });

  it('names the change', () => {
    expect(changeKind({ op: 'add', path: '/a' })).toBe('added');
    expect(changeKind({ op: 'remove', path: '/a' })).toBe('removed');
    expect(changeKind({ op: 'replace', path: '/a' })).toBe('changed');
  });
});
