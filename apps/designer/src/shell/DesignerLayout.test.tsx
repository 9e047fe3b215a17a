import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { DesignerLayout } from './DesignerLayout.js';
import { fakeApi, problem } from '@bankforge/app-shell/testing';
import { initTestI18n } from './testing/i18n.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const me = { userId: 'u1', username: 'analyst', branch: null, roles: ['designer'], admin: false, auditLog: false };

function renderLayout(routes: Parameters<typeof fakeApi>[0]) {
  const server = fakeApi(routes);
  const redirect = vi.fn();
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter>
        <Routes>
          <Route element={<DesignerLayout redirect={redirect} />}>
            <Route index element={<p>the page</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return { server, redirect, user: userEvent.setup() };
}

describe('DesignerLayout', () => {
  it('shows the page and who is signed in', async () => {
    renderLayout({ 'GET /api/auth/me': { body: me } });
    expect(await screen.findByText('the page')).toBeTruthy();
    expect(screen.getByText('Signed in as analyst')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'BankForge Designer' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('offers Administration only to whom the server says is an administrator', async () => {
    renderLayout({ 'GET /api/auth/me': { body: me } });
    await screen.findByText('the page');
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
    cleanup();
    renderLayout({ 'GET /api/auth/me': { body: { ...me, username: 'admin', admin: true } } });
    expect((await screen.findByRole('link', { name: 'Administration' })).getAttribute('href')).toBe('/admin');
  });

  it('sends a signed-out visitor to the login page, to come back here', async () => {
    window.history.replaceState(null, '', '/designer/entity/customer');
    const { redirect } = renderLayout({ 'GET /api/auth/me': problem(401, 'unauthenticated') });
    await vi.waitFor(() => expect(redirect).toHaveBeenCalledWith('/login?next=%2Fdesigner%2Fentity%2Fcustomer'));
    expect(screen.queryByText('the page')).toBeNull();
  });

  it('signs out and leaves for the login page', async () => {
    const { server, redirect, user } = renderLayout({ 'GET /api/auth/me': { body: me }, 'POST /api/auth/logout': { status: 204 } });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(server.requests.at(-1)!.url).toBe('/api/auth/logout');
    expect(redirect).toHaveBeenCalledWith('/login?next=%2Fdesigner%2F');
  });

  it('switches the language to Chinese and back', async () => {
    const { user } = renderLayout({ 'GET /api/auth/me': { body: me } });
    await screen.findByText('the page');
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('button', { name: '退出登录' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('bankforge.language')).toBe('zh-CN');
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
  });
});
