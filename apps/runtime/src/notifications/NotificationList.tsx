import { languageOf } from '@bankforge/app-shell';
import type { CaseNotification } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { caseText } from '../approval/case-text.js';
import { relativeTime } from '../approval/relative-time.js';
import { formatDateTime } from '../entity-list/format/format-value.js';

export interface NotificationListProps {
  items: readonly CaseNotification[];
  /** When the list was read: times count from it. */
  now: number;
  onOpen(notification: CaseNotification): void;
}

/** The notifications, newest first as the server sends them; unread ones marked; each opens its task or case. */
export function NotificationList({ items, now, onOpen }: NotificationListProps) {
  const { t, i18n } = useTranslation('notifications');
  const language = languageOf(i18n.language);
  return (
    <ul className="notification-list">
      {items.map((notification) => (
        <li key={notification.id} className={notification.readAt ? undefined : 'unread'}>
          <button type="button" onClick={() => onOpen(notification)}>
            {!notification.readAt && <span className="visually-hidden">{`${t('unreadMark')}: `}</span>}
            <span>{caseText(notification.text, language)}</span>{' '}
            <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt, language)} className="muted">
              {relativeTime(notification.createdAt, now, language)}
            </time>
          </button>
        </li>
      ))}
    </ul>
  );
}
