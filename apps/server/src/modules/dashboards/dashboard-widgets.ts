import type { DashboardWidgetView } from '@bankforge/client';
import {
  clickedField,
  filterBindings,
  reportFields,
  type DashboardDefinition,
  type DashboardWidget,
  type FilterBinding,
  type ReportField,
} from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import type { LoadedReport } from '../reports/reports.service.js';
import { mayFilterOn } from './reader-filters.js';

/** A widget with its report as published now, and the fields shared filters and clicks may land on. */
export interface LoadedWidget {
  widget: DashboardWidget;
  loaded: LoadedReport;
  fields: ReportField[];
}

export function loadedWidget(widget: DashboardWidget, loaded: LoadedReport): LoadedWidget {
  return { widget, loaded, fields: reportFields(loaded.report, loaded.catalog) };
}

/** The shared filters that land on the widget on fields the reader may filter by. */
export function readerBindings(dashboard: DashboardDefinition, { widget, loaded, fields }: LoadedWidget, actor: Actor): FilterBinding[] {
  return filterBindings(dashboard, widget, fields).filter((b) => mayFilterOn(actor, loaded.catalog, b.field));
}

/**
 * A widget as the runtime draws it for this reader: the filters and clicks it takes are those on
 * fields the reader may filter by (a run with any other is refused), and it may be exported with
 * the reader's export right on the report's source.
 */
export function widgetView(dashboard: DashboardDefinition, target: LoadedWidget, actor: Actor): DashboardWidgetView {
  const { widget, loaded } = target;
  const { report, catalog } = loaded;
  const clickable =
    widget.crossFilter === false
      ? []
      : (report.dimensions ?? []).flatMap((d) => {
          const field = clickedField(report, catalog, d.key);
          return field && mayFilterOn(actor, catalog, field) ? [d.key] : [];
        });
  return {
    id: widget.id,
    title: widget.title ?? { en: report.title, 'zh-CN': report.title },
    report: { key: report.key, version: loaded.version, title: report.title },
    layout: widget.layout,
    chart: (widget.chart ?? report.chart)?.type ?? 'table',
    filters: readerBindings(dashboard, target, actor).map((b) => b.filter),
    clickable,
    drillLevels: report.drillDown?.levels.length ?? 1,
    ...(widget.drill ? { drill: widget.drill } : {}),
    exportable: actor.access.entity(report.source).scope('export') !== undefined,
  };
}
