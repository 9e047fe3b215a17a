import type { CaseSummary } from '@bankforge/client';
import { useTranslation } from 'react-i18next';

const OUTCOMES = ['approved', 'rejected', 'returned', 'withdrawn'] as const;

/** A case's status in the reader's language, with its outcome once it ended ("Completed: Approved"). */
export function CaseStatusText({ summary }: { summary: Pick<CaseSummary, 'status' | 'outcome'> }) {
  const { t } = useTranslation('approval');
  const status = t(`status.${summary.status}`);
  const known = OUTCOMES.find((outcome) => outcome === summary.outcome);
  const outcome = summary.outcome === undefined ? undefined : known === undefined ? summary.outcome : t(`outcome.${known}`);
  return <span className={`case-status case-${summary.status}`}>{outcome === undefined ? status : `${status}: ${outcome}`}</span>;
}
