import { contactEntity as contact, customerEntity as customer } from '@bankforge/data-model/testing';
import type { FormDefinition } from '@bankforge/form-engine';
import { customerFormOf } from '@bankforge/form-engine/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { DesignerHarness } from '../testing/DesignerHarness.js';
import { PropertyPanel } from './PropertyPanel.js';

const form: FormDefinition = customerFormOf([
  {
    id: 'columns_1',
    type: 'columns',
    columns: [
      { id: 'column_1', children: [{ id: 'name', type: 'field', field: 'name' }] },
      { id: 'column_2', children: [{ id: 'vip', type: 'field', field: 'vip' }] },
    ],
  },
  { id: 'group_1', type: 'repeatingGroup', key: 'contacts', title: { en: 'Contacts', 'zh-CN': '联系人' }, entity: '', foreignKey: '', fields: [] },
]);

function renderPanel(selected: string | null) {
  const forms: FormDefinition[] = [];
  render(
    <DesignerHarness initial={form} entities={{ customer, contact }} selected={selected} onForm={(f) => forms.push(f)}>
      <PropertyPanel />
    </DesignerHarness>,
  );
  return () => forms.at(-1)!;
}

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('PropertyPanel', () => {
  it('offers only the widgets that fit the field type', () => {
    renderPanel('vip');
    const widgets = within(screen.getByRole('combobox', { name: 'Widget' })).getAllByRole('option').map((o) => o.textContent);
    expect(widgets).toEqual(['Default (Checkbox)', 'Checkbox', 'Switch']);
  });

  it('keeps the fields of a dropped column when the column count shrinks', async () => {
    const latest = renderPanel('column_2');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Number of columns' }), '1');
    expect(latest().layout[0]).toMatchObject({ columns: [{ id: 'column_1', children: [{ id: 'name' }, { id: 'vip' }] }] });
  });

  it('binds a repeating group to a related entity, its reference back and its columns', async () => {
    const user = userEvent.setup();
    const latest = renderPanel('group_1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Related entity' }), 'contact');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reference back to this record' }), 'customer');
    await user.click(screen.getByRole('checkbox', { name: 'Phone' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Maximum rows' }), '5');
    expect(screen.queryByRole('checkbox', { name: 'Customer' })).toBeNull();
    expect(latest().layout[1]).toMatchObject({ entity: 'contact', foreignKey: 'customer', fields: [{ type: 'field', field: 'phone' }], maxRows: 5 });
  });

  it('edits the form settings and adds a cross-field validation shown on a field', async () => {
    const user = userEvent.setup();
    const latest = renderPanel(null);
    await user.click(screen.getByRole('checkbox', { name: /Default form of the entity/ }));
    await user.click(screen.getByRole('button', { name: 'Add validation' }));
    await user.type(screen.getByRole('textbox', { name: 'Expression' }), 'vip or name != null');
    await user.type(screen.getByRole('textbox', { name: 'Message (English)' }), 'Name a VIP');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Shown on field' }), 'name');
    expect(latest()).toMatchObject({
      default: true,
      validations: [{ id: 'validation_1', expression: 'vip or name != null', message: { en: 'Name a VIP', 'zh-CN': '' }, field: 'name' }],
    });
  });
});
