import { useApiClient } from '@bankforge/app-shell';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { approvalProblemText } from '../approval/approval-problem.js';
import type { ModuleImporter } from '../record/form/type-checks.js';
import { useLoad } from '../shell/load/useLoad.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import type { TaskNotice } from './task-notice.js';
import { TaskView } from './TaskView.js';

/** `/tasks/:id`: an approval task with its case; what happened last stays on screen across a reload. */
export default function TaskPage({ importModule }: { importModule?: ModuleImporter }) {
  const { t } = useTranslation('task');
  const { t: ta } = useTranslation('approval');
  const api = useApiClient();
  const { id = '' } = useParams();
  const read = useCallback(async () => {
    const task = await api.readTask(id);
    return { task, detail: await api.readCase(task.caseId) };
  }, [api, id]);
  const { load, reload } = useLoad(read);
  const [notice, setNotice] = useState<TaskNotice>(null);

  return (
    <>
      <p role="status" className="save-status">
        {notice?.kind === 'claimed' ? t('claimed') : notice?.kind === 'commented' ? t('commented') : ''}
      </p>
      {notice?.kind === 'failed' && (
        <ProblemNotice message={approvalProblemText(notice.problem, ta, t(notice.claim ? 'claimFailed' : 'failed'))} problem={notice.problem} />
      )}
      {notice?.kind === 'failed' && notice.reloaded && <p className="notice">{t('reloaded')}</p>}
      {load.status === 'loading' && <Loading label={t('loading')} />}
      {load.status === 'error' && <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={reload} />}
      {load.status === 'loaded' && (
        <TaskView
          key={`${load.value.task.id}@${load.receivedAt}`}
          task={load.value.task}
          detail={load.value.detail}
          now={load.receivedAt}
          onNotice={setNotice}
          onReload={reload}
          importModule={importModule}
        />
      )}
    </>
  );
}
