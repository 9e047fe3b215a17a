import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition, FormFieldNode } from '../../form/form-definition.js';
import { field, options } from '@bankforge/data-model/testing';

/** A bank customer form exercising every layout container and the rule kinds, for renderer tests. */
export const customer: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
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
  ],
};

export const contact: EntityDefinition = {
  kind: 'entity',
  key: 'contact',
  title: 'Contact',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  fields: [
    field('customer', 'reference', { reference: { entity: 'customer' } }),
    field('name', 'text', { label: { en: 'Contact name', 'zh-CN': '联系人姓名' } }),
    field('phone', 'mobile', { label: { en: 'Phone', 'zh-CN': '电话' } }),
  ],
};

const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({ id: `n_${key}`, type: 'field', field: key, ...extra });

export const customerForm: FormDefinition = {
  kind: 'form',
  key: 'customer_form',
  title: 'Customer',
  schemaVersion: 1,
  entity: 'customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  layout: [
    {
      id: 'basics',
      type: 'section',
      title: { en: 'Basics', 'zh-CN': '基本信息' },
      children: [
        {
          id: 'two_columns',
          type: 'columns',
          columns: [
            { id: 'left', children: [f('name'), f('occupation'), f('employer', { visibleWhen: 'occupation = "employed"' })] },
            {
              id: 'right',
              children: [
                f('resident_id', { help: { en: '18 characters, as on the ID card', 'zh-CN': '18 位，与身份证一致' } }),
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
        { id: 'reach', title: { en: 'Reach', 'zh-CN': '联系方式' }, children: [f('mobile', { requiredWhen: 'true' })] },
        { id: 'other', title: { en: 'Other', 'zh-CN': '其他' }, children: [f('segment')] },
      ],
    },
    {
      id: 'contacts_group',
      type: 'repeatingGroup',
      key: 'contacts',
      title: { en: 'Contacts', 'zh-CN': '联系人' },
      entity: 'contact',
      foreignKey: 'customer',
      fields: [f('name', { id: 'g_name' }), f('phone', { id: 'g_phone', requiredWhen: 'item.name != null' })],
      minRows: 1,
      maxRows: 2,
    },
  ],
  validations: [
    {
      id: 'no_student_vip',
      expression: 'not(occupation = "student" and vip = true)',
      message: { en: 'A student cannot be a VIP', 'zh-CN': '学生不能成为贵宾' },
    },
  ],
};
