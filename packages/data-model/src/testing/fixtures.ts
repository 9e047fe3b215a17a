import type { EntityDefinition, FieldDefinition, FieldType } from '../entity/entity-definition.js';
import { residentIdCheckCharacter } from '../field-types/resident-id.js';

/** Test helpers; not part of the build. */

export function field(key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { id: `fld_${key}`, key, type, label: { en: `Label ${key}`, 'zh-CN': `标签${key}` }, ...extra };
}

export function entityOf(...fields: FieldDefinition[]): EntityDefinition {
  return {
    kind: 'entity',
    key: 'customer',
    title: 'Customer',
    label: { en: 'Customer', 'zh-CN': '客户' },
    fields,
  };
}

export const options = (...values: string[]): FieldDefinition['options'] =>
  values.map((value) => ({ value, label: { en: value.toUpperCase(), 'zh-CN': value } }));

/** A resident ID with a correct check character. */
export function residentId(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

/** One field of every type, each in its simplest valid form, with a valid value for it. */
export const EVERY_TYPE: ReadonlyArray<{ field: FieldDefinition; valid: unknown }> = [
  { field: field('name', 'text'), valid: 'Wang Fang' },
  { field: field('notes', 'longText'), valid: 'Line one\nLine two' },
  { field: field('age', 'integer'), valid: 42 },
  { field: field('rate', 'decimal'), valid: '3.1415' },
  { field: field('balance', 'money'), valid: { amount: '1000.00', currency: 'CNY' } },
  { field: field('share', 'percentage'), valid: '12.5000' },
  { field: field('vip', 'boolean'), valid: false },
  { field: field('birthday', 'date'), valid: '1990-05-17' },
  { field: field('contacted_at', 'datetime'), valid: '2024-03-01T00:00:00.000Z' },
  { field: field('segment', 'singleSelect', { options: options('retail', 'private') }), valid: 'retail' },
  { field: field('tags', 'multiSelect', { options: options('a', 'b', 'c') }), valid: ['a', 'c'] },
  {
    field: field('branch', 'reference', { reference: { entity: 'branch' } }),
    valid: '0b9c2a4e-3f1d-4c55-9a77-1e2f3a4b5c6d',
  },
  { field: field('email', 'email'), valid: 'wang.fang@example.com' },
  { field: field('mobile', 'mobile'), valid: '13800138000' },
  { field: field('resident_id', 'residentId'), valid: '11010519491231002X' },
  { field: field('homepage', 'url'), valid: 'https://www.example.com/path?q=1' },
  { field: field('loan_no', 'autoNumber', { numbering: 'LA{yyyyMM}{seq:6}', unique: true }), valid: 'LA202607000001' },
  { field: field('extra', 'json'), valid: { nested: [1, 'two', null, true] } },
];
