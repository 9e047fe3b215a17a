import { languageOf } from '@bankforge/app-shell';
import type { ApprovalTask } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { caseText, peopleText, recordTitle } from '../approval/case-text.js';
import { DueText } from '../approval/DueText.js';
import { formatMoney } from '../entity-list/format/format-value.js';

/** What a task is about: flow, application (linked to its record page when the reader has one), amount, submitter, due, who holds it. */
export function TaskFacts({ task, now, recordPath }: { task: ApprovalTask; now: number; recordPath: string | undefined }) {
  const { t, i18n } = useTranslation('task');
  const language = languageOf(i18n.language);
  const holders = task.claimable ? task.candidateRoles.join(language === 'zh-CN' ? '、' : ', ') : peopleText(task.claimedBy ? [task.claimedBy] : task.assignees, language);
  return (
    <dl className="facts" aria-label={t('facts.label')}>
      <dt>{t('facts.flow')}</dt>
      <dd>{caseText(task.flowName, language)}</dd>
      <dt>{t('facts.record')}</dt>
      <dd>{recordPath ? <Link to={recordPath}>{recordTitle(task)}</Link> : recordTitle(task)}</dd>
      {task.amount && (
        <>
          <dt>{t('facts.amount')}</dt>
          <dd>{formatMoney(task.amount, language)}</dd>
        </>
      )}
      <dt>{t('facts.startedBy')}</dt>
      <dd>{task.startedBy.name}</dd>
      <dt>{t('facts.due')}</dt>
      <dd>
        <DueText dueAt={task.dueAt} dueIn={task.dueIn} overdue={task.overdue} now={now} />
      </dd>
      {holders !== '' && (
        <>
          <dt>{task.claimable ? t('facts.candidates') : t('facts.assignees')}</dt>
          <dd>{holders}</dd>
        </>
      )}
    </dl>
  );
}
