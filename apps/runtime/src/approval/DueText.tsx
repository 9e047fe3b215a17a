import { languageOf } from '@bankforge/app-shell';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../entity-list/format/format-value.js';
import { relativeTime } from './relative-time.js';

export interface DueTextProps {
  dueAt: string | undefined;
  /** The server's verdict (it counts business time): shown as "Overdue" in red. */
  overdue: boolean;
  /** When the page read the task, to count from. */
  now: number;
}

/** When a task is due: "Due in 2 days" / "2天后到期", or "Overdue" / "已逾期"; the exact time on hover. */
export function DueText({ dueAt, overdue, now }: DueTextProps) {
  const { t, i18n } = useTranslation('approval');
  const language = languageOf(i18n.language);
  if (overdue) {
    return (
      <strong className="overdue">
        {dueAt === undefined ? t('due.overdue') : <time dateTime={dueAt} title={formatDateTime(dueAt, language)}>{t('due.overdue')}</time>}
      </strong>
    );
  }
  if (dueAt === undefined) return <span className="muted">{t('due.none')}</span>;
  return (
    <time dateTime={dueAt} title={formatDateTime(dueAt, language)}>
      {t('due.at', { when: relativeTime(dueAt, now, language) })}
    </time>
  );
}
