import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, CaseDetail, CaseSummary } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { caseText } from '../../approval/case-text.js';
import { CaseStatusText } from '../../approval/CaseStatusText.js';
import { WaitingAt } from '../../approval/WaitingAt.js';
import { formatDateTime } from '../../entity-list/format/format-value.js';
import { Loading } from '../../shell/Loading.js';
import { ProblemNotice } from '../../shell/ProblemNotice.js';
import { CaseTrail } from '../../trail/CaseTrail.js';

type TrailLoad = { status: 'closed' } | { status: 'loading' } | { status: 'open'; detail: CaseDetail } | { status: 'error'; error: ApiProblem };

export interface RecordCaseItemProps {
  summary: CaseSummary;
  now: number;
  /** A case just started here: its trail is known and shown at once. */
  started?: CaseDetail;
}

/** One case of a record: flow, status, where it waits, who submitted it; its trail on request (read when first opened). */
export function RecordCaseItem({ summary, now, started }: RecordCaseItemProps) {
  const { t, i18n } = useTranslation('cases');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const trailId = useId();
  const [trail, setTrail] = useState<TrailLoad>(started ? { status: 'open', detail: started } : { status: 'closed' });
  const flow = caseText(summary.flowName, language);
  const open = trail.status !== 'closed';

  const toggle = () => {
    if (open) {
      setTrail({ status: 'closed' });
      return;
    }
    setTrail({ status: 'loading' });
    api.readCase(summary.id).then(
      (detail) => setTrail({ status: 'open', detail }),
      (error: unknown) => setTrail({ status: 'error', error: asProblem(error) }),
    );
  };

  return (
    <li className="record-case">
      <h3>
        <Link to={`/cases/${encodeURIComponent(summary.id)}`}>{flow}</Link>
      </h3>
      <p>
        <CaseStatusText summary={summary} /> · {t('record.started', { name: summary.startedBy.name, at: formatDateTime(summary.startedAt, language) })}
      </p>
      {summary.status === 'running' && <WaitingAt summary={summary} now={now} />}
      <button type="button" aria-expanded={open} aria-controls={trailId} onClick={toggle}>
        {open ? t('record.hideTrail', { flow }) : t('record.showTrail', { flow })}
      </button>
      <div id={trailId}>
        {trail.status === 'loading' && <Loading label={t('record.loadingTrail')} />}
        {trail.status === 'error' && <ProblemNotice message={t('case.loadFailed')} problem={trail.error} onRetry={toggle} />}
        {trail.status === 'open' && <CaseTrail entries={trail.detail.trail} headingLevel={4} />}
      </div>
    </li>
  );
}
