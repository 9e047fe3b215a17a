// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldError } from '@bankforge/data-model';
import { compileForm } from '../../form/compile-form.js';
import { FormModel } from '../../form/form-model.js';
import type { FormValues } from '../../form/form-model-api.js';
import { contactEntity as contact, customerEntity as customer } from '@bankforge/data-model/testing';
import { customerForm } from '../../testing/index.js';
import { FormRenderer, type FormRendererProps } from './FormRenderer.js';

afterEach(cleanup);

const user = userEvent.setup();
const compiled = compileForm(customerForm, { customer, contact });

function renderForm(props: Partial<FormRendererProps> = {}, values?: FormValues) {
  const model = values ? new FormModel(compiled, values) : FormModel.forNewRecord(compiled);
  const view = render(<FormRenderer model={model} locale="en" {...props} />);
  return { model, ...view };
}

const serverError = (path: string, message: string, messageZh: string): FieldError => ({ path, code: 'residentIdChecksum', message, messageZh });

describe('FormRenderer', () => {
  it('compiles the test form cleanly', () => {
    expect(compiled.errors).toEqual([]);
  });

  it('labels every input in English and in Chinese', () => {
    renderForm();
    for (const label of ['Full name', 'Occupation', 'Resident ID', 'Relationship manager', 'Monthly income', 'Balance', 'Mobile']) {
      expect(screen.getByLabelText(label, { exact: false })).toBeTruthy();
    }
    // The required marker is drawn, not read out.
    expect(screen.getByRole('textbox', { name: 'Full name' })).toBe(screen.getByLabelText(/Full name/));
    expect(screen.getByRole('switch', { name: 'VIP' })).toBeTruthy();
    cleanup();
    renderForm({ locale: 'zh-CN' });
    for (const label of ['姓名', '职业', '身份证号', '客户经理', '月收入', '余额', '手机号码']) {
      expect(screen.getByLabelText(label, { exact: false })).toBeTruthy();
    }
    expect(screen.getByRole('group', { name: '基本信息' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '财务' })).toBeTruthy();
  });

  it('gives every control an accessible name', () => {
    renderForm({}, { contacts: [{}] });
    const controls = document.querySelectorAll('input, select, textarea, button');
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) {
      const labelled =
        (control as HTMLInputElement).labels?.length ||
        control.getAttribute('aria-label') ||
        control.getAttribute('aria-labelledby') ||
        (control.tagName === 'BUTTON' && control.textContent?.trim());
      expect(labelled, control.outerHTML).toBeTruthy();
    }
  });

  it('links help text and marks required fields', () => {
    renderForm();
    const residentId = screen.getByLabelText('Resident ID');
    const help = document.getElementById(residentId.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe('18 characters, as on the ID card');
    const name = screen.getByLabelText(/Full name/);
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('Full name').parentElement?.textContent).toBe('Full name *');
  });

  it('sends what is typed to the model', async () => {
    const { model } = renderForm();
    await user.type(screen.getByLabelText(/Full name/), 'Wang Fang');
    expect(model.state.values['name']).toBe('Wang Fang');
  });

  it('shows a conditional field only while its condition holds', async () => {
    renderForm();
    expect(screen.queryByLabelText('Employer')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Occupation'), 'employed');
    await user.type(screen.getByLabelText('Employer'), 'ICBC');
    await user.selectOptions(screen.getByLabelText('Occupation'), 'retired');
    expect(screen.queryByLabelText('Employer')).toBeNull();
  });

  it('marks a field required while its requiredWhen holds', async () => {
    renderForm();
    const manager = screen.getByLabelText('Relationship manager');
    expect(manager.getAttribute('aria-required')).toBeNull();
    await user.click(screen.getByRole('switch', { name: 'VIP' }));
    expect(manager.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('Relationship manager').parentElement?.textContent).toBe('Relationship manager *');
    await user.click(screen.getByRole('switch', { name: 'VIP' }));
    expect(manager.getAttribute('aria-required')).toBeNull();
  });

  it('shows a field error once the field is left, not before', async () => {
    renderForm({ locale: 'zh-CN' });
    const name = screen.getByLabelText('姓名', { exact: false });
    await user.click(name);
    expect(screen.queryByText('必填')).toBeNull();
    await user.tab();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(name.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('必填');
    // Only the field that was left shows its error.
    expect(screen.getAllByText('必填')).toHaveLength(1);
  });

  it('places server errors on their fields and drops each once its field is edited', async () => {
    const errors = [
      serverError('/resident_id', 'Resident ID check digit is wrong', '身份证号校验位错误'),
      serverError('/contacts/0/phone', 'Not a mainland mobile number', '不是有效的手机号码'),
      serverError('', 'Duplicate customer', '客户重复'),
    ];
    renderForm({ externalErrors: errors }, { contacts: [{ name: 'Li', phone: '123' }] });
    const residentId = screen.getByLabelText('Resident ID');
    expect(residentId.getAttribute('aria-invalid')).toBe('true');
    expect(residentId.getAttribute('aria-describedby')).toContain(residentId.id.replace(/$/, '-error'));
    expect(within(residentId.closest('.bf-field') as HTMLElement).getByText('Resident ID check digit is wrong')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('Duplicate customer')).toBeTruthy();
    const phone = screen.getByLabelText('Phone, row 1');
    expect(within(phone.closest('.bf-field') as HTMLElement).getByText('Not a mainland mobile number')).toBeTruthy();

    await user.type(residentId, '1');
    expect(screen.queryByText('Resident ID check digit is wrong')).toBeNull();
    expect(screen.getByText('Not a mainland mobile number')).toBeTruthy();
  });

  it('lists form-wide errors at the top', async () => {
    renderForm({ showAllErrors: true });
    await user.selectOptions(screen.getByLabelText('Occupation'), 'student');
    await user.click(screen.getByRole('switch', { name: 'VIP' }));
    expect(within(screen.getByRole('alert')).getByText('A student cannot be a VIP')).toBeTruthy();
  });

  it('moves between tabs with arrow keys, Home and End', async () => {
    renderForm();
    const finance = screen.getByRole('tab', { name: 'Finance' });
    expect(finance.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Finance' })).toBeTruthy();
    await user.click(finance);
    await user.keyboard('{ArrowRight}');
    const reach = screen.getByRole('tab', { name: 'Reach' });
    expect(document.activeElement).toBe(reach);
    expect(reach.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Reach' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel', { name: 'Finance' })).toBeNull();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Other' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(finance);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Other' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(finance);
    // One tab stop for the tab list: Tab leaves it for the panel's first field.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Monthly income'));
  });

  it('adds and removes rows within the group minimum and maximum', async () => {
    const { model } = renderForm({}, { contacts: [{ name: 'Li' }] });
    const add = screen.getByRole('button', { name: 'Add row' });
    expect(screen.getByRole('button', { name: 'Remove row 1' })).toHaveProperty('disabled', true);
    await user.click(add);
    expect(model.state.values['contacts']).toHaveLength(2);
    expect(add).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Contact name, row 2'), 'Zhao');
    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(model.state.values['contacts']).toEqual([expect.objectContaining({ name: 'Zhao' })]);
    expect(screen.getByLabelText('Contact name, row 1')).toHaveProperty('value', 'Zhao');
    expect(screen.queryByLabelText('Contact name, row 2')).toBeNull();
    expect(document.activeElement).toBe(add);
    expect(add).toHaveProperty('disabled', false);
  });

  it('requires a cell by its row (item) and labels cells by column and row in Chinese', async () => {
    renderForm({ locale: 'zh-CN' }, { contacts: [{}] });
    const phone = screen.getByLabelText('电话，第 1 行');
    expect(phone.getAttribute('aria-required')).toBeNull();
    await user.type(screen.getByLabelText('联系人姓名，第 1 行'), '李');
    expect(phone.getAttribute('aria-required')).toBe('true');
    expect(screen.getByRole('button', { name: '删除行 1' })).toBeTruthy();
  });

  it('leaves out a group column hidden in every row, and empties a cell hidden in its row only', async () => {
    const layout = customerForm.layout.map((node) =>
      node.type === 'repeatingGroup'
        ? { ...node, fields: node.fields.map((cell) => (cell.field === 'phone' ? { ...cell, visibleWhen: 'item.name != null' } : cell)) }
        : node,
    );
    const model = new FormModel(compileForm({ ...customerForm, layout }, { customer, contact }), { contacts: [{}, {}] });
    render(<FormRenderer model={model} locale="en" />);
    expect(screen.queryByRole('columnheader', { name: 'Phone' })).toBeNull();
    await user.type(screen.getByLabelText('Contact name, row 2'), 'Li');
    expect(screen.getByRole('columnheader', { name: 'Phone' })).toBeTruthy();
    expect(screen.getByLabelText('Phone, row 2')).toBeTruthy();
    expect(screen.queryByLabelText('Phone, row 1')).toBeNull();
  });

  it("shows a column's help once under its header and reads it out with every cell of the column", () => {
    const layout = customerForm.layout.map((node) =>
      node.type === 'repeatingGroup'
        ? { ...node, fields: node.fields.map((cell) => (cell.field === 'phone' ? { ...cell, help: { en: 'Mainland mobile or landline', 'zh-CN': '大陆手机或固话' } } : cell)) }
        : node,
    );
    const model = new FormModel(compileForm({ ...customerForm, layout }, { customer, contact }), { contacts: [{}, {}] });
    render(<FormRenderer model={model} locale="zh-CN" />);
    expect(screen.getAllByText('大陆手机或固话')).toHaveLength(1);
    for (const row of [1, 2]) {
      const cell = screen.getByLabelText(new RegExp(`^电话.*${row}`));
      expect(document.getElementById(cell.getAttribute('aria-describedby') ?? '')?.textContent).toBe('大陆手机或固话');
    }
    expect(screen.getByLabelText(/^联系人姓名.*1/).getAttribute('aria-describedby')).toBeNull();
  });

  it('shows a computed field read-only, following what it is computed from', async () => {
    renderForm();
    const annual = screen.getByLabelText('Annual income');
    expect(annual).toHaveProperty('readOnly', true);
    await user.type(screen.getByLabelText('Monthly income'), '1000.5');
    expect(annual).toHaveProperty('value', '12006.00');
  });

  it('keeps a money amount exact from the keyboard to the submitted values', async () => {
    let submitted: FormValues | undefined;
    renderForm({ onSubmit: (values) => (submitted = values) }, { name: 'Wang', mobile: '13800138000', contacts: [{}] });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
    await user.type(screen.getByLabelText('Balance'), '1234.50');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted?.['balance']).toEqual({ amount: '1234.50', currency: 'USD' });
  });

  it('on a failed submit shows every error, opens the tab holding the first and focuses it', async () => {
    let submits = 0;
    renderForm({ onSubmit: () => submits++ }, { name: 'Wang', contacts: [{}] });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submits).toBe(0);
    const mobile = screen.getByLabelText(/Mobile/);
    expect(screen.getByRole('tab', { name: /Reach/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(mobile);
    expect(mobile.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Finance', 'Reach (1), 1 error', 'Other']);
    expect(screen.getByRole('tab', { name: 'Reach, 1 error' })).toBeTruthy();
  });

  it('does not submit on Enter unless the host asked for submits, and then only through its handler', async () => {
    const { model } = renderForm({}, { name: 'Wang' });
    const name = screen.getByLabelText(/Full name/);
    await user.type(name, '{Enter}');
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(model.state.values['name']).toBe('Wang');
    cleanup();

    const seen: FormValues[] = [];
    renderForm({ onSubmit: (values) => seen.push(values), submitLabel: 'Save' }, { name: 'Wang', mobile: '13800138000', contacts: [{}] });
    await user.type(screen.getByLabelText(/Full name/), ' Fang{Enter}');
    expect(seen).toEqual([expect.objectContaining({ name: 'Wang Fang', mobile: '13800138000' })]);
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('disables every control when disabled', () => {
    renderForm({ disabled: true, onSubmit: () => undefined }, { contacts: [{}, {}] });
    expect(screen.getByLabelText(/Full name/)).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Add row' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Remove row 2' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Submit' })).toHaveProperty('disabled', true);
  });

  it('starts afresh for another record', async () => {
    const first = FormModel.forNewRecord(compiled);
    const { rerender } = render(<FormRenderer model={first} locale="en" />);
    await user.click(screen.getByLabelText(/Full name/));
    await user.tab();
    expect(screen.getByText('Required')).toBeTruthy();
    act(() => rerender(<FormRenderer model={new FormModel(compiled, { name: 'Li' })} locale="en" />));
    expect(screen.queryByText('Required')).toBeNull();
    expect(screen.getByLabelText(/Full name/)).toHaveProperty('value', 'Li');
  });
});
