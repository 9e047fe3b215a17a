import type { RecordQuery } from '@bankforge/client';
import { cleanup, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerPage } from '../testing/customer.js';
import { fakeApi, type FakeHandler, problem, renderPage } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../testing/i18n.js';
import { columnStorageKey } from './columns/column-choice.js';
import { EntityListPage } from './EntityListPage.js';

beforeEach(async () => {
  localStorage.clear();
  await initTestI18n('en');
});
afterEach(cleanup);

const wang = { id: 'c1', version: 1, full_name: 'Wang Fang', tier: 'gold', balance: { amount: '1234567.5', currency: 'CNY' }, resident_id: '110***********002X', active: true };
const li = { id: 'c2', version: 4, full_name: 'Li Lei', tier: 'silver', balance: null, resident_id: null, active: false };

function renderList(query: FakeHandler, page: object = customerPage, path = '/crm/customer') {
  const server = fakeApi({ 'GET /api/runtime/entities/customer': { body: page }, 'POST /api/records/customer/query': query });
  renderPage(<EntityListPage filterDelayMs={0} />, server.client, { path, pattern: '/:app/:entity' });
  const queries = () => server.requests.filter((r) => r.url === '/api/records/customer/query').map((r) => r.body as RecordQuery);
  return { server, queries };
}

describe('EntityListPage', () => {
  it("opens filtered as a dashboard's drill links it: by an option in its column filter, by the owner (an RM) in the query alone", async () => {
    const { queries } = renderList(() => ({ body: { items: [wang], nextCursor: null, total: 1 } }), customerPage, '/crm/customer?tier=gold&owner_id=u-wf');
    await screen.findByText('Wang Fang');
    expect((screen.getByRole('combobox', { name: 'Filter Tier' }) as HTMLSelectElement).value).toBe('gold');
    expect(queries()[0]?.filter).toEqual({ and: [{ and: [{ field: 'tier', op: 'eq', value: 'gold' }] }, { field: 'owner_id', op: 'eq', value: 'u-wf' }] });
    expect(screen.getByText("Only one owner's records.")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Show every owner' }));
    await waitFor(() => expect(queries().at(-1)?.filter).toEqual({ and: [{ field: 'tier', op: 'eq', value: 'gold' }] }));
    expect(screen.queryByText("Only one owner's records.")).toBeNull();
  });

  it('shows a page of records with values formatted by type and the total', async () => {
    const { queries } = renderList(() => ({ body: { items: [wang, li], nextCursor: null, total: 2 } }));
    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(await within(table).findByText('Wang Fang')).toBeTruthy();
    const cells = within(table).getAllByRole('row')[2]!.querySelectorAll('td');
    expect([...cells].map((cell) => cell.textContent)).toEqual(['Wang Fang', 'Gold', 'CN¥1,234,567.50', '110***********002X', 'Yes']);
    expect(screen.getByText('2 records')).toBeTruthy();
    expect(queries()[0]).toEqual({ fields: ['full_name', 'tier', 'balance', 'resident_id', 'active'], limit: 25, count: true });
  });

  it('sorts on the server when an indexed column header is clicked, and says the order', async () => {
    const { queries } = renderList(() => ({ body: { items: [wang], nextCursor: null, total: 1 } }));
    const user = userEvent.setup();
    const header = await screen.findByRole('columnheader', { name: /Full name/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(within(screen.getByRole('columnheader', { name: /Tier/ })).queryByRole('button')).toBeNull();
    await user.click(within(header).getByRole('button', { name: /Full name/ }));
    await waitFor(() => expect(queries().at(-1)?.sort).toEqual([{ field: 'full_name', direction: 'asc' }]));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    await user.click(within(header).getByRole('button', { name: /Full name/ }));
    await waitFor(() => expect(queries().at(-1)?.sort).toEqual([{ field: 'full_name', direction: 'desc' }]));
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it('offers no filter or sort on a field masked for the reader: only the audited unmask reveals it', async () => {
    renderList(() => ({ body: { items: [wang], nextCursor: null, total: 1 } }), { ...customerPage, fieldAccess: { full_name: 'masked', resident_id: 'masked' } });
    await screen.findByText('Wang Fang');
    expect(screen.queryByRole('textbox', { name: 'Filter Full name' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Filter Resident ID' })).toBeNull();
    expect(within(screen.getByRole('columnheader', { name: /Full name/ })).queryByRole('button')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Filter Tier' })).toBeTruthy();
  });

  it('pages forward with the cursor the server gave and back again', async () => {
    const { queries } = renderList((request) => {
      const cursor = (request.body as RecordQuery).cursor;
      if (cursor === undefined) return { body: { items: [wang], nextCursor: 'after-wang', total: 3 } };
      if (cursor === 'after-wang') return { body: { items: [li], nextCursor: 'after-li', total: 3 } };
      return { body: { items: [], nextCursor: null, total: 3 } };
    });
    const user = userEvent.setup();
    await screen.findByText('Wang Fang');
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Li Lei')).toBeTruthy();
    expect(screen.getByText('Page 2')).toBeTruthy();
    expect(queries().at(-1)?.cursor).toBe('after-wang');
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Wang Fang')).toBeTruthy();
    expect(queries().at(-1)?.cursor).toBeUndefined();
    await user.selectOptions(screen.getByLabelText('Rows per page'), '50');
    await waitFor(() => expect(queries().at(-1)?.limit).toBe(50));
  });

  it('filters by column, combined with and, starting again from the first page', async () => {
    const { queries } = renderList(() => ({ body: { items: [wang], nextCursor: 'n', total: 1 } }));
    const user = userEvent.setup();
    await screen.findByText('Wang Fang');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter Full name' }), 'wang');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter Tier' }), 'gold');
    await user.type(screen.getByRole('textbox', { name: 'Filter Resident ID' }), '11010519491231002X');
    await waitFor(() =>
      expect(queries().at(-1)?.filter).toEqual({
        and: [
          { field: 'full_name', op: 'contains', value: 'wang' },
          { field: 'tier', op: 'eq', value: 'gold' },
          { field: 'resident_id', op: 'eq', value: '11010519491231002X' },
        ],
      }),
    );
    expect(queries().at(-1)?.cursor).toBeUndefined();
  });

  it('tells an empty list from one the filters emptied', async () => {
    const { queries } = renderList(() => ({ body: { items: [], nextCursor: null, total: 0 } }));
    const user = userEvent.setup();
    expect(await screen.findByText('No customers yet.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Filter Full name' }), 'zzz');
    await waitFor(() => expect(queries().at(-1)?.filter).toEqual({ and: [{ field: 'full_name', op: 'contains', value: 'zzz' }] }));
    expect(await screen.findByText('No customers match the filters.')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('No customers yet.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Filter Full name' })).toHaveProperty('value', '');
  });

  it("shows the server's problem and retries", async () => {
    let calls = 0;
    renderList(() => (++calls === 1 ? problem(400, 'invalidQuery', { detail: 'The filter is not valid.' }) : { body: { items: [li], nextCursor: null, total: 1 } }));
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The records could not be loaded.');
    expect(alert.textContent).toContain('The filter is not valid.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Li Lei')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens a record by click or by Enter on its focused row, and New opens an empty one', async () => {
    renderList(() => ({ body: { items: [wang, li], nextCursor: null, total: 2 } }));
    const user = userEvent.setup();
    await user.click(await screen.findByText('Li Lei'));
    expect(screen.getByTestId('destination').textContent).toBe('/crm/customer/c2');
    cleanup();
    renderList(() => ({ body: { items: [wang, li], nextCursor: null, total: 2 } }));
    await screen.findByText('Wang Fang');
    screen.getByText('Wang Fang').closest('tr')!.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('destination').textContent).toBe('/crm/customer/c1');
    cleanup();
    renderList(() => ({ body: { items: [], nextCursor: null, total: 0 } }));
    await user.click(await screen.findByRole('button', { name: 'New' }));
    expect(screen.getByTestId('destination').textContent).toBe('/crm/customer/new');
  });

  it('lets the reader hide and show columns, remembered per entity', async () => {
    const { queries } = renderList(() => ({ body: { items: [wang], nextCursor: null, total: 1 } }));
    const user = userEvent.setup();
    await screen.findByText('Wang Fang');
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Balance' }));
    expect(screen.queryByRole('columnheader', { name: 'Balance' })).toBeNull();
    await waitFor(() => expect(queries().at(-1)?.fields).toEqual(['full_name', 'tier', 'resident_id', 'active']));
    expect(JSON.parse(localStorage.getItem(columnStorageKey('customer'))!)).toMatchObject({ balance: false, full_name: true });
    cleanup();
    renderList(() => ({ body: { items: [wang], nextCursor: null, total: 1 } }));
    await screen.findByText('Wang Fang');
    expect(screen.queryByRole('columnheader', { name: 'Balance' })).toBeNull();
  });
});

describe('EntityListPage under field rules', () => {
  it('leaves out the columns the reader may not see when the server refuses them', async () => {
    const { queries } = renderList((request) => {
      const fields = (request.body as RecordQuery).fields ?? [];
      const index = fields.indexOf('balance');
      return index >= 0
        ? problem(403, 'fieldNotPermitted', { errors: [{ path: `/fields/${index}`, code: 'fieldNotPermitted', message: 'You may not use balance' }] })
        : { body: { items: [wang], nextCursor: null, total: 1 } };
    });
    expect(await screen.findByText('Wang Fang')).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Balance' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(queries().at(-1)?.fields).toEqual(['full_name', 'tier', 'resident_id', 'active']);
  });
});
