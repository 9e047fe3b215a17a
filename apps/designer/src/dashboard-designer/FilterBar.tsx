import type { ProblemFieldError } from '@bankforge/client';
import type { DashboardDefinition, DashboardFilter } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { problemsUnder } from '../shell/api/problems.js';

export interface FilterBarProps {
  dashboard: DashboardDefinition;
  selected: string | null;
  labelOf(filter: DashboardFilter): string;
  /** Problems and warnings, by path: a filter with some is marked. */
  problems: readonly ProblemFieldError[];
  onSelect(key: string): void;
}

/** The shared filters as the runtime will show them above the widgets, each with the value it opens with: a click edits it. */
export function FilterBar({ dashboard, selected, labelOf, problems, onSelect }: FilterBarProps) {
  const { t } = useTranslation('dashboardDesigner');
  const filters = dashboard.filters ?? [];
  const opening = (filter: DashboardFilter): string => {
    const value = filter.default;
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return t('filterBar.all');
    if (filter.type === 'period') return typeof value === 'string' ? t(`appShell:periods.${value}`, { defaultValue: value }) : JSON.stringify(value);
    const list = Array.isArray(value) ? value : [value];
    return list.length === 1 ? String(list[0]) : t('filterBar.values', { count: list.length });
  };
  return (
    <section className="dashboard-filter-bar" aria-label={t('filterBar.label')}>
      {filters.length === 0 && <p className="help">{t('filterBar.none')}</p>}
      {filters.map((filter, index) => {
        const count = problemsUnder(problems, `/filters/${index}`).length;
        const flagged = count > 0;
        return (
          <button key={filter.key} type="button" className={`dashboard-filter-chip${selected === filter.key ? ' is-selected' : ''}${flagged ? ' has-problems' : ''}`} onClick={() => onSelect(filter.key)}>
            {flagged && <span aria-hidden="true">⚠ </span>}
            {t('filterBar.chip', { label: labelOf(filter), value: opening(filter) })}
            {flagged && <span className="visually-hidden">, {t('grid.problems', { count })}</span>}
          </button>
        );
      })}
    </section>
  );
}
