import { IDENTIFIER_PATTERN, type LocalizedText } from '@bankforge/data-model';
import type { DashboardDefinition, DashboardFilter, DashboardWidget } from '@bankforge/report-engine';

/** A new dashboard: named by its title in both languages, no widgets or filters yet. */
export function newDashboardDocument(key: string, title: string): DashboardDefinition {
  return { kind: 'dashboard', key, title, label: { en: title, 'zh-CN': title }, filters: [], widgets: [] };
}

const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);

/** Whether a widget id or filter key is an identifier, as the schema asks. */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** `base`, else `base_2`, `base_3`...: a free identifier (widget ids and filter keys start from a report's or a field's key). */
export function freeKey(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 44);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

export const widgetIds = (dashboard: DashboardDefinition): Set<string> => new Set(dashboard.widgets.map((w) => w.id));
export const filterKeys = (dashboard: DashboardDefinition): Set<string> => new Set((dashboard.filters ?? []).map((f) => f.key));

/** One widget changed by a recipe (the same dashboard when the recipe changes nothing). */
export function updateWidget(dashboard: DashboardDefinition, id: string, recipe: (widget: DashboardWidget) => DashboardWidget): DashboardDefinition {
  let changed = false;
  const widgets = dashboard.widgets.map((w) => {
    if (w.id !== id) return w;
    const next = recipe(w);
    changed ||= next !== w;
    return next;
  });
  return changed ? { ...dashboard, widgets } : dashboard;
}

/** One filter changed by a recipe (the same dashboard when the recipe changes nothing). */
export function updateFilter(dashboard: DashboardDefinition, key: string, recipe: (filter: DashboardFilter) => DashboardFilter): DashboardDefinition {
  let changed = false;
  const filters = (dashboard.filters ?? []).map((f) => {
    if (f.key !== key) return f;
    const next = recipe(f);
    changed ||= next !== f;
    return next;
  });
  return changed ? { ...dashboard, filters } : dashboard;
}

/**
 * A name in one language: the other keeps what it had, or takes `fallback` (a widget's report title,
 * a dashboard's title), since both languages are required; both emptied, the name goes (and the
 * fallback is shown).
 */
export function withText(current: LocalizedText | undefined, language: keyof LocalizedText, text: string, fallback: string): LocalizedText | undefined {
  const next: LocalizedText = { en: current?.en ?? fallback, 'zh-CN': current?.['zh-CN'] ?? fallback, [language]: text };
  return next.en === '' && next['zh-CN'] === '' ? undefined : next;
}

/** The dashboard's name in one language (its runtime navigation entry). */
export function withDashboardLabel(dashboard: DashboardDefinition, language: keyof LocalizedText, text: string): DashboardDefinition {
  const label = withText(dashboard.label, language, text, dashboard.title);
  const { label: _old, ...rest } = dashboard;
  return label === undefined ? rest : { ...rest, label };
}

/** The roles whose navigation lists the dashboard; none listed: everyone who may run its reports. */
export function withRole(dashboard: DashboardDefinition, role: string, listed: boolean): DashboardDefinition {
  const roles = (dashboard.roles ?? []).filter((r) => r !== role);
  if (listed) roles.push(role);
  const { roles: _old, ...rest } = dashboard;
  return roles.length === 0 ? rest : { ...rest, roles: roles.sort() };
}
