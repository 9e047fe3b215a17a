import { cleanup, render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../testing/i18n.js';
import { ApiClientProvider } from '@bankforge/app-shell';
import { AppHome, AppIndex } from './apps/AppHome.js';
import { RuntimeLayout } from './RuntimeLayout.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const me = { userId: 'u1', username: 'rm.li', branch: 'b1', roles: ['rm'], admin: false, auditLog: false };
const crm = {
  key: 'crm',
  label: { en: 'Bank CRM', 'zh-CN': '银行客户管理' },
  menu: [
    { entity: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, pluralLabel: { en: 'Customers', 'zh-CN': '客户列表' } },
    { entity: 'loan', label: { en: 'Loan', 'zh-CN': '贷款' }, pluralLabel: { en: 'Loans', 'zh-CN': '贷款列表' } },
  ],
};
const service = { key: 'service', label: { en: 'Service desk', 'zh-CN': '服务台' }, menu: [crm.menu[0]!] };

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderShell(path: string, routes: Record<string, FakeHandler | FakeResponse>) {
  const server = fakeApi(routes);
  const redirect = vi.fn();
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<RuntimeLayout redirect={redirect} />}>
            <Route index element={<AppHome />} />
            <Route path=":app" element={<AppIndex />} />
            <Route path=":app/:entity" element={<p>the list</p>} />
          </Route>
        </Routes>
        <Where />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return { server, redirect };
}

describe('RuntimeLayout', () => {
  it('links to the audit log only for whom the server says may read it', async () => {
    renderShell('/crm/customer', { 'GET /api/auth/me': { body: me }, 'GET /api/runtime/apps': { body: [crm] } });
    expect(await screen.findByText('the list')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
    cleanup();
    renderShell('/crm/customer', { 'GET /api/auth/me': { body: { ...me, username: 'zheng_hua', auditLog: true } }, 'GET /api/runtime/apps': { body: [crm] } });
    expect((await screen.findByRole('link', { name: 'Audit log' })).getAttribute('href')).toBe('/audit');
  });

  it("goes straight into the only app, with its name and its menu of entity pages", async () => {
    renderShell('/', { 'GET /api/auth/me': { body: me }, 'GET /api/runtime/apps': { body: [crm] } });
    expect(await screen.findByText('the list')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/crm/customer');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Customers', '/crm/customer'],
      ['Loans', '/crm/loan'],
    ]);
    expect(screen.getByRole('link', { name: 'Bank CRM' })).toBeTruthy();
    expect(screen.getByText('Signed in as rm.li')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'App' })).toBeNull();
  });

  it('offers a choice of apps and a switcher when there are several, and speaks Chinese on request', async () => {
    renderShell('/', { 'GET /api/auth/me': { body: me }, 'GET /api/runtime/apps': { body: [crm, service] } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Service desk' }));
    expect(await screen.findByText('the list')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/service/customer');
    await user.selectOptions(screen.getByRole('combobox', { name: 'App' }), 'crm');
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/crm/customer'));
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('link', { name: '贷款列表' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '银行客户管理' })).toBeTruthy();
  });

  it('sends a signed-out visitor to the login page, to come back here', async () => {
    const { redirect } = renderShell('/', { 'GET /api/auth/me': problem(401, 'unauthenticated') });
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/login?next=%2F'));
  });

  it('signs out and leaves for the login page', async () => {
    const { server, redirect } = renderShell('/crm/customer', {
      'GET /api/auth/me': { body: me },
      'GET /api/runtime/apps': { body: [crm] },
      'POST /api/auth/logout': { status: 204 },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/login?next=%2F'));
    expect(server.requests.some((r) => r.url === '/api/auth/logout')).toBe(true);
  });

  it('shows why the apps could not be loaded and retries', async () => {
    let calls = 0;
    renderShell('/', {
      'GET /api/auth/me': { body: me },
      'GET /api/runtime/apps': () => (++calls === 1 ? problem(503, 'unavailable', { detail: 'The database is down.' }) : { body: [crm] }),
    });
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('the list')).toBeTruthy();
  });

  it('says when the user has no app', async () => {
    renderShell('/', { 'GET /api/auth/me': { body: me }, 'GET /api/runtime/apps': { body: [] } });
    expect(await screen.findByText(/No app is published for you yet/)).toBeTruthy();
  });
});
