import type { RuntimeApp } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { InboxLink } from '../../inbox/InboxLink.js';
import { NotificationsMenu } from '../../notifications/NotificationsMenu.js';

/** The header's approval links, the same in every app: the inbox with its count, my cases, and the notifications bell (its alerts open records under the reader's apps). */
export function ApprovalNav({ apps, currentApp }: { apps: readonly RuntimeApp[]; currentApp?: string }) {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('cases');
  return (
    <>
      <nav aria-label={t('nav.approvals')} className="app-nav approval-nav">
        <ul>
          <li>
            <InboxLink />
          </li>
          <li>
            <NavLink to="/cases" end>
              {tc('link')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <NotificationsMenu apps={apps} {...(currentApp !== undefined ? { currentApp } : {})} />
    </>
  );
}
