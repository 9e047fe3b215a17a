import {
  filterBindings,
  type DashboardDefinition,
  type DashboardFilter,
  type DashboardFilterType,
  type DashboardWidget,
  type EntityCatalog,
  type ReportDefinition,
  type ReportField,
} from '@bankforge/report-engine';

/** A published report a widget may show: its latest version and the fields shared filters may land on. */
export interface PublishedReport {
  definition: ReportDefinition;
  version: number;
  /** `reportFields` of the report: its source's stored fields and standard columns, then its many-to-one joins'. */
  fields: readonly ReportField[];
}

/** What the designer knows of the bank's published reports and entities. */
export interface DashboardCatalog {
  reports: ReadonlyMap<string, PublishedReport>;
  entities: EntityCatalog;
}

/** Whether a filter of this type may land on the field (a period on a date, values on any plain field): the engine's own rule. */
export function fitsFilter(type: DashboardFilterType, field: ReportField): boolean {
  return filterBindings({ filters: [{ key: 'probe', type, fields: [field.path] }] }, {}, [field]).length === 1;
}

/** A field a filter may name, and the widgets whose report has it. */
export interface FieldChoice {
  field: ReportField;
  widgets: string[];
}

/** The fields of the widgets' reports a filter of the type may land on, once per path, in the widgets' order. */
export function filterFieldChoices(dashboard: DashboardDefinition, catalog: DashboardCatalog, type: DashboardFilterType): FieldChoice[] {
  const byPath = new Map<string, FieldChoice>();
  for (const widget of dashboard.widgets) {
    for (const field of catalog.reports.get(widget.report)?.fields ?? []) {
      if (!fitsFilter(type, field)) continue;
      const choice = byPath.get(field.path);
      if (choice === undefined) byPath.set(field.path, { field, widgets: [widget.id] });
      else if (!choice.widgets.includes(widget.id)) choice.widgets.push(widget.id);
    }
  }
  return [...byPath.values()];
}

/** Where a shared filter lands on one widget. */
export type Landing =
  /** On this field of the widget's report; `chosen` when the widget names it rather than the filter's list. */
  | { widget: DashboardWidget; status: 'field'; field: ReportField; chosen: boolean }
  /** The widget keeps the filter off. */
  | { widget: DashboardWidget; status: 'off' }
  /** The widget's report has none of the filter's fields (or is not published, `unknown`). */
  | { widget: DashboardWidget; status: 'none' | 'unknown' };

/** A filter's landing on every widget, as the runtime will apply it. */
export function filterLandings(dashboard: DashboardDefinition, filter: DashboardFilter, catalog: DashboardCatalog): Landing[] {
  return dashboard.widgets.map((widget): Landing => {
    const choice = widget.filterFields?.[filter.key];
    if (choice === null) return { widget, status: 'off' };
    const report = catalog.reports.get(widget.report);
    if (!report) return { widget, status: 'unknown' };
    const binding = filterBindings({ filters: [filter] }, widget, report.fields)[0];
    return binding ? { widget, status: 'field', field: binding.field, chosen: choice !== undefined } : { widget, status: 'none' };
  });
}
