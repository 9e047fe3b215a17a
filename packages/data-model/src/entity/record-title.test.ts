import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './entity-definition.js';
import { parseTitleTemplate, recordTitle, titleFieldKeys, titleTemplateProblems } from './record-title.js';

const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });
const fields = [field('name', 'text', { required: true }), field('customer_no', 'text', { unique: true }), field('segment', 'singleSelect'), field('resident_id', 'residentId'), field('opened', 'date')];

describe('record titles', () => {
  it('parses literal text around the fields', () => {
    expect(parseTitleTemplate('[{name} · { customer_no }]')).toEqual({ lead: '[', fields: [{ key: 'name', before: '' }, { key: 'customer_no', before: ' · ' }], trail: ']' });
  });

  it('fills a template from the record', () => {
    expect(recordTitle({ titleTemplate: '{name} · {customer_no}', fields }, { name: '张三', customer_no: 'C0000000001' })).toBe('张三 · C0000000001');
  });

  it('drops a field without a value together with the text before it', () => {
    expect(recordTitle({ titleTemplate: '{name} · {customer_no}', fields }, { name: '张三', customer_no: null })).toBe('张三');
    expect(recordTitle({ titleTemplate: '{name} · {customer_no}', fields }, { customer_no: 'C0000000001' })).toBe('C0000000001');
  });

  it('has no title when none of its fields has a value', () => {
    expect(recordTitle({ titleTemplate: '{name}', fields }, { name: '  ' })).toBeUndefined();
  });

  it('shows masked values as the reader has them', () => {
    expect(recordTitle({ titleTemplate: '{name} ({resident_id})', fields }, { name: '张三', resident_id: '1101**********1234' })).toBe('张三 (1101**********1234)');
  });

  it('without a template uses the first unique text field, then the first required one', () => {
    expect(titleFieldKeys({ fields })).toEqual(['customer_no']);
    expect(titleFieldKeys({ fields: [field('memo', 'text'), field('name', 'text', { required: true })] })).toEqual(['name']);
    expect(titleFieldKeys({ fields: [field('amount', 'integer')] })).toEqual([]);
    expect(recordTitle({ fields }, { customer_no: 'C1', name: 'x' })).toBe('C1');
  });

  it('names unknown fields and fields that do not read as text', () => {
    expect(titleTemplateProblems('{name} {nope} {segment}', fields)).toEqual([
      { key: 'nope', reason: 'unknownField' },
      { key: 'segment', reason: 'fieldType' },
    ]);
    expect(titleTemplateProblems('Customer', fields)).toEqual([{ key: '', reason: 'noField' }]);
    expect(titleTemplateProblems('{name} {opened}', fields)).toEqual([]);
  });
});
