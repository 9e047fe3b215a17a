import type { RecordFilter } from '@bankforge/data-model';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../shell/testing/i18n.js';
import type { FilterFieldChoice, FilterProblem } from './builder-context.js';
import { FilterBuilder } from './FilterBuilder.js';

beforeAll(() => initTestI18n('en'));
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const FIELDS: FilterFieldChoice[] = [
  { path: 'kyc_status', type: 'text', label: 'KYC status', group: 'Customer', options: [{ value: 'pending', label: { en: 'Pending', 'zh-CN': '待核验' } }, { value: 'done', label: { en: 'Done', 'zh-CN': '已核验' } }] },
  { path: 'aum', type: 'decimal', label: 'AUM', group: 'Customer' },
  { path: 'onboarded_on', type: 'date', label: 'Onboarded', group: 'Customer' },
];

function Host({ problems = [], onFilter }: { problems?: FilterProblem[]; onFilter(filter: RecordFilter | undefined): void }) {
  const [filter, setFilter] = useState<RecordFilter | undefined>(undefined);
  return (
    <FilterBuilder
      legend="Only records matching"
      emptyText="Every record."
      filter={filter}
      onChange={(next) => {
        setFilter(next);
        onFilter(next);
      }}
      path="/trigger/filter"
      fields={FIELDS}
      problems={problems}
      language={i18next.language === 'zh-CN' ? 'zh-CN' : 'en'}
      idOf={(path) => `host${path.replace(/[^A-Za-z0-9_]+/g, '-')}`}
      fieldsLoaded
    />
  );
}

describe('the shared filter builder', () => {
  it('builds a condition by keyboard alone on the host’s fields, its value from the field’s options', async () => {
    const user = userEvent.setup();
    let last: RecordFilter | undefined;
    render(<Host onFilter={(f) => (last = f)} />);
    const builder = screen.getByRole('group', { name: 'Only records matching' });
    expect(within(builder).getByText('Every record.')).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(within(builder).getByRole('button', { name: 'Add condition' }));
    await user.keyboard('{Enter}');
    expect(last).toEqual({ field: 'kyc_status', op: 'eq', value: '' });
    const field = within(builder).getByRole('combobox', { name: 'Field of condition 1' });
    expect(field.id).toBe('host-trigger-filter-field');
    // The new condition takes the focus: its field is the next thing the keyboard works on.
    expect(document.activeElement).toBe(field);
    await user.selectOptions(within(builder).getByRole('combobox', { name: 'Value of condition 1' }), 'pending');
    expect(last).toEqual({ field: 'kyc_status', op: 'eq', value: 'pending' });
    await user.selectOptions(field, 'aum');
    await user.selectOptions(within(builder).getByRole('combobox', { name: 'Comparison of condition 1' }), 'gte');
    const amount = within(builder).getByRole('textbox', { name: 'Value of condition 1' });
    await user.clear(amount);
    await user.type(amount, '1000000');
    expect(last).toEqual({ field: 'aum', op: 'gte', value: 1000000 });
    // A second condition, by keyboard again, takes the focus too (the root becomes a group of two).
    within(builder).getByRole('button', { name: 'Add condition' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(builder).getByRole('combobox', { name: 'Field of condition 2' }));
  });

  it('says the host’s problems beside the control they name, and speaks Chinese', async () => {
    await i18next.changeLanguage('zh-CN');
    const user = userEvent.setup();
    render(<Host problems={[{ path: '/trigger/filter/value', code: 'invalidValue', text: '值无效' }]} onFilter={() => undefined} />);
    await user.click(screen.getByRole('button', { name: '添加条件' }));
    const value = screen.getByRole('combobox', { name: '条件 1 的值' });
    expect(within(value).getByRole('option', { name: '待核验' })).toBeTruthy();
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(value.getAttribute('aria-describedby')!)?.textContent).toBe('值无效');
  });

  it('offers the named periods in app-shell’s words, in English and Chinese', async () => {
    const user = userEvent.setup();
    let last: RecordFilter | undefined;
    render(<Host onFilter={(f) => (last = f)} />);
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field of condition 1' }), 'onboarded_on');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Comparison of condition 1' }), 'within');
    const period = screen.getByRole('combobox', { name: 'Value of condition 1' });
    await user.selectOptions(period, 'This month');
    expect(last).toEqual({ field: 'onboarded_on', op: 'within', value: 'thisMonth' });
    expect(within(period).getByRole('option', { name: 'Quarter to date' })).toBeTruthy();
    expect(within(period).getByRole('option', { name: 'The last…' })).toBeTruthy();
    await i18next.changeLanguage('zh-CN');
    expect(within(screen.getByRole('combobox', { name: '条件 1 的值' })).getByRole('option', { name: '本月', selected: true })).toBeTruthy();
  });
});
