import type { ProblemFieldError } from '@bankforge/client';
import { labelIn, type ChartSpec, type ChartType, type ReportDefinition } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../data-model/controls/Controls.js';
import { problemMessage, problemsUnder } from '../../shell/api/problems.js';
import { chartOfType, chartParts, CHART_TYPES } from '../model/chart.js';

export interface ChartOverrideProps {
  report: ReportDefinition;
  chart: ChartSpec | undefined;
  /** The widget's chart's JSON Pointer (`/widgets/0/chart`), where problems are addressed. */
  path: string;
  problems: readonly ProblemFieldError[];
  onChange(chart: ChartSpec | undefined): void;
}

/** The widget's chart: the report's own, or another type over the report's dimensions and measures. */
export function ChartOverride({ report, chart, path, problems, onChange }: ChartOverrideProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const own = report.chart?.type ?? 'table';
  const language = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const dimensions = (report.dimensions ?? []).map((d) => ({ value: d.key, label: d.label === undefined ? d.key : labelIn(d.label, language) }));
  const measures = (report.measures ?? []).map((m) => ({ value: m.key, label: m.label === undefined ? m.key : labelIn(m.label, language) }));
  const parts = chart ? chartParts(chart.type) : null;
  const of = (part: string) => problemsUnder(problems, `${path}${part}`);
  const set = (change: Partial<ChartSpec>) => chart && onChange({ ...chart, ...change });
  return (
    <fieldset>
      <legend>{t('widget.chart.legend')}</legend>
      <SelectControl
        label={t('widget.chart.type')}
        value={chart?.type ?? ''}
        choices={[{ value: '', label: t('widget.chart.own', { chart: t(`chartTypes.${own}`) }) }, ...CHART_TYPES.map((type) => ({ value: type, label: t(`chartTypes.${type}`) }))]}
        problems={of('/type')}
        onChange={(type) => onChange(type === '' ? undefined : chartOfType(report, type as ChartType, chart))}
      />
      {chart && parts?.x && (
        <SelectControl label={t('widget.chart.x')} value={chart.x ?? ''} choices={dimensions} problems={of('/x')} onChange={(x) => set({ x })} />
      )}
      {chart && parts?.series && dimensions.length > 1 && (
        <SelectControl
          label={t('widget.chart.series')}
          value={chart.series ?? ''}
          choices={[{ value: '', label: t('widget.chart.noSeries') }, ...dimensions.filter((d) => d.value !== chart.x)]}
          problems={of('/series')}
          onChange={(series) => {
            const { series: _old, ...rest } = chart;
            onChange(series === '' ? rest : { ...rest, series });
          }}
        />
      )}
      {chart && parts?.measures === 'one' && (
        <SelectControl label={t('widget.chart.yOne')} value={chart.y?.[0] ?? ''} choices={measures} problems={of('/y')} onChange={(y) => set({ y: [y] })} />
      )}
      {chart && parts?.measures === 'many' && (
        <fieldset className="dashboard-checks">
          <legend>{t('widget.chart.y')}</legend>
          {measures.map((m) => {
            const y = chart.y ?? [];
            const on = y.includes(m.value);
            return (
              <label key={m.value} className="check-label">
                <input
                  type="checkbox"
                  checked={on}
                  // The schema asks for at least one measure: the last one stays.
                  disabled={on && y.length === 1}
                  onChange={(e) => set({ y: e.target.checked ? measures.map((x) => x.value).filter((k) => k === m.value || y.includes(k)) : y.filter((k) => k !== m.value) })}
                />
                {m.label}
              </label>
            );
          })}
          {of('/y').length > 0 && <ul className="field-errors">{of('/y').map((p, i) => <li key={i}>{problemMessage(p, i18n.language)}</li>)}</ul>}
        </fieldset>
      )}
    </fieldset>
  );
}
