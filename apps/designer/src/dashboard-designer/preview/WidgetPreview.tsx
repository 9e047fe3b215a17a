import { ReportChart } from '@bankforge/app-shell';
import type { ApiProblem, ReportRunResult } from '@bankforge/client';
import { shapeChart, type DashboardWidget } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedReport } from '../model/catalog.js';
import type { PreviewRun } from './usePreviewRuns.js';

export interface WidgetPreviewProps {
  widget: DashboardWidget;
  report: PublishedReport | undefined;
  run: PreviewRun | undefined;
  title: string;
  /** The chart type's name, for the placeholder drawn when the data cannot be shown. */
  chart: string;
  /** The chart's height in pixels: the widget's rows less its header. */
  height: number;
}

/** The run drawn with the widget's chart where it has its own (shaped here: the server shaped the report's). */
function withWidgetChart(result: ReportRunResult, widget: DashboardWidget, report: PublishedReport): ReportRunResult {
  if (widget.chart === undefined) return result;
  return { ...result, chart: shapeChart({ chart: widget.chart, ...(report.definition.pivot ? { pivot: report.definition.pivot } : {}) }, result) };
}

/** Why the analyst's roles keep the data from them: records they may not read, fields hidden from them, or no right to run it. */
function forbiddenText(problem: ApiProblem, t: TFunction): string {
  const { entity, filters } = problem.body;
  if (problem.code === 'forbidden' && typeof entity === 'string') return t('preview.forbidden', { entity });
  if (problem.code === 'reportFieldHidden' && Array.isArray(filters)) return t('preview.hiddenFields', { fields: filters.join(', ') });
  return t('preview.notAllowed');
}

/** A widget's report run with real data, drawn as the runtime will draw it. */
export function WidgetPreview({ widget, report, run, title, chart, height }: WidgetPreviewProps) {
  const { t } = useTranslation('dashboardDesigner');
  const result = useMemo(() => (run?.status === 'ready' && report ? withWidgetChart(run.result, widget, report) : null), [run, widget, report]);
  if (!report) return <p className="dashboard-widget__message dashboard-widget__message--error">{t('preview.unknown', { key: widget.report })}</p>;
  if (run === undefined || run.status === 'loading') return <p className="dashboard-widget__message" role="status">{t('preview.loading', { title })}</p>;
  // An analyst may design a dashboard over data their own roles do not let them read: the widget's shape, and why it is empty.
  if (run.status === 'error' && run.error.status === 403)
    return (
      <div className="dashboard-widget__placeholder" style={{ minHeight: height }}>
        <p className="dashboard-widget__placeholder-chart">{t('preview.placeholder', { chart, title })}</p>
        <p className="help">{forbiddenText(run.error, t)}</p>
      </div>
    );
  if (run.status === 'error') return <p className="dashboard-widget__message dashboard-widget__message--error">{t('preview.failed', { message: run.error.detail || run.error.title })}</p>;
  return result && <ReportChart result={{ ...result, report: { ...result.report, title } }} height={height} />;
}
