import { useApiClient } from '@bankforge/app-shell';
import type { DashboardSummary } from '@bankforge/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { localized } from '../shell/localized.js';

/**
 * The header's links to the dashboards the reader's roles are given (the server lists only those
 * with a widget they may run). Nothing is shown without any, or when the list cannot be read: the
 * rest of the header does not depend on it.
 */
export function DashboardNav() {
  const { t, i18n } = useTranslation('dashboard');
  const api = useApiClient();
  const [dashboards, setDashboards] = useState<DashboardSummary[]>([]);
  useEffect(() => {
    let current = true;
    api.dashboards().then(
      (list) => current && setDashboards(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  if (dashboards.length === 0) return null;
  return (
    <nav aria-label={t('nav.label')} className="app-nav dashboard-nav">
      <ul>
        {dashboards.map((dashboard) => (
          <li key={dashboard.key}>
            <NavLink to={`/dashboards/${encodeURIComponent(dashboard.key)}`}>{dashboard.label ? localized(dashboard.label, i18n.language) : dashboard.title}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
