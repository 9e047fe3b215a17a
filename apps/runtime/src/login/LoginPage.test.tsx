import { ApiClient } from '@bankforge/client';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, renderPage, sequence } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../testing/i18n.js';
import { LoginPage } from './LoginPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const signedIn = { userId: 'u1', username: 'rm.li', branch: 'b1', roles: ['rm'], admin: false, expiresAt: '2030-01-01T00:00:00Z' };

function renderLogin(path: string, answers: Parameters<typeof sequence>) {
  const server = fakeApi({ 'POST /api/auth/login': sequence(...answers) });
  const redirect = vi.fn();
  renderPage(<LoginPage redirect={redirect} />, server.client, { path, pattern: '/login' });
  return { server, redirect };
}

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  if (username) await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('signs in and goes to the same-origin page it was sent from, the designer included', async () => {
    const { server, redirect } = renderLogin('/login?next=%2Fdesigner%2Fform%2Fcustomer_form', [{ body: signedIn }]);
    await signIn('rm.li', 'Secret-Password-1');
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/designer/form/customer_form'));
    expect(server.requests[0]!.body).toEqual({ username: 'rm.li', password: 'Secret-Password-1' });
  });

  it('goes to the start page when next points elsewhere', async () => {
    const { redirect } = renderLogin('/login?next=%2F%2Fevil.example%2F', [{ body: signedIn }]);
    await signIn('rm.li', 'pw');
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/'));
  });

  it('says the credentials are wrong on 401 and asks to wait on 429, then lets the user try again', async () => {
    const { redirect } = renderLogin('/login', [problem(401, 'invalidCredentials'), problem(429, 'tooManyAttempts'), { body: signedIn }]);
    await signIn('rm.li', 'wrong');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The username or password is wrong.');
    expect(screen.getByLabelText('Password')).toHaveProperty('value', '');
    await signIn('', 'again');
    expect(await screen.findByText('Too many sign-in attempts. Wait a minute, then try again.')).toBeTruthy();
    await signIn('', 'right');
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/'));
  });

  it('shows progress and blocks a second submit while signing in', async () => {
    let answer: (response: Response) => void = () => undefined;
    const pending = new Promise<Response>((resolve) => (answer = resolve));
    const client = new ApiClient({ fetch: () => pending });
    renderPage(<LoginPage redirect={vi.fn()} />, client, { path: '/login', pattern: '/login' });
    await signIn('rm.li', 'pw');
    expect(screen.getByRole('button', { name: 'Signing in…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('progressbar', { name: 'Signing in…' })).toBeTruthy();
    answer(new Response(JSON.stringify(signedIn), { status: 200 }));
  });
});
