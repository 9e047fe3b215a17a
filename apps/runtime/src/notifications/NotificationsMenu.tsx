import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, CaseNotification, NotificationPage, RuntimeApp } from '@bankforge/client';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { recordPath } from '../approval/record-path.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { approvalsChanged } from '../shell/refresh/approvals-changed.js';
import { useRefreshed } from '../shell/refresh/useRefreshed.js';
import { NotificationList } from './NotificationList.js';

type ListLoad = { status: 'loading' } | { status: 'loaded'; items: CaseNotification[]; receivedAt: number } | { status: 'error'; error: ApiProblem };

/**
 * Where a notification leads: its task when it has one, else its case, else the record an
 * automation's alert is about (under an app of the reader's that shows it); nowhere for a notice.
 */
export function notificationPath(notification: CaseNotification, apps: readonly RuntimeApp[] = [], currentApp?: string): string | undefined {
  if (notification.taskId !== undefined) return `/tasks/${encodeURIComponent(notification.taskId)}`;
  if (notification.caseId !== undefined) return `/cases/${encodeURIComponent(notification.caseId)}`;
  return notification.record ? recordPath(apps, notification.record.entity, notification.record.id, currentApp) : undefined;
}

/**
 * The header's bell with the number of unread notifications; it opens a list of the latest ones.
 * Opening one marks it read and goes to its task, case or record (a notice with none stays open,
 * read); "Mark all as read" clears the count.
 */
export function NotificationsMenu({ apps = [], currentApp }: { apps?: readonly RuntimeApp[]; currentApp?: string }) {
  const { t } = useTranslation('notifications');
  const api = useApiClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const loadUnread = useCallback(() => api.notifications(true), [api]);
  const unread = useRefreshed<NotificationPage>(loadUnread, pathname)?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<ListLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const panelId = useId();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list is read afresh each time the menu opens
    setList({ status: 'loading' });
    api.notifications().then(
      (page) => current && setList({ status: 'loaded', items: page.items, receivedAt: Date.now() }),
      (error: unknown) => current && setList({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, open, attempt]);

  // A click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const markRead = (ids: readonly string[] | 'all') => {
    const at = new Date().toISOString();
    setList((current) =>
      current.status === 'loaded'
        ? { ...current, items: current.items.map((item) => (ids === 'all' || ids.includes(item.id) ? { ...item, readAt: item.readAt ?? at } : item)) }
        : current,
    );
    api.markNotificationsRead(ids).then(approvalsChanged, () => undefined);
  };

  const openOne = (notification: CaseNotification) => {
    if (!notification.readAt) markRead([notification.id]);
    const path = notificationPath(notification, apps, currentApp);
    if (path === undefined) return;
    setOpen(false);
    navigate(path);
  };

  return (
    <div
      ref={rootRef}
      className="notifications"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('unread', { count: unread }) : t('button')}
        onClick={() => setOpen((was) => !was)}
      >
        {/* Drawn, not an emoji: the bank's desktops may have no emoji font. */}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && (
          <span className="badge" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="notification-panel" aria-labelledby={titleId}>
          <div className="page-header">
            <h2 id={titleId}>{t('title')}</h2>
            <span className="toolbar-spacer" />
            {list.status === 'loaded' && list.items.some((item) => !item.readAt) && (
              <button type="button" onClick={() => markRead('all')}>
                {t('markAll')}
              </button>
            )}
          </div>
          {list.status === 'loading' && <Loading label={t('loading')} />}
          {list.status === 'error' && <ProblemNotice message={t('loadFailed')} problem={list.error} onRetry={() => setAttempt((n) => n + 1)} />}
          {list.status === 'loaded' &&
            (list.items.length === 0 ? <p className="muted">{t('empty')}</p> : <NotificationList items={list.items} now={list.receivedAt} onOpen={openOne} />)}
        </section>
      )}
    </div>
  );
}
