import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const RELATION_OPTIONS = [
  option('spouse', 'Spouse', '配偶'),
  option('parent', 'Parent', '父母'),
  option('child', 'Child', '子女'),
  option('sibling', 'Sibling', '兄弟姐妹'),
  option('legal_representative', 'Legal representative', '法定代表人'),
  option('finance_contact', 'Finance contact', '财务联系人'),
  option('authorized_agent', 'Authorized agent', '授权经办人'),
  option('other', 'Other', '其他'),
];

/** A related party of a customer: family members, or the people who act for a company. */
export const contactEntity: EntityDefinition = {
  kind: 'entity',
  key: 'contact',
  title: 'Contact',
  version: 1,
  label: text('Contact', '联系人'),
  pluralLabel: text('Contacts', '联系人'),
  description: "A customer's related party: family, or a company's representatives.",
  titleTemplate: '{name}',
  fields: [
    {
      id: 'f_contact_customer',
      key: 'customer',
      type: 'reference',
      label: text('Customer', '所属客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_contact_name',
      key: 'name',
      type: 'text',
      label: text('Name', '姓名'),
      required: true,
      maxLength: 50,
    },
    {
      id: 'f_contact_relation',
      key: 'relation',
      type: 'singleSelect',
      label: text('Relation', '关系'),
      required: true,
      options: RELATION_OPTIONS,
    },
    {
      id: 'f_contact_mobile',
      key: 'mobile',
      type: 'mobile',
      sensitive: true,
      label: text('Mobile', '手机号'),
      indexed: true,
    },
    {
      id: 'f_contact_email',
      key: 'email',
      type: 'email',
      sensitive: true,
      label: text('Email', '电子邮箱'),
      maxLength: 254,
    },
    {
      id: 'f_contact_is_primary',
      key: 'is_primary',
      type: 'boolean',
      label: text('Primary contact', '主要联系人'),
      default: false,
    },
  ],
};
