import { contactEntity, customerEntity } from '@bankforge/data-model/testing';
import { describe, expect, it } from 'vitest';
import { customerForm, customerFormOf } from '../testing/index.js';
import { formElements } from './form-elements.js';

describe('formElements', () => {
  it('lists every node of the layout by id at any depth, with where it is and its name', () => {
    const elements = formElements(customerForm);
    expect(elements.find((e) => e.id === 'basics')).toEqual({ type: 'section', id: 'basics', path: '/layout/0', label: { en: 'Basics', 'zh-CN': '基本信息' } });
    expect(elements.find((e) => e.id === 'left')).toMatchObject({ type: 'column', path: '/layout/0/children/0/columns/0' });
    expect(elements.find((e) => e.id === 'n_name')).toEqual({ type: 'field', id: 'n_name', path: '/layout/0/children/0/columns/0/children/0', label: { en: 'name' } });
    expect(elements.find((e) => e.id === 'contacts_group')).toMatchObject({ type: 'repeatingGroup', label: { en: 'Contacts', 'zh-CN': '联系人' } });
    expect(elements.find((e) => e.id === 'no_student_vip')).toMatchObject({ type: 'validation', path: '/validations/0' });
    expect(new Set(elements.map((e) => `${e.type}:${e.id}`)).size).toBe(elements.length);
  });

  it('names a field without a label of its own by its entity field’s label (a repeating group’s by its entity’s), when the entities are given', () => {
    const named = formElements(customerForm, { [customerEntity.key]: customerEntity, [contactEntity.key]: contactEntity });
    expect(named.find((e) => e.id === 'n_name')?.label).toEqual({ en: 'Full name', 'zh-CN': '姓名' });
    expect(named.find((e) => e.id === 'g_phone')?.label).toEqual(contactEntity.fields.find((f) => f.key === 'phone')!.label);
    // A label the form gives its field wins.
    const own = customerFormOf([{ id: 'n_client', type: 'field', field: 'name', label: { en: 'Client', 'zh-CN': '客户' } }]);
    expect(formElements(own, { [customerEntity.key]: customerEntity })[0]?.label).toEqual({ en: 'Client', 'zh-CN': '客户' });
  });
});
