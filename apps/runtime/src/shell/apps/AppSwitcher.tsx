import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { localized } from '../localized.js';
import type { RuntimeApp } from '@bankforge/client';

/** Moves between the user's apps (shown only when there are several). */
export function AppSwitcher({ apps, current }: { apps: readonly RuntimeApp[]; current: string | undefined }) {
  const { t, i18n } = useTranslation('shell');
  const navigate = useNavigate();
  return (
    <label className="app-switcher">
      <span>{t('apps.switcher')}</span>
      <select value={current ?? ''} onChange={(event) => navigate(`/${event.target.value}`)}>
        {current === undefined && <option value="" disabled>{t('apps.title')}</option>}
        {apps.map((app) => (
          <option key={app.key} value={app.key}>
            {localized(app.label, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}
