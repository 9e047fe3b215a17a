import { languageOf, useApiClient } from '@bankforge/app-shell';
import { FormRenderer, type FormModel } from '@bankforge/form-engine/react';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupOptions } from '../../record/lookup/lookup-options.js';

export interface TaskRecordProps {
  record: FormModel;
  editable: FormModel | null;
  /** Show every error of the editable fields (an approve was tried with some wrong). */
  showErrors: boolean;
  /** Bumped to move focus to the first editable field in error. */
  focusRequest: number;
}

/** The fields the approver completes ("Your decision"), then the bound record as the reader may see it, read-only. */
export function TaskRecord({ record, editable, showErrors, focusRequest }: TaskRecordProps) {
  const { t, i18n } = useTranslation('task');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const loadOptions = useMemo(() => lookupOptions(api), [api]);
  const editableId = useId();
  const recordId = useId();
  const editableRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusRequest > 0) editableRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  return (
    <>
      {editable && (
        <section ref={editableRef} aria-labelledby={editableId} className="task-editable">
          <h2 id={editableId}>{t('editable.title')}</h2>
          <p className="muted">{t('editable.hint')}</p>
          {showErrors && (
            <p role="alert" className="field-error">
              {t('editable.invalid')}
            </p>
          )}
          <FormRenderer model={editable} locale={language} showAllErrors={showErrors} loadOptions={loadOptions} />
        </section>
      )}
      <section aria-labelledby={recordId} className="task-record">
        <h2 id={recordId}>{t('record.title')}</h2>
        <FormRenderer model={record} locale={language} disabled />
      </section>
    </>
  );
}
