import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeaderTools } from './HeaderTools.js';
import { initPackageTestI18n } from './test-support/test-i18n.js';

beforeEach(() => initPackageTestI18n('en'));
afterEach(cleanup);

const me = { userId: 'u1', username: 'ana', branch: null, roles: ['analyst'], admin: false, auditLog: false };

describe('HeaderTools', () => {
  it('offers the languages always and the user menu once signed in', () => {
    const { rerender } = render(<HeaderTools signIn={{ status: 'checking' }} redirect={vi.fn()} returnTo="/" />);
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    rerender(<HeaderTools signIn={{ status: 'signedIn', user: me }} redirect={vi.fn()} returnTo="/" />);
    expect(screen.getByText('Signed in as ana')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });
});
