import type { ProblemFieldError } from '@bankforge/client';
import { dashboardKind, type DashboardDefinition } from '@bankforge/report-engine';
import type { DashboardCatalog } from '../model/catalog.js';

/** What publishing would say: problems that refuse it, and warnings it only tells. */
export interface DashboardChecks {
  problems: readonly ProblemFieldError[];
  warnings: readonly ProblemFieldError[];
}

/**
 * The kind's own publish check, run in the browser over the published reports and entities the
 * designer loaded: the server runs the same one, so the analyst sees its answer before publishing.
 */
export async function checkDashboard(dashboard: DashboardDefinition, catalog: DashboardCatalog): Promise<DashboardChecks> {
  const warnings: ProblemFieldError[] = [];
  const problems = await dashboardKind.check(dashboard, {
    stage: 'publish',
    warn: (problem) => void warnings.push(problem),
    entity: (key) => Promise.resolve(catalog.entities.get(key)),
    report: (key) => Promise.resolve(catalog.reports.get(key)?.definition),
  });
  return { problems, warnings };
}

/** Each problem once, by where and what: the server's answer and the live check often say the same. */
export function distinctProblems(...lists: readonly (readonly ProblemFieldError[])[]): ProblemFieldError[] {
  const seen = new Set<string>();
  return lists.flat().filter((p) => {
    const id = `${p.path} ${p.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
