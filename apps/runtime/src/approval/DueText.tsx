import { languageOf } from '@bankforge/app-shell';
import type { ApprovalTask } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../entity-list/format/format-value.js';
import { businessDue } from './business-due.js';
import { relativeTime } from './relative-time.js';

export interface DueTextProps {
  dueAt: string | undefined;
  /** The working time left on the bank's calendar (negative when overdue), when the server has a calendar. */
  dueIn?: ApprovalTask['dueIn'];
  /** The server's verdict: shown in red. */
  overdue: boolean;
  /** When the page read the task, to count from when the server counted no working time. */
  now: number;
}

/**
 * When a task is due, in business time: "Due in 2 business days" / "2个工作日后到期", or
 * "2 business hours overdue" / "已逾期2个工作小时"; the exact time on hover. Without the server's
 * working time, calendar time ("Due in 2 days") or plain "Overdue".
 */
export function DueText({ dueAt, dueIn, overdue, now }: DueTextProps) {
  const { t, i18n } = useTranslation('approval');
  const language = languageOf(i18n.language);
  if (dueAt === undefined) return overdue ? <strong className="overdue">{t('due.overdue')}</strong> : <span className="muted">{t('due.none')}</span>;
  const due = dueIn ? businessDue(dueIn) : undefined;
  const side = overdue ? 'late' : 'left';
  const text = due ? (due.unit === 'underHour' ? t(`due.${side}.underHour`) : t(`due.${side}.${due.unit}`, { count: due.count })) : overdue ? t('due.overdue') : t('due.at', { when: relativeTime(dueAt, now, language) });
  const time = (
    <time dateTime={dueAt} title={formatDateTime(dueAt, language)}>
      {text}
    </time>
  );
  return overdue ? <strong className="overdue">{time}</strong> : time;
}
