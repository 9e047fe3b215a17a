import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../artifact/report-definition.js';
import { CATALOG } from '../test-support/entities.js';
import type { DashboardDefinition } from './dashboard-definition.js';
import { dashboardKind, type DashboardCheckContext } from './dashboard-kind.js';
import { dashboardArtifactSchema } from './dashboard-schema.js';

const loansByBranch: ReportDefinition = {
  kind: 'report',
  key: 'loans_by_branch',
  title: 'Loans by branch',
  source: 'loan',
  dimensions: [{ key: 'branch', field: 'branch' }],
  measures: [{ key: 'n', agg: 'count' }, { key: 'volume', agg: 'sum', field: 'amount' }],
  chart: { type: 'bar', x: 'branch', y: ['n'] },
};

const dashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'branch_performance',
  title: 'Branch performance',
  label: { en: 'Branch performance', 'zh-CN': '网点业绩' },
  roles: ['branch_manager'],
  filters: [
    { key: 'period', type: 'period', fields: ['submitted_at'], default: 'thisQuarter' },
    { key: 'branch', type: 'values', fields: ['branch'] },
  ],
  widgets: [
    { id: 'loans', report: 'loans_by_branch', layout: { x: 0, y: 0, w: 6, h: 4 }, drill: { kind: 'list', entity: 'loan', field: 'branch' } },
    { id: 'volume', report: 'loans_by_branch', layout: { x: 6, y: 0, w: 6, h: 4 }, chart: { type: 'pie', x: 'branch', y: ['volume'] } },
  ],
};

function host(stage: 'save' | 'publish'): DashboardCheckContext & { warnings: string[] } {
  const warnings: string[] = [];
  const reports = new Map([
    [loansByBranch.key, loansByBranch],
    ['loans_by_status', { ...loansByBranch, key: 'loans_by_status', dimensions: [{ key: 'status', field: 'status' }] }],
  ]);
  return {
    stage,
    warnings,
    warn: (p) => void warnings.push(`${p.path} ${p.code}`),
    entity: (key) => Promise.resolve(CATALOG.get(key)),
    report: (key) => Promise.resolve(reports.get(key)),
  };
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(dashboardArtifactSchema);

describe('the dashboard artifact', () => {
  it('has a schema that takes a dashboard and refuses one off the grid or with a bad drill', () => {
    expect(validate(dashboard)).toBe(true);
    const offGrid = { ...dashboard, widgets: [{ id: 'a', report: 'r', layout: { x: 12, y: 0, w: 1, h: 1 } }] };
    expect(validate(offGrid)).toBe(false);
    const badDrill = { ...dashboard, widgets: [{ id: 'a', report: 'r', layout: { x: 0, y: 0, w: 1, h: 1 }, drill: { kind: 'record' } }] };
    expect(validate(badDrill)).toBe(false);
    expect(validate({ ...dashboard, filters: [{ key: 'p', type: 'range', fields: ['x'] }] })).toBe(false);
  });

  it('publishes a dashboard whose reports, charts, filters and drill targets hold', async () => {
    const context = host('publish');
    expect(await dashboardKind.check(dashboard, context)).toEqual([]);
    expect(context.warnings).toEqual([]);
  });

  it('refuses duplicate ids, overlapping widgets and widgets past the grid, even in a draft', async () => {
    const draft: DashboardDefinition = {
      ...dashboard,
      widgets: [
        { id: 'a', report: 'x', layout: { x: 0, y: 0, w: 6, h: 4 } },
        { id: 'a', report: 'x', layout: { x: 4, y: 2, w: 6, h: 4 } },
        { id: 'c', report: 'x', layout: { x: 8, y: 8, w: 6, h: 2 }, filterFields: { nope: 'branch' } },
      ],
    };
    const problems = await dashboardKind.check(draft, host('save'));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/widgets/1/id', 'duplicateKey'],
      ['/widgets/1/layout', 'overlap'],
      ['/widgets/2/layout', 'outsideGrid'],
      ['/widgets/2/filterFields/nope', 'unknownFilter'],
    ]);
    expect(problems.every((p) => p.messageZh !== undefined)).toBe(true);
  });

  it('on publish names unpublished reports, wrong chart keys, wrong filter fields and drill targets', async () => {
    const broken: DashboardDefinition = {
      ...dashboard,
      filters: [...dashboard.filters!, { key: 'segment', type: 'values', fields: ['segment'] }],
      widgets: [
        { id: 'gone', report: 'missing', layout: { x: 0, y: 0, w: 4, h: 4 } },
        { id: 'chart', report: 'loans_by_branch', layout: { x: 4, y: 0, w: 4, h: 4 }, chart: { type: 'bar', x: 'status', y: ['n'] }, filterFields: { period: 'note' } },
        { id: 'drill', report: 'loans_by_branch', layout: { x: 8, y: 0, w: 4, h: 4 }, drill: { kind: 'list', entity: 'loan', field: 'colour' } },
        { id: 'elsewhere', report: 'loans_by_branch', layout: { x: 0, y: 4, w: 4, h: 4 }, drill: { kind: 'report', report: 'loans_by_status', field: 'branch' } },
      ],
    };
    const context = host('publish');
    const problems = await dashboardKind.check(broken, context);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/widgets/0/report', 'unknownReport'],
      ['/widgets/1/chart/x', 'unknownDimension'],
      ['/widgets/1/filterFields/period', 'unknownField'],
      ['/widgets/2/drill/field', 'unknownField'],
      ['/widgets/3/drill/report', 'drillReportNotShown'],
    ]);
    // loan has no segment: the filter is published, but the analyst is told it filters nothing.
    expect(context.warnings).toEqual(['/filters/2 filterUnused']);
  });

  it('compares versions by widget id and filter key', () => {
    const elements = dashboardKind.elements!(dashboard);
    expect(elements.map((e) => `${e.type}:${e.id}@${e.path}`)).toEqual([
      'widget:loans@/widgets/0',
      'widget:volume@/widgets/1',
      'filter:period@/filters/0',
      'filter:branch@/filters/1',
    ]);
  });
});
