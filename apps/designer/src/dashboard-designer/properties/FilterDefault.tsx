import { NAMED_PERIODS, type SelectOption } from '@bankforge/data-model';
import type { DashboardFilter } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { ListControl, SelectControl } from '../../data-model/controls/Controls.js';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';

export interface FilterDefaultProps {
  filter: DashboardFilter;
  /** The options of the filter's first field when it is a select field: chosen by name rather than typed. */
  options: readonly SelectOption[] | undefined;
  language: DesignerLanguage;
  onChange(value: unknown): void;
}

/** The value the dashboard opens with: a named period for a period filter, values for a values filter. */
export function FilterDefault({ filter, options, language, onChange }: FilterDefaultProps) {
  const { t } = useTranslation('dashboardDesigner');
  const value = filter.default;
  if (filter.type === 'period') {
    // A relative period or two days written in the JSON stay as they are, shown as written.
    const other = value !== undefined && !(typeof value === 'string' && (NAMED_PERIODS as readonly string[]).includes(value)) ? JSON.stringify(value) : null;
    return (
      <SelectControl
        label={t('filter.default.period')}
        value={other ?? (typeof value === 'string' ? value : '')}
        choices={[
          { value: '', label: t('filter.default.none') },
          ...(other ? [{ value: other, label: other }] : []),
          ...NAMED_PERIODS.map((period) => ({ value: period, label: t(`appShell:periods.${period}`) })),
        ]}
        onChange={(next) => next !== other && onChange(next === '' ? undefined : next)}
      />
    );
  }
  const list = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  if (options && options.length > 0)
    return (
      <fieldset className="dashboard-checks">
        <legend>{t('filter.default.options')}</legend>
        {options.map((option) => (
          <label key={option.value} className="check-label">
            <input
              type="checkbox"
              checked={list.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? options.map((o) => o.value).filter((v) => v === option.value || list.includes(v)) : list.filter((v) => v !== option.value))}
            />
            {localized(option.label, language)}
          </label>
        ))}
      </fieldset>
    );
  return <ListControl label={t('filter.default.values')} help={t('filter.default.valuesHelp')} value={list} onChange={onChange} />;
}
