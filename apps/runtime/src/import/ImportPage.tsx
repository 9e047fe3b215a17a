import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, ImportColumn, ImportJob, ImportMatchRule } from '@bankforge/client';
import type { FieldDefinition } from '@bankforge/data-model';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import { Loading } from '../shell/Loading.js';
import { localized } from '../shell/localized.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { FilePicker } from './FilePicker.js';
import { ImportOutcome } from './ImportOutcome.js';
import { ImportSteps } from './ImportSteps.js';
import { fieldList, MappingForm, matchableFields, MISSING_REQUIRED_ID } from './MappingForm.js';
import { RecentImports } from './RecentImports.js';
import { requiredColumns, requiredUnmapped } from './required-fields.js';
import { uploadImportFile } from './upload-file.js';
import { useImportJob } from './useImportJob.js';

/** The match rule a fresh upload starts with: the first mapped resident ID, mobile or unique field; update matches, create the rest. */
function firstMatch(job: ImportJob, matchable: readonly string[]): ImportMatchRule {
  const mapped = new Set(job.columns.map((c) => c.field));
  const field = matchable.find((key) => mapped.has(key)) ?? matchable[0] ?? '';
  return job.match ?? { field, onMatch: 'update', onNew: 'create' };
}

/**
 * `/:app/:entity/import`: its steps shown above, a file chosen (or dropped) and uploaded with its progress, its columns mapped to fields (as the
 * server proposed, editable), a dry run with the rows' errors, the run with a progress bar the
 * server feeds, and a rollback of the whole import.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation('import');
  const api = useApiClient();
  const { app = '', entity = '' } = useParams();
  const { load, retry } = useEntityPage(entity);
  const { job, problems, error, follow, clear } = useImportJob(undefined);
  const uploadHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File>();
  const [uploaded, setUploaded] = useState<number>();
  const [columns, setColumns] = useState<ImportColumn[]>([]);
  const [match, setMatch] = useState<ImportMatchRule>();
  const [failure, setFailure] = useState<{ message: string; problem: ApiProblem }>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Set once the rollback question was answered "keep": its button, drawn again, takes the focus back.
  const [keptAfterAsking, setKeptAfterAsking] = useState(false);
  const keep = () => {
    setConfirming(false);
    setKeptAfterAsking(true);
  };
  // `?job=<id>`: an earlier import opened again (from the list of recent ones, or after leaving the page while it ran).
  const [params, setParams] = useSearchParams();
  const opened = params.get('job') ?? undefined;
  useEffect(() => {
    if (!opened || opened === job?.id) return;
    let live = true;
    api.importJob(opened).then(
      (found) => {
        if (!live) return;
        setColumns(found.columns);
        setMatch(found.match ?? { field: found.columns.find((c) => c.field)?.field ?? '', onMatch: 'update', onNew: 'create' });
        follow(found);
      },
      (problem: unknown) => live && setFailure({ message: t('openFailed'), problem: asProblem(problem) }),
    );
    return () => {
      live = false;
    };
    // `follow` and `t` change identity with every render; the job to open is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, opened]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ProblemNotice message={t('uploadFailed')} problem={load.error} onRetry={retry} />;
  const fields = load.page.entity.fields;
  const plural = localized(load.page.entity.pluralLabel ?? load.page.entity.label, i18n.language);
  const labels = (list: readonly FieldDefinition[]): string => fieldList(list.map((f) => localized(f.label, i18n.language)), i18n.language);
  const needed = requiredColumns(fields);
  // Rows that create records fail on a required field no column fills: said while mapping, and the server would refuse the mapping.
  const missing = match?.onNew === 'create' ? requiredUnmapped(fields, new Set(columns.flatMap((c) => (c.field === null ? [] : [c.field])))) : [];
  const heldBack = missing.length > 0 ? MISSING_REQUIRED_ID : undefined;
  const running = job?.status === 'queued' || job?.status === 'running';
  const committed = job?.mode === 'commit';
  // Once the import has run, uploading from here would look like it adds to it: another file starts with "New import".
  const ran = committed && !running;
  // Left unrun past the server's retention: its file is deleted, so it can only be uploaded again.
  const expired = job?.status === 'expired';
  // What a finished rollback undid, as the job counts it.
  const rolledBack = job?.status === 'rolledBack' ? job.rollback : null;

  const act = async (message: string, work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (problem) {
      setFailure({ message, problem: asProblem(problem) });
    } finally {
      setBusy(false);
    }
  };
  const upload = (): Promise<void> =>
    act(t('uploadFailed'), async () => {
      if (!file) return;
      setUploaded(0);
      const fresh = await uploadImportFile(entity, file, setUploaded);
      setColumns(fresh.columns);
      setMatch(firstMatch(fresh, matchableFields(fields).map((f) => f.key)));
      follow(fresh);
      setParams({ job: fresh.id }, { replace: true });
    });
  const start = (mode: 'dryRun' | 'commit'): Promise<void> =>
    act(t('startFailed'), async () => {
      if (!job || !match) return;
      await api.saveImportSettings(job.id, { columns, match });
      follow(mode === 'dryRun' ? await api.dryRunImport(job.id) : await api.runImport(job.id));
    });
  // After a run the page offers a new import rather than a Run button that can never be pressed again.
  const startOver = (): void => {
    clear();
    setFile(undefined);
    setUploaded(undefined);
    setColumns([]);
    setMatch(undefined);
    setConfirming(false);
    setFailure(undefined);
    setParams({}, { replace: true });
    uploadHeading.current?.focus();
  };
  const rollback = (): Promise<void> =>
    act(t('rollbackFailed'), async () => {
      if (!job) return;
      setConfirming(false);
      // The server undoes it in the background: the job is followed as it rolls back.
      follow(await api.rollbackImport(job.id));
    });

  return (
    <section className="import-page" aria-labelledby="import-title">
      <div className="page-header">
        <h1 id="import-title">{t('title', { entity: plural })}</h1>
        <span className="toolbar-spacer" />
        <Link to={`/${app}/${entity}`}>{t('back')}</Link>
      </div>
      <ImportSteps job={job} />
      <form
        className="import-upload import-panel"
        aria-labelledby="import-file"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <h2 id="import-file" ref={uploadHeading} tabIndex={-1}>
          {t('stepUpload')}
        </h2>
        <FilePicker file={file} disabled={busy || running || ran} onFile={setFile} />
        <p className="help" id="import-upload-hint">
          {ran ? t('uploadAfterRun') : t('fileHint')}
        </p>
        {!ran && needed.length > 0 && <p className="help">{t('requiredColumns', { fields: labels(needed) })}</p>}
        <button type="submit" className={job ? undefined : 'primary'} disabled={!file || busy || running || ran} aria-describedby={ran ? 'import-upload-hint' : undefined}>
          {busy && uploaded !== undefined && !job ? t('uploading') : t('upload')}
        </button>
        {uploaded !== undefined && <progress aria-label={t('uploadProgress')} max={1} value={uploaded} />}
      </form>
      {failure && <ProblemNotice message={failure.message} problem={failure.problem} />}
      {error && <ProblemNotice message={t('startFailed')} problem={error} />}
      {job && match && (
        <div className="import-panel">
          <MappingForm columns={columns} match={match} fields={fields} disabled={busy || running || committed || expired} missing={missing} onColumns={setColumns} onMatch={setMatch} />
          {committed && !running && job.status !== 'rollingBack' ? (
            <div className="import-actions">
              <p className="help">{t('ranAlready')}</p>
              <button type="button" className="primary" onClick={startOver}>
                {t('newImport')}
              </button>
            </div>
          ) : (
            <div className="import-actions">
              <button type="button" disabled={busy || running || committed || expired || missing.length > 0} aria-describedby={heldBack} onClick={() => void start('dryRun')}>
                {t('dryRun')}
              </button>
              <button type="button" className="primary" disabled={busy || running || committed || expired || missing.length > 0} aria-describedby={heldBack} onClick={() => void start('commit')}>
                {t('run')}
              </button>
            </div>
          )}
        </div>
      )}
      {expired && job.mode === null && (
        <p role="status" className="notice">
          {t('status_expired', { reason: languageOf(i18n.language) === 'zh-CN' ? job.error?.messageZh : job.error?.message })}
        </p>
      )}
      {job && job.mode !== null && (
        // The rollback belongs to the run it undoes: inside its panel.
        <ImportOutcome job={job} problems={problems} fields={fields}>
          {committed && (job.status === 'done' || job.status === 'failed' || job.status === 'rollbackFailed') && !confirming && (
            <div className="import-actions">
              <button type="button" autoFocus={keptAfterAsking} onClick={() => setConfirming(true)}>
                {/* A rollback that stopped goes on from where it stopped when asked again. */}
                {job.status === 'rollbackFailed' ? t('rollbackAgain') : t('rollback')}
              </button>
            </div>
          )}
          {confirming && (
            // Escape answers "keep", as it closes any dialog.
            <div role="alertdialog" aria-labelledby="import-rollback" className="notice" onKeyDown={(e) => e.key === 'Escape' && keep()}>
              <p id="import-rollback">{t('rollbackConfirm', { created: job.created, updated: job.updated })}</p>
              <button type="button" className="danger" autoFocus onClick={() => void rollback()}>
                {t('rollbackYes')}
              </button>
              <button type="button" onClick={keep}>
                {t('rollbackNo')}
              </button>
            </div>
          )}
          {rolledBack && (
            <p role="status" className="notice">
              {t('rolledBack', { removed: rolledBack.removed, restored: rolledBack.restored, changedSince: rolledBack.changedSince })}
            </p>
          )}
        </ImportOutcome>
      )}
      <RecentImports entity={entity} current={job} />
    </section>
  );
}
