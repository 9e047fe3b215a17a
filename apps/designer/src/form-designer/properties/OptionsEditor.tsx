import type { RecordFilter } from '@bankforge/data-model';
import type { OptionSource } from '@bankforge/form-engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../workspace/DesignerContext.js';

interface OptionsEditorProps {
  value: OptionSource | undefined;
  onChange(value: OptionSource | undefined): void;
}

/** Where a choice widget's options come from: the entity field's own, a static list, or a lookup of records. */
export function OptionsEditor({ value, onChange }: OptionsEditorProps) {
  const { t } = useTranslation('formDesigner');
  const { entityKeys } = useDesigner();
  const id = useId();
  const source = value?.type ?? 'field';
  const setSource = (next: string) => {
    if (next === 'static') onChange({ type: 'static', options: [] });
    else if (next === 'lookup') onChange({ type: 'lookup', entity: entityKeys[0] ?? '', labelField: '' });
    else onChange(undefined);
  };
  return (
    <fieldset className="fd-fieldset">
      <legend>{t('properties.options')}</legend>
      <label htmlFor={`${id}-source`}>{t('properties.optionSource')}</label>
      <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
        <option value="field">{t('properties.optionSourceField')}</option>
        <option value="static">{t('properties.optionSourceStatic')}</option>
        <option value="lookup">{t('properties.optionSourceLookup')}</option>
      </select>
      {value?.type === 'static' && <StaticOptions value={value} onChange={onChange} />}
      {value?.type === 'lookup' && <LookupOptions value={value} onChange={onChange} />}
    </fieldset>
  );
}

function StaticOptions({ value, onChange }: { value: Extract<OptionSource, { type: 'static' }>; onChange(value: OptionSource): void }) {
  const { t } = useTranslation('formDesigner');
  const setOption = (index: number, patch: Partial<{ value: string; en: string; zh: string }>) =>
    onChange({
      ...value,
      options: value.options.map((o, i) =>
        i === index ? { value: patch.value ?? o.value, label: { en: patch.en ?? o.label.en, 'zh-CN': patch.zh ?? o.label['zh-CN'] } } : o,
      ),
    });
  return (
    <>
      <ul className="fd-rows">
        {value.options.map((option, i) => (
          <li key={i} className="fd-row">
            <input aria-label={t('properties.optionValue', { number: i + 1 })} value={option.value} onChange={(e) => setOption(i, { value: e.target.value })} />
            <input aria-label={t('properties.optionLabelEn', { number: i + 1 })} value={option.label.en} onChange={(e) => setOption(i, { en: e.target.value })} />
            <input aria-label={t('properties.optionLabelZh', { number: i + 1 })} value={option.label['zh-CN']} onChange={(e) => setOption(i, { zh: e.target.value })} />
            <button type="button" onClick={() => onChange({ ...value, options: value.options.filter((_, j) => j !== i) })}>
              {t('properties.removeOption', { number: i + 1 })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onChange({ ...value, options: [...value.options, { value: '', label: { en: '', 'zh-CN': '' } }] })}>
        {t('properties.addOption')}
      </button>
    </>
  );
}

function LookupOptions({ value, onChange }: { value: Extract<OptionSource, { type: 'lookup' }>; onChange(value: OptionSource): void }) {
  const { t } = useTranslation('formDesigner');
  const { entityKeys } = useDesigner();
  const id = useId();
  const [filterText, setFilterText] = useState(value.filter ? JSON.stringify(value.filter) : '');
  const [filterError, setFilterError] = useState(false);
  const setFilter = (text: string) => {
    setFilterText(text);
    if (text.trim() === '') {
      setFilterError(false);
      const { filter: _dropped, ...rest } = value;
      onChange(rest);
      return;
    }
    try {
      onChange({ ...value, filter: JSON.parse(text) as RecordFilter });
      setFilterError(false);
    } catch {
      setFilterError(true);
    }
  };
  return (
    <>
      <label htmlFor={`${id}-entity`}>{t('properties.lookupEntity')}</label>
      <select id={`${id}-entity`} value={value.entity} onChange={(e) => onChange({ ...value, entity: e.target.value })}>
        {entityKeys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-label`}>{t('properties.lookupLabelField')}</label>
      <input id={`${id}-label`} value={value.labelField} onChange={(e) => onChange({ ...value, labelField: e.target.value })} />
      <label htmlFor={`${id}-filter`}>{t('properties.lookupFilter')}</label>
      <textarea id={`${id}-filter`} rows={2} value={filterText} aria-invalid={filterError || undefined} aria-describedby={`${id}-filter-hint`} onChange={(e) => setFilter(e.target.value)} />
      <small id={`${id}-filter-hint`} className={filterError ? 'fd-error' : undefined}>
        {filterError ? t('properties.lookupFilterInvalid') : t('properties.lookupFilterHint')}
      </small>
    </>
  );
}
