import { describe, expect, it, vi } from 'vitest';
import type { FieldError } from '@bankforge/data-model';
import { compileRecordValidator } from '@bankforge/data-model';
import { entityOf, field, options } from '@bankforge/data-model/testing';
import { customerFormOf } from '../testing/index.js';
import { compileForm } from './compile-form.js';
import type { FormDefinition, FormFieldNode, FormNode } from './form-definition.js';
import { FormModel } from './form-model.js';

const customer = entityOf(
  field('name', 'text', { required: true }),
  field('occupation', 'singleSelect', { options: options('employed', 'retired') }),
  field('employer', 'text'),
  field('employer_phone', 'mobile'),
  field('salary', 'money'),
  field('bonus', 'money'),
  field('total_income', 'money'),
  field('monthly_income', 'money'),
  field('rate', 'decimal', { scale: 2 }),
  field('years', 'integer'),
  field('ratio', 'percentage'),
  field('doubled', 'decimal', { scale: 2 }),
  field('quadrupled', 'decimal', { scale: 2 }),
  field('vip', 'boolean'),
  field('birthday', 'date'),
  field('opened', 'date'),
  field('status', 'singleSelect', { options: options('draft', 'approved') }),
  field('limit', 'decimal', { scale: 2 }),
  field('segment', 'text', { default: 'retail' }),
);

const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({ id: `n_${key}`, type: 'field', field: key, ...extra });
const compile = (layout: FormNode[], extra: Partial<FormDefinition> = {}) => {
  const compiled = compileForm(customerFormOf(layout, extra), { customer });
  expect(compiled.errors).toEqual([]);
  return compiled;
};
const codesAt = (errors: readonly FieldError[]) => errors.map((e) => `${e.path}:${e.code}`);

describe('FormModel visibility', () => {
  const form = compile([
    f('name'),
    f('occupation'),
    { id: 'work', type: 'section', title: { en: 'Work', 'zh-CN': '工作' }, visibleWhen: 'occupation = "employed"', children: [f('employer', { requiredWhen: 'true' }), f('employer_phone', { visibleWhen: 'employer != null' })] },
  ]);

  it('a hidden section hides its fields, and a field shown by another shown one follows the chain', () => {
    const model = new FormModel(form, { name: 'Wang' });
    expect(model.state.nodes['work']).toBe(false);
    expect(model.state.fields['/employer']).toEqual({ visible: false, required: false, readonly: false });
    model.setValue('/occupation', 'employed');
    expect(model.state.nodes['work']).toBe(true);
    expect(model.state.fields['/employer']).toEqual({ visible: true, required: true, readonly: false });
    expect(model.state.fields['/employer_phone']?.visible).toBe(false);
    model.setValue('/employer', 'ACME');
    expect(model.state.fields['/employer_phone']?.visible).toBe(true);
    // hiding the section hides the phone too, although its own condition still holds
    model.setValue('/occupation', 'retired');
    expect(model.state.fields['/employer_phone']?.visible).toBe(false);
    expect(model.state.nodes['n_employer_phone']).toBe(false);
  });

  it('a hidden field is neither required nor submitted (the JSON Forms / rjsf bug)', () => {
    const model = new FormModel(form, { name: 'Wang', occupation: 'employed', employer: 'ACME' });
    model.setValue('/occupation', 'retired');
    model.setValue('/employer', null);
    expect(model.validate()).toEqual([]);
    model.setValue('/employer', 'Old Co');
    expect(model.submission()).toEqual({ name: 'Wang', occupation: 'retired' });
    model.setValue('/occupation', 'employed');
    expect(model.submission()).toEqual({ name: 'Wang', occupation: 'employed', employer: 'Old Co' });
  });

  it('does not type-check a hidden field', () => {
    const typeChecks = { customer: compileRecordValidator(customer, { partial: true }) };
    const model = new FormModel(form, { name: 'Wang', occupation: 'employed', employer: 'ACME', employer_phone: '123' }, { typeChecks });
    expect(codesAt(model.validate())).toEqual(['/employer_phone:mobile']);
    model.setValue('/occupation', 'retired');
    expect(model.state.errors).toEqual([]);
    expect(model.validate()).toEqual([]);
  });

  it('drops the required error of a field the moment it is hidden', () => {
    const model = new FormModel(form, { name: 'Wang', occupation: 'employed' });
    expect(codesAt(model.validate())).toEqual(['/employer:required']);
    expect(model.validate()[0]).toMatchObject({ message: 'Required', messageZh: '必填' });
    model.setValue('/occupation', 'retired');
    expect(model.state.errors).toEqual([]);
  });

  it('counts a null or non-boolean condition as false', () => {
    const model = new FormModel(compile([f('employer', { visibleWhen: 'years > 3' }), f('name', { readonlyWhen: '"yes"' }), f('years')]), {});
    expect(model.state.fields['/employer']?.visible).toBe(false);
    expect(model.state.fields['/name']?.readonly).toBe(false);
    model.setValue('/years', 4);
    expect(model.state.fields['/employer']?.visible).toBe(true);
  });
});

describe('FormModel computed values', () => {
  const form = compile([
    f('salary'),
    f('bonus'),
    f('total_income', { value: 'salary + bonus' }),
    f('monthly_income', { value: 'total_income.amount / 12' }),
    f('rate'),
    f('doubled', { value: 'rate * 2' }),
    f('quadrupled', { value: 'doubled * 2' }),
    f('years', { value: 'if birthday = null then null else years and months duration(birthday, date("2026-11-23")).years' }),
    f('birthday'),
    f('ratio', { value: '1 / 3' }),
  ]);

  it('adds money exactly and keeps the currency, at the field scale', () => {
    const model = new FormModel(form, { salary: { amount: '120000.10', currency: 'CNY' }, bonus: { amount: '0.20', currency: 'CNY' } });
    expect(model.state.values['total_income']).toBeNull();
    model.setValue('/total_income', null);
    expect(model.state.fields['/total_income']?.readonly).toBe(true);
    // money + money is not FEEL: the amounts are added instead
    const sums = compile([f('salary'), f('bonus'), f('total_income', { value: 'salary.amount + bonus.amount' }), f('monthly_income', { value: 'total_income.amount / 12' })]);
    const m = new FormModel(sums, { salary: { amount: '120000.10', currency: 'CNY' }, bonus: { amount: '0.20', currency: 'CNY' } });
    expect(m.state.values['total_income']).toEqual({ amount: '120000.30', currency: 'CNY' });
    expect(m.state.values['monthly_income']).toEqual({ amount: '10000.02', currency: 'CNY' });
  });

  it('computes decimals, chains, integers and dates', () => {
    const model = new FormModel(form, { rate: '0.10', birthday: '1990-05-17' });
    expect(model.state.values['doubled']).toBe('0.20');
    expect(model.state.values['quadrupled']).toBe('0.40');
    expect(model.state.values['years']).toBe(36);
    expect(model.state.values['ratio']).toBe('0.3333');
    model.setValue('/rate', '1.255');
    expect(model.state.values['doubled']).toBe('2.51');
    expect(model.state.values['quadrupled']).toBe('5.02');
  });

  it('re-runs only the rules that depend on the change', () => {
    const model = new FormModel(form, { rate: '1' });
    const before = model.evaluationCount;
    model.setValue('/rate', '2');
    expect(model.evaluationCount - before).toBe(2);
    const again = model.evaluationCount;
    model.setValue('/salary', { amount: '1', currency: 'CNY' });
    expect(model.evaluationCount - again).toBe(1);
    // unchanged computed value: its readers are not run
    const third = model.evaluationCount;
    model.setValue('/bonus', null);
    expect(model.evaluationCount - third).toBe(1);
  });

  it('a broken rule yields null and never throws', () => {
    const model = new FormModel(compile([f('rate'), f('doubled', { value: 'rate / 0' }), f('years', { value: 'string length(rate)' })]), { rate: '2' });
    expect(model.state.values['doubled']).toBeNull();
    expect(model.state.values['years']).toBeNull();
  });
});

describe('FormModel rules and errors', () => {
  const form = compile([f('status'), f('limit', { readonlyWhen: 'status = "approved"' }), f('rate'), f('employer_phone'), f('birthday'), f('opened')], {
    validations: [
      { id: 'dates', expression: 'opened >= birthday', field: 'opened', message: { en: 'Opened before birth', 'zh-CN': '开户日期早于出生日期' } },
      { id: 'cap', expression: 'limit <= 1000000', message: { en: 'Limit too high', 'zh-CN': '额度过高' } },
    ],
  });
  const typeChecks = { customer: compileRecordValidator(customer, { partial: true }) };

  it('shows cross-field messages on their field, or on the form, and passes on missing inputs', () => {
    const model = new FormModel(form, {}, { typeChecks });
    expect(model.validate()).toEqual([]);
    model.setValue('/birthday', '1990-01-01');
    model.setValue('/opened', '1980-01-01');
    expect(model.state.errors).toEqual([{ path: '/opened', code: 'validation', message: 'Opened before birth', messageZh: '开户日期早于出生日期' }]);
    model.setValue('/limit', '2000000.00');
    expect(codesAt(model.state.errors)).toEqual(['/opened:validation', ':validation']);
    model.setValue('/opened', '2000-01-01');
    expect(codesAt(model.state.errors)).toEqual([':validation']);
  });

  it('readonlyWhen follows its condition', () => {
    const model = new FormModel(form, { status: 'draft' });
    expect(model.state.fields['/limit']?.readonly).toBe(false);
    model.setValue('/status', 'approved');
    expect(model.state.fields['/limit']?.readonly).toBe(true);
  });

  it('runs the type checks on the changed field, with the entity messages', () => {
    const model = new FormModel(form, {}, { typeChecks });
    model.setValue('/employer_phone', '12345');
    expect(codesAt(model.state.errors)).toEqual(['/employer_phone:mobile']);
    model.setValue('/employer_phone', '13800138000');
    expect(model.state.errors).toEqual([]);
  });

  it('gives a new snapshot per change and tells each listener once', () => {
    const model = new FormModel(form, {});
    const listener = vi.fn();
    const stop = model.subscribe(listener);
    const first = model.state;
    const returned = model.setValue('/rate', '1.5');
    expect(returned).toBe(model.state);
    expect(model.state).not.toBe(first);
    expect(Object.isFrozen(model.state.values)).toBe(true);
    expect(first.values['rate']).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    model.setValue('/rate', '2');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('starts a new record from the form default, else the entity default', () => {
    const model = FormModel.forNewRecord(compile([f('segment'), f('status', { default: 'draft' }), f('rate')]));
    expect(model.state.values).toMatchObject({ segment: 'retail', status: 'draft' });
    expect(model.state.values['rate']).toBeUndefined();
  });

  it('gives today() the date of options.now, and layout containers their own node entries', () => {
    const layout: FormNode[] = [
      { id: 'tabs', type: 'tabs', visibleWhen: 'rate > 0', tabs: [{ id: 'tab1', title: { en: 'T', 'zh-CN': 'T' }, children: [f('rate'), f('opened', { value: 'today()' })] }] },
      { id: 'cols', type: 'columns', columns: [{ id: 'col1', children: [f('birthday')] }] },
    ];
    const model = new FormModel(compile(layout), { rate: '1.00' }, { now: '2026-11-23T09:00:00+08:00' });
    expect(model.state.values['opened']).toBe('2026-11-23');
    expect(model.state.nodes).toEqual({ tabs: true, tab1: true, n_rate: true, n_opened: true, cols: true, col1: true, n_birthday: true });
    model.setValue('/rate', '-1.00');
    expect(model.state.nodes['tab1']).toBe(false);
    expect(new FormModel(compile(layout), {}).state.values['opened']).toBeNull();
  });

  it('refuses a pointer that names no field', () => {
    const model = new FormModel(form, {});
    expect(() => model.setValue('/contacts/0/phone', '1')).toThrow(RangeError);
  });
});
