import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiClient } from '@bankforge/app-shell';
import type { ImportJob } from '@bankforge/client';

/** The reader's earlier imports of this entity, newest first: a link opens one again (its progress, errors, rollback). */
export function RecentImports({ entity, current }: { entity: string; current: string | undefined }) {
  const { t, i18n } = useTranslation('import');
  const api = useApiClient();
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  useEffect(() => {
    let live = true;
    api.importJobs().then(
      (all) => live && setJobs(all.filter((job) => job.entity === entity).slice(0, 10)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, entity, current]);
  if (jobs.length === 0) return null;
  return (
    <nav aria-labelledby="recent-imports" className="import-recent">
      <h2 id="recent-imports">{t('recent')}</h2>
      <ul>
        {jobs.map((job) => (
          <li key={job.id}>
            <Link to={`?job=${job.id}`} aria-current={job.id === current ? 'page' : undefined}>
              {job.fileName}
            </Link>{' '}
            <span className="help">
              {new Date(job.createdAt).toLocaleString(i18n.language)} · {t(`state_${job.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
