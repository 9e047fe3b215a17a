import type { DashboardView, DashboardWidgetView, WidgetRunResult } from '@bankforge/client';
import type { ReportRow, ResultColumn } from '@bankforge/report-engine';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A branch manager's dashboard: customers by branch drilling to RMs and on to the RM's customer list, the loan pipeline, and AUM. */
export const branchDashboard: DashboardView = {
  key: 'branch_overview',
  version: 2,
  title: 'Branch overview',
  label: text('Branch overview', '网点概览'),
  filters: [
    { key: 'period', label: text('Period', '期间'), type: 'period', default: 'thisQuarter' },
    {
      key: 'segment',
      label: text('Segment', '客户分层'),
      type: 'values',
      choices: [
        { value: 'vip', label: text('Private banking', '私人银行') },
        { value: 'mass', label: text('Mass', '大众') },
        { value: 'affluent', label: text('Affluent', '富裕') },
      ],
    },
  ],
  widgets: [
    widget({ id: 'customers', title: text('Customers by branch', '各网点客户'), layout: { x: 0, y: 0, w: 6, h: 4 }, filters: ['segment'], clickable: ['branch', 'owner_id'], drillLevels: 2, drill: { kind: 'list', entity: 'customer', field: 'owner_id' } }),
    widget({ id: 'pipeline', title: text('Loan pipeline', '贷款管道'), report: { key: 'loan_pipeline', version: 1, title: 'Loan pipeline' }, layout: { x: 6, y: 0, w: 6, h: 4 }, filters: ['period', 'segment'], clickable: ['status'] }),
    widget({ id: 'aum', title: text('Total AUM', '管理资产总额'), report: { key: 'total_aum', version: 1, title: 'Total AUM' }, layout: { x: 0, y: 4, w: 4, h: 2 }, chart: 'kpi', filters: ['segment'], clickable: [], exportable: false }),
  ],
};

export function widget(overrides: Partial<DashboardWidgetView> & Pick<DashboardWidgetView, 'id'>): DashboardWidgetView {
  return {
    title: text(overrides.id, overrides.id),
    report: { key: 'customers_by_branch', version: 1, title: 'Customers by branch' },
    layout: { x: 0, y: 0, w: 6, h: 4 },
    chart: 'table',
    filters: [],
    clickable: [],
    drillLevels: 1,
    exportable: true,
    ...overrides,
  };
}

/** A widget's answer: its rows as a table (or a KPI), with what applied. */
export function tableRun(
  columns: ResultColumn[],
  rows: ReportRow[],
  { level = 0, presentation, applied = { filters: [], cross: [] }, kpi }: { level?: number; presentation?: WidgetRunResult['presentation']; applied?: WidgetRunResult['applied']; kpi?: string } = {},
): WidgetRunResult {
  const column = columns.find((c) => c.key === kpi);
  return {
    report: { key: 'r', version: 1, title: 'Report' },
    level,
    columns,
    rows,
    chart: column ? { type: 'kpi', key: column.key, label: column.label, value: rows[0]?.[column.key] ?? null } : { type: 'table', columns, rows },
    ...(presentation ? { presentation } : {}),
    applied,
  };
}
