import type { RuntimeEntityActions } from '@bankforge/client';
import { publishedCustomer as customerEntity } from '@bankforge/data-model/testing';
import { customerFormOf } from '@bankforge/form-engine/testing';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import RecordPage from './RecordPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const form = customerFormOf(
  [
    { id: 'n1', type: 'field', field: 'full_name' },
    { id: 'n2', type: 'field', field: 'resident_id' },
    { id: 'n3', type: 'field', field: 'tier' },
  ],
  { default: true },
);
const none: RuntimeEntityActions = { create: false, update: false, delete: false, export: false, transfer: false };
const wang = { id: 'c1', version: 1, full_name: 'Wang Fang', resident_id: '110105********002X', tier: 'gold' };

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderRecord(path: string, actions: RuntimeEntityActions, routes: Record<string, FakeHandler | FakeResponse> = {}) {
  const page = { entity: customerEntity, form, related: {}, validators: {}, fieldAccess: { resident_id: 'masked' }, actions };
  const server = fakeApi({ 'GET /api/runtime/entities/customer': { body: page }, 'GET /api/records/customer/c1?form=customer_form': { body: wang }, ...routes });
  const element = <RecordPage importModule={vi.fn(async () => ({ default: () => () => [] }))} />;
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/:app/:entity/new" element={element} />
          <Route path="/:app/:entity/:id" element={element} />
          <Route path="/:app/:entity" element={<p>The list</p>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return server;
}

describe('a record page offers only what the reader may do', () => {
  it('shows a record the reader may not update read-only: no Save, no Delete, and says why', async () => {
    renderRecord('/crm/customer/c1', none);
    const name = await screen.findByRole('textbox', { name: 'Full name' });
    expect(name).toHaveProperty('value', 'Wang Fang');
    expect(name).toHaveProperty('readOnly', true);
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveProperty('disabled', true);
    expect(screen.getByText('You can read this Customer; your roles do not let you change it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(document.querySelector('form')!.classList.contains('bf-form-readonly')).toBe(true);
  });

  it('lets a reader with update edit and save', async () => {
    renderRecord('/crm/customer/c1', { ...none, update: true });
    expect(await screen.findByRole('textbox', { name: 'Full name' })).toHaveProperty('readOnly', false);
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.queryByText(/your roles do not let you change it/)).toBeNull();
  });

  it('draws no form for a new record the reader may not create', async () => {
    renderRecord('/crm/customer/new', none);
    expect(await screen.findByText('Your roles do not let you create a Customer.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Full name' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('deletes after asking, Cancel first, and goes back to the list', async () => {
    const server = renderRecord('/crm/customer/c1', { ...none, delete: true }, { 'DELETE /api/records/customer/c1': { body: { ...wang, version: 2 } } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Wang Fang?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The list')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/crm/customer');
  });

  it("keeps the dialog open with the server's refusal", async () => {
    renderRecord('/crm/customer/c1', { ...none, delete: true }, { 'DELETE /api/records/customer/c1': problem(403, 'forbidden') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await within(screen.getByRole('dialog')).findByText('The record was not deleted.')).toBeTruthy();
  });
});
