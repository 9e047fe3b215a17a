import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { contactEntity, entityOf, field } from '@bankforge/data-model/testing';
import { contactsGroup, customerFormOf as formOf } from '../testing/index.js';
import { compileForm } from './compile-form.js';
import type { FormDefinition, FormFieldNode, FormRepeatingGroup } from './form-definition.js';

const customer = entityOf(
  field('name', 'text', { required: true }),
  field('occupation', 'singleSelect'),
  field('employer', 'text'),
  field('income', 'money'),
  field('birthday', 'date'),
  field('a', 'decimal'),
  field('b', 'decimal'),
  field('c', 'decimal'),
);
const contact: EntityDefinition = {
  ...contactEntity,
  fields: [field('customer', 'reference', { reference: { entity: 'customer' } }), field('phone', 'mobile'), field('note', 'text')],
};
const entities = { customer, contact };

const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({ id: `n_${key}`, type: 'field', field: key, ...extra });
const contacts = (extra: Partial<FormRepeatingGroup> = {}): FormRepeatingGroup => contactsGroup([f('phone')], { id: 'g_contacts', ...extra });
const codes = (form: FormDefinition) => compileForm(form, entities).errors.map((e) => [e.code, e.path]);

describe('compileForm', () => {
  it('accepts a sound form, with both languages in every message', () => {
    const compiled = compileForm(
      formOf([
        { id: 's1', type: 'section', title: { en: 'Basics', 'zh-CN': '基本' }, children: [f('name'), f('occupation'), f('employer', { visibleWhen: 'occupation = "employed"' })] },
        contacts({ fields: [f('phone', { requiredWhen: 'item.note != null and name != null' })] }),
      ]),
      entities,
    );
    expect(compiled.errors).toEqual([]);
    expect(compiled.entity).toBe(customer);
    expect(compiled.related).toEqual({ contact });
  });

  it('reports an unknown entity, for the form and for a repeating group', () => {
    expect(codes(formOf([f('name')], { entity: 'prospect' }))).toEqual([['unknownEntity', '/entity']]);
    expect(codes(formOf([contacts({ entity: 'phonebook' })]))).toEqual([['unknownEntity', '/layout/0/entity']]);
  });

  it('reports unknown fields, looking inside a repeating group at the group entity', () => {
    expect(codes(formOf([f('nickname'), contacts({ fields: [f('name')] })]))).toEqual([
      ['unknownField', '/layout/0/field'],
      ['unknownField', '/layout/1/fields/0/field'],
    ]);
  });

  it('reports a field placed twice and a node id used twice', () => {
    const errors = compileForm(formOf([f('name'), { ...f('name'), id: 'other' }, { ...f('employer'), id: 'n_name' }]), entities).errors;
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['duplicateNodeId', '/layout/2/id'],
      ['duplicateField', '/layout/1/field'],
    ]);
    expect(errors[1]?.messageZh).toContain('name');
  });

  it('reports a foreign key that is not a reference back to the form entity', () => {
    expect(codes(formOf([contacts({ foreignKey: 'phone' })]))).toEqual([['invalidForeignKey', '/layout/0/foreignKey']]);
    const elsewhere = { ...contact, fields: [field('customer', 'reference', { reference: { entity: 'branch' } }), field('phone', 'mobile')] };
    expect(compileForm(formOf([contacts()]), { customer, contact: elsewhere }).errors.map((e) => e.code)).toEqual(['invalidForeignKey']);
  });

  it('reports a widget that cannot show the field type', () => {
    expect(codes(formOf([f('birthday', { widget: 'checkbox' }), f('occupation', { widget: 'radio' })]))).toEqual([['widgetMismatch', '/layout/0/widget']]);
  });

  it('reports FEEL syntax errors with where they are', () => {
    const [error] = compileForm(formOf([f('employer', { visibleWhen: 'occupation = ' })]), entities).errors;
    expect(error).toMatchObject({ code: 'feelSyntax', path: '/layout/0/visibleWhen' });
    expect(error?.message).toMatch(/line 1, column/);
    expect(error?.messageZh).toMatch(/第 1 行/);
  });

  it('reports names that are not in scope; item only inside a repeating group', () => {
    expect(
      codes(
        formOf([f('employer', { readonlyWhen: 'salary > 10' }), f('name', { requiredWhen: 'item.phone = null' }), contacts({ fields: [f('phone', { visibleWhen: 'item.note != null and contacts != null and name != null' })] })], {
          validations: [{ id: 'v1', expression: 'nickname != null', message: { en: 'x', 'zh-CN': 'x' } }],
        }),
      ),
    ).toEqual([
      ['unknownName', '/layout/0/readonlyWhen'],
      ['unknownName', '/layout/1/requiredWhen'],
      ['unknownName', '/validations/0/expression'],
    ]);
  });

  it('names the fields of a three-field cycle of computed values', () => {
    const [error, ...rest] = compileForm(formOf([f('a', { value: 'c + 1' }), f('b', { value: 'a * 2' }), f('c', { value: 'b - 3' })]), entities).errors;
    expect(rest).toEqual([]);
    expect(error?.code).toBe('dependencyCycle');
    expect(error?.message).toMatch(/: (a → b → c → a|b → c → a → b|c → a → b → c)$/);
    expect(error?.messageZh).toContain('循环依赖');
  });

  it('reports a computed value that reads itself, and a cycle through a repeating group', () => {
    expect(codes(formOf([f('a', { value: 'a + 1' })]))).toEqual([['dependencyCycle', '/layout/0/value']]);
    const total = { ...contact, fields: [...contact.fields, field('share', 'decimal'), field('amount', 'decimal')] };
    const form = formOf([f('a', { value: 'sum(contacts.share)' }), contacts({ fields: [f('amount'), f('share', { value: 'item.amount / a' })] })]);
    expect(compileForm(form, { customer, contact: total }).errors.map((e) => e.message)).toEqual([expect.stringContaining('contacts.share')]);
  });

  it('allows a total over one column that another column divides by (no cycle)', () => {
    const total = { ...contact, fields: [...contact.fields, field('share', 'decimal'), field('amount', 'decimal')] };
    const form = formOf([f('a', { value: 'sum(contacts.amount)' }), contacts({ fields: [f('amount'), f('share', { value: 'item.amount / a' })] })]);
    expect(compileForm(form, { customer, contact: total }).errors).toEqual([]);
  });

  it('reports a computed field that also has a required condition', () => {
    expect(codes(formOf([f('a', { value: 'b + c', requiredWhen: 'true' })]))).toEqual([['computedRequired', '/layout/0/requiredWhen']]);
  });

  it('reports an entity-required field that can be hidden and has no default', () => {
    expect(codes(formOf([{ id: 's', type: 'section', title: { en: 'S', 'zh-CN': 'S' }, visibleWhen: 'a > 1', children: [f('name')] }]))).toEqual([['requiredFieldHidden', '/layout/0/children/0']]);
    expect(codes(formOf([f('name', { visibleWhen: 'a > 1', default: 'Anon' })]))).toEqual([]);
    expect(codes(formOf([f('name')]))).toEqual([]);
  });

  it('does not count a hideable repeating group against its required cells (a hidden group saves no rows)', () => {
    const required = { ...contact, fields: contact.fields.map((x) => (x.key === 'phone' ? { ...x, required: true } : x)) };
    const compileWith = (group: FormRepeatingGroup) => compileForm(formOf([group]), { customer, contact: required }).errors.map((e) => [e.code, e.path]);
    expect(compileWith(contacts({ visibleWhen: 'a > 1' }))).toEqual([]);
    expect(compileWith(contacts({ fields: [f('phone', { visibleWhen: 'item.note != null' })] }))).toEqual([['requiredFieldHidden', '/layout/0/fields/0']]);
  });

  it('reports a repeating group key that collides with a field', () => {
    expect(codes(formOf([contacts({ key: 'employer' })]))).toEqual([['duplicateKey', '/layout/0/key']]);
  });
});
