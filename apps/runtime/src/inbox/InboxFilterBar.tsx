import { languageOf } from '@bankforge/app-shell';
import type { CaseText } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { caseText } from '../approval/case-text.js';
import { amountUsable, NO_FILTERS, type InboxFilters } from './inbox-query.js';

export interface InboxFilterBarProps {
  filters: InboxFilters;
  /** The flows to choose from, by key. */
  flows: Readonly<Record<string, CaseText>>;
  onChange(filters: InboxFilters): void;
}

/** Flow, overdue only and an amount range; an amount that is none says it is ignored. */
export function InboxFilterBar({ filters, flows, onChange }: InboxFilterBarProps) {
  const { t, i18n } = useTranslation('inbox');
  const language = languageOf(i18n.language);
  const id = useId();
  const amount = (key: 'minAmount' | 'maxAmount') => {
    const usable = amountUsable(filters[key]);
    return (
      <div className="filter">
        <label htmlFor={`${id}-${key}-input`}>{t(`filters.${key}`)}</label>
        <input
          id={`${id}-${key}-input`}
          type="text"
          inputMode="decimal"
          value={filters[key]}
          aria-invalid={!usable || undefined}
          aria-describedby={usable ? undefined : `${id}-${key}`}
          onChange={(event) => onChange({ ...filters, [key]: event.target.value })}
        />
        {!usable && (
          <span id={`${id}-${key}`} className="field-error">
            {t('filters.invalidAmount')}
          </span>
        )}
      </div>
    );
  };
  return (
    <fieldset className="filter-bar">
      <legend>{t('filters.legend')}</legend>
      <label className="filter">
        <span>{t('filters.flow')}</span>
        <select value={filters.flow} onChange={(event) => onChange({ ...filters, flow: event.target.value })}>
          <option value="">{t('filters.anyFlow')}</option>
          {Object.entries(flows).map(([key, name]) => (
            <option key={key} value={key}>
              {caseText(name, language)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-check">
        <input type="checkbox" checked={filters.overdueOnly} onChange={(event) => onChange({ ...filters, overdueOnly: event.target.checked })} />
        <span>{t('filters.overdue')}</span>
      </label>
      {amount('minAmount')}
      {amount('maxAmount')}
      {JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) && (
        <button type="button" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
