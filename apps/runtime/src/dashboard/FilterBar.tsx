import { languageOf, type ValueWords } from '@bankforge/app-shell';
import type { DashboardFilterView } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../entity-list/filters/DayInput.js';
import { localized } from '../shell/localized.js';
import { periodLabel, valuesLabel } from './chips.js';
import { Disclosure } from './Disclosure.js';
import { isDayRange, isPeriodValue, parsePeriod, PERIOD_CHOICES, periodText, type PeriodValue } from './period.js';

export interface FilterBarProps {
  filters: readonly DashboardFilterView[];
  /** By filter key: a period, a list of values, null when cleared. */
  values: Readonly<Record<string, unknown>>;
  words: ValueWords;
  onChange(key: string, value: unknown): void;
  onReset(): void;
}

/** The dashboard's shared filters: periods and value lists, each applied to every widget whose report has its field. */
export function FilterBar({ filters, values, words, onChange, onReset }: FilterBarProps) {
  const { t } = useTranslation('dashboard');
  if (filters.length === 0) return null;
  return (
    <section className="filter-bar dashboard-filters" aria-label={t('filters.label')}>
      {filters.map((filter) =>
        filter.type === 'period' ? (
          <PeriodFilter key={filter.key} filter={filter} value={values[filter.key]} words={words} onChange={(value) => onChange(filter.key, value)} />
        ) : (
          <ValuesFilter key={filter.key} filter={filter} value={values[filter.key]} onChange={(value) => onChange(filter.key, value)} />
        ),
      )}
      <button type="button" onClick={onReset}>
        {t('filters.reset')}
      </button>
    </section>
  );
}

const CUSTOM = 'custom';

function PeriodFilter({ filter, value, words, onChange }: { filter: DashboardFilterView; value: unknown; words: ValueWords; onChange(value: PeriodValue | null): void }) {
  const { t } = useTranslation('dashboard');
  const id = useId();
  const label = localized(filter.label, words.language);
  const period = isPeriodValue(value) ? value : undefined;
  // Custom days are kept here until both are chosen: half a range filters nothing.
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const range = draft ?? (period && isDayRange(period) ? period : null);
  const selected = range ? CUSTOM : period ? periodText(period) : '';
  const choices = PERIOD_CHOICES.map(periodText);
  if (period && !isDayRange(period) && !choices.includes(periodText(period))) choices.push(periodText(period));
  const changeDay = (end: 'from' | 'to', day: string) => {
    const next = { from: range?.from ?? '', to: range?.to ?? '', [end]: day };
    if (next.from && next.to && next.from <= next.to) {
      setDraft(null);
      onChange(next);
    } else setDraft(next);
  };
  return (
    <div className="filter-field period-filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={selected}
        onChange={(event) => {
          const choice = event.target.value;
          if (choice === CUSTOM) setDraft({ from: '', to: '' });
          else {
            setDraft(null);
            onChange(choice === '' ? null : (parsePeriod(choice) ?? null));
          }
        }}
      >
        <option value="">{t('period.any')}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {periodLabel(parsePeriod(choice)!, t, words)}
          </option>
        ))}
        <option value={CUSTOM}>{t('period.custom')}</option>
      </select>
      {range && (
        <span className="period-range">
          <DayInput label={t('period.from', { filter: label })} value={range.from} language={words.language} onChange={(day) => changeDay('from', day)} />
          <span aria-hidden="true">–</span>
          <DayInput label={t('period.to', { filter: label })} value={range.to} language={words.language} onChange={(day) => changeDay('to', day)} />
          {draft && <span className="hint">{t('period.incomplete')}</span>}
        </span>
      )}
    </div>
  );
}

function ValuesFilter({ filter, value, onChange }: { filter: DashboardFilterView; value: unknown; onChange(value: string[] | null): void }) {
  const { t, i18n } = useTranslation('dashboard');
  const language = languageOf(i18n.language);
  const label = localized(filter.label, language);
  const chosen = Array.isArray(value) ? value.map(String) : [];
  const summary = chosen.length === 0 ? t('values.all') : valuesLabel(filter, chosen, t, language);
  const toggle = (choice: string, on: boolean) => {
    const next = on ? [...chosen, choice] : chosen.filter((c) => c !== choice);
    onChange(next.length === 0 ? null : next);
  };
  return (
    <div className="filter-field values-filter">
      <Disclosure label={t('chip', { label, value: summary })}>
        {(close) => (
          <fieldset>
            <legend>{label}</legend>
            <div className="values-choices">
              {(filter.choices ?? []).map((choice) => (
                <label key={choice.value}>
                  <input type="checkbox" checked={chosen.includes(choice.value)} onChange={(event) => toggle(choice.value, event.target.checked)} />
                  {localized(choice.label, language)}
                </label>
              ))}
            </div>
            <div className="values-actions">
              <button type="button" onClick={() => onChange(null)} disabled={chosen.length === 0}>
                {t('values.clear')}
              </button>
              <button type="button" onClick={close}>
                {t('values.done')}
              </button>
            </div>
          </fieldset>
        )}
      </Disclosure>
    </div>
  );
}
