import { isRelativePeriod, isTemporal, type RecordFilter } from '@bankforge/data-model';
import type { ReportDefinition, ReportIssue } from '../artifact/report-definition.js';
import type { EntityCatalog } from '../model/entity-catalog.js';
import type { ReportValue } from '../result/result-types.js';
import type { DashboardDefinition, DashboardFilter, DashboardWidget } from './dashboard-definition.js';
import { reportFields, type ReportField } from './report-fields.js';

/** A shared filter as it lands on one widget: the field of the widget's report it filters. */
export interface FilterBinding {
  filter: string;
  field: ReportField;
}

/** A click on a widget's data point: the dimension clicked and its value. */
export interface CrossFilter {
  widget: string;
  dimension: string;
  value: ReportValue;
}

/** What a widget is filtered by for one run, shown on the widget: the filters and clicks that applied. */
export interface WidgetFilters {
  filter: RecordFilter | undefined;
  applied: { filters: string[]; cross: CrossFilter[] };
  issues: ReportIssue[];
}

/** Dashboard filter values by filter key: a period, or a list of values; absent or empty for none. */
export type DashboardFilterValues = Readonly<Record<string, unknown>>;

const fits = (filter: DashboardFilter, field: ReportField): boolean =>
  filter.type === 'period' ? isTemporal(field.type) : field.type !== 'json' && field.type !== 'multi';

/**
 * The shared filters that apply to a widget, each on the first of its fields the widget's report
 * has (or the field the widget names for it); a filter the widget opts out of, or whose fields the
 * report lacks, does not apply.
 */
export function filterBindings(
  dashboard: Pick<DashboardDefinition, 'filters'>,
  widget: Pick<DashboardWidget, 'filterFields'>,
  fields: readonly ReportField[],
): FilterBinding[] {
  const bindings: FilterBinding[] = [];
  for (const filter of dashboard.filters ?? []) {
    const chosen = widget.filterFields?.[filter.key];
    if (chosen === null) continue;
    const candidates = chosen === undefined ? filter.fields : [chosen];
    const field = candidates
      .map((path) => fields.find((f) => f.path === path))
      .find((f): f is ReportField => f !== undefined && fits(filter, f));
    if (field) bindings.push({ filter: filter.key, field });
  }
  return bindings;
}

/**
 * The stored field behind a dimension a person clicked, when a click on it can filter other
 * widgets: a plain dimension (no date bucket, bin or top N) on a stored field.
 */
export function clickedField(
  report: Pick<ReportDefinition, 'source' | 'joins' | 'dimensions'>,
  catalog: EntityCatalog,
  dimension: string,
): ReportField | undefined {
  const d = report.dimensions?.find((x) => x.key === dimension);
  if (!d || d.date !== undefined || d.bin !== undefined || d.top !== undefined) return undefined;
  return reportFields(report, catalog).find((f) => f.path === d.field);
}

/** The field of a widget's report that means the same as a clicked one (the same referenced entity, owner or field). */
export function matchingField(fields: readonly ReportField[], clicked: ReportField): ReportField | undefined {
  return fields.find((f) => f.meaning === clicked.meaning);
}

type Condition = { filter: RecordFilter } | { issue: ReportIssue } | undefined;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function periodCondition(field: ReportField, value: unknown, issuePath: string): Condition {
  const path = field.path;
  if (isRelativePeriod(value)) return { filter: { field: path, op: 'within', value } };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { from, to } = value as { from?: unknown; to?: unknown };
    if (typeof from === 'string' && typeof to === 'string' && Object.keys(value).length === 2) {
      // Days bound a datetime from the first instant of `from` to the last of `to`, in UTC as `within` counts them.
      const days = field.type === 'datetime' && DAY.test(from) && DAY.test(to);
      return { filter: { field: path, op: 'between', value: days ? [`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`] : [from, to] } };
    }
  }
  return {
    issue: {
      path: issuePath,
      code: 'invalidPeriod',
      message: 'A period is a named period, { last, unit }, or { from, to } as dates',
    },
  };
}

function valuesCondition(path: string, value: unknown, issuePath: string): Condition {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return undefined;
  if (list.length > 200 || list.some((v) => v === null || typeof v === 'object'))
    return { issue: { path: issuePath, code: 'invalidValues', message: 'Up to 200 values, each a text, number or boolean' } };
  return { filter: list.length === 1 ? { field: path, op: 'eq', value: list[0] } : { field: path, op: 'in', value: list } };
}

/**
 * One widget's conditions for a run: each shared filter with a value that applies to the widget,
 * and each click on another widget whose field the widget's report also has. A click on the widget
 * itself does not filter it (it stays whole, with the clicked point marked). The values' fields are
 * then checked by the report compiler like any filter: types, field rules, the reader's scope.
 */
export function widgetFilters(
  dashboard: DashboardDefinition,
  widget: DashboardWidget,
  fields: readonly ReportField[],
  values: DashboardFilterValues,
  clicks: readonly { cross: CrossFilter; field: ReportField }[],
): WidgetFilters {
  const conditions: RecordFilter[] = [];
  const issues: ReportIssue[] = [];
  const applied: WidgetFilters['applied'] = { filters: [], cross: [] };
  const add = (condition: Condition): boolean => {
    if (condition === undefined) return false;
    if ('issue' in condition) issues.push(condition.issue);
    else conditions.push(condition.filter);
    return 'filter' in condition;
  };
  for (const binding of filterBindings(dashboard, widget, fields)) {
    const value = values[binding.filter];
    if (value === undefined || value === null || value === '') continue;
    const filter = dashboard.filters?.find((f) => f.key === binding.filter);
    const path = `/filters/${binding.filter}`;
    const condition =
      filter?.type === 'period'
        ? periodCondition(binding.field, value, path)
        : valuesCondition(binding.field.path, value, path);
    if (add(condition)) applied.filters.push(binding.filter);
  }
  for (const { cross, field } of clicks) {
    if (cross.widget === widget.id) continue;
    const target = matchingField(fields, field);
    if (!target) continue;
    const condition: Condition =
      cross.value === null
        ? { filter: { field: target.path, op: 'isNull', value: true } }
        : valuesCondition(target.path, cross.value, `/cross/${cross.widget}`);
    if (add(condition)) applied.cross.push(cross);
  }
  const filter = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : { and: conditions };
  return { filter, applied, issues };
}
