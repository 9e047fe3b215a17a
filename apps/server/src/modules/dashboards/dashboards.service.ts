import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { DashboardFilterView, DashboardSummary, DashboardView, WidgetRunRequest, WidgetRunResult } from '@bankforge/client';
import { filterBindings, SYSTEM_COLUMN_LABELS, type DashboardDefinition, type DashboardFilter, type ReportDefinition } from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { ExportLanguage } from '../reports/report-presentation.js';
import type { ExportFormat } from '../reports/report-request.js';
import { ReportsService, type LoadedReport } from '../reports/reports.service.js';
import { loadedWidget, widgetView, type LoadedWidget } from './dashboard-widgets.js';
import { FilterChoices } from './filter-choices.js';
import { mayRun, PublishedDashboards } from './published-dashboards.js';
import { definitionOf, mayFilterOn } from './reader-filters.js';
import { atRequestPaths, widgetConditions, type WidgetConditions } from './widget-conditions.js';


/** Each report loaded once per request, however many widgets show it. */
function reportLoader(reports: ReportsService): (key: string) => Promise<LoadedReport> {
  const loading = new Map<string, Promise<LoadedReport>>();
  return (key) => {
    let found = loading.get(key);
    if (!found) loading.set(key, (found = reports.published(key)));
    return found;
  };
}

/**
 * Dashboards in the runtime: which a reader's navigation lists, each as the reader may use it
 * (widgets, the filters and clicks that land on them, the values a filter offers), and each
 * widget's report run or exported through the reports service with the dashboard's filters and
 * clicks added, so the reader's data scope, field rules, masking and audit apply as to any report.
 */
@Injectable()
export class DashboardsService {
  constructor(
    @Inject(PublishedDashboards) private readonly dashboards: PublishedDashboards,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(FilterChoices) private readonly choices: FilterChoices,
  ) {}

  async list(actor: Actor): Promise<DashboardSummary[]> {
    const listed = await this.dashboards.listedFor(actor);
    return listed
      .map(({ document, version }) => ({ key: document.key, title: document.title, ...(document.label ? { label: document.label } : {}), version }))
      .sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
  }

  /**
   * The dashboard as the reader may use it. A widget whose report they may not run, or whose
   * report no longer fits the published entities, is left out: the rest of the dashboard still opens.
   */
  async view(key: string, actor: Actor): Promise<DashboardView> {
    const { document: dashboard, version } = await this.dashboards.listed(key, actor);
    const sources = await this.published.latest<ReportDefinition>('report');
    const reportOf = reportLoader(this.reports);
    const widgets: LoadedWidget[] = [];
    for (const widget of dashboard.widgets) {
      if (!mayRun(actor, sources.get(widget.report)?.document)) continue;
      const loaded = await reportOf(widget.report).catch((error: unknown) => {
        if (error instanceof ProblemError && (error.status === 404 || error.status === 422)) return undefined;
        throw error;
      });
      if (loaded) widgets.push(loadedWidget(widget, loaded));
    }
    const filters: DashboardFilterView[] = [];
    for (const filter of dashboard.filters ?? []) filters.push(await this.filterView(dashboard, filter, widgets, actor));
    return {
      key: dashboard.key,
      version,
      title: dashboard.title,
      ...(dashboard.label ? { label: dashboard.label } : {}),
      filters,
      widgets: widgets.map((w) => widgetView(dashboard, w, actor)),
    };
  }

  async run(key: string, widgetId: string, request: WidgetRunRequest, actor: Actor): Promise<WidgetRunResult> {
    const { target, conditions } = await this.widgetRun(key, widgetId, request, actor);
    try {
      const result = await this.reports.runReport(target.loaded, request.drill ? { drill: request.drill } : {}, actor, {
        ...(conditions.filter ? { filters: conditions.filter } : {}),
        ...(target.widget.chart ? { chart: target.widget.chart } : {}),
      });
      return { ...result, applied: conditions.applied };
    } catch (error) {
      throw atRequestPaths(error, conditions);
    }
  }

  /** The widget's rows as CSV or XLSX, filtered as the widget shows them; audited with the dashboard, filters and clicks. */
  async export(key: string, widgetId: string, request: WidgetRunRequest, format: ExportFormat, language: ExportLanguage, actor: Actor, response: Response): Promise<void> {
    const { target, conditions } = await this.widgetRun(key, widgetId, request, actor);
    try {
      await this.reports.exportReport(target.loaded, request.drill ? { drill: request.drill } : {}, format, actor, response, {
        ...(conditions.filter ? { filters: conditions.filter } : {}),
        language,
        dashboard: { key, widget: widgetId, filters: request.filters ?? {}, cross: request.cross ?? [] },
      });
    } catch (error) {
      throw atRequestPaths(error, conditions);
    }
  }

  private async widgetRun(key: string, widgetId: string, request: WidgetRunRequest, actor: Actor): Promise<{ target: LoadedWidget; conditions: WidgetConditions }> {
    const { document: dashboard } = await this.dashboards.listed(key, actor);
    const widget = dashboard.widgets.find((w) => w.id === widgetId);
    if (!widget) {
      throw new ProblemError(404, 'widgetNotFound', `The dashboard ${key} has no widget ${JSON.stringify(widgetId)}.`, undefined, {
        messageZh: `仪表板 ${key} 中没有组件 ${widgetId}。`,
      });
    }
    const reportOf = reportLoader(this.reports);
    const target = loadedWidget(widget, await reportOf(widget.report));
    return { target, conditions: await widgetConditions(dashboard, target, request, reportOf) };
  }

  /**
   * A filter with its label (its own, or the field it lands on first) and, for a `values` filter,
   * the values the reader may pick, from the first widget where they may filter by it.
   */
  private async filterView(dashboard: DashboardDefinition, filter: DashboardFilter, widgets: readonly LoadedWidget[], actor: Actor): Promise<DashboardFilterView> {
    const landings = widgets.flatMap((w) =>
      filterBindings(dashboard, w.widget, w.fields).flatMap((b) => (b.filter === filter.key ? [{ field: b.field, catalog: w.loaded.catalog }] : [])),
    );
    const named = landings.at(0);
    const label =
      filter.label ??
      (named && (definitionOf(named.catalog, named.field)?.label ?? SYSTEM_COLUMN_LABELS[named.field.field])) ??
      { en: filter.key, 'zh-CN': filter.key };
    const usable = filter.type === 'values' ? landings.find((l) => mayFilterOn(actor, l.catalog, l.field)) : undefined;
    const choices = usable && (await this.choices.of(actor, usable.field, definitionOf(usable.catalog, usable.field)));
    return {
      key: filter.key,
      label,
      type: filter.type,
      ...(filter.default !== undefined ? { default: filter.default } : {}),
      ...(choices ? { choices } : {}),
    };
  }
}
