// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { customerEntity, field, residentId } from '@bankforge/data-model/testing';
import { compileForm } from '../compile-form.js';
import { FormModel } from '../form-model.js';
import { customerFormOf } from '../../testing/index.js';
import { FormRenderer } from '../../react/renderer/FormRenderer.js';

afterEach(cleanup);

const node = (key: string) => ({ id: `n_${key}`, type: 'field' as const, field: key });
const customer: EntityDefinition = {
  ...customerEntity,
  fields: [
    field('customer_no', 'autoNumber', { numbering: 'C{yyyy}{seq:6}', unique: true, required: true, label: { en: 'Customer number', 'zh-CN': '客户号' } }),
    ...customerEntity.fields,
    field('birth_date', 'date', { derivedFrom: 'resident_id', label: { en: 'Date of birth', 'zh-CN': '出生日期' } }),
  ],
};
const compiled = compileForm(customerFormOf([node('customer_no'), node('name'), node('resident_id'), node('birth_date')]), { customer });
const ID = residentId('11010519850304001');
const OTHER = residentId('31010419920615002');

describe('a birth date derived from the resident ID, live', () => {
  it('fills an empty birth date as a valid resident ID is typed, and follows it while untouched', () => {
    const model = FormModel.forNewRecord(compiled);
    model.setValue('/resident_id', ID.slice(0, 17));
    expect(model.state.values.birth_date ?? null).toBeNull();
    model.setValue('/resident_id', ID);
    expect(model.state.values.birth_date).toBe('1985-03-04');
    model.setValue('/resident_id', OTHER);
    expect(model.state.values.birth_date).toBe('1992-06-15');
    model.setValue('/resident_id', OTHER.slice(0, 10));
    expect(model.state.values.birth_date).toBeNull();
  });

  it('keeps a birth date the reader typed', () => {
    const model = FormModel.forNewRecord(compiled);
    model.setValue('/birth_date', '1985-03-05');
    model.setValue('/resident_id', ID);
    expect(model.state.values.birth_date).toBe('1985-03-05');
  });

  it('leaves a read-only birth date alone', () => {
    const locked = compileForm(customerFormOf([node('resident_id'), { ...node('birth_date'), readonlyWhen: 'true' }]), { customer });
    const model = FormModel.forNewRecord(locked);
    model.setValue('/resident_id', ID);
    expect(model.state.values.birth_date ?? null).toBeNull();
  });
});

describe('an auto-numbered field', () => {
  it('is read-only and never required of the writer', () => {
    const model = FormModel.forNewRecord(compiled);
    expect(model.state.fields['/customer_no']).toMatchObject({ readonly: true, required: false });
    model.setValue('/name', 'Wang Fang');
    expect(model.validate()).toEqual([]);
  });

  it('says it is assigned on save, in both languages, and shows the number once there is one', () => {
    render(<FormRenderer model={FormModel.forNewRecord(compiled)} locale="en" />);
    const input = screen.getByRole('textbox', { name: 'Customer number' }) as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    expect(input.placeholder).toBe('Assigned on save');
    cleanup();
    render(<FormRenderer model={new FormModel(compiled, { customer_no: 'C2026000001', name: 'Wang' })} locale="zh-CN" />);
    expect((screen.getByRole('textbox', { name: '客户号' }) as HTMLInputElement).value).toBe('C2026000001');
  });
});

describe("the host's addition beside a field", () => {
  it('draws it inside that field, under its control, and nowhere else', () => {
    render(<FormRenderer model={new FormModel(compiled, { name: 'Wang', resident_id: '1101**********001X' })} locale="en" fieldExtra={(key) => (key === 'resident_id' ? <button type="button">Reveal</button> : undefined)} />);
    const button = screen.getByRole('button', { name: 'Reveal' });
    expect(button.closest('[data-field]')?.getAttribute('data-field')).toBe('resident_id');
    expect(screen.getAllByRole('button', { name: 'Reveal' })).toHaveLength(1);
  });
});
