import type { FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { formatValue, type FormatOptions } from './format-value.js';

type FieldType = FieldDefinition['type'];

const en: FormatOptions = { language: 'en', yes: 'Yes', no: 'No', timeZone: 'Asia/Shanghai' };
const zh: FormatOptions = { language: 'zh-CN', yes: '是', no: '否', timeZone: 'Asia/Shanghai' };

function field(type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { id: 'f1', key: 'f', type, label: { en: 'F', 'zh-CN': 'F' }, ...extra };
}

const tier = field('singleSelect', {
  options: [
    { value: 'gold', label: { en: 'Gold', 'zh-CN': '金卡' } },
    { value: 'silver', label: { en: 'Silver', 'zh-CN': '银卡' } },
  ],
});

describe('formatValue', () => {
  it('shows money with its currency and thousands separators, exactly', () => {
    expect(formatValue({ amount: '1234567.5', currency: 'CNY' }, field('money'), en)).toBe('CN¥1,234,567.50');
    expect(formatValue({ amount: '12345678901234567.89', currency: 'USD' }, field('money'), en)).toBe('$12,345,678,901,234,567.89');
    expect(formatValue({ amount: '1000', currency: 'CNY' }, field('money'), zh)).toBe('¥1,000.00');
  });

  it('groups decimals without rounding them and marks percentages', () => {
    expect(formatValue('1234567.0001', field('decimal'), en)).toBe('1,234,567.0001');
    expect(formatValue('12.5', field('percentage'), en)).toBe('12.5%');
    expect(formatValue(1234567, field('integer'), en)).toBe('1,234,567');
  });

  it('shows dates and date-times in the reader language', () => {
    expect(formatValue('2024-03-05', field('date'), en)).toBe('03/05/2024');
    // Never the browser's month/day/year in Chinese.
    expect(formatValue('2024-03-05', field('date'), zh)).toBe('2024/03/05');
    expect(formatValue('2024-03-05T01:30:00Z', field('datetime'), en)).toMatch(/^Mar 5, 2024,? 9:30\sAM$/);
    expect(formatValue('2024-03-05T01:30:00Z', field('datetime'), zh)).toBe('2024/03/05 09:30');
  });

  it('shows option labels in the reader language and booleans as words', () => {
    expect(formatValue('gold', tier, en)).toBe('Gold');
    expect(formatValue('gold', tier, zh)).toBe('金卡');
    expect(formatValue(['gold', 'silver'], { ...tier, type: 'multiSelect' }, zh)).toBe('金卡、银卡');
    expect(formatValue('bronze', tier, en)).toBe('bronze');
    expect(formatValue(true, field('boolean'), en)).toBe('Yes');
    expect(formatValue(false, field('boolean'), zh)).toBe('否');
  });

  it('shows masked values as the server sent them, and nothing for no value', () => {
    expect(formatValue('王**', field('text'), zh)).toBe('王**');
    expect(formatValue('tail 1234', field('money'), en)).toBe('tail 1234');
    expect(formatValue('138****8000', field('mobile'), en)).toBe('138****8000');
    expect(formatValue(null, field('money'), en)).toBe('');
    expect(formatValue(undefined, field('boolean'), en)).toBe('');
  });
});

describe('references', () => {
  const customer = { id: 'f_customer', key: 'customer', type: 'reference', label: { en: 'Customer', 'zh-CN': '客户' }, reference: { entity: 'customer' } } as const;
  const options = { language: 'en' as const, yes: 'Yes', no: 'No', titles: { customer: { a1: '张三 · C0000000001', b2: '' } }, unseen: 'Not visible to you' };

  it('shows the referenced record by its title, never its id', () => {
    expect(formatValue('a1', customer, options)).toBe('张三 · C0000000001');
  });

  it('says a record outside the reader\'s scope is not visible, and stands a short id in for an untitled one', () => {
    expect(formatValue('c3', customer, options)).toBe('Not visible to you');
    expect(formatValue('b2000000-1111', customer, { ...options, titles: { customer: { 'b2000000-1111': '' } } })).toBe('#b2000000');
  });
});
