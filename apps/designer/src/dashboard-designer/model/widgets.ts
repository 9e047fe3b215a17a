import type { LocalizedText } from '@bankforge/data-model';
import type { ChartSpec, DashboardDefinition, DashboardWidget, DrillTarget } from '@bankforge/report-engine';
import { freeKey, updateWidget, widgetIds, withText } from './dashboard-document.js';
import { freePlace, NEW_WIDGET_SIZE } from './layout.js';

/** A new widget showing a published report, named by the report's key, at the first free place. */
export function addWidget(dashboard: DashboardDefinition, report: string): { dashboard: DashboardDefinition; id: string } {
  const id = freeKey(report, widgetIds(dashboard));
  const widget: DashboardWidget = { id, report, layout: freePlace(dashboard.widgets, NEW_WIDGET_SIZE) };
  return { dashboard: { ...dashboard, widgets: [...dashboard.widgets, widget] }, id };
}

export function removeWidget(dashboard: DashboardDefinition, id: string): DashboardDefinition {
  return { ...dashboard, widgets: dashboard.widgets.filter((w) => w.id !== id) };
}

/** A copy of a widget (title, chart, filters, drill) under its report's next free id, at the first free place from its row down. */
export function duplicateWidget(dashboard: DashboardDefinition, id: string): { dashboard: DashboardDefinition; id: string } | null {
  const original = dashboard.widgets.find((w) => w.id === id);
  if (!original) return null;
  const copy: DashboardWidget = {
    ...structuredClone(original),
    id: freeKey(original.report, widgetIds(dashboard)),
    layout: freePlace(dashboard.widgets, original.layout, original.layout.y),
  };
  const index = dashboard.widgets.indexOf(original);
  const widgets = [...dashboard.widgets.slice(0, index + 1), copy, ...dashboard.widgets.slice(index + 1)];
  return { dashboard: { ...dashboard, widgets }, id: copy.id };
}

/** The widget's title in one language; the report's title stands in for the other, and for both when both are emptied. */
export function withWidgetTitle(dashboard: DashboardDefinition, id: string, language: keyof LocalizedText, text: string, reportTitle: string): DashboardDefinition {
  return updateWidget(dashboard, id, (widget) => {
    const { title: _old, ...rest } = widget;
    const title = withText(widget.title, language, text, reportTitle);
    return title === undefined ? rest : { ...rest, title };
  });
}

/** Another chart than the report's own, or (undefined) the report's own again. */
export function withChart(dashboard: DashboardDefinition, id: string, chart: ChartSpec | undefined): DashboardDefinition {
  return updateWidget(dashboard, id, (widget) => {
    const { chart: _old, ...rest } = widget;
    return chart === undefined ? rest : { ...rest, chart };
  });
}

/**
 * How a shared filter lands on the widget: `undefined` as the filter says (the first of its fields
 * the report has), a field path of the widget's report, or `null` to keep the filter off the widget.
 */
export type FilterChoice = string | null | undefined;

export function withFilterChoice(dashboard: DashboardDefinition, id: string, filter: string, choice: FilterChoice): DashboardDefinition {
  return updateWidget(dashboard, id, (widget) => {
    const { [filter]: _old, ...others } = widget.filterFields ?? {};
    const filterFields = choice === undefined ? others : { ...others, [filter]: choice };
    const { filterFields: _fields, ...rest } = widget;
    return Object.keys(filterFields).length === 0 ? rest : { ...rest, filterFields };
  });
}

/** Whether a click on the widget filters the others; on is the default, so only off is stored. */
export function withCrossFilter(dashboard: DashboardDefinition, id: string, on: boolean): DashboardDefinition {
  return updateWidget(dashboard, id, (widget) => {
    const { crossFilter: _old, ...rest } = widget;
    return on ? rest : { ...rest, crossFilter: false };
  });
}

export function withDrill(dashboard: DashboardDefinition, id: string, drill: DrillTarget | undefined): DashboardDefinition {
  return updateWidget(dashboard, id, (widget) => {
    const { drill: _old, ...rest } = widget;
    return drill === undefined ? rest : { ...rest, drill };
  });
}
