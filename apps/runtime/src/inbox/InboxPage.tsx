import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, ApprovalAction, ApprovalTask } from '@bankforge/client';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router-dom';
import { actedFirst, approvalProblemText } from '../approval/approval-problem.js';
import { recordTitle } from '../approval/case-text.js';
import { approvalsChanged } from '../shell/refresh/approvals-changed.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { InboxFilterBar } from './InboxFilterBar.js';
import { inboxQuery, NO_FILTERS, type InboxFilters, type InboxScope } from './inbox-query.js';
import { InboxTable } from './InboxTable.js';
import { InboxTabs } from './InboxTabs.js';
import { useInbox } from './useInbox.js';

/** How long typing in a filter must pause before the inbox is asked again. */
export const INBOX_FILTER_DELAY_MS = 300;

/** What the task page hands the inbox after an action, for its notice. */
export interface ActedState {
  acted: { action: ApprovalAction; record: string };
}

function actedOf(state: unknown): ActedState['acted'] | null {
  return typeof state === 'object' && state !== null && 'acted' in state ? (state as ActedState).acted : null;
}

/**
 * `/inbox`: the tasks assigned to the reader and those their roles may claim, overdue first,
 * filtered by flow, overdue and amount, a page at a time ("Load more").
 */
export default function InboxPage({ filterDelayMs = INBOX_FILTER_DELAY_MS }: { filterDelayMs?: number }) {
  const { t } = useTranslation('inbox');
  const { t: ta } = useTranslation('approval');
  const api = useApiClient();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const scope: InboxScope = params.get('tab') === 'claimable' ? 'claimable' : 'mine';
  const [drafts, setDrafts] = useState<InboxFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const [status, setStatus] = useState(() => {
    const acted = actedOf(location.state);
    return acted ? t(`acted.${acted.action}`, { record: acted.record }) : '';
  });
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimProblem, setClaimProblem] = useState<ApiProblem | null>(null);
  const { load, loadMore, remove, reload } = useInbox(inboxQuery(scope, filters));
  const panelId = useId();
  const tabPrefix = useId();

  useEffect(() => {
    if (drafts === filters) return;
    const timer = setTimeout(() => setFilters(drafts), filterDelayMs);
    return () => clearTimeout(timer);
  }, [drafts, filters, filterDelayMs]);

  const claim = async (task: ApprovalTask) => {
    setClaiming(task.id);
    setClaimProblem(null);
    setStatus('');
    try {
      await api.claimTask(task.id);
      remove(task.id);
      setStatus(t('claimed', { record: recordTitle(task) }));
      approvalsChanged();
    } catch (error) {
      const problem = asProblem(error);
      setClaimProblem(problem);
      // Someone else claimed it first: the list as it is now.
      if (actedFirst(problem)) reload();
    } finally {
      setClaiming(null);
    }
  };

  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <section className="inbox-page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('title')}</h1>
      <p role="status" className="save-status">
        {status}
      </p>
      {claimProblem && <ProblemNotice message={approvalProblemText(claimProblem, ta, t('claimFailed'))} problem={claimProblem} />}
      <InboxTabs
        scope={scope}
        counts={load.counts}
        panelId={panelId}
        idPrefix={tabPrefix}
        onChange={(next) => setParams(next === 'mine' ? {} : { tab: next }, { replace: true })}
      />
      <div role="tabpanel" id={panelId} aria-labelledby={`${tabPrefix}-${scope}`}>
        <InboxFilterBar filters={drafts} flows={load.flows} onChange={setDrafts} />
        {load.error && <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={load.items.length === 0 ? reload : loadMore} />}
        {load.loading ? (
          <Loading label={t('loading')} />
        ) : load.items.length === 0 ? (
          !load.error && (
            <p role="status" className="notice">
              {filtered ? t('noMatch') : t(`empty.${scope}`)}
            </p>
          )
        ) : (
          <InboxTable tasks={load.items} now={load.receivedAt} claiming={claiming} onClaim={(task) => void claim(task)} />
        )}
        <div className="pager">
          {/* An empty inbox says so once, in its notice: no "Showing 0 tasks" beside it. */}
          <span aria-live="polite">{load.loading || load.items.length === 0 ? '' : t('shown', { count: load.items.length })}</span>
          {load.nextCursor !== null && !load.loading && (
            <button type="button" onClick={loadMore} disabled={load.loadingMore} aria-busy={load.loadingMore || undefined}>
              {t('loadMore')}
            </button>
          )}
          {load.loadingMore && <Loading label={t('loadingMore')} />}
        </div>
      </div>
    </section>
  );
}
