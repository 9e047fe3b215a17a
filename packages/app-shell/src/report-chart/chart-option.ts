import type { ReportRunResult } from '@bankforge/client';
import type { ChartData, ReportRow, ResultColumn } from '@bankforge/report-engine';
import type { ReportValue } from './report-format.js';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { columnLabel, formatMeasure, formatReportValue, numericValue, type ValueWords } from './report-format.js';

/** A click on a data point: the dimension and its raw value (an option's value, a record's id), never its label. */
export interface ChartPick {
  dimension: string;
  value: ReportValue;
}

export type EChartsData = Extract<ChartData, { type: 'echarts' }>;
type ReportEChartsOption = EChartsData['option'];
type ReportSeries = ReportEChartsOption['series'][number];

/** The ECharts option a report chart is drawn with: only the charts and components `load-echarts` registers. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | FunnelSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/**
 * Which result columns a chart draws: the category (or slice) dimension, the dimension whose values
 * are series if any, and the measure of each series. The chart's data names categories by their raw
 * values; these keys turn them back into labels and clicks into raw values.
 */
export interface ChartKeys {
  x: string | undefined;
  series: string | undefined;
  /** Per series, the measure it plots. */
  measures: (string | undefined)[];
}

/** How the report engine names a category or a series (its `categoryName`). */
function nameOf(value: ReportValue | undefined): string {
  if (value === null || value === undefined) return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A dimension's distinct values in result order: the categories of an axis chart. */
function distinctValues(rows: readonly ReportRow[], key: string): ReportValue[] {
  const seen = new Map<string, ReportValue>();
  for (const row of rows) if (!seen.has(nameOf(row[key]))) seen.set(nameOf(row[key]), row[key] ?? null);
  return [...seen.values()];
}

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((name, i) => name === b[i]);

const isSliced = (chart: EChartsData): boolean => chart.chart === 'pie' || chart.chart === 'funnel';

function categoryNames(option: ReportEChartsOption): string[] {
  const axis = option.xAxis?.type === 'category' ? option.xAxis : option.yAxis;
  return axis?.data ?? [];
}

function sliceNames(series: ReportSeries | undefined): string[] {
  return (series?.data ?? []).map((point) => (typeof point === 'object' && point !== null ? point.name : ''));
}

const seriesValues = (series: ReportSeries): (number | null)[] =>
  series.data.map((point) => (typeof point === 'object' && point !== null ? point.value : point));

/**
 * The columns behind a shaped chart, found by matching its names and numbers with the result's
 * rows (the chart data names no columns). Undefined parts are drawn as they are.
 */
export function chartKeys(result: Pick<ReportRunResult, 'columns' | 'rows'>, chart: EChartsData): ChartKeys {
  const { rows, columns } = result;
  const dimensions = columns.filter((c) => c.role === 'dimension');
  const measures = columns.filter((c) => c.role === 'measure');
  const { series } = chart.option;
  if (isSliced(chart)) {
    const names = sliceNames(series[0]);
    const x = dimensions.find((d) => sameNames(rows.map((row) => nameOf(row[d.key])), names))?.key;
    const values = series[0] ? seriesValues(series[0]) : [];
    const measure = measures.find((m) => rows.every((row, i) => (numericValue(row[m.key]) ?? null) === values[i]))?.key;
    return { x, series: undefined, measures: [measure] };
  }
  const names = categoryNames(chart.option);
  const x = dimensions.find((d) => sameNames(distinctValues(rows, d.key).map(nameOf), names))?.key;
  const byMeasure = series.map((s) => measures.find((m) => m.label === s.name)?.key);
  if (byMeasure.every((key) => key !== undefined)) return { x, series: undefined, measures: byMeasure };
  const seriesNames = series.map((s) => s.name);
  const seriesKey = dimensions.find((d) => d.key !== x && sameNames(distinctValues(rows, d.key).map(nameOf), seriesNames))?.key;
  if (x === undefined || seriesKey === undefined) return { x, series: seriesKey, measures: series.map(() => undefined) };
  // One measure for every series of a dimension: the one whose values are those plotted.
  const category = new Map(names.map((name, i) => [name, i]));
  const plotted = (m: ResultColumn): boolean =>
    rows.every((row) => {
      const s = seriesNames.indexOf(nameOf(row[seriesKey]));
      const value = series[s] ? seriesValues(series[s])[category.get(nameOf(row[x])) ?? -1] : undefined;
      return value === (numericValue(row[m.key]) ?? null);
    });
  const measure = measures.find(plotted)?.key;
  return { x, series: seriesKey, measures: series.map(() => measure) };
}

/** The raw value of the data point at `dataIndex` (a category, or a slice), for a click. */
export function pickAt(result: Pick<ReportRunResult, 'rows'>, chart: EChartsData, keys: ChartKeys, dataIndex: number): ChartPick | undefined {
  if (keys.x === undefined) return undefined;
  const values = isSliced(chart) ? result.rows.map((row) => row[keys.x!] ?? null) : distinctValues(result.rows, keys.x);
  return dataIndex >= 0 && dataIndex < values.length ? { dimension: keys.x, value: values[dataIndex]! } : undefined;
}

/** Labels of a dimension's values by the names the chart gives them. */
function labelsByName(result: Pick<ReportRunResult, 'columns' | 'rows' | 'presentation'>, key: string | undefined, words: ValueWords): Map<string, string> {
  const labels = new Map<string, string>();
  const column = result.columns.find((c) => c.key === key);
  if (key === undefined || column === undefined) return labels;
  for (const row of result.rows) {
    const value = row[key] ?? null;
    labels.set(nameOf(value), formatReportValue(value, column, result.presentation?.[key], words));
  }
  return labels;
}

/** Data points other than a picked one are drawn faint, so the pick that filters the dashboard shows where it came from. */
const FAINT = { opacity: 0.35 };

/**
 * The chart's ECharts option in the reader's language: categories, slices and series named by their
 * labels, values in tooltips formatted (money with its currency), the value axis compact, and the
 * data points other than `selected` faint.
 */
export function chartOption(
  result: Pick<ReportRunResult, 'columns' | 'rows' | 'presentation'>,
  chart: EChartsData,
  words: ValueWords,
  selected?: ChartPick,
): ChartOption {
  const keys = chartKeys(result, chart);
  const { option } = chart;
  const xLabels = labelsByName(result, keys.x, words);
  const seriesLabels = labelsByName(result, keys.series, words);
  const label = (labels: Map<string, string>, name: string): string => labels.get(name) ?? name;
  const presentationOf = (i: number) => {
    const measure = keys.measures[i];
    return measure === undefined ? undefined : result.presentation?.[measure];
  };
  // A series of a measure is named by the measure's header in the reader's language (the shaped chart's is English).
  const measureName = (i: number, name: string): string => {
    const column = result.columns.find((c) => c.key === keys.measures[i]);
    return column ? columnLabel(column, words.language) : name;
  };
  const valueFormatter = (i: number) => (value: unknown) =>
    typeof value === 'number' ? formatMeasure(value, presentationOf(i), words.language) : '–';
  const pickedName = selected === undefined ? undefined : nameOf(selected.value);
  const faintCategory = (name: string): boolean => selected?.dimension === keys.x && keys.x !== undefined && name !== pickedName;
  const faintSeries = (name: string): boolean => selected?.dimension === keys.series && keys.series !== undefined && name !== pickedName;

  if (isSliced(chart)) {
    const source = option.series[0];
    const points = (source?.data ?? []).flatMap((point) => (typeof point === 'object' && point !== null ? [point] : []));
    const slice: PieSeriesOption | FunnelSeriesOption = {
      type: chart.chart === 'pie' ? 'pie' : 'funnel',
      name: measureName(0, source?.name ?? ''),
      tooltip: { valueFormatter: valueFormatter(0) },
      data: points.map((point) => ({
        name: label(xLabels, point.name),
        value: point.value,
        ...(faintCategory(point.name) ? { itemStyle: FAINT } : {}),
      })),
      // A slice says its share inside the ring; its name is in the legend (names beside a narrow ring are cut off).
      ...(chart.chart === 'pie'
        ? {
            radius: ['40%', '75%'] as [string, string],
            top: 32,
            // A sliver's share would be written over its neighbour's: only slices of 5% and more say theirs.
            label: { position: 'inside' as const, formatter: ({ percent }: { percent?: number }) => (percent !== undefined && percent >= 5 ? `${Math.round(percent)}%` : '') },
            labelLine: { show: false },
          }
        : // The report's order is the pipeline's (submitted before approved): ECharts would re-sort the stages by size.
          { top: 40, bottom: 8, sort: 'none' as const }),
    } as PieSeriesOption | FunnelSeriesOption;
    return {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', top: 0, data: points.map((point) => label(xLabels, point.name)) },
      series: [slice],
    };
  }

  const names = categoryNames(option);
  const categories = names.map((name) => label(xLabels, name));
  const seriesName = (name: string, i: number): string => (keys.series === undefined ? measureName(i, name) : label(seriesLabels, name));
  const axisCurrency = new Set(keys.measures.map((_, i) => presentationOf(i)?.currency));
  // Counts are whole: an axis of 0.2, 0.4… over three applications reads as fractions of a loan.
  const whole = option.series.every((source) => seriesValues(source).every((value) => value === null || Number.isInteger(value)));
  const valueAxis = {
    type: 'value' as const,
    ...(whole ? { minInterval: 1 } : {}),
    axisLabel: {
      formatter: (value: number) => formatMeasure(value, axisCurrency.size === 1 ? presentationOf(0) : undefined, words.language, true),
    },
  };
  const categoryAxis = { type: 'category' as const, data: categories };
  const horizontal = option.yAxis?.type === 'category';
  const series = option.series.map((source, i): BarSeriesOption | LineSeriesOption => {
    const data = seriesValues(source).map((value, j) => (faintCategory(names[j] ?? '') ? { value, itemStyle: FAINT } : value));
    const common = {
      name: seriesName(source.name, i),
      data,
      tooltip: { valueFormatter: valueFormatter(i) },
      ...(source.stack ? { stack: source.stack } : {}),
      ...(faintSeries(source.name) ? { itemStyle: FAINT, lineStyle: FAINT } : {}),
    };
    return source.type === 'bar' ? { ...common, type: 'bar' } : { ...common, type: 'line', ...(source.areaStyle ? { areaStyle: {} } : {}) };
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0, data: series.map((s) => String(s.name)) },
    grid: { top: 40, left: 8, right: 16, bottom: 8 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/** Whether a value of a dimension is the one picked. */
export function isPicked(selected: ChartPick | undefined, dimension: string, value: ReportValue | undefined): boolean {
  return selected !== undefined && selected.dimension === dimension && nameOf(selected.value) === nameOf(value);
}
