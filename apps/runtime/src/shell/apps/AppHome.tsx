import { useTranslation } from 'react-i18next';
import { Link, Navigate, useOutletContext, useParams } from 'react-router-dom';
import { localized } from '../localized.js';
import type { RuntimeApp } from '@bankforge/client';
import { landingPath } from './landing.js';
import { findApp } from './runtime-apps.js';

/** What the shell hands its pages: the user's apps. */
export interface ShellContext {
  apps: readonly RuntimeApp[];
}

export function useShellContext(): ShellContext {
  return useOutletContext<ShellContext>();
}

/** The start page (also where sign-in leads): straight to where the only app opens for the reader, else a choice of apps. */
export function AppHome() {
  const { t, i18n } = useTranslation('shell');
  const { apps } = useShellContext();
  const [only] = apps;
  if (apps.length === 1 && only) return <Navigate to={landingPath(only) ?? `/${only.key}`} replace />;
  if (apps.length === 0) return <p className="notice">{t('apps.none')}</p>;
  return (
    <section aria-labelledby="apps-title">
      <h1 id="apps-title">{t('apps.title')}</h1>
      <ul className="app-list">
        {apps.map((app) => (
          <li key={app.key}>
            <Link to={`/${app.key}`}>{localized(app.label, i18n.language)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An app's start page: where it opens for the reader's role (their landing), else its first entity page. */
export function AppIndex() {
  const { t } = useTranslation('shell');
  const { apps } = useShellContext();
  const { app: key } = useParams();
  const app = findApp(apps, key);
  const start = app && landingPath(app);
  if (!start) return <p className="notice notice-error">{t('apps.notFound', { app: key })}</p>;
  return <Navigate to={start} replace />;
}
