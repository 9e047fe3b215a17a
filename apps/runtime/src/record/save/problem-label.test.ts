import { contactEntity, publishedCustomer } from '@bankforge/data-model/testing';
import type { FormDefinition } from '@bankforge/form-engine/react';
import { contactsGroup, customerFormOf } from '@bankforge/form-engine/testing';
import { describe, expect, it } from 'vitest';
import { problemLabel } from './problem-label.js';

const form: FormDefinition = customerFormOf([
  {
    id: 's1',
    type: 'section',
    title: { en: 'Main', 'zh-CN': '主要' },
    children: [{ id: 'n1', type: 'field', field: 'full_name' }, contactsGroup([{ id: 'g1p', type: 'field', field: 'phone' }], { id: 'g1' })],
  },
]);

const entities = { customer: publishedCustomer, contact: contactEntity };
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
