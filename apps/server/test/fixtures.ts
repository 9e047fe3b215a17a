import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { customerEntity as sharedCustomer } from '@bankforge/data-model/testing';

export function field(id: string, key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { id, key, type, label: { en: key.replace(/_/g, ' '), 'zh-CN': key }, ...extra };
}

export const branchEntity: EntityDefinition = {
  kind: 'entity',
  key: 'branch',
  title: 'Branch',
  label: { en: 'Branch', 'zh-CN': '网点' },
  fields: [field('f_code', 'code', 'text', { required: true, unique: true, maxLength: 16 }), field('f_city', 'city', 'text')],
};

/** The shared customer with one field of every type the store supports (the server's tests rely on these keys and bounds). */
export const customerEntity: EntityDefinition = {
  ...sharedCustomer,
  fields: [
    field('f_no', 'customer_no', 'text', { required: true, unique: true, maxLength: 20, pattern: '^C\\d+$' }),
    field('f_name', 'name', 'text', { required: true, indexed: true, maxLength: 60 }),
    field('f_notes', 'notes', 'longText'),
    field('f_score', 'credit_score', 'integer', { indexed: true, min: 300, max: 850 }),
    field('f_income', 'income', 'decimal', { precision: 14, scale: 2, indexed: true }),
    field('f_aum', 'aum', 'money', { indexed: true, currencies: ['CNY', 'USD', 'HKD'] }),
    field('f_churn', 'churn_risk', 'percentage'),
    field('f_vip', 'vip', 'boolean', { indexed: true, default: false }),
    field('f_birth', 'birth_date', 'date', { indexed: true }),
    field('f_onboarded', 'onboarded_at', 'datetime', { indexed: true }),
    field('f_segment', 'segment', 'singleSelect', {
      indexed: true,
      options: ['mass', 'affluent', 'private'].map((value) => ({ value, label: { en: value, 'zh-CN': value } })),
    }),
    field('f_tags', 'tags', 'multiSelect', {
      options: ['payroll', 'mortgage', 'wealth', 'sme'].map((value) => ({ value, label: { en: value, 'zh-CN': value } })),
    }),
    field('f_branch', 'branch', 'reference', { reference: { entity: 'branch' } }),
    field('f_email', 'email', 'email'),
    field('f_mobile', 'mobile', 'mobile', { indexed: true }),
    field('f_rid', 'resident_id', 'residentId', { unique: true }),
    field('f_site', 'website', 'url'),
    field('f_prefs', 'preferences', 'json'),
  ],
};

/** Valid resident IDs (GB 11643 check characters verified). */
export const RESIDENT_IDS = ['11010519491231002X', '44030519900101123X', '310115198511204566', '110105200002290013'];

export function clone<T>(value: T): T {
  return structuredClone(value);
}
