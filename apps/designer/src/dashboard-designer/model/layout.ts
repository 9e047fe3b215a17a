import { DASHBOARD_COLUMNS, type DashboardDefinition, type DashboardWidget, type WidgetLayout } from '@bankforge/report-engine';

/** The schema's bounds on a widget: at most 40 rows tall, its top row at most 1000. */
export const MAX_WIDGET_HEIGHT = 40;
export const LAST_ROW = 1000;

/** A new widget's size: half the grid's width, four rows (two side by side, tall enough for a chart). */
export const NEW_WIDGET_SIZE = { w: 6, h: 4 } as const;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, Math.round(value)));

export const overlaps = (a: WidgetLayout, b: WidgetLayout): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A layout kept inside the grid: whole cells, at least one, never past the grid's right edge. */
export function insideGrid(layout: WidgetLayout): WidgetLayout {
  const w = clamp(layout.w, 1, DASHBOARD_COLUMNS);
  const h = clamp(layout.h, 1, MAX_WIDGET_HEIGHT);
  return { x: clamp(layout.x, 0, DASHBOARD_COLUMNS - w), y: clamp(layout.y, 0, LAST_ROW), w, h };
}

const sameLayout = (a: WidgetLayout, b: WidgetLayout): boolean => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/** The layout moved down, if need be, just below every placed layout it would lie over. */
function below(placed: readonly WidgetLayout[], layout: WidgetLayout): WidgetLayout {
  let result = layout;
  for (let hit = placed.filter((p) => overlaps(p, result)); hit.length > 0; hit = placed.filter((p) => overlaps(p, result)))
    result = { ...result, y: Math.max(...hit.map((p) => p.y + p.h)) };
  return result;
}

/**
 * The widget `fixed` keeps its place; every other widget, taken from the top, moves down just below
 * whatever already in place it would lie over (and so pushes those below it in turn). Nothing moves
 * up or sideways, so the analyst's arrangement stays as drawn, and no two widgets overlap: the rule
 * `dashboardLayoutProblems` checks.
 */
function settle(widgets: readonly DashboardWidget[], fixed: string | undefined): DashboardWidget[] {
  const placed: WidgetLayout[] = widgets.filter((w) => w.id === fixed).map((w) => w.layout);
  const moved = new Map<string, WidgetLayout>();
  const others = widgets
    .map((widget, index) => ({ widget, index }))
    .filter(({ widget }) => widget.id !== fixed)
    .sort((a, b) => a.widget.layout.y - b.widget.layout.y || a.widget.layout.x - b.widget.layout.x || a.index - b.index);
  for (const { widget } of others) {
    const layout = below(placed, widget.layout);
    placed.push(layout);
    if (layout !== widget.layout) moved.set(widget.id, layout);
  }
  return widgets.map((w) => {
    const layout = moved.get(w.id);
    return layout ? { ...w, layout } : w;
  });
}

/**
 * Puts a widget at a place and size (kept inside the grid); the widgets it now covers move down.
 * The same dashboard comes back when nothing changes, so a no-op makes no undo step.
 */
export function placeWidget(dashboard: DashboardDefinition, id: string, layout: WidgetLayout): DashboardDefinition {
  const widget = dashboard.widgets.find((w) => w.id === id);
  if (!widget) return dashboard;
  const next = insideGrid(layout);
  if (sameLayout(next, widget.layout)) return dashboard;
  const widgets = dashboard.widgets.map((w) => (w.id === id ? { ...w, layout: next } : w));
  return { ...dashboard, widgets: settle(widgets, id) };
}

/**
 * One keyboard step: the widget moves by whole cells (stopping at the grid's edges). A step up or
 * down into other widgets changes places with them: up, it takes their top and they go below it;
 * down, they rise into the rows it leaves and it goes below them. Pushing them along instead would
 * leave empty rows behind and never get the widget past them.
 */
export function moveWidgetBy(dashboard: DashboardDefinition, id: string, dx: number, dy: number): DashboardDefinition {
  const widget = dashboard.widgets.find((w) => w.id === id);
  if (!widget) return dashboard;
  const { x, y, w, h } = widget.layout;
  const target = insideGrid({ x: x + dx, y: y + dy, w, h });
  const met = dy === 0 ? [] : dashboard.widgets.filter((o) => o.id !== id && overlaps(o.layout, target));
  if (met.length === 0) return placeWidget(dashboard, id, target);
  if (dy < 0) return placeWidget(dashboard, id, { ...target, y: Math.min(...met.map((o) => o.layout.y)) });
  const rise = Math.min(...met.map((o) => o.layout.y)) - y;
  const lifted = { ...dashboard, widgets: dashboard.widgets.map((o) => (met.includes(o) ? { ...o, layout: { ...o.layout, y: o.layout.y - rise } } : o)) };
  return placeWidget(lifted, id, { ...target, y: Math.max(...met.map((o) => o.layout.y - rise + o.layout.h)) });
}

/** One keyboard step: the widget grows or shrinks by whole cells from its top-left corner. */
export function resizeWidgetBy(dashboard: DashboardDefinition, id: string, dw: number, dh: number): DashboardDefinition {
  const widget = dashboard.widgets.find((w) => w.id === id);
  if (!widget) return dashboard;
  const { x, y, w, h } = widget.layout;
  // Growing past the right edge is refused rather than sliding the widget left.
  const width = Math.min(Math.max(1, w + dw), DASHBOARD_COLUMNS - x);
  return placeWidget(dashboard, id, { x, y, w: width, h: Math.min(Math.max(1, h + dh), MAX_WIDGET_HEIGHT) });
}

/** The first free place of that size, row by row from `fromRow`, left to right. */
export function freePlace(widgets: readonly DashboardWidget[], size: { w: number; h: number }, fromRow = 0): WidgetLayout {
  const w = Math.min(size.w, DASHBOARD_COLUMNS);
  const bottom = Math.max(fromRow, ...widgets.map((widget) => widget.layout.y + widget.layout.h));
  for (let y = fromRow; y < bottom; y++)
    for (let x = 0; x + w <= DASHBOARD_COLUMNS; x++) {
      const candidate = { x, y, w, h: size.h };
      if (!widgets.some((widget) => overlaps(widget.layout, candidate))) return candidate;
    }
  return { x: 0, y: bottom, w, h: size.h };
}

/** Closes the empty rows between widgets: each, from the top, moves up as far as it can (and into the grid). */
export function closeGaps(dashboard: DashboardDefinition): DashboardDefinition {
  const placed: WidgetLayout[] = [];
  const moved = new Map<string, WidgetLayout>();
  const byRow = [...dashboard.widgets].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
  for (const widget of byRow) {
    let layout = below(placed, insideGrid(widget.layout));
    while (layout.y > 0 && !placed.some((p) => overlaps(p, { ...layout, y: layout.y - 1 }))) layout = { ...layout, y: layout.y - 1 };
    placed.push(layout);
    if (!sameLayout(layout, widget.layout)) moved.set(widget.id, layout);
  }
  if (moved.size === 0) return dashboard;
  return { ...dashboard, widgets: dashboard.widgets.map((w) => ({ ...w, layout: moved.get(w.id) ?? w.layout })) };
}

/** The widgets whose place changed between two dashboards, by id (to tell the analyst who moved). */
export function movedWidgets(before: DashboardDefinition, after: DashboardDefinition): DashboardWidget[] {
  return after.widgets.filter((w) => {
    const old = before.widgets.find((b) => b.id === w.id);
    return old !== undefined && !sameLayout(old.layout, w.layout);
  });
}
