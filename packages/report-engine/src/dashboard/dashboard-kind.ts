/**
 * The `dashboard` artifact kind: its schema, its own rules on save (ids, layout, filter names) and,
 * on publish, its references (published reports and entities, fields the filters land on).
 */
import { pointer } from '@bankforge/data-model';
import type { ArtifactElement, ArtifactKindDefinition, ArtifactProblem } from '@bankforge/rule-engine';
import { unchangedDocument } from '@bankforge/rule-engine';
import type { ReportCheckContext } from '../artifact/report-kind.js';
import type { ReportDefinition } from '../artifact/report-definition.js';
import { collectEntities } from '../model/entity-catalog.js';
import { validateReport } from '../sql/compile-report.js';
import { DASHBOARD_COLUMNS, type DashboardDefinition, type WidgetLayout } from './dashboard-definition.js';
import { filterBindings } from './dashboard-filters.js';
import { dashboardArtifactSchema } from './dashboard-schema.js';
import { reportFields } from './report-fields.js';

/** What a dashboard's check asks its host. */
export interface DashboardCheckContext extends ReportCheckContext {
  /** The latest published version of a report, or undefined. */
  report(key: string): Promise<ReportDefinition | undefined>;
}

const overlaps = (a: WidgetLayout, b: WidgetLayout): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The rules a draft keeps: unique ids and filter keys, widgets inside the grid and apart. */
export function dashboardLayoutProblems(dashboard: DashboardDefinition): ArtifactProblem[] {
  const problems: ArtifactProblem[] = [];
  const seen = new Set<string>();
  dashboard.widgets.forEach((widget, index) => {
    const path = pointer('widgets', index);
    if (seen.has(widget.id))
      problems.push({ path: `${path}/id`, code: 'duplicateKey', message: `Another widget is called ${widget.id}`, messageZh: `已有名为 ${widget.id} 的组件` });
    seen.add(widget.id);
    if (widget.layout.x + widget.layout.w > DASHBOARD_COLUMNS)
      problems.push({ path: `${path}/layout`, code: 'outsideGrid', message: `The widget passes the grid's ${DASHBOARD_COLUMNS} columns`, messageZh: `组件超出了 ${DASHBOARD_COLUMNS} 列的网格` });
    const hit = dashboard.widgets.slice(0, index).find((other) => overlaps(other.layout, widget.layout));
    if (hit)
      problems.push({ path: `${path}/layout`, code: 'overlap', message: `The widget lies over ${hit.id}`, messageZh: `组件与 ${hit.id} 重叠` });
    for (const key of Object.keys(widget.filterFields ?? {}))
      if (!(dashboard.filters ?? []).some((f) => f.key === key))
        problems.push({ path: `${path}/filterFields/${key}`, code: 'unknownFilter', message: `${key} is not a filter of this dashboard`, messageZh: `${key} 不是此仪表板的筛选条件` });
  });
  const keys = new Set<string>();
  (dashboard.filters ?? []).forEach((filter, index) => {
    if (keys.has(filter.key))
      problems.push({ path: `${pointer('filters', index)}/key`, code: 'duplicateKey', message: `Another filter is called ${filter.key}`, messageZh: `已有名为 ${filter.key} 的筛选条件` });
    keys.add(filter.key);
  });
  return problems;
}

/** On publish: every widget reads a published report that is valid as shown, and each filter lands somewhere. */
async function referenceProblems(dashboard: DashboardDefinition, context: DashboardCheckContext): Promise<ArtifactProblem[]> {
  const problems: ArtifactProblem[] = [];
  const applied = new Set<string>();
  for (const [index, widget] of dashboard.widgets.entries()) {
    const path = pointer('widgets', index);
    const report = await context.report(widget.report);
    if (!report) {
      problems.push({ path: `${path}/report`, code: 'unknownReport', message: `No published report is called ${widget.report}`, messageZh: `没有名为 ${widget.report} 的已发布报表` });
      continue;
    }
    const catalog = await collectEntities(report, (key) => context.entity(key));
    if (widget.chart) {
      for (const issue of validateReport({ ...report, chart: widget.chart }, catalog).filter((i) => i.path.startsWith('/chart')))
        problems.push({ path: `${path}${issue.path}`, code: issue.code, message: issue.message });
    }
    const fields = reportFields(report, catalog);
    for (const [key, field] of Object.entries(widget.filterFields ?? {}))
      if (field !== null && !filterBindings({ filters: dashboard.filters?.filter((f) => f.key === key) }, { filterFields: { [key]: field } }, fields).length)
        problems.push({ path: `${path}/filterFields/${key}`, code: 'unknownField', message: `${field} is not a field of ${report.title} that ${key} can filter`, messageZh: `${field} 不是报表「${report.title}」中可被 ${key} 筛选的字段` });
    for (const binding of filterBindings(dashboard, widget, fields)) applied.add(binding.filter);
    const drill = widget.drill;
    if (drill?.kind === 'report' && !(await context.report(drill.report)))
      problems.push({ path: `${path}/drill/report`, code: 'unknownReport', message: `No published report is called ${drill.report}`, messageZh: `没有名为 ${drill.report} 的已发布报表` });
    // A click opens the widget that shows the target report, filtered by the value: without one, the click would do nothing.
    else if (drill?.kind === 'report' && !dashboard.widgets.some((w) => w.report === drill.report && w.id !== widget.id))
      problems.push({
        path: `${path}/drill/report`,
        code: 'drillReportNotShown',
        message: `A click opens ${drill.report} as a widget of this dashboard: add a widget showing it, or drill to a list or a record`,
        messageZh: `点击将在本仪表板中打开报表 ${drill.report} 的组件：请添加显示该报表的组件，或改为钻取到列表或记录`,
      });
    if (drill?.kind === 'list' || drill?.kind === 'record') {
      const entity = await context.entity(drill.entity);
      if (!entity)
        problems.push({ path: `${path}/drill/entity`, code: 'unknownEntity', message: `No published entity is called ${drill.entity}`, messageZh: `没有名为 ${drill.entity} 的已发布实体` });
      else if (drill.kind === 'list' && !reportFields({ source: entity.key }, new Map([[entity.key, entity]])).some((f) => f.path === drill.field))
        problems.push({ path: `${path}/drill/field`, code: 'unknownField', message: `${drill.field} is not a field of ${drill.entity}`, messageZh: `${drill.field} 不是 ${drill.entity} 的字段` });
    }
  }
  (dashboard.filters ?? []).forEach((filter, index) => {
    if (!applied.has(filter.key))
      context.warn({ path: pointer('filters', index), code: 'filterUnused', message: `No widget has a field ${filter.key} can filter`, messageZh: `没有组件含有 ${filter.key} 可筛选的字段` });
  });
  return problems;
}

/** Widgets and filters, compared across versions by id and key. */
function dashboardElements(dashboard: DashboardDefinition): ArtifactElement[] {
  return [
    ...dashboard.widgets.map((w, index): ArtifactElement => ({ type: 'widget', id: w.id, path: pointer('widgets', index), label: { en: w.title?.en ?? w.id, 'zh-CN': w.title?.['zh-CN'] } })),
    ...(dashboard.filters ?? []).map((f, index): ArtifactElement => ({ type: 'filter', id: f.key, path: pointer('filters', index), label: { en: f.label?.en ?? f.key, 'zh-CN': f.label?.['zh-CN'] } })),
  ];
}

export const dashboardKind: ArtifactKindDefinition<DashboardDefinition, DashboardCheckContext> = {
  kind: 'dashboard',
  schema: dashboardArtifactSchema,
  upgrade: unchangedDocument,
  async check(dashboard, context) {
    const problems = dashboardLayoutProblems(dashboard);
    if (context.stage === 'save' || problems.length > 0) return problems;
    return referenceProblems(dashboard, context);
  },
  elements: dashboardElements,
};
