import { languageOf, useApiClient } from '@bankforge/app-shell';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { caseText, recordTitle } from '../approval/case-text.js';
import { CaseStatusText } from '../approval/CaseStatusText.js';
import { recordPath } from '../approval/record-path.js';
import { WaitingAt } from '../approval/WaitingAt.js';
import { formatDateTime } from '../entity-list/format/format-value.js';
import { useShellContext } from '../shell/apps/AppHome.js';
import { useLoad } from '../shell/load/useLoad.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { CaseTrail } from '../trail/CaseTrail.js';
import { CaseCommands } from './CaseCommands.js';
import { CaseMigration } from './CaseMigration.js';
import { CommandNoticeView } from './CommandNoticeView.js';
import { useCommandNotice } from './useCommandNotice.js';

/** `/cases/:id`: one case: its status, where it waits, its record, the reader's open tasks on it, Withdraw and Urge (an administrator: Move to a newer version), and its trail. */
export default function CasePage() {
  const { t, i18n } = useTranslation('cases');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const { apps } = useShellContext();
  const { id = '' } = useParams();
  const read = useCallback(() => api.readCase(id), [api, id]);
  const { load, reload, replace } = useLoad(read);
  const { notice, done, failed } = useCommandNotice();

  if (load.status === 'loading') return <Loading label={t('case.loading')} />;
  if (load.status === 'error') return <ProblemNotice message={t('case.loadFailed')} problem={load.error} onRetry={reload} />;
  const detail = load.value;
  const record = recordTitle(detail);
  const path = recordPath(apps, detail.entity, detail.recordId);
  const myTasks = detail.tasks.filter((task) => task.actions.length > 0 || task.claimable);
  return (
    <section className="case-page" aria-labelledby="case-title">
      <h1 id="case-title">{t('case.title', { flow: caseText(detail.flowName, language), record })}</h1>
      <CommandNoticeView notice={notice} />
      <p>
        <CaseStatusText summary={detail} /> · {t('case.started', { name: detail.startedBy.name, at: formatDateTime(detail.startedAt, language) })}
        {detail.endedAt && ` · ${t('case.ended', { at: formatDateTime(detail.endedAt, language) })}`}
      </p>
      {detail.status === 'running' && <WaitingAt summary={detail} now={load.receivedAt} />}
      <ul className="link-list">
        {path && (
          <li>
            <Link to={path}>{t('case.openRecord')}</Link>
          </li>
        )}
        {myTasks.map((task) => (
          <li key={task.id}>
            <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{t('case.openTask', { step: caseText(task.nodeName, language) })}</Link>
          </li>
        ))}
      </ul>
      <CaseCommands
        summary={detail}
        onDone={(command, next) => {
          replace(next);
          done(command, record);
        }}
        onFailed={failed}
      />
      <CaseMigration
        detail={detail}
        onDone={(next, version) => {
          replace(next);
          done('migrate', record, version);
        }}
        onFailed={(problem) => failed('migrate', problem)}
      />
      <CaseTrail entries={detail.trail} />
    </section>
  );
}
