import { HeaderTools, useSignedIn } from '@bankforge/app-shell';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { Loading } from './Loading.js';

/** Leaves the designer for another page of the server (the login page lives in the runtime). */
function assignLocation(url: string): void {
  window.location.assign(url);
}

export interface DesignerLayoutProps {
  /** How to leave for the login page; tests pass a spy. */
  redirect?: (url: string) => void;
}

/** The designer's frame: header with navigation, language and the signed-in user; the page below. */
export function DesignerLayout({ redirect = assignLocation }: DesignerLayoutProps) {
  const { t } = useTranslation('shell');
  const signIn = useSignedIn(redirect);
  useEffect(() => {
    document.title = t('appName');
  }, [t]);

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          {t('appName')}
        </NavLink>
        <nav aria-label={t('nav.label')} className="app-nav">
          <NavLink to="/" end>
            {t('nav.artifacts')}
          </NavLink>
          {/* Shown as the server answers who is signed in: only administrators manage users, roles and keys. */}
          {signIn.status === 'signedIn' && signIn.user.admin && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          <a href="/">{t('nav.runtime')}</a>
        </nav>
        <HeaderTools signIn={signIn} redirect={redirect} returnTo="/designer/" />
      </header>
      <div id="main" className="app-main" tabIndex={-1}>
        {signIn.status === 'signedIn' ? (
          <Outlet />
        ) : signIn.status === 'error' ? (
          <p role="alert" className="notice notice-error">
            {signIn.error.detail || signIn.error.title}
          </p>
        ) : (
          <Loading />
        )}
      </div>
    </div>
  );
}
