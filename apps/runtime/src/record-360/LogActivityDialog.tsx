import { asProblem, Dialog, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, RuntimeEntityPage } from '@bankforge/client';
import { FormModel, FormRenderer } from '@bankforge/form-engine/react';
import { useEffect, useMemo, useState } from 'react';
import type { LocalizedText } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import { recordForm } from '../record/form/useRecordModel.js';
import { loadTypeChecks, type ModuleImporter } from '../record/form/type-checks.js';
import { lookupOptions } from '../record/lookup/lookup-options.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { fieldErrorsOf } from '../shell/problems.js';
import { localize } from './figure-text.js';

export interface LogActivityDialogProps {
  /** The activity entity (interaction), its name, and its reference to the record. */
  entity: string;
  label: LocalizedText;
  via: string;
  recordId: string;
  /** When it happened, by default: now, in the reader's clock (whole minutes). */
  now: Date;
  importModule?: ModuleImporter;
  onLogged(): void;
  onClose(): void;
}

/**
 * "Log an interaction" on a record's page: the activity entity's form without the reference (it is
 * this record), its time set to now; checked like any record page before it is sent, and the
 * server's refusals shown on their fields.
 */
export function LogActivityDialog(props: LogActivityDialogProps) {
  const { t, i18n } = useTranslation('record360');
  const { load, retry } = useEntityPage(props.entity);
  return (
    <Dialog title={t('log.title', { entity: localize(props.label, languageOf(i18n.language)) })} onClose={props.onClose} className="dialog-wide">
      {load.status === 'loading' && <Loading label={t('log.loading')} />}
      {load.status === 'error' && <ProblemNotice message={t('log.failed')} problem={load.error} onRetry={retry} />}
      {load.status === 'loaded' && <ActivityForm {...props} page={load.page} />}
    </Dialog>
  );
}

function ActivityForm({ page, via, recordId, now, importModule, onLogged, onClose }: LogActivityDialogProps & { page: RuntimeEntityPage }) {
  const { t, i18n } = useTranslation('record360');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  // The reference is this record: not asked, sent with the values.
  const form = useMemo(() => recordForm({ ...page, form: null, entity: { ...page.entity, fields: page.entity.fields.filter((f) => f.key !== via) } }, true), [page, via]);
  const [model, setModel] = useState<FormModel | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const loadOptions = useMemo(() => lookupOptions(api), [api]);
  useEffect(() => {
    let current = true;
    void loadTypeChecks(page.validators, importModule).then((checks) => {
      if (!current) return;
      const created = FormModel.forNewRecord(form.compiled, { typeChecks: form.access.adjustTypeChecks(checks), now: now.toISOString() });
      // The first date-time field is when it happened: now, unless the reader says otherwise.
      const when = page.entity.fields.find((f) => f.type === 'datetime' && f.key !== via);
      if (when) created.setValue(`/${when.key}`, new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString());
      setModel(created);
    });
    return () => {
      current = false;
    };
  }, [form, page, via, now, importModule]);

  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    setProblem(null);
    try {
      await api.createRecord(page.entity.key, { ...form.access.writableValues(form.compiled.form, values), [via]: recordId });
      onLogged();
    } catch (error) {
      setSaving(false);
      setProblem(asProblem(error));
    }
  };

  if (!model) return <Loading label={t('log.loading')} />;
  const external = problem && problem.status === 422 ? fieldErrorsOf(problem) : undefined;
  return (
    <>
      {problem && <ProblemNotice message={t('log.failed')} problem={problem} />}
      <FormRenderer
        model={model}
        locale={language}
        externalErrors={external}
        showAllErrors={external !== undefined}
        loadOptions={loadOptions}
        disabled={saving}
        onSubmit={(values) => void save(values)}
        actions={
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={saving}>
              {t('log.cancel')}
            </button>
            <button type="submit" className="primary" disabled={saving} aria-busy={saving || undefined}>
              {saving ? t('log.saving') : t('log.save')}
            </button>
          </div>
        }
      />
    </>
  );
}
