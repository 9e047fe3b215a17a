import { languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiClient, ArtifactSummary, ImportJob } from '@bankforge/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { entityName } from '../roles/GrantMatrix.js';
import { AdminListSection } from '../shared/AdminListSection.js';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { type Notice } from '../shared/Notice.js';
import { useLoaded } from '../shared/useLoaded.js';

const loadImports = async (api: ApiClient): Promise<{ jobs: ImportJob[]; entities: ArtifactSummary[] }> => {
  // Entities name the jobs' rows; without them the keys do.
  const [jobs, entities] = await Promise.all([
    api.allImportJobs(),
    api.listArtifacts('entity').catch(() => []),
  ]);
  return { jobs, entities };
};

/**
 * Whether an administrator can roll the job back: a committed import that has stopped (the server
 * says the same), or one whose rollback stopped, which goes on from where it was.
 */
export function rollbackable(job: ImportJob): boolean {
  return (
    job.mode === 'commit' &&
    (job.status === 'done' || job.status === 'failed' || job.status === 'rollbackFailed')
  );
}

/** A job the server is still working on: the list reads it again until it settles. */
const moving = (job: ImportJob): boolean =>
  job.status === 'queued' || job.status === 'running' || job.status === 'rollingBack';
/** How often, by default, a list with a moving job is read again. */
const FOLLOW_MS = 2000;

/** What the administrator is told of the rollback they asked for, as the job is now. */
function rollbackNotice(job: ImportJob | undefined, file: string): Notice {
  const counts = {
    removed: String(job?.rollback?.removed ?? 0),
    restored: String(job?.rollback?.restored ?? 0),
    changedSince: String(job?.rollback?.changedSince ?? 0),
  };
  if (job?.status === 'rolledBack') return { key: 'imports.rolledBackNotice', values: { file, ...counts } };
  if (job?.status === 'rollbackFailed') return { key: 'imports.rollbackStoppedNotice', values: { file } };
  return { key: 'imports.rollingBackNotice', values: { file } };
}

/** A rollback's count in the status column: how far while it runs, what it did once it ended. */
function RollbackCount({ job }: { job: ImportJob }) {
  const { t } = useTranslation('admin');
  const rollback = job.rollback;
  if (!rollback || (job.status !== 'rollingBack' && job.status !== 'rolledBack')) return null;
  const done = rollback.removed + rollback.restored + rollback.changedSince;
  return (
    <div className="help">
      {job.status === 'rollingBack' ? (
        <>
          <progress
            value={done}
            max={Math.max(rollback.total, 1)}
            aria-label={t('imports.rollbackProgress', { done, total: rollback.total })}
          />{' '}
          {t('imports.rollbackProgress', { done, total: rollback.total })}
        </>
      ) : (
        t('imports.rollbackOutcome', { ...rollback })
      )}
    </div>
  );
}

/**
 * IT's view of bulk imports: every job, whose, of what, how far and with what outcome (people run
 * their own in the app). An administrator may roll back any committed one: an import whose API key
 * was revoked, or whose uploader left, has no one else who can.
 */
export function ImportsPage({
  followMs = FOLLOW_MS,
}: { /** How often a list with a moving job is read again. */ followMs?: number } = {}) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const { state, reload } = useLoaded(loadImports);
  const [rollingBack, setRollingBack] = useState<ImportJob | null>(null);
  // The server's answer to a rollback asked for, shown until the reload brings the list.
  const [answered, setAnswered] = useState<Record<string, ImportJob>>({});
  // The rollback asked for on this page: its notice follows the job until it ends.
  const [asked, setAsked] = useState<{ id: string; file: string } | null>(null);
  const following = state.status === 'loaded' && state.data.jobs.some(moving);
  useEffect(() => {
    if (!following) return;
    // Read again while a job moves, so a rollback or a run is seen to progress and end without Refresh.
    const timer = setTimeout(() => void reload(), followMs);
    return () => clearTimeout(timer);
  }, [following, state, reload, followMs]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const when = (iso: string): string => new Date(iso).toLocaleString(i18n.language);
  const jobs = state.data.jobs.map((job) => answered[job.id] ?? job);
  const notice = asked
    ? rollbackNotice(
        jobs.find((job) => job.id === asked.id),
        asked.file,
      )
    : null;
  return (
    <>
      <AdminListSection
        title={t('imports.title')}
        action={
          <button type="button" onClick={() => void reload()}>
            {t('imports.refresh')}
          </button>
        }
        help={t('imports.help')}
        notice={notice}
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
          t('imports.columns.actions'),
        ]}
      >
        {jobs.map((job) => (
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
              <RollbackCount job={job} />
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
            <td>
              {rollbackable(job) && (
                <button
                  type="button"
                  onClick={() => setRollingBack(job)}
                  aria-label={t(
                    job.status === 'rollbackFailed' ? 'imports.rollbackAgainLabel' : 'imports.rollbackLabel',
                    { file: job.fileName },
                  )}
                >
                  {t(job.status === 'rollbackFailed' ? 'imports.rollbackAgain' : 'imports.rollback')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminListSection>
      {rollingBack && (
        <ConfirmDialog
          title={t('imports.confirmTitle', { file: rollingBack.fileName })}
          detail={t('imports.confirmDetail')}
          confirm={t('imports.confirm')}
          danger
          onClose={() => setRollingBack(null)}
          action={async () => {
            // A refusal is thrown to the dialog, which shows it and stays open.
            const answer = await api.rollbackImport(rollingBack.id);
            setAnswered({ [answer.id]: answer });
            setRollingBack(null);
            setAsked({ id: answer.id, file: rollingBack.fileName });
            await reload();
            setAnswered({});
          }}
        />
      )}
    </>
  );
}
