import type { ChartSpec, ChartType, PivotSpec } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { controlId } from '../model/problems.js';
import { setPivot, updateChart } from '../model/report-edits.js';
import { Field, ProblemsAt } from '../ui/controls.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';
import { useColumns, type ColumnChoice } from './columns.js';

/** What each chart draws: a category axis (and series), slices, one figure, or the pivot's rows and columns. */
const AXES: Record<ChartType, { x: boolean; series: boolean; y: 'many' | 'one' | 'none'; horizontal: boolean }> = {
  table: { x: false, series: false, y: 'none', horizontal: false },
  pivot: { x: false, series: false, y: 'none', horizontal: false },
  kpi: { x: false, series: false, y: 'one', horizontal: false },
  bar: { x: true, series: true, y: 'many', horizontal: true },
  stackedBar: { x: true, series: true, y: 'many', horizontal: true },
  line: { x: true, series: true, y: 'many', horizontal: false },
  area: { x: true, series: true, y: 'many', horizontal: false },
  pie: { x: true, series: false, y: 'one', horizontal: false },
  funnel: { x: true, series: false, y: 'one', horizontal: false },
};

/** Every chart type, in the order the picker lists them (the record above names each one). */
export const CHART_CHOICES = Object.keys(AXES) as ChartType[];

/** The chart: its type and which dimensions and measures it draws where. */
export function ChartSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, update } = useReportEditing();
  const columns = useColumns();
  const dimensions = columns.filter((c) => c.role === 'dimension');
  const measures = columns.filter((c) => c.role === 'measure');
  const chart: ChartSpec = report.chart ?? { type: 'table' };
  const axes = AXES[chart.type];
  const change = (c: Partial<ChartSpec>) => update((r) => updateChart(r, c));
  const chooseType = (type: ChartType) =>
    update((r) => {
      const next = updateChart(r, { type });
      // A pivot chart draws the report's pivot: one is laid out from the columns when there is none.
      if (type !== 'pivot' || r.pivot || measures.length === 0) return next;
      return setPivot(next, { rows: dimensions.slice(0, 1).map((d) => d.key), columns: dimensions.slice(1).map((d) => d.key), values: measures.map((m) => m.key) });
    });
  return (
    <Section title={t('chart.title')} help={t('chart.help')}>
      <Field label={t('chart.type')} path="/chart/type">
        {(control) => (
          <select {...control} value={chart.type} onChange={(e) => chooseType(e.target.value as ChartType)}>
            {CHART_CHOICES.map((type) => (
              <option key={type} value={type}>
                {t(`chart.types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="help">{t(`chart.typeHelp.${chart.type}`)}</p>
      {axes.x && (
        <Field label={t(chart.type === 'pie' || chart.type === 'funnel' ? 'chart.slices' : 'chart.x')} path="/chart/x">
          {(control) => <ColumnSelect {...control} value={chart.x} choices={dimensions} empty={t('chart.firstDimension')} onChange={(x) => change({ x })} />}
        </Field>
      )}
      {axes.series && (
        <Field label={t('chart.series')} path="/chart/series" help={t('chart.seriesHelp')}>
          {(control) => <ColumnSelect {...control} value={chart.series} choices={dimensions} empty={t('chart.noSeries')} onChange={(series) => change({ series })} />}
        </Field>
      )}
      {axes.y === 'one' && (
        <Field label={t('chart.measure')} path="/chart/y">
          {(control) => <ColumnSelect {...control} value={chart.y?.[0]} choices={measures} empty={t('chart.firstMeasure')} onChange={(y) => change({ y: y === undefined ? undefined : [y, ...(chart.type === 'kpi' ? (chart.y ?? []).slice(1, 2) : [])] })} />}
        </Field>
      )}
      {chart.type === 'kpi' && chart.y?.[0] !== undefined && (
        // A key figure's second measure is what it is compared with (last quarter's, a target).
        <Field label={t('chart.comparedWith')} path="/chart/y/1">
          {(control) => <ColumnSelect {...control} value={chart.y?.[1]} choices={measures.filter((m) => m.key !== chart.y?.[0])} empty={t('chart.noComparison')} onChange={(versus) => change({ y: [chart.y![0]!, ...(versus === undefined ? [] : [versus])] })} />}
        </Field>
      )}
      {axes.y === 'many' && <KeyChecks legend={t('chart.measures')} help={t('chart.measuresHelp')} path="/chart/y" choices={measures} chosen={chart.y ?? []} onChange={(y) => change({ y: y.length === 0 ? undefined : y })} />}
      {axes.horizontal && (
        <div className="check-row">
          <label className="check-label">
            <input type="checkbox" checked={chart.horizontal === true} onChange={(e) => change({ horizontal: e.target.checked || undefined })} />
            {t('chart.horizontal')}
          </label>
        </div>
      )}
      {chart.type === 'pivot' && <PivotSettings dimensions={dimensions} measures={measures} />}
    </Section>
  );
}

function PivotSettings({ dimensions, measures }: { dimensions: ColumnChoice[]; measures: ColumnChoice[] }) {
  const { t } = useTranslation('reportDesigner');
  const { report, update } = useReportEditing();
  const pivot: PivotSpec = report.pivot ?? { rows: [], columns: [], values: [] };
  // A pivot needs a value to show: with none chosen the pivot goes, and the check says the chart misses it.
  const change = (c: Partial<PivotSpec>) => update((r) => {
    const next = { ...pivot, ...c };
    return setPivot(r, next.values.length === 0 ? undefined : next);
  });
  return (
    <>
      <KeyChecks legend={t('chart.pivotRows')} path="/pivot/rows" choices={dimensions} chosen={pivot.rows} onChange={(rows) => change({ rows, columns: pivot.columns.filter((k) => !rows.includes(k)) })} />
      <KeyChecks legend={t('chart.pivotColumns')} path="/pivot/columns" choices={dimensions} chosen={pivot.columns} onChange={(columns) => change({ columns, rows: pivot.rows.filter((k) => !columns.includes(k)) })} />
      <KeyChecks legend={t('chart.pivotValues')} path="/pivot/values" choices={measures} chosen={pivot.values} onChange={(values) => change({ values })} />
    </>
  );
}

function ColumnSelect({ value, choices, empty, onChange, ...control }: { id: string; value: string | undefined; choices: ColumnChoice[]; empty: string; onChange(key: string | undefined): void; 'aria-invalid'?: true; 'aria-describedby'?: string }) {
  const { t } = useTranslation('reportDesigner');
  return (
    <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">{empty}</option>
      {value !== undefined && !choices.some((c) => c.key === value) && <option value={value}>{t('fields.unknown', { path: value })}</option>}
      {choices.map((c) => (
        <option key={c.key} value={c.key}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** A list of keys chosen by checkboxes, in the columns' order; its problems (each item's) beside it. */
export function KeyChecks({ legend, help, path, choices, chosen, onChange }: { legend: string; help?: string; path: string; choices: ColumnChoice[]; chosen: readonly string[]; onChange(keys: string[]): void }) {
  const strays = chosen.filter((k) => !choices.some((c) => c.key === k));
  return (
    <fieldset className="key-checks" id={controlId(path)}>
      <legend>{legend}</legend>
      {help && <p className="help">{help}</p>}
      {choices.map((c) => (
        <label key={c.key} className="check-label">
          <input type="checkbox" checked={chosen.includes(c.key)} onChange={(e) => onChange(choices.map((x) => x.key).filter((k) => (k === c.key ? e.target.checked : chosen.includes(k))))} />
          {c.name}
        </label>
      ))}
      {strays.map((k) => (
        <label key={k} className="check-label">
          <input type="checkbox" checked onChange={() => onChange(chosen.filter((x) => x !== k))} />
          {k}
        </label>
      ))}
      <ProblemsAt path={path} />
      {chosen.map((_, i) => (
        <ProblemsAt key={i} path={`${path}/${i}`} />
      ))}
    </fieldset>
  );
}
