import type { RecordQuery, RuntimeEntityActions } from '@bankforge/client';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerPage } from '../testing/customer.js';
import { initTestI18n } from '../testing/i18n.js';
import { EntityListPage } from './EntityListPage.js';

const wang = {
  id: 'c1aa77f0-0000',
  version: 1,
  full_name: 'Wang Fang',
  tier: 'gold',
  balance: { amount: '1234567.5', currency: 'CNY' },
  resident_id: '110***********002X',
  active: true,
};
const readOnly: RuntimeEntityActions = {
  create: false,
  update: false,
  delete: false,
  export: false,
  transfer: false,
};

function renderList(actions: RuntimeEntityActions | undefined) {
  const server = fakeApi({
    'GET /api/runtime/entities/customer': { body: { ...customerPage, ...(actions ? { actions } : {}) } },
    'POST /api/records/customer/query': { body: { items: [wang], nextCursor: null, total: 1 } },
  });
  renderPage(<EntityListPage filterDelayMs={0} />, server.client, {
    path: '/crm/customer',
    pattern: '/:app/:entity',
  });
  return server;
}

/** A phone-sized screen: the stylesheet's narrow media query matches. */
function onPhone(matches: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeEach(async () => {
  localStorage.clear();
  await initTestI18n('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('an entity list offers only what the reader may do', () => {
  it('hides New and Export from a reader whose roles only read', async () => {
    renderList(readOnly);
    await screen.findByText('Wang Fang');
    expect(screen.queryByRole('button', { name: 'New' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
  });

  it('offers New with create and Export with export', async () => {
    renderList({ ...readOnly, create: true });
    await screen.findByText('Wang Fang');
    expect(screen.getByRole('button', { name: 'New' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
    cleanup();
    renderList({ ...readOnly, export: true });
    await screen.findByText('Wang Fang');
    expect(screen.queryByRole('button', { name: 'New' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
  });

  it('offers both when an older server says nothing of actions', async () => {
    renderList(undefined);
    await screen.findByText('Wang Fang');
    expect(screen.getByRole('button', { name: 'New' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
  });
});

describe('an entity list after a delete', () => {
  it('says which record was deleted on its page', async () => {
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: { ...customerPage, actions: { ...readOnly, delete: true } } },
      'POST /api/records/customer/query': { body: { items: [], nextCursor: null, total: 0 } },
    });
    render(
      <ApiClientProvider client={server.client}>
        <MemoryRouter initialEntries={[{ pathname: '/crm/customer', state: { deleted: 'Li Lei' } }]}>
          <Routes>
            <Route path="/:app/:entity" element={<EntityListPage filterDelayMs={0} />} />
          </Routes>
        </MemoryRouter>
      </ApiClientProvider>,
    );
    expect((await screen.findByText('Li Lei was deleted.')).getAttribute('role')).toBe('status');
  });
});

describe('an entity list on a phone', () => {
  it("shows each record as a card: its title and three of the reader's columns, opening the record", async () => {
    onPhone(true);
    const server = renderList(readOnly);
    const cards = await screen.findByRole('list', { name: 'Customers' });
    expect(screen.queryByRole('table')).toBeNull();
    const card = await within(cards).findByRole('link', { name: /Wang Fang/ });
    expect(card.getAttribute('href')).toBe('/crm/customer/c1aa77f0-0000');
    expect([...card.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Tier',
      'Balance',
      'Resident ID',
    ]);
    expect([...card.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      'Gold',
      'CN¥1,234,567.50',
      '110***********002X',
    ]);
    // Only what the cards show is asked for.
    const query = server.requests.find((r) => r.url === '/api/records/customer/query')!.body as RecordQuery;
    expect(query.fields).toEqual(['full_name', 'tier', 'balance', 'resident_id']);
  });

  it("keeps the title's filter: a customer is found by name", async () => {
    onPhone(true);
    const server = renderList(readOnly);
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Customers' });
    await user.type(screen.getByRole('textbox', { name: 'Filter Full name' }), 'Wang');
    await vi.waitFor(() => {
      const queries = server.requests.filter((r) => r.url === '/api/records/customer/query');
      expect((queries.at(-1)!.body as RecordQuery).filter).toBeDefined();
    });
  });

  it('keeps the grid on a wider screen', async () => {
    onPhone(false);
    renderList(readOnly);
    expect(await screen.findByRole('table', { name: 'Customers' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Customers' })).toBeNull();
  });
});
