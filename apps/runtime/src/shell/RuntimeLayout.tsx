import { HeaderTools, useSignedIn } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch } from 'react-router-dom';
import { AuditLink } from '../audit/AuditLink.js';
import { DashboardNav } from '../dashboard/DashboardNav.js';
import type { ShellContext } from './apps/AppHome.js';
import { ApprovalNav } from './approvals/ApprovalNav.js';
import { AppSwitcher } from './apps/AppSwitcher.js';
import { findApp } from './apps/runtime-apps.js';
import { useRuntimeApps } from './apps/useRuntimeApps.js';
import { Loading } from './Loading.js';
import { localized } from './localized.js';
import { AppMenu } from './menu/AppMenu.js';
import { ProblemNotice } from './ProblemNotice.js';

function assignLocation(url: string): void {
  window.location.assign(url);
}

export interface RuntimeLayoutProps {
  /** How to leave for the login page; tests pass a spy. */
  redirect?: (url: string) => void;
}

/**
 * The generated app's frame: the app's name, its menu of entity pages (those with no room under More), an app switcher when the
 * user has several apps, the approval links (inbox, my cases, notifications), the language switch
 * and the signed-in user; the page below.
 */
export function RuntimeLayout({ redirect = assignLocation }: RuntimeLayoutProps) {
  const { t, i18n } = useTranslation('shell');
  const signIn = useSignedIn(redirect);
  const { load, retry } = useRuntimeApps(signIn.status === 'signedIn');
  const appKey = useMatch('/:app/*')?.params.app;
  const apps = load.status === 'loaded' ? load.apps : [];
  // The approval pages (/inbox, /tasks/..., /cases) belong to no app: the header keeps the app the reader came from.
  const [lastApp, setLastApp] = useState<string | undefined>(undefined);
  const inPath = findApp(apps, appKey);
  if (inPath !== undefined && inPath.key !== lastApp) setLastApp(inPath.key);
  const app = inPath ?? findApp(apps, lastApp) ?? (apps.length === 1 ? apps[0] : undefined);
  const title = app ? localized(app.label, i18n.language) : t('appName');

  useEffect(() => {
    document.title = title;
  }, [title]);

  const context: ShellContext = { apps };
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to={app ? `/${app.key}` : '/'} className="brand">
          {title}
        </NavLink>
        {apps.length > 1 && <AppSwitcher apps={apps} current={app?.key} />}
        {app && <AppMenu app={app} />}
        {signIn.status === 'signedIn' && load.status === 'loaded' && <DashboardNav />}
        {signIn.status === 'signedIn' && load.status === 'loaded' && <ApprovalNav apps={apps} {...(app ? { currentApp: app.key } : {})} />}
        {/* As the server answers who is signed in: only those granted the audit log see its link. */}
        {signIn.status === 'signedIn' && signIn.user.auditLog && <AuditLink />}
        <HeaderTools signIn={signIn} redirect={redirect} returnTo="/" />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {signIn.status === 'error' ? (
          <ProblemNotice message={t('problem.unexpected')} problem={signIn.error} />
        ) : load.status === 'error' ? (
          <ProblemNotice message={t('apps.loadFailed')} problem={load.error} onRetry={retry} />
        ) : signIn.status === 'signedIn' && load.status === 'loaded' ? (
          <Outlet context={context} />
        ) : (
          <Loading />
        )}
      </main>
    </div>
  );
}
