import type { ChartSpec, ReportDefinition } from '../artifact/report-definition.js';
import type { ReportResult, ReportRow, ReportValue, ResultColumn } from '../result/result-types.js';
import { pivotResult, type PivotTable } from './pivot.js';

/** The parts of an ECharts option the report charts use (https://echarts.apache.org/en/option.html). */
export interface EChartsSeries {
  type: 'bar' | 'line' | 'pie' | 'funnel';
  name: string;
  data: (number | null)[] | { name: string; value: number | null }[];
  stack?: string;
  areaStyle?: Record<string, never>;
}

export interface EChartsOption {
  tooltip: { trigger: 'axis' | 'item' };
  legend?: { data: string[] };
  xAxis?: { type: 'category' | 'value'; data?: string[] };
  yAxis?: { type: 'category' | 'value'; data?: string[] };
  series: EChartsSeries[];
}

export type ChartData =
  | { type: 'table'; columns: ResultColumn[]; rows: ReportRow[] }
  | { type: 'pivot'; pivot: PivotTable }
  | {
      type: 'kpi';
      key: string;
      label: string;
      value: ReportValue;
      /** The chart's second measure, which the figure is compared with (last quarter's, the target). */
      comparison?: { key: string; label: string; value: ReportValue };
    }
  | { type: 'echarts'; chart: ChartSpec['type']; option: EChartsOption };

/** How a category or series value is shown. */
export function categoryName(value: ReportValue): string {
  if (value === null) return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const asNumber = (value: ReportValue | undefined): number | null =>
  typeof value === 'number' ? value : null;

function distinct(rows: readonly ReportRow[], key: string): ReportValue[] {
  const seen = new Map<string, ReportValue>();
  for (const row of rows) seen.set(categoryName(row[key] ?? null), row[key] ?? null);
  return [...seen.values()];
}

/**
 * Shapes a result for its chart: ECharts options for bar, stacked bar, line, area, pie and funnel
 * (categories in result order, so the report's sort decides them), a pivot table, a KPI value, or
 * the table itself. Keys missing from the result (a drill-down level shows other dimensions)
 * fall back to the result's first dimension and its measures.
 */
export function shapeChart(
  report: Pick<ReportDefinition, 'chart' | 'pivot'>,
  result: ReportResult,
): ChartData {
  const chart = report.chart ?? { type: 'table' as const };
  const dimensions = result.columns.filter((c) => c.role === 'dimension');
  const measures = result.columns.filter((c) => c.role === 'measure');
  const has = (key: string | undefined): key is string =>
    key !== undefined && result.columns.some((c) => c.key === key);
  const ys = (chart.y ?? []).filter(has);
  const y = ys.length > 0 ? measures.filter((m) => ys.includes(m.key)) : measures;
  if (chart.type === 'table' || y.length === 0)
    return { type: 'table', columns: result.columns, rows: result.rows };
  if (chart.type === 'pivot') {
    const spec = report.pivot ?? {
      rows: dimensions.slice(0, 1).map((d) => d.key),
      columns: dimensions.slice(1).map((d) => d.key),
      values: y.map((m) => m.key),
    };
    return { type: 'pivot', pivot: pivotResult(result, spec) };
  }
  const first = y[0]!;
  if (chart.type === 'kpi') {
    const row = result.rows[0];
    // In the order the chart names them: the figure, then what it is compared with.
    const [figure, versus] = ys.length > 0 ? ys.map((k) => measures.find((m) => m.key === k)!) : [first];
    return {
      type: 'kpi',
      key: figure!.key,
      label: figure!.label,
      value: row?.[figure!.key] ?? null,
      ...(versus && { comparison: { key: versus.key, label: versus.label, value: row?.[versus.key] ?? null } }),
    };
  }
  const x = has(chart.x) ? chart.x : dimensions[0]?.key;
  if (x === undefined) return { type: 'table', columns: result.columns, rows: result.rows };
  if (chart.type === 'pie' || chart.type === 'funnel') {
    const data = result.rows.map((row) => ({
      name: categoryName(row[x] ?? null),
      value: asNumber(row[first.key]),
    }));
    return {
      type: 'echarts',
      chart: chart.type,
      option: {
        tooltip: { trigger: 'item' },
        legend: { data: data.map((d) => d.name) },
        series: [{ type: chart.type, name: first.label, data }],
      },
    };
  }
  const categories = distinct(result.rows, x);
  const names = categories.map(categoryName);
  const index = new Map(names.map((n, i) => [n, i]));
  const kind = chart.type === 'bar' || chart.type === 'stackedBar' ? 'bar' : 'line';
  const decorate = (series: EChartsSeries): EChartsSeries => ({
    ...series,
    ...(chart.type === 'stackedBar' ? { stack: 'total' } : {}),
    ...(chart.type === 'area' ? { areaStyle: {} } : {}),
  });
  let series: EChartsSeries[];
  const seriesKey = has(chart.series) && chart.series !== x ? chart.series : undefined;
  if (seriesKey) {
    // One series per value of the series dimension, for the first measure; gaps are null.
    series = distinct(result.rows, seriesKey).map((value) => {
      const data: (number | null)[] = names.map(() => null);
      for (const row of result.rows) {
        if (categoryName(row[seriesKey] ?? null) === categoryName(value))
          data[index.get(categoryName(row[x] ?? null))!] = asNumber(row[first.key]);
      }
      return decorate({ type: kind, name: categoryName(value), data });
    });
  } else {
    series = y.map((m) => {
      const data: (number | null)[] = names.map(() => null);
      for (const row of result.rows) data[index.get(categoryName(row[x] ?? null))!] = asNumber(row[m.key]);
      return decorate({ type: kind, name: m.label, data });
    });
  }
  const category = { type: 'category' as const, data: names };
  const value = { type: 'value' as const };
  return {
    type: 'echarts',
    chart: chart.type,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { data: series.map((s) => s.name) },
      ...(chart.horizontal ? { xAxis: value, yAxis: category } : { xAxis: category, yAxis: value }),
      series,
    },
  };
}
