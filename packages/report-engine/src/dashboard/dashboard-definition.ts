import type { LocalizedText } from '@bankforge/data-model';
import type { ChartSpec } from '../artifact/report-definition.js';

/**
 * The `dashboard` artifact: published reports laid out as widgets on a 12-column grid, with filters
 * shared by every widget whose report has the field, cross-filtering by click, and drill targets.
 */

/** The grid's width in columns: a widget's `x + w` never passes it. */
export const DASHBOARD_COLUMNS = 12;

export const DASHBOARD_FILTER_TYPES = ['period', 'values'] as const;
/**
 * `period`: a date or datetime field within a named period (`thisQuarter`), a relative one
 * (`{ "last": 12, "unit": "month" }`) or between two days (`{ "from": "2026-01-01", "to": "2026-03-31" }`).
 * `values`: a field equal to one of the chosen values (a branch, a segment, an RM).
 */
export type DashboardFilterType = (typeof DASHBOARD_FILTER_TYPES)[number];

export interface DashboardFilter {
  key: string;
  label?: LocalizedText;
  type: DashboardFilterType;
  /**
   * The field paths it filters, tried in order on each widget's report (its source's fields and
   * standard columns, `join.field` through many-to-one joins): the first the report has is used.
   */
  fields: string[];
  /** The value a dashboard opens with (a period, or a list of values). */
  default?: unknown;
}

export interface WidgetLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a click on a data point opens once the report's own drill-down levels are used up. */
export type DrillTarget =
  /** Another report, with the clicked dimension value as a cross-filter on `field`. */
  | { kind: 'report'; report: string; field: string }
  /** The record list of an entity filtered by `field` equal to the clicked value. */
  | { kind: 'list'; entity: string; field: string }
  /** The clicked value is the id of a record of `entity`: its page. */
  | { kind: 'record'; entity: string };

export interface DashboardWidget {
  /** Stable within the dashboard: layouts, filters and version diffs name the widget by it. */
  id: string;
  /** The key of a published report. */
  report: string;
  title?: LocalizedText;
  layout: WidgetLayout;
  /** Shows the report with another chart than its own (the report's dimensions and measures). */
  chart?: ChartSpec;
  /** A shared filter's field in this widget, by filter key; `null` keeps that filter off it. */
  filterFields?: Record<string, string | null>;
  /** Whether a click here filters the other widgets (default true). */
  crossFilter?: boolean;
  drill?: DrillTarget;
}

export interface DashboardDefinition {
  kind: 'dashboard';
  key: string;
  title: string;
  label?: LocalizedText;
  version?: number;
  schemaVersion?: number;
  description?: string;
  /** The roles whose runtime navigation lists it; absent: everyone allowed to run its reports. */
  roles?: string[];
  filters?: DashboardFilter[];
  widgets: DashboardWidget[];
}
