import type { FormDefinition, FormValidation } from '@bankforge/form-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IdAllocator } from '../tree/new-nodes.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { localized } from '../workspace/localized.js';
import { LocalizedTextFields } from './LocalizedTextFields.js';
import { RuleField } from './RuleField.js';

/** Cross-field rules: the form is invalid while an expression is false; the message shows on a field (or the form's top). */
export function ValidationsEditor() {
  const { t } = useTranslation('formDesigner');
  const { form, change } = useDesigner();
  const validations = form.validations ?? [];
  const setValidation = (id: string, property: string | null, update: (v: FormValidation) => FormValidation) =>
    change((f) => ({ ...f, validations: (f.validations ?? []).map((v) => (v.id === id ? update(v) : v)) }), property === null ? undefined : `validation:${id}:${property}`);
  const add = () =>
    change((f: FormDefinition) => {
      const id = new IdAllocator((f.validations ?? []).map((v) => v.id)).next('validation');
      return { ...f, validations: [...(f.validations ?? []), { id, expression: '', message: { en: '', 'zh-CN': '' } }] };
    });
  const remove = (id: string) => change((f) => ({ ...f, validations: (f.validations ?? []).filter((v) => v.id !== id) }));

  return (
    <section className="fd-validations" aria-label={t('validations.title')}>
      <h3 className="fd-panel-subtitle">{t('validations.title')}</h3>
      {validations.map((validation, i) => (
        <fieldset key={validation.id} className="fd-fieldset">
          <legend>{t('validations.number', { number: i + 1 })}</legend>
          <RuleField label={t('rules.expression')} value={validation.expression} onChange={(v) => setValidation(validation.id, 'expression', (x) => ({ ...x, expression: v ?? '' }))} />
          <LocalizedTextFields name={t('validations.message')} value={validation.message} onChange={(v) => v && setValidation(validation.id, 'message', (x) => ({ ...x, message: v }))} />
          <ValidationField validation={validation} onChange={(field) => setValidation(validation.id, null, (x) => {
            const next = { ...x };
            if (field === '') delete next.field;
            else next.field = field;
            return next;
          })} />
          <button type="button" onClick={() => remove(validation.id)}>
            {t('validations.remove', { number: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={add}>
        {t('validations.add')}
      </button>
    </section>
  );
}

function ValidationField({ validation, onChange }: { validation: FormValidation; onChange(field: string): void }) {
  const { t } = useTranslation('formDesigner');
  const { entity, language } = useDesigner();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('validations.field')}</label>
      <select id={id} value={validation.field ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('validations.formTop')}</option>
        {(entity?.fields ?? []).map((f) => (
          <option key={f.key} value={f.key}>
            {localized(f.label, language) || f.key}
          </option>
        ))}
      </select>
    </>
  );
}
