import type { FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { columnCondition, filterKindOf, isInvalidFilter, recordFilter } from './column-filter.js';

type FieldType = FieldDefinition['type'];

function field(key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { id: key, key, type, label: { en: key, 'zh-CN': key }, ...extra };
}

describe('column filters', () => {
  it('matches text by any part, and encrypted fields and references exactly', () => {
    expect(columnCondition(field('name', 'text'), '  Wang ')).toEqual({ field: 'name', op: 'contains', value: 'Wang' });
    expect(columnCondition(field('mobile', 'mobile', { sensitive: true }), '13812345678')).toEqual({ field: 'mobile', op: 'eq', value: '13812345678' });
    expect(columnCondition(field('branch', 'reference'), 'b-1')).toEqual({ field: 'branch', op: 'eq', value: 'b-1' });
    expect(filterKindOf(field('mobile', 'mobile'))).toBe('contains');
    expect(columnCondition(field('name', 'text'), '   ')).toBeUndefined();
  });

  it('compares numbers exactly and refuses text that is not one', () => {
    expect(columnCondition(field('age', 'integer'), '42')).toEqual({ field: 'age', op: 'eq', value: 42 });
    expect(columnCondition(field('balance', 'money'), '1,250.50')).toEqual({ field: 'balance', op: 'eq', value: '1250.50' });
    expect(columnCondition(field('rate', 'percentage'), '3.5')).toEqual({ field: 'rate', op: 'eq', value: '3.5' });
    expect(isInvalidFilter(field('age', 'integer'), '4.2')).toBe(true);
    expect(columnCondition(field('age', 'integer'), 'forty')).toBeUndefined();
    expect(isInvalidFilter(field('balance', 'decimal'), '1e3')).toBe(true);
  });

  it('picks options, yes/no and multi-select members', () => {
    expect(columnCondition(field('tier', 'singleSelect'), 'gold')).toEqual({ field: 'tier', op: 'eq', value: 'gold' });
    expect(columnCondition(field('tags', 'multiSelect'), 'vip')).toEqual({ field: 'tags', op: 'contains', value: 'vip' });
    expect(columnCondition(field('active', 'boolean'), 'false')).toEqual({ field: 'active', op: 'eq', value: false });
    expect(columnCondition(field('active', 'boolean'), '')).toBeUndefined();
    expect(filterKindOf(field('extra', 'json'))).toBe('none');
    expect(columnCondition(field('extra', 'json'), 'x')).toBeUndefined();
  });

  it('turns a range of days into between, or one open end', () => {
    const born = field('born', 'date');
    expect(columnCondition(born, { from: '1980-01-01', to: '1989-12-31' })).toEqual({ field: 'born', op: 'between', value: ['1980-01-01', '1989-12-31'] });
    expect(columnCondition(born, { from: '1980-01-01', to: '' })).toEqual({ field: 'born', op: 'gte', value: '1980-01-01' });
    expect(columnCondition(born, { from: '', to: '1989-12-31' })).toEqual({ field: 'born', op: 'lte', value: '1989-12-31' });
    expect(columnCondition(born, { from: '', to: '' })).toBeUndefined();
  });

  it('reads a date-time range as whole local days', () => {
    const opened = field('opened_at', 'datetime');
    expect(columnCondition(opened, { from: '2024-03-01', to: '2024-03-31' })).toEqual({
      and: [
        { field: 'opened_at', op: 'gte', value: new Date(2024, 2, 1).toISOString() },
        { field: 'opened_at', op: 'lt', value: new Date(2024, 3, 1).toISOString() },
      ],
    });
  });

  it('combines the columns that filter with and', () => {
    const fields = [field('name', 'text'), field('tier', 'singleSelect'), field('age', 'integer')];
    expect(recordFilter(fields, { name: 'li', tier: 'gold', age: 'x' })).toEqual({
      and: [
        { field: 'name', op: 'contains', value: 'li' },
        { field: 'tier', op: 'eq', value: 'gold' },
      ],
    });
    expect(recordFilter(fields, { name: '' })).toBeUndefined();
  });
});
