import { languageOf, useApiClient } from '@bankforge/app-shell';
import type { CaseSummary } from '@bankforge/client';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { caseText, recordTitle } from '../approval/case-text.js';
import { CaseStatusText } from '../approval/CaseStatusText.js';
import { WaitingAt } from '../approval/WaitingAt.js';
import { formatDateTime } from '../entity-list/format/format-value.js';
import { useLoad } from '../shell/load/useLoad.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { CaseCommands } from './CaseCommands.js';
import { CommandNoticeView } from './CommandNoticeView.js';
import { useCommandNotice } from './useCommandNotice.js';

/** `/cases`: what the reader submitted for approval, where each waits and since when; Withdraw and Urge. */
export default function MyCasesPage() {
  const { t, i18n } = useTranslation('cases');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const read = useCallback(() => api.listCases({ startedBy: 'me' }), [api]);
  const { load, reload, replace } = useLoad(read);
  const { notice, done, failed } = useCommandNotice();

  const replaceCase = (next: CaseSummary) => {
    if (load.status === 'loaded') replace({ items: load.value.items.map((item) => (item.id === next.id ? next : item)) });
  };

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('title')}</h1>
      <CommandNoticeView notice={notice} />
      {load.status === 'loading' && <Loading label={t('loading')} />}
      {load.status === 'error' && <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={reload} />}
      {load.status === 'loaded' && load.value.items.length === 0 && <p className="notice">{t('empty')}</p>}
      {load.status === 'loaded' && load.value.items.length > 0 && (
        <div className="grid-scroller">
          <table className="record-grid">
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.record')}</th>
                <th scope="col">{t('table.flow')}</th>
                <th scope="col">{t('table.status')}</th>
                <th scope="col">{t('table.waiting')}</th>
                <th scope="col">{t('table.started')}</th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {load.value.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/cases/${encodeURIComponent(item.id)}`}>{recordTitle(item)}</Link>
                  </th>
                  <td>{caseText(item.flowName, language)}</td>
                  <td>
                    <CaseStatusText summary={item} />
                  </td>
                  <td>
                    <WaitingAt summary={item} now={load.receivedAt} />
                  </td>
                  <td>
                    <time dateTime={item.startedAt}>{formatDateTime(item.startedAt, language)}</time>
                  </td>
                  <td>
                    <CaseCommands
                      summary={item}
                      onDone={(command, detail) => {
                        replaceCase(detail);
                        done(command, recordTitle(item));
                      }}
                      onFailed={(command, problem) => {
                        failed(command, problem);
                        reload();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
