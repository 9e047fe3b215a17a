import type { EntityDefinition, FieldError } from '@bankforge/data-model';
import { compileForm, FormModel, FormRenderer, type FormDefinition } from '@bankforge/form-engine/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '@bankforge/app-shell';
import type { DesignerLanguage } from '../workspace/localized.js';
import { CompileErrors } from './CompileErrors.js';
import { lookupOptions } from './lookup-options.js';

export interface FormPreviewProps {
  form: FormDefinition;
  entities: Readonly<Record<string, EntityDefinition>>;
  language: DesignerLanguage;
  nodeName(id: string): string;
  /** Shows a node in the designer (a compile error's node was chosen). */
  onShowNode(id: string): void;
}

/** The draft drawn by the runtime's own renderer over a new record, with what would stop it publishing. */
export default function FormPreview({ form, entities, language, nodeName, onShowNode }: FormPreviewProps) {
  const { t } = useTranslation('formDesigner');
  const [submitted, setSubmitted] = useState(false);
  const api = useApiClient();
  const loadOptions = useMemo(() => lookupOptions(api), [api]);
  const compiled = useMemo(() => compileForm(form, entities), [form, entities]);
  const model = useMemo(() => FormModel.forNewRecord(compiled), [compiled]);
  const errors: readonly FieldError[] = compiled.errors;
  return (
    <section className="fd-preview" aria-label={t('preview.label')}>
      <CompileErrors form={form} errors={errors} language={language} nodeName={nodeName} onShowNode={onShowNode} />
      <FormRenderer model={model} locale={language} loadOptions={loadOptions} submitLabel={t('preview.trySubmit')} onSubmit={() => setSubmitted(true)} />
      <p role="status" aria-live="polite">
        {submitted ? t('preview.valid') : ''}
      </p>
    </section>
  );
}
