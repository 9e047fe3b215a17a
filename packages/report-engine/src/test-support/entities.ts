import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';

function field(
  key: string,
  type: FieldDefinition['type'],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition {
  return { id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra };
}

function entity(key: string, fields: FieldDefinition[]): EntityDefinition {
  return { kind: 'entity', key, title: key, label: { en: key, 'zh-CN': key }, fields };
}

const options = (...values: string[]): FieldDefinition['options'] =>
  values.map((value) => ({ value, label: { en: value, 'zh-CN': value } }));

export const branch = entity('branch', [
  field('code', 'text', { maxLength: 8 }),
  field('name', 'text'),
  field('region', 'singleSelect', { options: options('north', 'south', 'east') }),
]);

export const rm = entity('rm', [
  field('name', 'text'),
  field('branch', 'reference', { reference: { entity: 'branch' } }),
]);

export const customer = entity('customer', [
  field('name', 'text'),
  field('segment', 'singleSelect', { options: options('mass', 'affluent', 'private') }),
  field('vip', 'boolean'),
  field('tags', 'multiSelect', { options: options('payroll', 'mortgage', 'wealth') }),
  field('birth_date', 'date'),
  field('onboarded_at', 'datetime'),
  field('credit_score', 'integer'),
  field('aum', 'money'),
  field('income', 'decimal', { precision: 14, scale: 2 }),
  field('branch', 'reference', { reference: { entity: 'branch' } }),
  field('rm', 'reference', { reference: { entity: 'rm' } }),
  field('notes', 'longText'),
]);

export const loan = entity('loan', [
  field('customer', 'reference', { reference: { entity: 'customer' } }),
  field('branch', 'reference', { reference: { entity: 'branch' } }),
  field('rm', 'reference', { reference: { entity: 'rm' } }),
  field('amount', 'money'),
  field('term_months', 'integer'),
  field('rate', 'percentage'),
  field('status', 'singleSelect', { options: options('draft', 'submitted', 'approved', 'rejected') }),
  field('product', 'singleSelect', { options: options('mortgage', 'consumer', 'auto') }),
  field('submitted_at', 'datetime'),
  field('decided_on', 'date'),
  field('note', 'text'),
  field('extra', 'json'),
]);

export const ENTITIES = [branch, rm, customer, loan];
export const CATALOG: ReadonlyMap<string, EntityDefinition> = new Map(ENTITIES.map((e) => [e.key, e]));
