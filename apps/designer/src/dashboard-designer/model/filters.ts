import type { LocalizedText } from '@bankforge/data-model';
import type { DashboardDefinition, DashboardFilter, DashboardFilterType } from '@bankforge/report-engine';
import { updateFilter, withText } from './dashboard-document.js';
import type { FieldChoice } from './catalog.js';

export function addFilter(dashboard: DashboardDefinition, filter: DashboardFilter): DashboardDefinition {
  return { ...dashboard, filters: [...(dashboard.filters ?? []), filter] };
}

/** Removes a filter, and the widgets' choices for it (a choice naming no filter is refused on save). */
export function removeFilter(dashboard: DashboardDefinition, key: string): DashboardDefinition {
  return {
    ...dashboard,
    filters: (dashboard.filters ?? []).filter((f) => f.key !== key),
    widgets: dashboard.widgets.map((widget) => {
      if (widget.filterFields?.[key] === undefined) return widget;
      const { [key]: _old, ...filterFields } = widget.filterFields;
      const { filterFields: _fields, ...rest } = widget;
      return Object.keys(filterFields).length === 0 ? rest : { ...rest, filterFields };
    }),
  };
}

/** A filter's new key, carried into the widgets' choices for it. */
export function renameFilter(dashboard: DashboardDefinition, from: string, to: string): DashboardDefinition {
  if (from === to) return dashboard;
  const renamed = updateFilter(dashboard, from, (f) => ({ ...f, key: to }));
  return {
    ...renamed,
    widgets: renamed.widgets.map((widget) => {
      const choices = widget.filterFields;
      if (choices?.[from] === undefined) return widget;
      return { ...widget, filterFields: Object.fromEntries(Object.entries(choices).map(([k, v]) => [k === from ? to : k, v])) };
    }),
  };
}

/** The filter's name in one language; its key stands in for the other. */
export function withFilterLabel(dashboard: DashboardDefinition, key: string, language: keyof LocalizedText, text: string): DashboardDefinition {
  return updateFilter(dashboard, key, (filter) => {
    const { label: _old, ...rest } = filter;
    const label = withText(filter.label, language, text, key);
    return label === undefined ? rest : { ...rest, label };
  });
}

/**
 * Another type: the fields that fit it stay (else the first that fits among `choices`, the widgets'
 * fields), and the default goes, since a period is no list of values and the other way round.
 */
export function withFilterType(dashboard: DashboardDefinition, key: string, type: DashboardFilterType, choices: readonly FieldChoice[]): DashboardDefinition {
  return updateFilter(dashboard, key, (filter) => {
    if (filter.type === type) return filter;
    const fitting = filter.fields.filter((path) => choices.some((c) => c.field.path === path));
    const first = choices[0]?.field.path;
    const fields = fitting.length > 0 ? fitting : first !== undefined ? [first] : filter.fields;
    const { default: _old, ...rest } = filter;
    return { ...rest, type, fields };
  });
}

/** The field paths the filter tries on each widget, in order (the schema asks for at least one). */
export function withFilterFields(dashboard: DashboardDefinition, key: string, fields: readonly string[]): DashboardDefinition {
  return updateFilter(dashboard, key, (filter) => ({ ...filter, fields: [...fields] }));
}

/** The value the dashboard opens with (a named period, a list of values), or none. */
export function withFilterDefault(dashboard: DashboardDefinition, key: string, value: unknown): DashboardDefinition {
  return updateFilter(dashboard, key, (filter) => {
    const { default: _old, ...rest } = filter;
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    return empty ? rest : { ...rest, default: value };
  });
}

/** Moves one of the filter's fields up (-1) or down (+1) in the order they are tried. */
export function moveFilterField(dashboard: DashboardDefinition, key: string, path: string, by: -1 | 1): DashboardDefinition {
  return updateFilter(dashboard, key, (filter) => {
    const from = filter.fields.indexOf(path);
    const to = from + by;
    if (from < 0 || to < 0 || to >= filter.fields.length) return filter;
    const fields = [...filter.fields];
    [fields[from], fields[to]] = [fields[to]!, fields[from]!];
    return { ...filter, fields };
  });
}
