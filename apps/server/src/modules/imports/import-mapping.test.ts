import type { FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { requiredUnmapped } from './import-mapping.js';

const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });

const fields: FieldDefinition[] = [
  field('customer_no', 'autoNumber', { required: true }),
  field('name', 'text', { required: true }),
  field('mobile', 'mobile', { required: true }),
  field('tier', 'singleSelect', { required: true, default: 'mass' }),
  field('resident_id', 'residentId'),
  field('birth_date', 'date', { required: true, derivedFrom: 'resident_id' }),
  field('note', 'text'),
];

const keys = (mapped: string[]): string[] => requiredUnmapped(fields, new Set(mapped)).map((f) => f.key);

describe('requiredUnmapped', () => {
  it('names the required fields no column maps to, in the entity order', () => {
    expect(keys(['note'])).toEqual(['name', 'mobile', 'birth_date']);
    expect(keys(['name', 'mobile', 'birth_date'])).toEqual([]);
  });

  it('leaves out what the server fills in: an auto number, a default, a birth date read from a mapped resident ID', () => {
    expect(keys(['name', 'mobile', 'resident_id'])).toEqual([]);
    expect(keys(['name', 'mobile'])).toEqual(['birth_date']);
  });
});
