import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { compileRecordValidator } from '@bankforge/data-model';
import { contactEntity, entityOf, field, options } from '@bankforge/data-model/testing';
import { contactsGroup, customerFormOf } from '../testing/index.js';
import { compileForm } from './compile-form.js';
import type { FormFieldNode, FormNode, FormRepeatingGroup } from './form-definition.js';
import { FormModel } from './form-model.js';

const customer = entityOf(field('name', 'text'), field('country', 'text'), field('total', 'decimal', { scale: 2 }), field('heads', 'integer'));
const contact: EntityDefinition = {
  ...contactEntity,
  fields: [
    field('customer', 'reference', { reference: { entity: 'customer' } }),
    field('kind', 'singleSelect', { options: options('mobile', 'email') }),
    field('phone', 'mobile'),
    field('email', 'email'),
    field('amount', 'decimal', { scale: 2 }),
    field('share', 'percentage', { scale: 4 }),
    field('note', 'text', { default: 'none' }),
  ],
};

const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({ id: `n_${key}`, type: 'field', field: key, ...extra });
const group = (fields: FormFieldNode[], extra: Partial<FormRepeatingGroup> = {}): FormRepeatingGroup => contactsGroup(fields, { id: 'g', ...extra });
const compile = (layout: FormNode[]) => {
  const compiled = compileForm(customerFormOf(layout), { customer, contact });
  expect(compiled.errors).toEqual([]);
  return compiled;
};

describe('FormModel repeating groups', () => {
  const form = compile([
    f('name'),
    f('country'),
    group(
      [
        f('kind'),
        f('phone', { visibleWhen: 'item.kind = "mobile"', requiredWhen: 'country = "CN"' }),
        f('email', { visibleWhen: 'item.kind = "email"', readonlyWhen: 'name = "locked"' }),
        f('amount'),
        f('share', { value: 'if total = 0 then null else item.amount / total' }),
      ],
      { minRows: 1, maxRows: 2 },
    ),
    f('total', { value: 'sum(contacts.amount)' }),
    f('heads', { value: 'count(contacts)' }),
  ]);

  it('evaluates each row with its own item and the form fields by name', () => {
    const model = new FormModel(form, { country: 'CN', contacts: [{ kind: 'mobile' }, { kind: 'email' }] });
    expect(model.state.fields['/contacts/0/phone']).toEqual({ visible: true, required: true, readonly: false });
    expect(model.state.fields['/contacts/1/phone']?.visible).toBe(false);
    expect(model.state.fields['/contacts/1/email']?.visible).toBe(true);
    model.setValue('/country', 'HK');
    expect(model.state.fields['/contacts/0/phone']?.required).toBe(false);
    model.setValue('/name', 'locked');
    expect(model.state.fields['/contacts/1/email']?.readonly).toBe(true);
    model.setValue('/contacts/1/kind', 'mobile');
    expect(model.state.fields['/contacts/1/phone']?.visible).toBe(true);
    expect(model.state.nodes['n_email']).toBe(false);
  });

  it('recomputes form totals from rows and row shares from the total', () => {
    const model = new FormModel(form, { contacts: [{ amount: '30.00' }, { amount: '10.00' }] });
    expect(model.state.values['total']).toBe('40.00');
    expect(model.state.values['heads']).toBe(2);
    expect(model.state.values['contacts']).toEqual([
      { amount: '30.00', share: '0.7500' },
      { amount: '10.00', share: '0.2500' },
    ]);
    model.setValue('/contacts/1/amount', '30.00');
    expect(model.state.values['total']).toBe('60.00');
    expect((model.state.values['contacts'] as Array<Record<string, unknown>>).map((r) => r['share'])).toEqual(['0.5000', '0.5000']);
  });

  it('adds rows with their defaults, removes them, and checks min and max rows', () => {
    const model = new FormModel(form, { country: 'CN' });
    expect(model.validate().map((e) => `${e.path}:${e.code}`)).toEqual(['/contacts:minRows']);
    model.addRow('contacts');
    expect(model.state.errors).toEqual([]);
    expect(model.state.values['contacts']).toEqual([{ note: 'none', share: null }]);
    model.addRow('contacts', { kind: 'mobile', amount: '5.00' });
    model.addRow('contacts', { kind: 'email', amount: '7.00' });
    expect(model.state.errors).toEqual([{ path: '/contacts', code: 'maxRows', message: 'No more than 2 rows', messageZh: '最多 2 行' }]);
    // FEEL's sum of a list holding a null is null: the first row has no amount yet
    expect(model.state.values['total']).toBeNull();
    model.removeRow('contacts', 0);
    expect(model.state.values['total']).toBe('12.00');
    expect(model.state.errors).toEqual([]);
    expect(model.state.values['heads']).toBe(2);
    expect(model.state.fields['/contacts/0/phone']?.visible).toBe(true);
    expect(model.state.fields['/contacts/2/phone']).toBeUndefined();
  });

  it('moves row errors up when an earlier row is removed', () => {
    const typeChecks = { contact: compileRecordValidator(contact, { partial: true }) };
    const model = new FormModel(form, { country: 'CN', contacts: [{ kind: 'mobile' }, { kind: 'mobile', phone: '123' }] }, { typeChecks });
    expect(model.validate().map((e) => `${e.path}:${e.code}`)).toEqual(['/contacts/0/phone:required', '/contacts/1/phone:mobile']);
    model.removeRow('contacts', 0);
    expect(model.state.errors.map((e) => `${e.path}:${e.code}`)).toEqual(['/contacts/0/phone:mobile']);
  });

  it('submits visible cells only, with each row id', () => {
    const model = new FormModel(form, { name: 'A', contacts: [{ id: 'r1', kind: 'email', phone: '13800138000', email: 'a@b.cn', amount: '1.00' }] });
    expect(model.submission()).toEqual({ name: 'A', total: '1.00', heads: 1, contacts: [{ id: 'r1', kind: 'email', email: 'a@b.cn', amount: '1.00', share: '1.0000' }] });
  });

  it('leaves out a hidden group', () => {
    const hidden = compile([f('name'), group([f('kind')], { visibleWhen: 'name != null' })]);
    const model = new FormModel(hidden, { contacts: [{ kind: 'mobile' }] });
    expect(model.state.nodes['g']).toBe(false);
    expect(model.state.fields['/contacts/0/kind']?.visible).toBe(false);
    expect(model.submission()).toEqual({});
  });
});
