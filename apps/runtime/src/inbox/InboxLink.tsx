import { useApiClient } from '@bankforge/app-shell';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { useRefreshed } from '../shell/refresh/useRefreshed.js';

/**
 * The header's "Inbox" with the number of tasks waiting (assigned to the reader and theirs to
 * claim), asked again on every page change, every minute and after a task was claimed or acted on.
 */
export function InboxLink() {
  const { t } = useTranslation('inbox');
  const api = useApiClient();
  const { pathname } = useLocation();
  const load = useCallback(() => api.inbox({ limit: 1 }), [api]);
  const page = useRefreshed(load, pathname);
  const waiting = page === null ? 0 : page.counts.mine + page.counts.claimable;
  return (
    <NavLink to="/inbox">
      {t('link')}
      {waiting > 0 && (
        <>
          {' '}
          <span className="badge" aria-hidden="true">
            {waiting}
          </span>
          <span className="visually-hidden">{`(${t('waiting', { count: waiting })})`}</span>
        </>
      )}
    </NavLink>
  );
}
