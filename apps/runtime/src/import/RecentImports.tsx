import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiClient } from '@bankforge/app-shell';
import type { ImportJob } from '@bankforge/client';

/** A job's state as the list says it: a finished dry run is not a finished import. */
function stateKey(job: ImportJob): string {
  return job.mode === 'dryRun' && job.status === 'done' ? 'state_dryRunDone' : `state_${job.status}`;
}

/**
 * The reader's earlier imports of this entity, newest first: a link opens one again (its progress,
 * errors, rollback). Read again whenever the job on the page changes state (a run started, ended,
 * rolled back), and that job shown as the page follows it meanwhile.
 */
export function RecentImports({ entity, current }: { entity: string; current: ImportJob | undefined }) {
  const { t, i18n } = useTranslation('import');
  const api = useApiClient();
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const changed = current ? `${current.id}:${current.mode ?? ''}:${current.status}` : '';
  useEffect(() => {
    let live = true;
    api.importJobs().then(
      (all) => live && setJobs(all.filter((job) => job.entity === entity).slice(0, 10)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, entity, changed]);
  if (jobs.length === 0) return null;
  return (
    <nav aria-labelledby="recent-imports" className="import-recent import-panel">
      <h2 id="recent-imports">{t('recent')}</h2>
      <div className="grid-scroller">
        <table className="record-grid">
          <thead>
            <tr>
              <th scope="col">{t('recentFile')}</th>
              <th scope="col">{t('recentAt')}</th>
              <th scope="col">{t('recentState')}</th>
              <th scope="col" className="number">{t('recentRows')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((listed) => {
              const job = listed.id === current?.id ? current : listed;
              return (
                <tr key={job.id} className={job.id === current?.id ? 'import-recent-current' : undefined}>
                  <td>
                    <Link to={`?job=${job.id}`} aria-current={job.id === current?.id ? 'page' : undefined}>
                      {job.fileName}
                    </Link>
                  </td>
                  <td>{new Date(job.createdAt).toLocaleString(i18n.language)}</td>
                  <td>
                    <span className={`import-state import-state-${job.status}`}>{t(stateKey(job))}</span>
                  </td>
                  <td className="number">{job.rowsTotal ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </nav>
  );
}
