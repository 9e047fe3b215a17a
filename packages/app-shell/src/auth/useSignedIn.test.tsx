import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '../testing/fake-api.js';
import { renderPage } from '../testing/render.js';
import { useSignedIn } from './useSignedIn.js';

afterEach(cleanup);

function Who({ redirect }: { redirect: (url: string) => void }) {
  const signIn = useSignedIn(redirect);
  return <p data-testid="who">{signIn.status === 'signedIn' ? signIn.user.username : signIn.status === 'error' ? signIn.error.code : 'checking'}</p>;
}

const me = { userId: 'u1', username: 'rm.li', branch: 'b1', roles: ['rm'], admin: false, auditLog: false };

describe('useSignedIn', () => {
  it('answers the signed-in user', async () => {
    const redirect = vi.fn();
    renderPage(<Who redirect={redirect} />, fakeApi({ 'GET /api/auth/me': { body: me } }).client);
    expect(screen.getByTestId('who').textContent).toBe('checking');
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('rm.li'));
    expect(redirect).not.toHaveBeenCalled();
  });

  it('sends a signed-out visitor to the login page, to come back to where the browser is', async () => {
    window.history.replaceState(null, '', '/crm/customer?page=2');
    const redirect = vi.fn();
    renderPage(<Who redirect={redirect} />, fakeApi({ 'GET /api/auth/me': problem(401, 'unauthenticated') }).client);
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/login?next=%2Fcrm%2Fcustomer%3Fpage%3D2'));
  });

  it('shows any other failure as a problem', async () => {
    const redirect = vi.fn();
    renderPage(<Who redirect={redirect} />, fakeApi({ 'GET /api/auth/me': problem(503, 'unavailable') }).client);
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('unavailable'));
    expect(redirect).not.toHaveBeenCalled();
  });
});
