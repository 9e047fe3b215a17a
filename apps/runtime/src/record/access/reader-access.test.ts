import type { EntityDefinition } from '@bankforge/data-model';
import { contactEntity as contact, customerEntity } from '@bankforge/data-model/testing';
import { compileForm, FormModel, type FormDefinition } from '@bankforge/form-engine/react';
import { contactsGroup, customerFormOf } from '@bankforge/form-engine/testing';
import { describe, expect, it } from 'vitest';
import type { RuntimeEntityPage } from '@bankforge/client';
import { ReaderAccess } from './reader-access.js';

const label = (en: string) => ({ en, 'zh-CN': en });
/** The shared customer with the fields a reader's role restricts: one required (income), one with a default (segment). */
const customer: EntityDefinition = {
  ...customerEntity,
  fields: [
    { id: 'f1', key: 'full_name', type: 'text', label: label('Full name') },
    { id: 'f2', key: 'resident_id', type: 'residentId', label: label('Resident ID') },
    { id: 'f3', key: 'income', type: 'decimal', label: label('Income'), required: true },
    { id: 'f4', key: 'segment', type: 'text', label: label('Segment'), default: 'mass' },
  ],
};
const form: FormDefinition = customerFormOf([
  {
    id: 's',
    type: 'section',
    title: label('Identity'),
    children: [
      { id: 'n1', type: 'field', field: 'full_name' },
      { id: 'n2', type: 'field', field: 'resident_id', requiredWhen: 'true' },
      { id: 'n3', type: 'field', field: 'income' },
      { id: 'n4', type: 'field', field: 'segment' },
    ],
  },
  contactsGroup(
    [
      { id: 'n5', type: 'field', field: 'phone' },
      { id: 'n6', type: 'field', field: 'relation' },
    ],
    { id: 'g' },
  ),
]);
const page: RuntimeEntityPage = {
  entity: customer,
  form,
  related: { contact },
  validators: {},
  fieldAccess: { resident_id: 'masked', income: 'hidden', segment: 'readonly' },
  relatedFieldAccess: { contact: { phone: 'masked' } },
};
const stored = { id: 'c1', version: 1, full_name: 'Wang Fang', resident_id: '110105********002X', segment: 'mass', contacts: [{ id: 'k1', phone: '138****5678', relation: 'spouse' }] };
/** A resident ID check that refuses anything but 18 digits (or 17 and an X), as the served module does. */
const residentIdCheck = (values: Record<string, unknown>) =>
  typeof values.resident_id === 'string' && !/^\d{17}[\dX]$/.test(values.resident_id)
    ? [{ path: '/resident_id', code: 'residentId', message: 'Not a resident ID', messageZh: '不是有效的身份证号' }]
    : [];

function modelFor(access: ReaderAccess, values?: Record<string, unknown>) {
  const compiled = compileForm(access.adjustForm(form), access.adjustEntities({ customer, contact }));
  expect(compiled.errors).toEqual([]);
  const options = { typeChecks: access.adjustTypeChecks({ customer: residentIdCheck }) };
  return values ? new FormModel(compiled, values, options) : FormModel.forNewRecord(compiled, options);
}

describe('ReaderAccess', () => {
  it("edits a stored record: the hidden field is neither shown nor required, masked and read-only ones can't be edited and their mask is no type error", () => {
    const model = modelFor(new ReaderAccess(page, false), stored);
    expect(model.state.fields['/income']).toMatchObject({ visible: false, required: false });
    expect(model.state.fields['/resident_id']).toMatchObject({ visible: true, readonly: true });
    expect(model.state.fields['/segment']).toMatchObject({ readonly: true });
    expect(model.state.fields['/full_name']).toMatchObject({ readonly: false });
    expect(model.state.fields['/contacts/0/phone']).toMatchObject({ readonly: true });
    expect(model.validate()).toEqual([]);
  });

  it('draws a masked date of a stored record as read-only text holding its mask, and a new record as a date', () => {
    const born: EntityDefinition = { ...customer, fields: [...customer.fields, { id: 'f5', key: 'birth_date', type: 'date', label: label('Born') }] };
    const bornForm: FormDefinition = { ...form, layout: [{ id: 'b', type: 'field', field: 'birth_date', widget: 'date' }] };
    const reader: RuntimeEntityPage = { ...page, entity: born, form: bornForm, fieldAccess: { birth_date: 'masked' } };
    const stored = new ReaderAccess(reader, false);
    const compiled = compileForm(stored.adjustForm(bornForm), stored.adjustEntities({ customer: born, contact }));
    expect(compiled.errors).toEqual([]);
    const model = new FormModel(compiled, { id: 'c1', version: 1, birth_date: '2*********' });
    expect(model.state.fields['/birth_date']).toMatchObject({ readonly: true });
    expect(model.state.values['birth_date']).toBe('2*********');
    expect(stored.adjustEntities({ customer: born }).customer!.fields.at(-1)).toMatchObject({ type: 'text', key: 'birth_date' });
    expect(model.validate()).toEqual([]);
    const fresh = new ReaderAccess(reader, true);
    expect(fresh.adjustEntities({ customer: born }).customer!.fields.at(-1)).toMatchObject({ type: 'date' });
    expect(compileForm(fresh.adjustForm(bornForm), fresh.adjustEntities({ customer: born, contact })).errors).toEqual([]);
  });

  it('lets a new record take a whole masked value, and still checks it', () => {
    const model = modelFor(new ReaderAccess(page, true));
    expect(model.state.fields['/resident_id']).toMatchObject({ readonly: false, required: true });
    expect(model.state.fields['/segment']).toMatchObject({ readonly: true });
    model.setValue('/resident_id', '1234');
    expect(model.validate().map((error) => `${error.path}:${error.code}`)).toEqual(['/resident_id:residentId']);
  });

  it('sends no value the reader may not write: read-only and hidden never, masked only on a new record or row', () => {
    const creating = new ReaderAccess(page, true);
    expect(creating.writableValues(form, { full_name: 'Li', resident_id: '11010519491231002X', segment: 'mass', income: '1.00', contacts: [{ phone: '13812345678' }] })).toEqual({
      full_name: 'Li',
      resident_id: '11010519491231002X',
      contacts: [{ phone: '13812345678' }],
    });
    const editing = new ReaderAccess(page, false);
    expect(editing.writableValues(form, { full_name: 'Li', resident_id: '110105********002X', segment: 'mass', contacts: [{ id: 'k1', phone: '138****5678', relation: 'sibling' }, { phone: '13912345678' }] })).toEqual({
      full_name: 'Li',
      contacts: [{ id: 'k1', relation: 'sibling' }, { phone: '13912345678' }],
    });
  });

  it('restricts nothing when the answer says nothing', () => {
    const open = new ReaderAccess({ entity: customer, form, related: { contact }, validators: {} }, false);
    expect(open.adjustForm(form)).toEqual(form);
    expect(open.adjustEntities({ customer })).toEqual({ customer });
    expect(open.writableValues(form, { resident_id: '11010519491231002X', segment: 'gold' })).toEqual({ resident_id: '11010519491231002X', segment: 'gold' });
  });
});
