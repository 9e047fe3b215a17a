import type { FieldDefinition } from '@bankforge/data-model';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '@bankforge/app-shell';
import { TagChip } from '@bankforge/form-engine/react';
import { filterKindOf, isInvalidFilter, type DayRange, type FilterInput } from './column-filter.js';
import { DayInput } from './DayInput.js';

export interface FilterControlProps {
  field: FieldDefinition;
  /** The column's label in the reader's language. */
  label: string;
  value: FilterInput | undefined;
  onChange(value: FilterInput): void;
}

const NO_RANGE: DayRange = { from: '', to: '' };

/** One column's filter, the control fitting its type: text, an option, yes/no, or a range of days. */
export function FilterControl({ field, label, value, onChange }: FilterControlProps) {
  const { t, i18n } = useTranslation('list');
  const errorId = useId();
  const kind = filterKindOf(field);
  const name = t('filter', { column: label });

  if (kind === 'none') return null;
  if (kind === 'dateRange' || kind === 'datetimeRange') {
    const range = typeof value === 'object' ? value : NO_RANGE;
    return (
      <div role="group" aria-label={name} className="filter-range">
        <DayInput label={t('from', { column: label })} value={range.from} language={languageOf(i18n.language)} onChange={(from) => onChange({ ...range, from })} />
        <DayInput label={t('to', { column: label })} value={range.to} language={languageOf(i18n.language)} onChange={(to) => onChange({ ...range, to })} />
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (kind === 'option' || kind === 'hasOption' || kind === 'boolean') {
    const language = languageOf(i18n.language);
    const options =
      kind === 'boolean'
        ? [
            { value: 'true', label: t('yes') },
            { value: 'false', label: t('no') },
          ]
        : (field.options ?? []).map((option) => ({ value: option.value, label: option.label[language] || option.label.en }));
    const select = (
      <select aria-label={name} value={text} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
    // A tags field's filter shows the chosen tag as its chip (an option list cannot be coloured).
    const tag = field.display === 'tags' && text !== '' ? field.options?.find((o) => o.value === text) : undefined;
    if (!tag) return select;
    return (
      <span className="filter-tag">
        {select}
        <TagChip option={tag} value={tag.value} locale={language} />
      </span>
    );
  }
  const invalid = isInvalidFilter(field, text);
  return (
    <>
      <input
        type="text"
        aria-label={name}
        value={text}
        inputMode={kind === 'integer' || kind === 'decimal' ? 'decimal' : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <span id={errorId} className="field-error">
          {t('invalidFilter')}
        </span>
      )}
    </>
  );
}
