import { languageOf } from '@bankforge/app-shell';
import type { CaseSummary } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../entity-list/format/format-value.js';
import { caseText, peopleText } from './case-text.js';
import { relativeTime } from './relative-time.js';

/** Where a case waits and since when ("Credit review, since Mar 2, 2026, 9:00 AM (2 days ago)"), and with whom; several steps in a parallel split. */
export function WaitingAt({ summary, now }: { summary: Pick<CaseSummary, 'waitingAt'>; now: number }) {
  const { t, i18n } = useTranslation('approval');
  const language = languageOf(i18n.language);
  if (summary.waitingAt.length === 0) return <span className="muted">{t('waiting.nowhere')}</span>;
  return (
    <ul className="waiting-at">
      {summary.waitingAt.map((step) => (
        <li key={step.nodeId}>
          <time dateTime={step.since}>
            {t('waiting.at', { step: caseText(step.name, language), since: formatDateTime(step.since, language), ago: relativeTime(step.since, now, language) })}
          </time>
          {step.assignees.length > 0 && <span className="muted"> {t('waiting.with', { people: peopleText(step.assignees, language) })}</span>}
        </li>
      ))}
    </ul>
  );
}
