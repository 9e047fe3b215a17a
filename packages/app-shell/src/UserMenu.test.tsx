import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from './testing/fake-api.js';
import { renderPage } from './testing/render.js';
import { initPackageTestI18n } from './test-support/test-i18n.js';
import { UserMenu } from './UserMenu.js';

beforeEach(() => initPackageTestI18n('en'));
afterEach(cleanup);

const me = { userId: 'u1', username: 'ana', branch: null, roles: ['analyst'], admin: false, auditLog: false };

describe('UserMenu', () => {
  it('signs out on the server, then opens the login page coming back to the given path', async () => {
    const server = fakeApi({ 'POST /api/auth/logout': { status: 204 } });
    const redirect = vi.fn();
    renderPage(<UserMenu user={me} redirect={redirect} returnTo="/designer/" />, server.client);
    expect(screen.getByText('Signed in as ana')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('/login?next=%2Fdesigner%2F'));
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/auth/logout']);
  });
});
