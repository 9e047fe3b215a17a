import { contactEntity, customerEntity } from '@bankforge/data-model/testing';
import type { FormDefinition, FormFieldNode, FormNode, FormRepeatingGroup } from '../form/form-definition.js';

/** A form of the shared customer (key `customer_form`) with this layout; `extra` adds or overrides the rest. */
export function customerFormOf(layout: FormNode[], extra: Partial<FormDefinition> = {}): FormDefinition {
  return {
    kind: 'form',
    key: 'customer_form',
    title: 'Customer form',
    schemaVersion: 1,
    entity: customerEntity.key,
    label: customerEntity.label,
    layout,
    ...extra,
  };
}

/** A customer form's repeating group of the customer's contacts (`contacts`, by their reference `customer`) with these columns. */
export function contactsGroup(
  fields: FormFieldNode[],
  extra: Partial<FormRepeatingGroup> = {},
): FormRepeatingGroup {
  return {
    id: 'contacts_group',
    type: 'repeatingGroup',
    key: 'contacts',
    title: { en: 'Contacts', 'zh-CN': '联系人' },
    entity: contactEntity.key,
    foreignKey: 'customer',
    fields,
    ...extra,
  };
}

const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({
  id: `n_${key}`,
  type: 'field',
  field: key,
  ...extra,
});

/**
 * The shared customer form, over the shared customer and its contacts: every layout container
 * (section, columns, tabs, repeating group) and each kind of rule, for renderer and model tests.
 */
export const customerForm: FormDefinition = customerFormOf(
  [
    {
      id: 'basics',
      type: 'section',
      title: { en: 'Basics', 'zh-CN': '基本信息' },
      children: [
        {
          id: 'two_columns',
          type: 'columns',
          columns: [
            {
              id: 'left',
              children: [
                f('name'),
                f('occupation'),
                f('employer', { visibleWhen: 'occupation = "employed"' }),
              ],
            },
            {
              id: 'right',
              children: [
                f('resident_id', {
                  help: { en: '18 characters, as on the ID card', 'zh-CN': '18 位，与身份证一致' },
                }),
                f('vip', { widget: 'switch' }),
                f('manager', { requiredWhen: 'vip = true' }),
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'more',
      type: 'tabs',
      tabs: [
        {
          id: 'finance',
          title: { en: 'Finance', 'zh-CN': '财务' },
          children: [f('monthly_income'), f('annual_income', { value: 'monthly_income * 12' }), f('balance')],
        },
        {
          id: 'reach',
          title: { en: 'Reach', 'zh-CN': '联系方式' },
          children: [f('mobile', { requiredWhen: 'true' })],
        },
        { id: 'other', title: { en: 'Other', 'zh-CN': '其他' }, children: [f('segment')] },
      ],
    },
    contactsGroup(
      [f('name', { id: 'g_name' }), f('phone', { id: 'g_phone', requiredWhen: 'item.name != null' })],
      { minRows: 1, maxRows: 2 },
    ),
  ],
  {
    validations: [
      {
        id: 'no_student_vip',
        expression: 'not(occupation = "student" and vip = true)',
        message: { en: 'A student cannot be a VIP', 'zh-CN': '学生不能成为贵宾' },
      },
    ],
  },
);
