import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FieldType } from '@bankforge/data-model';
import { recordFilter, type FilterInput } from './column-filter.js';
import { filterInputs } from './filter-inputs.js';

const field = (key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });
const fields = [
  field('name', 'text'),
  field('tags', 'multiSelect', { display: 'tags', options: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' } }] }),
  field('tier', 'singleSelect', { options: [{ value: 'gold', label: { en: 'Gold', 'zh-CN': '金' } }] }),
  field('score', 'integer'),
  field('active', 'boolean'),
  field('born', 'date'),
  field('onboarded_at', 'datetime'),
];

describe('filterInputs', () => {
  it('puts back every column filter the list writes, so a saved segment reopens as it was saved', () => {
    const inputs: Record<string, FilterInput> = {
      name: 'Wang',
      tags: 'vip',
      tier: 'gold',
      score: '700',
      active: 'true',
      born: { from: '1980-01-01', to: '1989-12-31' },
      onboarded_at: { from: '2026-01-01', to: '2026-03-31' },
    };
    expect(filterInputs(fields, recordFilter(fields, inputs))).toEqual(inputs);
    expect(filterInputs(fields, recordFilter(fields, { born: { from: '', to: '2000-01-01' } }))).toEqual({ born: { from: '', to: '2000-01-01' } });
    expect(filterInputs(fields, undefined)).toEqual({});
  });

  it('answers undefined for a filter the columns do not write: an or, another operator, a field not in the list', () => {
    expect(filterInputs(fields, { or: [{ field: 'name', op: 'eq', value: 'a' }, { field: 'name', op: 'eq', value: 'b' }] })).toBeUndefined();
    expect(filterInputs(fields, { and: [{ field: 'score', op: 'gt', value: 1 }] })).toBeUndefined();
    expect(filterInputs(fields, { field: 'income', op: 'eq', value: '1' })).toBeUndefined();
  });
});
