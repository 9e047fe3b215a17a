import { languageOf } from '@bankforge/app-shell';
import type { ApiClient, ArtifactSummary, ImportJob } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { entityName } from '../roles/GrantMatrix.js';
import { AdminListSection } from '../shared/AdminListSection.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { useLoaded } from '../shared/useLoaded.js';

const loadImports = async (api: ApiClient): Promise<{ jobs: ImportJob[]; entities: ArtifactSummary[] }> => {
  // Entities name the jobs' rows; without them the keys do.
  const [jobs, entities] = await Promise.all([
    api.allImportJobs(),
    api.listArtifacts('entity').catch(() => []),
  ]);
  return { jobs, entities };
};

/** IT's view of bulk imports: every job, whose, of what, how far and with what outcome (people run their own in the app). */
export function ImportsPage() {
  const { t, i18n } = useTranslation('admin');
  const { state, reload } = useLoaded(loadImports);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const when = (iso: string): string => new Date(iso).toLocaleString(i18n.language);
  return (
    <AdminListSection
      title={t('imports.title')}
      action={
        <button type="button" onClick={() => void reload()}>
          {t('imports.refresh')}
        </button>
      }
      help={t('imports.help')}
      empty={state.data.jobs.length === 0 ? t('imports.empty') : null}
      emptyHint={t('imports.emptyHint')}
      columns={[
        t('imports.columns.file'),
        t('imports.columns.entity'),
        t('imports.columns.by'),
        t('imports.columns.when'),
        t('imports.columns.mode'),
        t('imports.columns.status'),
        t('imports.columns.rows'),
        t('imports.columns.outcome'),
      ]}
    >
      {state.data.jobs.map((job) => (
        <tr key={job.id}>
          <th scope="row">{job.fileName}</th>
          <td>
            {entityName(
              state.data.entities.find((e) => e.key === job.entity),
              job.entity,
              i18n.language,
            )}
          </td>
          <td>{job.createdByName ?? job.createdBy}</td>
          <td>{when(job.createdAt)}</td>
          <td>{t(`imports.mode.${job.mode ?? 'none'}`)}</td>
          <td>
            {t(`imports.status.${job.status}`)}
            {/* Why a job failed, for the administrator to act on. */}
            {job.error && (
              <div className="help">
                {languageOf(i18n.language) === 'zh-CN' ? job.error.messageZh : job.error.message}
              </div>
            )}
          </td>
          <td>{job.rowsDone}</td>
          <td>
            {t('imports.outcome', {
              created: job.created,
              updated: job.updated,
              skipped: job.skipped,
              failed: job.failed,
            })}
          </td>
        </tr>
      ))}
    </AdminListSection>
  );
}
