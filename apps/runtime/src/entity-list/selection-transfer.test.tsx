import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderPage, sequence, type FakeResponse } from '@bankforge/app-shell/testing';
import { customerPage } from '../testing/customer.js';
import { initTestI18n } from '../testing/i18n.js';
import { EntityListPage } from './EntityListPage.js';

beforeEach(async () => {
  localStorage.clear();
  await initTestI18n('en');
});
afterEach(cleanup);

const wang = { id: 'c1', version: 1, full_name: 'Wang Fang', tier: 'gold', balance: null, resident_id: null, active: true };
const li = { id: 'c2', version: 4, full_name: 'Li Lei', tier: 'silver', balance: null, resident_id: null, active: false };
const zhao = { id: 'c3', version: 2, full_name: 'Zhao Min', tier: 'gold', balance: null, resident_id: null, active: true };

const everyone: FakeResponse = { body: { items: [wang, li, zhao], nextCursor: null, total: 3 } };

function renderList(actions: object, ...answers: FakeResponse[]) {
  const server = fakeApi({
    'GET /api/runtime/entities/customer': { body: { ...customerPage, actions } },
    'POST /api/records/customer/query': answers.length > 0 ? sequence(...answers) : everyone,
    'GET /api/people?q=chen&limit=20': { body: { items: [{ id: 'chen_jing', name: 'Chen Jing', branch: 'SH001' }] } },
    'POST /api/records/customer/transfer': { body: { transferred: [{ id: 'c1', version: 2 }, { id: 'c3', version: 3 }], unchanged: [], related: {}, to: { id: 'u-chen', displayName: 'Chen Jing' } } },
  });
  renderPage(<EntityListPage filterDelayMs={0} />, server.client, { path: '/crm/customer', pattern: '/:app/:entity' });
  return server;
}

describe('bulk transfer from the list', () => {
  it('selects rows by their boxes without opening them and transfers the chosen ones with a reason, then reloads', async () => {
    const server = renderList({ create: true, update: true, delete: false, export: true, transfer: true });
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Customers' });
    await within(table).findByText('Wang Fang');
    // Nothing chosen yet: the action waits for a selection.
    expect(screen.getByRole('button', { name: 'Transfer selected records…' })).toHaveProperty('disabled', true);
    await user.click(within(table).getByRole('checkbox', { name: 'Select Wang Fang' }));
    within(table).getByRole('checkbox', { name: 'Select Zhao Min' }).focus();
    await user.keyboard(' ');
    expect(screen.queryByTestId('destination')?.textContent ?? '').not.toContain('/crm/customer/c');
    expect(screen.getByText('2 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Transfer 2 records…' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer to another owner' });
    await user.type(within(dialog).getByRole('combobox', { name: 'New owner' }), 'chen');
    await user.click(await within(dialog).findByRole('option', { name: 'Chen Jing · chen_jing · SH001' }));
    await user.type(within(dialog).getByLabelText('Reason'), 'Book rebalanced');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(server.requests.filter((r) => r.url === '/api/records/customer/query')).toHaveLength(2));
    expect(server.requests.find((r) => r.url === '/api/records/customer/transfer')!.body).toEqual({ ids: ['c1', 'c3'], to: 'chen_jing', reason: 'Book rebalanced' });
    // The page read again: the selection is gone with it, and what was done is still said.
    await waitFor(() => expect(screen.queryByText('2 selected')).toBeNull());
    expect(await screen.findByText('2 records transferred to Chen Jing.')).toBeTruthy();
  });

  it('keeps the chosen rows the list still shows when it is read again (a filter settling after the reader ticked), and drops those it no longer shows', async () => {
    const withoutLi: FakeResponse = { body: { items: [wang, zhao], nextCursor: null, total: 2 } };
    const onlyZhao: FakeResponse = { body: { items: [zhao], nextCursor: null, total: 1 } };
    const server = renderList({ create: true, update: true, delete: false, export: true, transfer: true }, everyone, withoutLi, onlyZhao);
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Customers' });
    await within(table).findByText('Li Lei');
    await user.click(within(table).getByRole('checkbox', { name: 'Select Wang Fang' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select Zhao Min' }));
    await user.type(screen.getByLabelText('Filter Full name'), 'n');
    await waitFor(() => expect(within(table).queryByText('Li Lei')).toBeNull());
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(within(table).getByRole('checkbox', { name: 'Select Zhao Min' })).toHaveProperty('checked', true);
    await user.type(screen.getByLabelText('Filter Full name'), 'g');
    await waitFor(() => expect(within(table).queryByText('Wang Fang')).toBeNull());
    expect(server.requests.filter((r) => r.url === '/api/records/customer/query')).toHaveLength(3);
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Transfer 1 record…' })).toBeTruthy();
  });

  it('offers no selection to a reader who may not transfer', async () => {
    renderList({ create: true, update: true, delete: false, export: true, transfer: false });
    const table = await screen.findByRole('table', { name: 'Customers' });
    await within(table).findByText('Wang Fang');
    expect(within(table).queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByRole('button', { name: /Transfer/ })).toBeNull();
  });

  it('selects every record of the page at once', async () => {
    renderList({ create: true, update: true, delete: false, export: true, transfer: true });
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Customers' });
    await within(table).findByText('Wang Fang');
    await user.click(within(table).getByRole('checkbox', { name: 'Select every record on this page' }));
    expect(screen.getByText('3 selected')).toBeTruthy();
  });
});
