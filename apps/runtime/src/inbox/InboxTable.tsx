import { languageOf } from '@bankforge/app-shell';
import type { ApprovalTask } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { caseText, recordTitle } from '../approval/case-text.js';
import { DueText } from '../approval/DueText.js';
import { formatMoney } from '../entity-list/format/format-value.js';

export interface InboxTableProps {
  tasks: readonly ApprovalTask[];
  /** When the tasks were read: due times count from it. */
  now: number;
  /** The task being claimed, if any. */
  claiming: string | null;
  onClaim(task: ApprovalTask): void;
}

/** The tasks in the server's order (overdue first), each opening its task page; Claim on a claimable one. */
export function InboxTable({ tasks, now, claiming, onClaim }: InboxTableProps) {
  const { t, i18n } = useTranslation('inbox');
  const language = languageOf(i18n.language);
  return (
    <div className="grid-scroller">
      <table className="record-grid inbox-table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.record')}</th>
            <th scope="col">{t('table.step')}</th>
            <th scope="col">{t('table.flow')}</th>
            <th scope="col" className="number">{t('table.amount')}</th>
            <th scope="col">{t('table.startedBy')}</th>
            <th scope="col">{t('table.due')}</th>
            <th scope="col">{t('table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const title = recordTitle(task);
            return (
              <tr key={task.id} className={task.overdue ? 'overdue-row' : undefined}>
                <th scope="row">
                  <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{title}</Link>
                </th>
                {/* Each cell names its column for the phone's card layout, where the header row is not drawn. */}
                <td data-label={t('table.step')}>{caseText(task.nodeName, language)}</td>
                <td data-label={t('table.flow')}>{caseText(task.flowName, language)}</td>
                <td data-label={t('table.amount')} className="number">
                  {task.amount ? formatMoney(task.amount, language) : ''}
                </td>
                <td data-label={t('table.startedBy')}>{task.startedBy.name}</td>
                <td data-label={t('table.due')}>
                  <DueText dueAt={task.dueAt} dueIn={task.dueIn} overdue={task.overdue} now={now} />
                </td>
                <td>
                  {task.claimable && (
                    <button
                      type="button"
                      aria-label={t('claimNamed', { record: title })}
                      disabled={claiming !== null}
                      aria-busy={claiming === task.id || undefined}
                      onClick={() => onClaim(task)}
                    >
                      {t('claim')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
