import type { ReportRunResult } from '@bankforge/client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/languages.js';
import { chartKeys, chartOption, pickAt, type ChartPick, type EChartsData } from './chart-option.js';
import { EChart } from './EChart.js';
import { PivotView } from './PivotView.js';
import { columnLabel, formatReportValue, numericValue, type ReportValue, type ValueWords } from './report-format.js';
import { offersPick, ReportTable, type PickProps } from './ReportTable.js';
import './report-chart.css';

export interface ReportChartProps {
  result: ReportRunResult;
  /** A click on a data point (or a dimension value of a table): its dimension and raw value. */
  onPick?(pick: ChartPick): void;
  /** The point picked before, marked (the others of its dimension are drawn faint). */
  selected?: ChartPick;
  /** Height in pixels of a chart; a table scrolls within it. */
  height?: number;
  /** The dimensions whose values may be picked (a dashboard's widget filters by some only); all when absent. */
  pickable?: readonly string[];
}

/** The chart's words in the reader's language. */
function useValueWords(): ValueWords {
  const { t, i18n } = useTranslation('appShell');
  const language = languageOf(i18n.language);
  return useMemo(() => ({ language, empty: t('chart.empty'), yes: t('chart.yes'), no: t('chart.no') }), [language, t]);
}

/** How far a figure is from what it is compared with, as a fraction of that (undefined against nothing or zero). */
export function relativeChange(value: ReportValue, versus: ReportValue): number | undefined {
  const figure = numericValue(value);
  const base = numericValue(versus);
  return figure === undefined || base === undefined || base === 0 ? undefined : (figure - base) / Math.abs(base);
}

/**
 * A report run drawn as its report asks: an ECharts chart (bar, stacked bar, line, area, pie,
 * funnel), a table, a pivot table or a KPI figure; values as people read them (labels, money with
 * its currency, numbers grouped in the reader's language).
 */
export function ReportChart({ result, onPick, selected, height = 300, pickable }: ReportChartProps) {
  const { t } = useTranslation('appShell');
  const words = useValueWords();
  const { chart, presentation } = result;
  const caption = result.report.title;
  const picking: PickProps = { ...(onPick ? { onPick } : {}), ...(selected ? { selected } : {}), ...(pickable ? { pickable } : {}) };
  if (chart.type === 'kpi') {
    const format = (key: string, value: ReportValue) =>
      value === null ? '–' : formatReportValue(value, result.columns.find((c) => c.key === key) ?? { type: 'number' }, presentation?.[key], words);
    // The shaped chart names its measures in English; the columns say them in the reader's language.
    const measureCaption = (key: string, english: string) => {
      const column = result.columns.find((c) => c.key === key);
      return column ? columnLabel(column, words.language) : english;
    };
    const { comparison } = chart;
    const change = comparison ? relativeChange(chart.value, comparison.value) : undefined;
    return (
      <figure className="report-kpi">
        <p className="report-kpi-value">{format(chart.key, chart.value)}</p>
        <figcaption>{measureCaption(chart.key, chart.label)}</figcaption>
        {comparison && (
          <p className="report-kpi-comparison">
            {change !== undefined && (
              <span className={change > 0 ? 'report-kpi-up' : change < 0 ? 'report-kpi-down' : undefined}>
                {new Intl.NumberFormat(words.language, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change)}
              </span>
            )}{' '}
            {t('chart.comparison', { label: measureCaption(comparison.key, comparison.label), value: format(comparison.key, comparison.value) })}
          </p>
        )}
      </figure>
    );
  }
  if (result.rows.length === 0) return <p className="report-chart-empty">{t('chart.noData')}</p>;
  if (chart.type === 'echarts') return <ChartWithData result={result} chart={chart} words={words} height={height} {...picking} />;
  return (
    <div className="report-table-scroller" style={{ maxHeight: height }}>
      {chart.type === 'pivot' ? (
        <PivotView pivot={chart.pivot} columns={result.columns} presentation={presentation} words={words} caption={caption} {...picking} />
      ) : (
        <ReportTable columns={chart.columns} rows={chart.rows} presentation={presentation} words={words} caption={caption} {...picking} />
      )}
    </div>
  );
}

/** An ECharts chart, with its rows as a table under a disclosure: the same data and picks for the keyboard and screen readers. */
function ChartWithData({
  result,
  chart,
  words,
  height,
  onPick,
  selected,
  pickable,
}: { result: ReportRunResult; chart: EChartsData; words: ValueWords; height: number } & PickProps) {
  const { t } = useTranslation('appShell');
  const option = useMemo(() => chartOption(result, chart, words, selected), [result, chart, words, selected]);
  const keys = useMemo(() => chartKeys(result, chart), [result, chart]);
  const onPoint = (dataIndex: number) => {
    const pick = pickAt(result, chart, keys, dataIndex);
    if (pick && offersPick({ onPick, pickable }, pick.dimension)) onPick?.(pick);
  };
  return (
    <div className="report-chart">
      <EChart option={option} height={height} label={result.report.title} {...(onPick ? { onPoint } : {})} />
      <details className="report-chart-data">
        <summary>{t('chart.data')}</summary>
        <div className="report-table-scroller" style={{ maxHeight: height }}>
          <ReportTable
            columns={result.columns}
            rows={result.rows}
            presentation={result.presentation}
            words={words}
            caption={result.report.title}
            {...(onPick ? { onPick } : {})}
            {...(selected ? { selected } : {})}
            {...(pickable ? { pickable } : {})}
          />
        </div>
      </details>
    </div>
  );
}
