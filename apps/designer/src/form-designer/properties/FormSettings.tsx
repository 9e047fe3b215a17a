import type { FormDefinition } from '@bankforge/form-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../workspace/DesignerContext.js';
import { LocalizedTextFields } from './LocalizedTextFields.js';
import { ValidationsEditor } from './ValidationsEditor.js';

/** The form itself: title, label, whether it is the entity's default form, cross-field validations. */
export function FormSettings() {
  const { t } = useTranslation('formDesigner');
  const { form, change } = useDesigner();
  const id = useId();
  const set = (property: string, recipe: (f: FormDefinition) => FormDefinition) => change(recipe, `form:${property}`);
  return (
    <>
      <p className="fd-properties__subject">{t('properties.formOf', { key: form.key, entity: form.entity })}</p>
      <label htmlFor={`${id}-title`}>{t('properties.formTitle')}</label>
      <input id={`${id}-title`} value={form.title} onChange={(e) => set('title', (f) => ({ ...f, title: e.target.value }))} />
      <LocalizedTextFields name={t('properties.label')} value={form.label} onChange={(v) => v && set('label', (f) => ({ ...f, label: v }))} />
      <label className="fd-check">
        <input type="checkbox" checked={form.default === true} onChange={(e) => change((f) => ({ ...f, default: e.target.checked }))} />
        {t('properties.defaultForm')}
      </label>
      <ValidationsEditor />
    </>
  );
}
