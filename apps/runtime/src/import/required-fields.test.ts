import type { FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { requiredColumns, requiredUnmapped } from './required-fields.js';

const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });

const fields: FieldDefinition[] = [
  field('customer_no', 'autoNumber', { required: true }),
  field('full_name', 'text', { required: true }),
  field('mobile', 'mobile', { required: true }),
  field('tier', 'singleSelect', { required: true, default: 'mass' }),
  field('resident_id', 'residentId'),
  field('birth_date', 'date', { required: true, derivedFrom: 'resident_id' }),
  field('note', 'text'),
];

describe('required import columns', () => {
  it('lists the required fields a file must fill, leaving out an auto number and a field with a default', () => {
    expect(requiredColumns(fields).map((f) => f.key)).toEqual(['full_name', 'mobile', 'birth_date']);
  });

  it('names those no column maps to; a birth date is read from a mapped resident ID', () => {
    expect(requiredUnmapped(fields, new Set(['note'])).map((f) => f.key)).toEqual(['full_name', 'mobile', 'birth_date']);
    expect(requiredUnmapped(fields, new Set(['full_name', 'resident_id'])).map((f) => f.key)).toEqual(['mobile']);
    expect(requiredUnmapped(fields, new Set(['full_name', 'mobile', 'birth_date']))).toEqual([]);
  });
});
