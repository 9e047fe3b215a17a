import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, CaseDetail, RuntimeEntityFlow, RuntimeEntityPage } from '@bankforge/client';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalProblemText } from '../../approval/approval-problem.js';
import { useLoad } from '../../shell/load/useLoad.js';
import { Loading } from '../../shell/Loading.js';
import { localized } from '../../shell/localized.js';
import { ProblemNotice } from '../../shell/ProblemNotice.js';
import { approvalsChanged } from '../../shell/refresh/approvals-changed.js';
import { RecordCaseItem } from './RecordCaseItem.js';
import { startableFlows } from './startable-flows.js';
import { SubmitDialog } from './SubmitDialog.js';

export interface RecordCasesProps {
  page: RuntimeEntityPage;
  recordId: string;
  /** A case started on the record: the flow may have changed fields it owns, so the page reads the record again. */
  onStarted(): void;
}

type Outcome = { kind: 'started'; flow: string; detail: CaseDetail } | { kind: 'failed'; problem: ApiProblem } | null;

/**
 * The "Approvals" section of a record page: the record's cases (status, where each waits, its
 * trail on request) and "Submit for approval" for each flow the reader may start that has no running case here.
 */
export function RecordCases({ page, recordId, onStarted }: RecordCasesProps) {
  const { t, i18n } = useTranslation('cases');
  const { t: ta } = useTranslation('approval');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const titleId = useId();
  const read = useCallback(() => api.listCases({ record: recordId }), [api, recordId]);
  const { load, reload, replace } = useLoad(read);
  const [submitting, setSubmitting] = useState<RuntimeEntityFlow | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const flows = page.flows ?? [];
  const startable = load.status === 'loaded' ? startableFlows(flows, load.value.items) : [];

  const start = async (flow: RuntimeEntityFlow, comment: string | undefined) => {
    setBusy(true);
    setOutcome(null);
    try {
      const detail = await api.startCase(flow.key, comment === undefined ? { recordId } : { recordId, comment });
      if (load.status === 'loaded') replace({ items: [detail, ...load.value.items.filter((item) => item.id !== detail.id)] });
      setOutcome({ kind: 'started', flow: localized(flow.name, language), detail });
      approvalsChanged();
      onStarted();
    } catch (error) {
      setOutcome({ kind: 'failed', problem: asProblem(error) });
    } finally {
      setBusy(false);
      setSubmitting(null);
    }
  };

  return (
    <section className="record-cases" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('record.title')}</h2>
      <p role="status" className="save-status">
        {outcome?.kind === 'started' ? t('record.submitted', { flow: outcome.flow }) : ''}
      </p>
      {outcome?.kind === 'failed' && <ProblemNotice message={approvalProblemText(outcome.problem, ta, t('record.startFailed'))} problem={outcome.problem} />}
      {startable.length > 0 && (
        <div className="action-bar">
          {startable.map((flow) => (
            <button key={flow.key} type="button" className="primary" disabled={busy} onClick={() => setSubmitting(flow)}>
              {startable.length === 1 && flows.length === 1 ? t('record.submit') : t('record.submitTo', { flow: localized(flow.name, language) })}
            </button>
          ))}
        </div>
      )}
      {load.status === 'loading' && <Loading label={t('record.loading')} />}
      {load.status === 'error' && <ProblemNotice message={t('record.loadFailed')} problem={load.error} onRetry={reload} />}
      {load.status === 'loaded' &&
        (load.value.items.length === 0 ? (
          <p className="muted">{t('record.none')}</p>
        ) : (
          <ul className="record-case-list">
            {load.value.items.map((item) => (
              <RecordCaseItem key={item.id} summary={item} now={load.receivedAt} started={outcome?.kind === 'started' && outcome.detail.id === item.id ? outcome.detail : undefined} />
            ))}
          </ul>
        ))}
      {submitting && <SubmitDialog flow={submitting} busy={busy} onSubmit={(comment) => void start(submitting, comment)} onCancel={() => setSubmitting(null)} />}
    </section>
  );
}
