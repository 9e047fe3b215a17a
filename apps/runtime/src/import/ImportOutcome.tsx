import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '@bankforge/app-shell';
import type { FieldDefinition } from '@bankforge/data-model';
import type { ImportJob, ImportProblemPage } from '@bankforge/client';
import { localized } from '../shell/localized.js';

/** The id of why a rollback waits to try again: the progress bar that stands still meanwhile points to it. */
const ROLLBACK_WAITING_ID = 'import-rollback-waiting';

/** The records a rollback has dealt with so far: removed, restored or left because they changed since. */
function rollbackUndone(job: ImportJob): number {
  return job.rollback ? job.rollback.removed + job.rollback.restored + job.rollback.changedSince : 0;
}

/** A run's progress bar (fed by the server's count), its counts, the rows with errors, and what may be done with it (`children`: its rollback). */
export function ImportOutcome({ job, problems, fields, children }: { job: ImportJob; problems: ImportProblemPage | undefined; fields: readonly FieldDefinition[]; children?: ReactNode }) {
  const { t, i18n } = useTranslation('import');
  const chinese = languageOf(i18n.language) === 'zh-CN';
  const dry = job.mode === 'dryRun';
  const reason = job.error ? (chinese ? job.error.messageZh : job.error.message) : '';
  // A rollback that failed an attempt waits to try again, still rollingBack: without its reason the bar just stands still.
  const waiting = job.status === 'rollingBack' && reason !== '';
  const fieldName = (path: string): string => {
    const field = fields.find((f) => `/${f.key}` === path);
    return field ? localized(field.label, i18n.language) : path;
  };
  return (
    <section className={`import-outcome import-panel import-status-${job.status}`} aria-labelledby="import-outcome">
      <h2 id="import-outcome">{dry ? t('dryRunTitle') : t('runTitle')}</h2>
      <div className="import-progress">
        <progress aria-label={t('progress')} aria-describedby={waiting ? ROLLBACK_WAITING_ID : undefined} max={1} value={job.progress ?? undefined} />
        {job.progress !== null && <span aria-hidden="true">{Math.round(job.progress * 100)}%</span>}
      </div>
      <p role="status">{t(`status_${job.status === 'uploaded' ? 'queued' : job.status}`, { done: job.rowsDone, reason, undone: rollbackUndone(job), total: job.rollback?.total ?? 0 })}</p>
      {/* Always there, so that a reason appearing while the rollback waits is announced. */}
      <div aria-live="polite">
        {waiting && (
          <p id={ROLLBACK_WAITING_ID} className="notice notice-warning">
            {reason}
          </p>
        )}
      </div>
      <ul className="import-counts">
        <li>{dry ? t('willCreate', { count: job.created }) : t('created', { count: job.created })}</li>
        <li>{dry ? t('willUpdate', { count: job.updated }) : t('updated', { count: job.updated })}</li>
        <li>{t('skipped', { count: job.skipped })}</li>
        <li className={job.failed > 0 ? 'import-failed' : undefined}>{t('failed', { count: job.failed })}</li>
      </ul>
      {problems && problems.items.length > 0 && (
        <>
          <h3 id="import-problems">{t('problems')}</h3>
          {problems.total > problems.items.length && <p className="help">{t('problemsMore', { shown: problems.items.length, total: problems.total })}</p>}
          <div className="grid-scroller">
            <table className="record-grid import-problems" aria-labelledby="import-problems">
              <thead>
                <tr>
                  <th scope="col">{t('row')}</th>
                  <th scope="col">{t('problemField')}</th>
                  <th scope="col">{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.items.map((p, i) => (
                  <tr key={`${p.row}:${p.path}:${i}`}>
                    <td>{p.row}</td>
                    <td>{fieldName(p.path)}</td>
                    <td>{chinese ? p.messageZh : p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {children}
    </section>
  );
}
