import { Inject, Injectable } from '@nestjs/common';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { DashboardDefinition, ReportDefinition } from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts, type PublishedArtifact } from '../artifacts/published-artifacts.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

const KEY = new RegExp(IDENTIFIER_PATTERN);

/**
 * The published dashboards a reader's navigation lists: those for one of their roles (or for
 * everyone), with at least one widget whose report they may run. Any other is, to them, not there.
 * An administrator is listed every dashboard: they set up the roles' navigation.
 */
@Injectable()
export class PublishedDashboards {
  constructor(@Inject(PublishedArtifacts) private readonly published: PublishedArtifacts) {}

  async listedFor(actor: Actor): Promise<PublishedArtifact<DashboardDefinition>[]> {
    const dashboards = await this.published.latest<DashboardDefinition>('dashboard');
    const reports = await this.published.latest<ReportDefinition>('report');
    return [...dashboards.values()].filter(({ document }) => this.lists(actor, document, reports));
  }

  /** One listed dashboard; 404 `dashboardNotFound` for one that is not published or not listed for the reader. */
  async listed(key: string, actor: Actor): Promise<PublishedArtifact<DashboardDefinition>> {
    const found = KEY.test(key) ? (await this.published.latest<DashboardDefinition>('dashboard')).get(key) : undefined;
    const reports = await this.published.latest<ReportDefinition>('report');
    if (!found || !this.lists(actor, found.document, reports)) {
      throw new ProblemError(404, 'dashboardNotFound', `No dashboard called ${JSON.stringify(key)} is published for you.`, undefined, {
        messageZh: `没有为您发布名为 ${key} 的仪表板。`,
      });
    }
    return found;
  }

  private lists(actor: Actor, dashboard: DashboardDefinition, reports: ReadonlyMap<string, PublishedArtifact<ReportDefinition>>): boolean {
    const forRole = actor.access.admin || dashboard.roles === undefined || dashboard.roles.some((role) => actor.roles.includes(role));
    return forRole && dashboard.widgets.some((widget) => mayRun(actor, reports.get(widget.report)?.document));
  }
}

/** Whether the reader may run a report at all: its source entity's read right (field rules are the run's to check). */
export function mayRun(actor: Actor, report: ReportDefinition | undefined): report is ReportDefinition {
  return report !== undefined && actor.access.entity(report.source).scope('read') !== undefined;
}
