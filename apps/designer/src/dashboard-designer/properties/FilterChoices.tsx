import type { ProblemFieldError } from '@bankforge/client';
import type { DashboardDefinition, DashboardWidget } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../data-model/controls/Controls.js';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { problemsUnder } from '../../shell/api/problems.js';
import { fieldLabel } from '../catalog/field-label.js';
import { filterLandings, fitsFilter, type DashboardCatalog } from '../model/catalog.js';
import type { FilterChoice } from '../model/widgets.js';

export interface FilterChoicesProps {
  dashboard: DashboardDefinition;
  widget: DashboardWidget;
  catalog: DashboardCatalog;
  language: DesignerLanguage;
  /** The widget's JSON Pointer (`/widgets/0`). */
  path: string;
  problems: readonly ProblemFieldError[];
  onChange(filter: string, choice: FilterChoice): void;
}

const AUTO = '';
const OFF = '\u0000off';

/** Per shared filter, how it lands on this widget: as the filter says, on a field chosen here, or not at all. */
export function FilterChoices({ dashboard, widget, catalog, language, path, problems, onChange }: FilterChoicesProps) {
  const { t } = useTranslation('dashboardDesigner');
  const filters = dashboard.filters ?? [];
  const fields = catalog.reports.get(widget.report)?.fields ?? [];
  return (
    <fieldset>
      <legend>{t('widget.filters.legend')}</legend>
      {filters.length === 0 && <p className="help">{t('widget.filters.none')}</p>}
      {filters.map((filter) => {
        const choice = widget.filterFields?.[filter.key];
        // Where it lands when the widget does not choose: the filter's own list applied to this report.
        const automatic = filterLandings({ ...dashboard, widgets: [{ ...widget, filterFields: {} }] }, filter, catalog)[0];
        const autoLabel = automatic?.status === 'field' ? t('widget.filters.auto', { field: fieldLabel(automatic.field, catalog, language, t) }) : t('widget.filters.autoNone');
        const fitting = fields.filter((f) => fitsFilter(filter.type, f)).map((f) => ({ value: f.path, label: fieldLabel(f, catalog, language, t) }));
        const chosen = typeof choice === 'string' && !fitting.some((c) => c.value === choice) ? [{ value: choice, label: choice }] : [];
        return (
          <SelectControl
            key={filter.key}
            label={filter.label ? localized(filter.label, language) : filter.key}
            value={choice === null ? OFF : (choice ?? AUTO)}
            choices={[{ value: AUTO, label: autoLabel }, ...chosen, ...fitting, { value: OFF, label: t('widget.filters.off') }]}
            problems={problemsUnder(problems, `${path}/filterFields/${filter.key}`)}
            onChange={(value) => onChange(filter.key, value === AUTO ? undefined : value === OFF ? null : value)}
          />
        );
      })}
    </fieldset>
  );
}
