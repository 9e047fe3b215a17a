import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine/react';
import { describe, expect, it } from 'vitest';
import { customerEntity } from '../../testing/customer.js';
import { problemLabel } from './problem-label.js';

const contact: EntityDefinition = {
  kind: 'entity',
  key: 'contact',
  title: 'Contact',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  fields: [{ id: 'k1', key: 'phone', type: 'text', label: { en: 'Phone', 'zh-CN': '电话' } }],
};

const form: FormDefinition = {
  kind: 'form',
  key: 'customer_form',
  title: 'Customer',
  schemaVersion: 1,
  entity: 'customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  layout: [
    {
      id: 's1',
      type: 'section',
      title: { en: 'Main', 'zh-CN': '主要' },
      children: [
        { id: 'n1', type: 'field', field: 'full_name' },
        { id: 'g1', type: 'repeatingGroup', key: 'contacts', title: { en: 'Contacts', 'zh-CN': '联系人' }, entity: 'contact', foreignKey: 'customer', fields: [{ id: 'g1p', type: 'field', field: 'phone' }] },
      ],
    },
  ],
};

const entities = { customer: customerEntity, contact };
const rowLabel = (group: string, row: number, field: string) => `${group} ${row}: ${field}`;

describe('problemLabel', () => {
  it('names a field, a group and a cell of a row (numbered from 1) in the reader\'s language', () => {
    expect(problemLabel(form, entities, '/full_name', 'en', rowLabel)).toBe('Full name');
    expect(problemLabel(form, entities, '/contacts', 'zh-CN', rowLabel)).toBe('联系人');
    expect(problemLabel(form, entities, '/contacts/1/phone', 'en', rowLabel)).toBe('Contacts 2: Phone');
    expect(problemLabel(form, entities, '/contacts/0/phone', 'zh-CN', rowLabel)).toBe('联系人 1: 电话');
  });

  it('names nothing for the form itself or an unknown pointer', () => {
    expect(problemLabel(form, entities, '', 'en', rowLabel)).toBeUndefined();
    expect(problemLabel(form, entities, '/no_such_field', 'en', rowLabel)).toBeUndefined();
  });
});
