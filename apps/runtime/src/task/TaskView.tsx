import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApprovalAction, ApprovalTask, CaseDetail, TaskActionRequest } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { actedFirst } from '../approval/approval-problem.js';
import { caseText, recordTitle } from '../approval/case-text.js';
import { recordPath } from '../approval/record-path.js';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import type { ActedState } from '../inbox/InboxPage.js';
import type { ModuleImporter } from '../record/form/type-checks.js';
import { useShellContext } from '../shell/apps/AppHome.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { approvalsChanged } from '../shell/refresh/approvals-changed.js';
import { CaseTrail } from '../trail/CaseTrail.js';
import { ActionBar } from './actions/ActionBar.js';
import { personRefusal } from './actions/action-request.js';
import { ActionDialog } from './actions/ActionDialog.js';
import { TaskRecord } from './record/TaskRecord.js';
import { useTaskRecord } from './record/useTaskRecord.js';
import { TaskFacts } from './TaskFacts.js';
import type { TaskNotice } from './task-notice.js';

export interface TaskViewProps {
  task: ApprovalTask;
  detail: CaseDetail;
  now: number;
  onNotice(notice: TaskNotice): void;
  /** Reads the task and its case again (after a claim, a comment, or someone else's action). */
  onReload(): void;
  importModule?: ModuleImporter;
}

/** Only the values of the fields the step lets the approver set. */
function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.includes(key)));
}

/** A task: its facts, the actions it allows with their dialogs, the fields to complete, the record read-only, and the case's trail. */
export function TaskView({ task, detail, now, onNotice, onReload, importModule }: TaskViewProps) {
  const { t, i18n } = useTranslation('task');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const navigate = useNavigate();
  const { apps } = useShellContext();
  const { load: pageLoad, retry } = useEntityPage(task.entity);
  const page = pageLoad.status === 'loaded' ? pageLoad.page : null;
  const recordLoad = useTaskRecord(page, task.recordId, task.editableFields, importModule);
  const [dialog, setDialog] = useState<ApprovalAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const [refusal, setRefusal] = useState<{ userId: string; message: string } | null>(null);
  // Nobody already on the task, nor its initiator: the server refuses them (maker-checker).
  const exclude = [...task.assignees.map((person) => person.id), ...(task.claimedBy ? [task.claimedBy.id] : []), task.startedBy.id];
  const record = recordTitle(task);
  const editable = recordLoad.status === 'ready' ? recordLoad.editable : null;

  const begin = (action: ApprovalAction) => {
    onNotice(null);
    // The fields to complete must hold before the approval is confirmed.
    if (action === 'approve' && editable !== null) {
      const invalid = editable.validate().length > 0;
      setShowErrors(invalid);
      if (invalid) {
        setFocusRequest((n) => n + 1);
        return;
      }
    }
    setDialog(action);
  };

  const act = async (action: ApprovalAction, request: TaskActionRequest) => {
    setBusy(true);
    const body = action === 'approve' && editable !== null ? { ...request, fields: pick(editable.submission(), task.editableFields) } : request;
    try {
      await api.actOnTask(task.id, action, body);
      approvalsChanged();
      if (action === 'comment') {
        setBusy(false);
        setDialog(null);
        onNotice({ kind: 'commented' });
        onReload();
        return;
      }
      navigate('/inbox', { state: { acted: { action, record } } satisfies ActedState });
    } catch (error) {
      const problem = asProblem(error);
      setBusy(false);
      // The person chosen cannot take the task: the dialog stays open to choose another.
      const refused = personRefusal(action, problem.code);
      const userId = action === 'delegate' ? request.delegateTo : request.addApprover?.userId;
      if (refused && userId) {
        setRefusal({ userId, message: t(`dialog.refused.${refused}`) });
        return;
      }
      setDialog(null);
      // Someone else acted first, or the task closed meanwhile: the page shows it as it is now.
      const reloaded = actedFirst(problem) || problem.code === 'taskNotOpen';
      onNotice({ kind: 'failed', problem, claim: false, reloaded });
      if (reloaded) onReload();
    }
  };

  const claim = async () => {
    setBusy(true);
    onNotice(null);
    try {
      await api.claimTask(task.id);
      approvalsChanged();
      onNotice({ kind: 'claimed' });
      onReload();
    } catch (error) {
      const problem = asProblem(error);
      setBusy(false);
      onNotice({ kind: 'failed', problem, claim: true, reloaded: actedFirst(problem) });
      if (actedFirst(problem)) onReload();
    }
  };

  return (
    <section className="task-page" aria-labelledby="task-title">
      <Link to="/inbox" className="back-link">
        {t('back')}
      </Link>
      {/* A returned case waits at its start step; what the initiator does there is amend and resubmit. */}
      <h1 id="task-title">{t('title', { step: task.resubmit ? t('resubmitStep') : caseText(task.nodeName, language), record })}</h1>
      <TaskFacts task={task} now={now} recordPath={recordPath(apps, task.entity, task.recordId)} />
      {task.status !== 'open' ? (
        <p className="notice">{t('closed')}</p>
      ) : task.claimable ? (
        <button type="button" className="primary" disabled={busy} aria-busy={busy || undefined} onClick={() => void claim()}>
          {t('claim')}
        </button>
      ) : (
        task.actions.length === 0 && <p className="notice">{t('lookOnly')}</p>
      )}
      {task.status === 'open' && (
        <ActionBar
          actions={task.actions}
          busy={busy}
          waiting={task.editableFields.length > 0 && recordLoad.status === 'loading' && pageLoad.status !== 'error' ? ['approve'] : []}
          resubmit={task.resubmit}
          onAction={begin}
        />
      )}
      {pageLoad.status === 'error' && <ProblemNotice message={t('record.loadFailed')} problem={pageLoad.error} onRetry={retry} />}
      {recordLoad.status === 'error' && <ProblemNotice message={t('record.loadFailed')} problem={recordLoad.error} />}
      {pageLoad.status !== 'error' && recordLoad.status === 'loading' && <Loading label={t('record.loading')} />}
      {recordLoad.status === 'ready' && <TaskRecord record={recordLoad.record} editable={recordLoad.editable} showErrors={showErrors} focusRequest={focusRequest} />}
      <CaseTrail entries={detail.trail} />
      {dialog !== null && (
        <ActionDialog
          action={dialog}
          record={record}
          returnTargets={task.returnTargets ?? []}
          exclude={exclude}
          refusal={refusal}
          busy={busy}
          resubmit={task.resubmit}
          onConfirm={(request) => void act(dialog, request)}
          onCancel={() => {
            setDialog(null);
            setRefusal(null);
          }}
        />
      )}
    </section>
  );
}
