import type { ApiProblem, RecordData } from '@bankforge/client';
import { recordTitle, type FieldError } from '@bankforge/data-model';
import { FormRenderer, repeatingGroups, type FormValues } from '@bankforge/form-engine/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import { RecordCases } from '../cases/record/RecordCases.js';
import { offers } from '../entity-page/entity-actions.js';
import { DeleteRecord } from './delete/DeleteRecord.js';
import { Loading } from '../shell/Loading.js';
import { localized } from '../shell/localized.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { fieldErrorsOf } from '../shell/problems.js';
import type { RuntimeEntityPage } from '@bankforge/client';
import type { ModuleImporter } from './form/type-checks.js';
import { useRecordModel } from './form/useRecordModel.js';
import { lookupOptions } from './lookup/lookup-options.js';
import { changedRows, withUnsentRows } from './save/changed-rows.js';
import { changedValues } from './save/changed-values.js';
import { problemLabel } from './save/problem-label.js';
import { ConflictDialog } from './save/ConflictDialog.js';
import { useRevealExtra } from './reveal/useRevealExtra.js';
import { TransferAction } from './transfer/TransferAction.js';
import { RejectedSummary } from './save/RejectedSummary.js';

export interface RecordEditorProps {
  app: string;
  page: RuntimeEntityPage;
  /** The record's id; absent for a new record. */
  id: string | undefined;
  importModule?: ModuleImporter;
  /** Shown under a page with its own title (the 360° page): this heading (second level), no back link. */
  heading?: string;
  /** A new record's references given in the address ("Add related" from a record's page). */
  prefill?: Readonly<Record<string, string>>;
}

/** Where a new record's page says it was just saved. */
interface SavedState {
  saved: true;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'rejected'; errors: FieldError[] }
  | { kind: 'conflict'; expected: number | undefined; current: number | undefined }
  | { kind: 'failed'; problem: ApiProblem };

function versionOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * A record's form with Save: the form model checks everything first (the renderer focuses the
 * first invalid field); then the server's answer decides: saved, rejected with errors on their
 * fields (422), or a conflict with someone else's save (409).
 */
export function RecordEditor({ app, page, id, importModule, heading, prefill }: RecordEditorProps) {
  const { t, i18n } = useTranslation('record');
  const api = useApiClient();
  const navigate = useNavigate();
  const location = useLocation();
  const language = languageOf(i18n.language);
  const { form, load, reload, show } = useRecordModel(page, id, importModule, prefill);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(() =>
    (location.state as SavedState | null)?.saved ? { kind: 'saved' } : { kind: 'none' },
  );
  const loadOptions = useMemo(() => lookupOptions(api), [api]);
  // Masked values this reader may reveal, one at a time and for a reason.
  const revealExtra = useRevealExtra(page, load.status === 'ready' ? load.record : null, id);
  const entity = page.entity;
  const entityLabel = localized(entity.label, language);
  // What the reader's roles let them do here: a record they may not update is shown, not edited.
  const editable = id === undefined ? offers(page, 'create') : offers(page, 'update');
  const formKey = form.published ? form.compiled.form.key : undefined;
  const groupKeys = useMemo(() => repeatingGroups(form.compiled.form.layout).map((group) => group.key), [form]);

  const labelOf = (path: string): string | undefined =>
    problemLabel(form.compiled.form, { ...page.related, [entity.key]: entity }, path, language, (group, row, field) => t('rejected.rowField', { group, row, field }));

  const save = async (values: FormValues, record: RecordData | null) => {
    setSaving(true);
    setOutcome({ kind: 'none' });
    try {
      // Only what the reader may write: the server refuses the rest (403 fieldNotWritable).
      const writable = form.access.writableValues(form.compiled.form, values);
      if (record === null) {
        const created = await api.createRecord(entity.key, { ...prefill, ...writable }, formKey);
        // The new record's own page takes over (and says it was saved).
        navigate(`/${app}/${entity.key}/${encodeURIComponent(created.id)}`, { state: { saved: true } satisfies SavedState });
        return;
      }
      const fields = Object.fromEntries(Object.entries(writable).filter(([key]) => !groupKeys.includes(key)));
      const body = { ...changedValues(record, fields), ...changedRows(groupKeys, record, writable), version: record.version };
      const updated = await api.updateRecord(entity.key, record.id, body, formKey);
      await show(withUnsentRows(groupKeys, record, updated));
      setSaving(false);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setSaving(false);
      const problem = asProblem(error);
      if (problem.status === 422 && problem.errors.length > 0) setOutcome({ kind: 'rejected', errors: fieldErrorsOf(problem) });
      else if (problem.status === 409 && problem.code === 'staleVersion') {
        setOutcome({ kind: 'conflict', expected: versionOf(problem.body.expectedVersion), current: versionOf(problem.body.currentVersion) });
      } else setOutcome({ kind: 'failed', problem });
    }
  };

  const title = id === undefined ? t('newTitle', { entity: entityLabel }) : t('title', { entity: entityLabel });
  return (
    <section className="record-page" aria-labelledby="record-title">
      {heading === undefined && (
        <Link to={`/${app}/${entity.key}`} className="back-link">
          {t('back')}
        </Link>
      )}
      {heading === undefined ? <h1 id="record-title">{title}</h1> : <h2 id="record-title">{heading}</h2>}
      <p role="status" className="save-status">
        {outcome.kind === 'saved' ? t('saved') : saving ? t('saving') : ''}
      </p>
      {/* Who owns the record is the first thing a branch manager changes here; kept across the reload that follows, so what was done is still said. */}
      {id !== undefined && page.actions?.transfer === true && <TransferAction entity={entity.key} ids={[id]} onTransferred={reload} />}
      {!editable && <p className="notice">{t(id === undefined ? 'access.noCreate' : 'access.readOnly', { entity: entityLabel })}</p>}
      {form.fellBack && <p className="notice">{t('formProblems')}</p>}
      {outcome.kind === 'rejected' && <RejectedSummary errors={outcome.errors} labelOf={labelOf} zh={language === 'zh-CN'} />}
      {outcome.kind === 'failed' && <ProblemNotice message={t('saveFailed')} problem={outcome.problem} />}
      {load.status === 'loading' && <Loading label={t('loading')} />}
      {load.status === 'error' && <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={reload} />}
      {load.status === 'ready' && (id !== undefined || editable) && (
        <FormRenderer
          model={load.model}
          readOnly={!editable}
          locale={language}
          externalErrors={outcome.kind === 'rejected' ? outcome.errors : undefined}
          showAllErrors={outcome.kind === 'rejected'}
          loadOptions={loadOptions}
          fieldExtra={revealExtra}
          disabled={saving}
          onSubmit={(values) => void save(values, load.record)}
          actions={
            <button type="submit" className="primary" disabled={saving} aria-busy={saving || undefined}>
              {t('save')}
            </button>
          }
        />
      )}
      {id !== undefined && offers(page, 'delete') && load.status === 'ready' && (
        <div className="record-tools">
          <DeleteRecord app={app} entity={entity.key} id={id} title={(load.record && recordTitle(entity, load.record)) ?? entityLabel} />
        </div>
      )}
      {id !== undefined && (page.flows ?? []).length > 0 && <RecordCases page={page} recordId={id} onStarted={reload} />}
      {outcome.kind === 'conflict' && (
        <ConflictDialog
          expectedVersion={outcome.expected}
          currentVersion={outcome.current}
          onReload={() => {
            setOutcome({ kind: 'none' });
            reload();
          }}
          onKeepEditing={() => setOutcome({ kind: 'none' })}
        />
      )}
    </section>
  );
}
