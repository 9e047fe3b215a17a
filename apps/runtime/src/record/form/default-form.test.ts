import type { EntityDefinition } from '@bankforge/data-model';
import { customerEntity } from '@bankforge/data-model/testing';
import { compileForm, FormModel } from '@bankforge/form-engine/react';
import { describe, expect, it } from 'vitest';
import { defaultFormFor } from './default-form.js';

/** The shared customer with three fields: a required one, one with a default, and a JSON one. */
const customer: EntityDefinition = {
  ...customerEntity,
  fields: [
    { id: 'f1', key: 'full_name', type: 'text', label: { en: 'Full name', 'zh-CN': '姓名' }, required: true },
    { id: 'f2', key: 'tier', type: 'singleSelect', label: { en: 'Tier', 'zh-CN': '等级' }, default: 'silver', options: [{ value: 'silver', label: { en: 'Silver', 'zh-CN': '银卡' } }] },
    { id: 'f3', key: 'profile', type: 'json', label: { en: 'Profile', 'zh-CN': '档案' } },
  ],
};

describe('defaultFormFor', () => {
  it('places every field of the entity, in order, on one column', () => {
    const form = defaultFormFor(customer);
    expect(form).toMatchObject({ kind: 'form', entity: 'customer', label: customer.label });
    expect(form.layout.map((node) => (node.type === 'field' ? node.field : node.type))).toEqual(['full_name', 'tier', 'profile']);
    expect(new Set(form.layout.map((node) => node.id)).size).toBe(3);
  });

  it('compiles without errors and starts a new record from the entity defaults, with its required fields', () => {
    const compiled = compileForm(defaultFormFor(customer), { customer });
    expect(compiled.errors).toEqual([]);
    const model = FormModel.forNewRecord(compiled);
    expect(model.state.values.tier).toBe('silver');
    expect(model.state.fields['/full_name']).toMatchObject({ visible: true, required: true });
    expect(model.validate().map((error) => error.path)).toEqual(['/full_name']);
  });
});
