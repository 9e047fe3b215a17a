import type { SignedIn } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from './api/ApiClientContext.js';
import { loginUrl } from './auth/login-url.js';
import { APP_SHELL_NAMESPACE } from './i18n/messages.js';

export interface UserMenuProps {
  user: SignedIn;
  /** How to leave for the login page; tests pass a spy. */
  redirect: (url: string) => void;
  /** Where the login page sends the next user who signs in, e.g. `/designer/`. */
  returnTo: string;
}

/** Who is signed in, and signing out: the session ends on the server, then the login page opens. */
export function UserMenu({ user, redirect, returnTo }: UserMenuProps) {
  const { t } = useTranslation(APP_SHELL_NAMESPACE);
  const api = useApiClient();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.logout();
    } finally {
      redirect(loginUrl(returnTo));
    }
  };

  return (
    <div className="user-menu">
      <span>{t('user.signedInAs', { name: user.username })}</span>
      <button type="button" onClick={() => void signOut()} disabled={signingOut}>
        {signingOut ? t('user.signingOut') : t('user.signOut')}
      </button>
    </div>
  );
}
