import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** The header's link to the audit log, for those the server says may read it. */
export function AuditLink() {
  const { t } = useTranslation('audit');
  return (
    <nav aria-label={t('title')} className="app-nav">
      <ul>
        <li>
          <NavLink to="/audit">{t('link')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
