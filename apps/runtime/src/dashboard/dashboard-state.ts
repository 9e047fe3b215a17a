import type { DashboardView, DashboardWidgetView, WidgetRunRequest } from '@bankforge/client';
import type { CrossFilter } from '@bankforge/report-engine';
import { isPeriodValue, parsePeriod, periodText } from './period.js';

/** One selection per drill-down level above the one a widget shows. */
export type DrillPath = Record<string, unknown>[];

/**
 * What a dashboard is showing, all of it in the page's link so that a link keeps it: each shared
 * filter's value, the clicks filtering other widgets, and where each widget has drilled to.
 */
export interface DashboardState {
  /** By filter key: a period, a list of values, or null when the reader cleared it (the default does not apply). */
  filters: Record<string, unknown>;
  cross: CrossFilter[];
  drill: Record<string, DrillPath>;
}

const FILTER = 'f.';
const DRILL = 'drill.';
const CROSS = 'cross';

function jsonOf(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

function isCrossFilter(value: unknown, widgets: ReadonlySet<string>): value is CrossFilter {
  if (typeof value !== 'object' || value === null) return false;
  const { widget, dimension, value: picked } = value as Record<string, unknown>;
  return typeof widget === 'string' && widgets.has(widget) && typeof dimension === 'string' && isScalar(picked);
}

function isDrillPath(value: unknown): value is DrillPath {
  return Array.isArray(value) && value.every((step) => typeof step === 'object' && step !== null && !Array.isArray(step) && Object.values(step).every(isScalar));
}

/** The dashboard's state from its link: what the link names, each filter's default otherwise; what it cannot read is left out. */
export function readState(params: URLSearchParams, view: DashboardView): DashboardState {
  const filters: Record<string, unknown> = {};
  for (const filter of view.filters) {
    const given = params.getAll(`${FILTER}${filter.key}`);
    if (given.length === 0) {
      if (filter.default !== undefined) filters[filter.key] = filter.default;
    } else if (given.length === 1 && given[0] === '') {
      filters[filter.key] = null;
    } else if (filter.type === 'period') {
      const period = parsePeriod(given[0]!);
      if (period !== undefined) filters[filter.key] = period;
    } else {
      filters[filter.key] = given.filter((value) => value !== '');
    }
  }
  const widgets = new Set(view.widgets.map((w) => w.id));
  const crossGiven = jsonOf(params.get(CROSS));
  const cross = Array.isArray(crossGiven) ? crossGiven.filter((c): c is CrossFilter => isCrossFilter(c, widgets)) : [];
  const drill: Record<string, DrillPath> = {};
  for (const widget of view.widgets) {
    const path = jsonOf(params.get(`${DRILL}${widget.id}`));
    if (isDrillPath(path) && path.length > 0) drill[widget.id] = path.slice(0, Math.max(widget.drillLevels - 1, 0));
  }
  return { filters, cross, drill };
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The link's query for a state: only what differs from the dashboard's defaults, so a plain link stays plain. */
export function writeState(state: DashboardState, view: DashboardView): URLSearchParams {
  const params = new URLSearchParams();
  for (const filter of view.filters) {
    const value = state.filters[filter.key];
    const name = `${FILTER}${filter.key}`;
    if (value === undefined || sameValue(value, filter.default)) continue;
    if (value === null || (Array.isArray(value) && value.length === 0)) params.append(name, '');
    else if (Array.isArray(value)) for (const v of value) params.append(name, String(v));
    else if (isPeriodValue(value)) params.append(name, periodText(value));
  }
  if (state.cross.length > 0) params.set(CROSS, JSON.stringify(state.cross));
  for (const [widget, path] of Object.entries(state.drill)) if (path.length > 0) params.set(`${DRILL}${widget}`, JSON.stringify(path));
  return params;
}

/** The filter values a widget run sends: the cleared and empty ones left out. */
export function filterValues(state: DashboardState): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(state.filters).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
}

/**
 * What a widget is asked: the filters that land on it (a change to another leaves it be), the
 * clicks on the other widgets (its own click marks it, never filters it) and its drill-down path.
 */
export function widgetRequest(widget: DashboardWidgetView, state: DashboardState): WidgetRunRequest {
  const values = filterValues(state);
  const filters = Object.fromEntries(widget.filters.filter((key) => key in values).map((key) => [key, values[key]]));
  const cross = state.cross.filter((c) => c.widget !== widget.id);
  const drill = state.drill[widget.id] ?? [];
  return {
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(cross.length > 0 ? { cross } : {}),
    ...(drill.length > 0 ? { drill } : {}),
  };
}
