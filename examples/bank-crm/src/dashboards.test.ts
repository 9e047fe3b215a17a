import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { approvalTaskEntity } from '@bankforge/client';
import { dashboardArtifactSchema, dashboardKind, filterBindings, reportFields, type DashboardCheckContext, type DashboardDefinition } from '@bankforge/report-engine';
import { bankCrmApp } from './app.js';
import { bankCrmDashboards, branchPerformanceDashboard, myBookDashboard } from './dashboards.js';
import { bankCrmEntities } from './entities/index.js';
import { bankCrmReports } from './reports.js';
import { bankCrmRoles } from './roles.js';

// The example's entities, and the approval tasks the server's flows write.
const entities = new Map([...bankCrmEntities, approvalTaskEntity].map((e) => [e.key, e]));
const reports = new Map<string, (typeof bankCrmReports)[number]>(bankCrmReports.map((r) => [r.key, r]));

function publishing(warnings: string[]): DashboardCheckContext {
  return {
    stage: 'publish',
    warn: (p) => void warnings.push(`${p.path} ${p.code}`),
    entity: (key) => Promise.resolve(entities.get(key)),
    report: (key) => Promise.resolve(reports.get(key)),
  };
}

/** Which shared filter lands on which field of each widget. */
function landing(dashboard: DashboardDefinition): Record<string, Record<string, string>> {
  return Object.fromEntries(
    dashboard.widgets.map((w) => [
      w.id,
      Object.fromEntries(filterBindings(dashboard, w, reportFields(reports.get(w.report)!, entities)).map((b) => [b.filter, b.field.path])),
    ]),
  );
}

describe('the example dashboards', () => {
  it('publish as they are: the schema takes them, their reports, charts and drill targets hold, every filter lands', async () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(dashboardArtifactSchema);
    for (const dashboard of bankCrmDashboards) {
      expect(validate(dashboard), `${dashboard.key}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const warnings: string[] = [];
      expect(await dashboardKind.check(dashboard, publishing(warnings)), dashboard.key).toEqual([]);
      expect(warnings, dashboard.key).toEqual([]);
    }
  });

  it('filter the branch through the customer, and keep the period off figures taken at the latest month-end', () => {
    expect(landing(branchPerformanceDashboard)).toEqual({
      cross_sell: { branch: 'branch', segment: 'segment', rm: 'owner_id' },
      aum: { branch: 'c.branch', segment: 'c.segment', rm: 'owner_id' },
      funnel: { period: 'submitted_at', branch: 'c.branch', segment: 'c.segment', rm: 'owner_id' },
      loans: { period: 'submitted_at', branch: 'c.branch', segment: 'c.segment', rm: 'owner_id' },
      rms: { branch: 'branch', segment: 'segment', rm: 'owner_id' },
      trend: { period: 'month_end', branch: 'c.branch', segment: 'c.segment', rm: 'owner_id' },
      sla: { period: 'opened_at' },
    });
    expect(landing(myBookDashboard).trend).toEqual({ period: 'month_end', segment: 'c.segment' });
  });

  it('are listed by the app, for roles the bank has', () => {
    const listed = bankCrmApp.artifacts.filter((a) => a.kind === 'dashboard').map((a) => a.key);
    expect(listed).toEqual(bankCrmDashboards.map((d) => d.key));
    const roles = new Set(bankCrmRoles.map((r) => r.key));
    for (const dashboard of bankCrmDashboards) for (const role of dashboard.roles ?? []) expect(roles.has(role), role).toBe(true);
  });
});
