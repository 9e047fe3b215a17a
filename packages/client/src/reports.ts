/**
 * The reports and dashboards API's requests and answers: a published report run, a draft report
 * previewed in the designer, a dashboard as the runtime shows it and each of its widgets run with
 * the dashboard's filters and clicks. One definition for the server and the apps.
 */

import type { LocalizedText } from '@bankforge/data-model';
import type {
  ChartData,
  ChartType,
  CrossFilter,
  DashboardFilterType,
  DrillTarget,
  ReportDefinition,
  ReportRow,
  ResultColumn,
  WidgetLayout,
} from '@bankforge/report-engine';

/** `POST /api/reports/{key}/run`: parameter values by key, and one selection per drill-down level above the one shown. */
export interface ReportRunRequest {
  parameters?: Record<string, unknown>;
  drill?: Record<string, unknown>[];
}

/**
 * How a column's raw values read to a person: an option's or a referenced record's label (masked
 * as the reader's field rules say), and a money measure's currency.
 */
export interface ColumnPresentation {
  /** Labels by raw value (option values, record ids, user ids). */
  labels?: Record<string, LocalizedText>;
  /** A money column's ISO currency code. */
  currency?: string;
}

/** The answer of a report run. */
export interface ReportRunResult {
  report: { key: string; version: number; title: string };
  /** The drill-down level shown (0 without a selection). */
  level: number;
  columns: ResultColumn[];
  rows: ReportRow[];
  /** The rows shaped for the chart: ECharts option, pivot, KPI or table. */
  chart: ChartData;
  /** Per column key, how its values read; absent for columns shown as they are. */
  presentation?: Record<string, ColumnPresentation>;
  /** A preview only: true when the draft answers more rows than the designer's cap, of which the first are shown. */
  truncated?: boolean;
}

/** `POST /api/reports/preview`: a draft report run under the designer's row cap, as its author may read. */
export interface ReportPreviewRequest extends ReportRunRequest {
  document: ReportDefinition;
}

/** A dashboard in the runtime's navigation. */
export interface DashboardSummary {
  key: string;
  title: string;
  label?: LocalizedText;
  version: number;
}

/** A shared filter as the runtime draws it, with the choices of a `values` filter. */
export interface DashboardFilterView {
  key: string;
  label: LocalizedText;
  type: DashboardFilterType;
  default?: unknown;
  /** The values a person may pick (options, branches, RMs in the reader's scope), labelled. */
  choices?: { value: string; label: LocalizedText }[];
}

/** A widget as the runtime draws it: which shared filters land on it and what a click does. */
export interface DashboardWidgetView {
  id: string;
  title: LocalizedText;
  report: { key: string; version: number; title: string };
  layout: WidgetLayout;
  chart: ChartType;
  /** Shared filter keys that apply to this widget. */
  filters: string[];
  /** Dimension keys a click on can filter the other widgets by. */
  clickable: string[];
  /** Levels of the report's own drill-down (1 when it has none). */
  drillLevels: number;
  drill?: DrillTarget;
  /** Whether the reader may export this widget's rows. */
  exportable: boolean;
}

/** `GET /api/dashboards/{key}`. */
export interface DashboardView {
  key: string;
  version: number;
  title: string;
  label?: LocalizedText;
  filters: DashboardFilterView[];
  widgets: DashboardWidgetView[];
}

/** `POST /api/dashboards/{key}/widgets/{id}/run`. */
export interface WidgetRunRequest {
  /** Shared filter values by key: a period, or a list of values. */
  filters?: Record<string, unknown>;
  /** Clicks on data points of other widgets. */
  cross?: CrossFilter[];
  drill?: Record<string, unknown>[];
}

/** The answer of a widget run: the report's result and what filtered it, for the widget to show. */
export interface WidgetRunResult extends ReportRunResult {
  applied: { filters: string[]; cross: CrossFilter[] };
}
