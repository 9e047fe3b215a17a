import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, AuditEntityLabels, AuditEntry } from '@bankforge/client';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { AUDIT_PAGE_SIZE, filtersFromParams, paramsOf, searchOf, type AuditFilters } from './audit-search.js';
import { AuditEntries } from './AuditEntries.js';
import { AuditSearchForm } from './AuditSearchForm.js';
import { ChainCheck } from './ChainCheck.js';
import './audit.css';

type Page = { status: 'loading' } | { status: 'loaded'; entries: AuditEntry[]; more: boolean } | { status: 'error'; problem: ApiProblem };

/**
 * `/audit`: the audit log for those granted it (compliance, internal audit). Search by record, user,
 * action and time; read each entry's before and after; verify the hash chain; export the search as CSV.
 */
export default function AuditPage() {
  const { t } = useTranslation('audit');
  const api = useApiClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const search = useMemo(() => searchOf(filters), [filters]);
  const [entities, setEntities] = useState<AuditEntityLabels[]>([]);
  // The pages read so far, newest first: each the sequence number the next older page starts below.
  const [cursors, setCursors] = useState<number[]>([]);
  const beforeSeq = cursors.at(-1);
  const [round, setRound] = useState(0);
  // The answer, with the request it answers: a newer search shows Loading until its own answer arrives.
  const request = JSON.stringify([search, beforeSeq, round]);
  const [answer, setAnswer] = useState<{ request: string; page: Page } | null>(null);
  const page: Page = answer?.request === request ? answer.page : { status: 'loading' };

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  useEffect(() => {
    let current = true;
    // Labels only: without them entries show keys, so a failure here does not stop the viewer.
    api.auditEntities().then(
      (labels) => current && setEntities(labels),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    let current = true;
    // One more than a page: whether there is an older page, without a count of the whole log.
    api.auditEntries({ ...search, limit: AUDIT_PAGE_SIZE + 1, ...(beforeSeq === undefined ? {} : { beforeSeq }) }).then(
      (entries) => current && setAnswer({ request, page: { status: 'loaded', entries: entries.slice(0, AUDIT_PAGE_SIZE), more: entries.length > AUDIT_PAGE_SIZE } }),
      (error: unknown) => current && setAnswer({ request, page: { status: 'error', problem: asProblem(error) } }),
    );
    return () => {
      current = false;
    };
  }, [api, search, beforeSeq, request]);

  const labels = useMemo(() => new Map(entities.map((e) => [e.key, e])), [entities]);
  const runSearch = (next: AuditFilters) => {
    setCursors([]);
    setParams(paramsOf(next));
  };
  const first = cursors.length * AUDIT_PAGE_SIZE + 1;

  return (
    <section className="audit-page" aria-labelledby="audit-title">
      <div className="page-header">
        <h1 id="audit-title">{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <ChainCheck />
      {/* Keyed by the address: Back to an earlier search shows that search in the form. */}
      <AuditSearchForm key={params.toString()} filters={filters} entities={entities} onSearch={runSearch} />
      {page.status === 'loading' && <Loading />}
      {page.status === 'error' &&
        (page.problem.status === 403 ? (
          <p role="alert" className="notice notice-error">
            {t('forbidden')}
          </p>
        ) : (
          <ProblemNotice message={t('loadFailed')} problem={page.problem} onRetry={() => setRound(round + 1)} />
        ))}
      {page.status === 'loaded' && (
        <>
          <div className="action-bar audit-bar">
            <span role="status" aria-live="polite">
              {page.entries.length === 0 ? t('results.none') : t('results.page', { first, last: first + page.entries.length - 1 })}
            </span>
            <span className="toolbar-spacer" />
            <a className="button-link" href={api.auditExportUrl(search)} download aria-describedby="audit-export-note">
              {t('export.link')}
            </a>
            <span id="audit-export-note" className="muted audit-help">
              {t('export.note')}
            </span>
          </div>
          {page.entries.length > 0 && <AuditEntries entries={page.entries} entities={labels} />}
          <nav className="pager" aria-label={t('results.caption')}>
            <button type="button" onClick={() => setCursors(cursors.slice(0, -1))} disabled={cursors.length === 0}>
              {t('results.newer')}
            </button>
            <button type="button" onClick={() => setCursors([...cursors, page.entries.at(-1)!.seq])} disabled={!page.more}>
              {t('results.older')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
