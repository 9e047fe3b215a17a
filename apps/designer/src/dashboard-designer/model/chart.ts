import { CHART_TYPES, type ChartSpec, type ChartType, type ReportDefinition } from '@bankforge/report-engine';

/** Every chart type a report (and so a widget) may be drawn as: the engine's own list. */
export { CHART_TYPES };

const CATEGORY_CHARTS: ReadonlySet<ChartType> = new Set(['bar', 'stackedBar', 'line', 'area', 'pie', 'funnel']);
const SERIES_CHARTS: ReadonlySet<ChartType> = new Set(['stackedBar', 'line', 'area']);
const ONE_MEASURE_CHARTS: ReadonlySet<ChartType> = new Set(['pie', 'funnel', 'kpi']);

/** What a chart type reads: a category dimension, a series dimension, and no, one or several measures. */
export function chartParts(type: ChartType): { x: boolean; series: boolean; measures: 'none' | 'one' | 'many' } {
  return {
    x: CATEGORY_CHARTS.has(type),
    series: SERIES_CHARTS.has(type),
    measures: type === 'table' ? 'none' : ONE_MEASURE_CHARTS.has(type) ? 'one' : 'many',
  };
}

/**
 * A chart of the type over the report's dimensions and measures, keeping what `from` (the widget's
 * chart, else the report's) names that the type reads, else the report's first dimension and measure.
 */
export function chartOfType(report: ReportDefinition, type: ChartType, from: ChartSpec | undefined = report.chart): ChartSpec {
  const dimensions = (report.dimensions ?? []).map((d) => d.key);
  const measures = (report.measures ?? []).map((m) => m.key);
  const parts = chartParts(type);
  const chart: ChartSpec = { type };
  const x = from?.x !== undefined && dimensions.includes(from.x) ? from.x : dimensions[0];
  if (parts.x && x !== undefined) chart.x = x;
  if (parts.series && from?.series !== undefined && dimensions.includes(from.series) && from.series !== chart.x) chart.series = from.series;
  if (parts.measures !== 'none') {
    const kept = (from?.y ?? []).filter((key) => measures.includes(key));
    const y = kept.length > 0 ? kept : measures.slice(0, 1);
    if (y.length > 0) chart.y = parts.measures === 'one' ? y.slice(0, 1) : y;
  }
  if (from?.horizontal && (type === 'bar' || type === 'stackedBar')) chart.horizontal = true;
  return chart;
}
