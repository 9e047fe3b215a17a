import type { EntityDefinition } from '@bankforge/data-model';
import type { RuntimeEntityPage } from '@bankforge/client';

/** A small Customer entity as the server publishes it, for page tests. */
export const customerEntity: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  version: 3,
  label: { en: 'Customer', 'zh-CN': '客户' },
  pluralLabel: { en: 'Customers', 'zh-CN': '客户' },
  fields: [
    { id: 'f1', key: 'full_name', type: 'text', label: { en: 'Full name', 'zh-CN': '姓名' }, required: true, indexed: true },
    {
      id: 'f2',
      key: 'tier',
      type: 'singleSelect',
      label: { en: 'Tier', 'zh-CN': '等级' },
      options: [
        { value: 'gold', label: { en: 'Gold', 'zh-CN': '金卡' } },
        { value: 'silver', label: { en: 'Silver', 'zh-CN': '银卡' } },
      ],
    },
    { id: 'f3', key: 'balance', type: 'money', label: { en: 'Balance', 'zh-CN': '余额' } },
    { id: 'f4', key: 'resident_id', type: 'residentId', label: { en: 'Resident ID', 'zh-CN': '身份证号' }, sensitive: true },
    { id: 'f5', key: 'active', type: 'boolean', label: { en: 'Active', 'zh-CN': '有效' } },
  ],
};

export const customerPage: RuntimeEntityPage = { entity: customerEntity, form: null, related: {}, validators: {} };
