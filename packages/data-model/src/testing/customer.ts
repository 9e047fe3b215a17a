import type { EntityDefinition, FieldDefinition } from '../entity/entity-definition.js';
import { entityOf, field, options } from './fixtures.js';

/**
 * The bank customer the tests of every workspace share (key `customer`): the fields a customer form
 * lays out, with the inputs of its rules (occupation and employer, VIP and relationship manager,
 * monthly and annual income). A test that relies on other fields says so where it builds its entity:
 * `{ ...customerEntity, fields: [...] }`, picking shared fields with `customerField`.
 */
export const customerEntity: EntityDefinition = entityOf(
  field('name', 'text', { required: true, label: { en: 'Full name', 'zh-CN': '姓名' } }),
  field('occupation', 'singleSelect', {
    label: { en: 'Occupation', 'zh-CN': '职业' },
    options: [
      { value: 'employed', label: { en: 'Employed', 'zh-CN': '在职' } },
      { value: 'retired', label: { en: 'Retired', 'zh-CN': '退休' } },
      { value: 'student', label: { en: 'Student', 'zh-CN': '学生' } },
    ],
  }),
  field('employer', 'text', { label: { en: 'Employer', 'zh-CN': '工作单位' } }),
  field('resident_id', 'residentId', { label: { en: 'Resident ID', 'zh-CN': '身份证号' } }),
  field('vip', 'boolean', { label: { en: 'VIP', 'zh-CN': '贵宾' } }),
  field('manager', 'text', { label: { en: 'Relationship manager', 'zh-CN': '客户经理' } }),
  field('monthly_income', 'decimal', { scale: 2, label: { en: 'Monthly income', 'zh-CN': '月收入' } }),
  field('annual_income', 'decimal', { scale: 2, label: { en: 'Annual income', 'zh-CN': '年收入' } }),
  field('balance', 'money', { currencies: ['CNY', 'USD'], label: { en: 'Balance', 'zh-CN': '余额' } }),
  field('mobile', 'mobile', { label: { en: 'Mobile', 'zh-CN': '手机号码' } }),
  field('segment', 'singleSelect', { options: options('retail', 'private') }),
);

/** A field of the shared customer by its key, with `extra` laid over it. */
export function customerField(key: string, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  const found = customerEntity.fields.find((f) => f.key === key);
  if (!found) throw new Error(`The shared customer has no field ${key}`);
  return { ...found, ...extra };
}

/** The customer's contacts: the rows of a customer form's repeating group, with `customer` the reference back. */
export const contactEntity: EntityDefinition = {
  kind: 'entity',
  key: 'contact',
  title: 'Contact',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  fields: [
    field('customer', 'reference', {
      reference: { entity: customerEntity.key },
      label: customerEntity.label,
    }),
    field('name', 'text', { label: { en: 'Contact name', 'zh-CN': '联系人姓名' } }),
    field('phone', 'mobile', { label: { en: 'Phone', 'zh-CN': '电话' } }),
    field('relation', 'text', { label: { en: 'Relation', 'zh-CN': '关系' } }),
  ],
};

/**
 * The customer as the server publishes it to the runtime (a version, a plural label), with the few
 * columns the runtime's list and record pages show: full name, tier, balance, resident ID (sensitive), active.
 */
export const publishedCustomer: EntityDefinition = {
  ...customerEntity,
  version: 3,
  pluralLabel: { en: 'Customers', 'zh-CN': '客户' },
  fields: [
    field('full_name', 'text', {
      label: { en: 'Full name', 'zh-CN': '姓名' },
      required: true,
      indexed: true,
    }),
    field('tier', 'singleSelect', {
      label: { en: 'Tier', 'zh-CN': '等级' },
      options: [
        { value: 'gold', label: { en: 'Gold', 'zh-CN': '金卡' } },
        { value: 'silver', label: { en: 'Silver', 'zh-CN': '银卡' } },
      ],
    }),
    customerField('balance'),
    customerField('resident_id', { sensitive: true }),
    field('active', 'boolean', { label: { en: 'Active', 'zh-CN': '有效' } }),
  ],
};
