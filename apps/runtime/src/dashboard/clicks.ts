import type { ChartPick } from '@bankforge/app-shell';
import type { DashboardView, DashboardWidgetView, RuntimeApp } from '@bankforge/client';
import type { CrossFilter } from '@bankforge/report-engine';
import { writeState, type DashboardState } from './dashboard-state.js';

/** What a click on a widget's data point does: the dashboard shows something else, or a page opens. */
export type ClickOutcome = { kind: 'show'; state: DashboardState } | { kind: 'open'; to: string } | { kind: 'none' };

const samePick = (a: CrossFilter, b: ChartPick): boolean => a.dimension === b.dimension && JSON.stringify(a.value) === JSON.stringify(b.value);

/** The clicks filtering the other widgets, the widget's own replaced by `pick` (or removed without one). */
function withCross(state: DashboardState, widget: string, pick: ChartPick | undefined): CrossFilter[] {
  const others = state.cross.filter((c) => c.widget !== widget);
  return pick === undefined ? others : [...others, { widget, dimension: pick.dimension, value: pick.value as CrossFilter['value'] }];
}

/** The app whose pages list an entity: where its list and records open. */
export function appOf(apps: readonly RuntimeApp[], entity: string): RuntimeApp | undefined {
  return apps.find((app) => app.menu.some((item) => item.entity === entity));
}

/**
 * Where a widget's drill target opens for a picked value: the entity's list filtered by the field,
 * the record itself, or the target report's widget with the value as a click on this widget.
 * Undefined when the reader has no page for it (no app lists the entity; the report is no widget here).
 */
export function drillTargetUrl(view: DashboardView, widget: DashboardWidgetView, pick: ChartPick, state: DashboardState, apps: readonly RuntimeApp[]): string | undefined {
  const target = widget.drill;
  if (target === undefined || pick.value === null || typeof pick.value === 'object') return undefined;
  const value = String(pick.value);
  if (target.kind === 'report') {
    const shown = view.widgets.find((w) => w.report.key === target.report && w.id !== widget.id);
    if (!shown) return undefined;
    const query = writeState({ ...state, cross: withCross(state, widget.id, pick), drill: {} }, view).toString();
    return `/dashboards/${encodeURIComponent(view.key)}/widgets/${encodeURIComponent(shown.id)}${query ? `?${query}` : ''}`;
  }
  const app = appOf(apps, target.entity);
  if (!app) return undefined;
  const list = `/${app.key}/${encodeURIComponent(target.entity)}`;
  return target.kind === 'list' ? `${list}?${new URLSearchParams({ [target.field]: value }).toString()}` : `${list}/${encodeURIComponent(value)}`;
}

/**
 * A click on a data point of a widget showing drill-down `level`: while the report has levels left
 * the widget drills into the value (and, where the value's dimension can filter, filters the other
 * widgets by it); at its last level the widget's drill target opens; else the click filters the
 * other widgets, and a second click on the same point takes that back.
 */
export function clickOutcome(
  view: DashboardView,
  widget: DashboardWidgetView,
  level: number,
  pick: ChartPick,
  state: DashboardState,
  apps: readonly RuntimeApp[],
): ClickOutcome {
  const filters = widget.clickable.includes(pick.dimension);
  if (level < widget.drillLevels - 1) {
    const path = [...(state.drill[widget.id] ?? []).slice(0, level), { [pick.dimension]: pick.value }];
    const cross = filters ? withCross(state, widget.id, pick) : state.cross;
    return { kind: 'show', state: { ...state, cross, drill: { ...state.drill, [widget.id]: path } } };
  }
  const to = drillTargetUrl(view, widget, pick, state, apps);
  if (to !== undefined) return { kind: 'open', to };
  if (!filters) return { kind: 'none' };
  const again = state.cross.some((c) => c.widget === widget.id && samePick(c, pick));
  return { kind: 'show', state: { ...state, cross: withCross(state, widget.id, again ? undefined : pick) } };
}

/**
 * Back up a widget's drill-down to `level` (0: the top): the selections below it are dropped, and
 * the widget filters the others by the selection that led to that level, if any can filter.
 */
export function drillBack(state: DashboardState, widget: DashboardWidgetView, level: number): DashboardState {
  const path = (state.drill[widget.id] ?? []).slice(0, level);
  const { [widget.id]: _dropped, ...others } = state.drill;
  const [dimension, value] = Object.entries(path.at(-1) ?? {})[0] ?? [];
  const pick = dimension !== undefined && widget.clickable.includes(dimension) ? { dimension, value: value as ChartPick['value'] } : undefined;
  return { ...state, cross: withCross(state, widget.id, pick), drill: path.length > 0 ? { ...state.drill, [widget.id]: path } : others };
}

/** Whether a click on the widget does anything: drills, opens a page or filters the others. */
export function isPickable(widget: DashboardWidgetView): boolean {
  return widget.drillLevels > 1 || widget.drill !== undefined || widget.clickable.length > 0;
}
