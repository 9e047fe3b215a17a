import type { WidgetRunRequest, WidgetRunResult } from '@bankforge/client';
import type { RecordFilter } from '@bankforge/data-model';
import { clickedField, widgetFilters, type CrossFilter, type DashboardDefinition, type ReportField } from '@bankforge/report-engine';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import type { LoadedReport } from '../reports/reports.service.js';
import type { LoadedWidget } from './dashboard-widgets.js';

/** What one widget run is filtered by: the conditions for the report, and which filters and clicks they came from. */
export interface WidgetConditions {
  filter: RecordFilter | undefined;
  applied: WidgetRunResult['applied'];
  /** The request's path of each condition, in the filter's order: `/filters/<key>` or `/cross/<i>/value`. */
  paths: readonly string[];
}

const invalid = (errors: ProblemFieldError[]): ProblemError =>
  ProblemError.invalid('The dashboard filters or selections are not valid.', errors, 'invalidDashboardRequest');

/**
 * The conditions a widget runs with: the shared filter values that land on its report, and each
 * click on another widget whose field (resolved on the clicked widget's report) the widget's report
 * also has. A filter key the dashboard lacks, a click on a widget it lacks or that does not
 * cross-filter, or on a dimension no click can filter by, is a 422 at its path in the request.
 */
export async function widgetConditions(
  dashboard: DashboardDefinition,
  target: LoadedWidget,
  request: WidgetRunRequest,
  reportOf: (key: string) => Promise<LoadedReport>,
): Promise<WidgetConditions> {
  const errors: ProblemFieldError[] = [];
  for (const key of Object.keys(request.filters ?? {}))
    if (!(dashboard.filters ?? []).some((f) => f.key === key))
      errors.push({ path: `/filters/${key}`, code: 'unknownFilter', message: `${key} is not a filter of this dashboard`, messageZh: `${key} 不是此仪表板的筛选条件` });
  const clicks: { cross: CrossFilter; field: ReportField }[] = [];
  for (const [index, cross] of (request.cross ?? []).entries()) {
    const source = dashboard.widgets.find((w) => w.id === cross.widget);
    if (!source || source.crossFilter === false) {
      errors.push({ path: `/cross/${index}/widget`, code: 'notCrossFiltering', message: `${cross.widget} is no widget of this dashboard that filters the others`, messageZh: `${cross.widget} 不是此仪表板中可联动筛选的组件` });
      continue;
    }
    const { report, catalog } = await reportOf(source.report);
    const field = clickedField(report, catalog, cross.dimension);
    if (field) clicks.push({ cross, field });
    else errors.push({ path: `/cross/${index}/dimension`, code: 'notClickable', message: `A click on ${cross.dimension} of ${cross.widget} filters nothing`, messageZh: `点击 ${cross.widget} 的 ${cross.dimension} 不能筛选其他组件` });
  }
  if (errors.length > 0) throw invalid(errors);
  const crossIndex = (cross: CrossFilter): number => (request.cross ?? []).indexOf(cross);
  const result = widgetFilters(dashboard, target.widget, target.fields, request.filters ?? {}, clicks);
  // The engine names a click's problem by the clicked widget; the request names it by its place.
  const at = (path: string): string => {
    const click = /^\/cross\/([^/]+)$/.exec(path);
    const index = click ? (request.cross ?? []).findIndex((c) => c.widget === click[1]) : -1;
    return index >= 0 ? `/cross/${index}/value` : path;
  };
  if (result.issues.length > 0) throw invalid(result.issues.map((i) => ({ ...i, path: at(i.path) })));
  return {
    filter: result.filter,
    applied: result.applied,
    paths: [...result.applied.filters.map((key) => `/filters/${key}`), ...result.applied.cross.map((c) => `/cross/${crossIndex(c)}/value`)],
  };
}

/**
 * A refusal of the run's filter by the report compiler (a value of the wrong type for its field),
 * said at the request's path of the condition: the compiler names `/filters/and/<i>/…`.
 */
export function atRequestPaths(error: unknown, conditions: WidgetConditions): unknown {
  if (!(error instanceof ProblemError) || error.code !== 'invalidReportRequest' || !error.errors) return error;
  const errors = new Map<string, ProblemFieldError>();
  for (const e of error.errors) {
    const match = /^\/filters(?:\/and\/(\d+))?(?:\/|$)/.exec(e.path);
    const path = match ? (conditions.paths[Number(match[1] ?? 0)] ?? '/filters') : e.path;
    // A period's two ends are one value in the request: said once.
    if (!errors.has(`${path} ${e.code}`)) errors.set(`${path} ${e.code}`, { ...e, path });
  }
  return invalid([...errors.values()]);
}
