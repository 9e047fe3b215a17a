import { describe, expect, it } from 'vitest';
import { approvalTaskEntity } from '@bankforge/client';
import type { RecordFilter } from '@bankforge/data-model';
import { compileReport, validateReport, type ReportDefinition } from '@bankforge/report-engine';
import { compileExpression, fromFeelValue } from '@bankforge/rule-engine';
import { bankCrmApp } from './app.js';
import { bankCrmEntities } from './entities/index.js';
import { LOAN_STATUS_OPTIONS } from './entities/loan-application.js';
import {
  approvalSlaReport,
  aumBySegmentReport,
  aumTrendReport,
  bankCrmReports,
  churnRiskReport,
  crossSellRatioReport,
  loanFunnelReport,
  loanPipelineReport,
  loansByBranchReport,
  rmPerformanceReport,
} from './reports.js';

// The example's entities, and the approval tasks the server's flows write.
const catalog = new Map([...bankCrmEntities, approvalTaskEntity].map((e) => [e.key, e]));
const now = new Date('2026-11-23T00:00:00Z');
const columnsOf = (report: ReportDefinition, drill?: Record<string, unknown>[]) =>
  compileReport(report, catalog, { dialect: 'sqlite', now, ...(drill ? { drill } : {}) }).columns.map((c) => c.key);

/** Every condition of a filter, through its and/or/not. */
function conditions(filter: RecordFilter | undefined): { field: string; op: string; value?: unknown }[] {
  if (filter === undefined) return [];
  if ('and' in filter) return filter.and.flatMap(conditions);
  if ('or' in filter) return filter.or.flatMap(conditions);
  if ('not' in filter) return conditions(filter.not);
  return [filter];
}

describe('the example reports', () => {
  it('fit the bank CRM entities, are listed by the app and label every column in English and Chinese', () => {
    for (const report of bankCrmReports) {
      expect(validateReport(report, catalog), report.key).toEqual([]);
      expect(bankCrmApp.artifacts).toContainEqual({ kind: 'report', key: report.key });
      for (const column of [...(report.dimensions ?? []), ...(report.measures ?? [])]) {
        const { label } = column;
        expect(typeof label === 'object' && label.en !== '' && label['zh-CN'] !== '', `${report.key}.${column.key}`).toBe(true);
      }
    }
  });

  it('compile the loan pipeline to one aggregating query per drill level', () => {
    const top = compileReport(loanPipelineReport, catalog, { dialect: 'mysql', now });
    expect(top.sql).toMatch(/GROUP BY/);
    expect(top.columns.map((c) => c.key)).toEqual(['status', 'applications', 'volume']);
    const drilled = compileReport(loanPipelineReport, catalog, { dialect: 'sqlite', now, drill: [{ status: 'approved' }] });
    expect(drilled.columns.map((c) => c.key)).toEqual(['segment', 'applications', 'volume']);
    expect(drilled.params).toContain('approved');
  });

  it('never sum month-end balances across month-ends: the latest one only, or month by month', () => {
    const balanceReports = bankCrmReports.filter((r) => r.source === 'account_balance' || (r.joins ?? []).some((j) => j.kind === 'oneToMany' && j.entity === 'account_balance'));
    expect(balanceReports.map((r) => r.key)).toEqual(['aum_by_segment', 'aum_trend', 'rm_performance', 'churn_risk']);
    for (const report of balanceReports) {
      const filters = report.source === 'account_balance' ? [report.filter] : (report.joins ?? []).flatMap((j) => (j.kind === 'oneToMany' && j.entity === 'account_balance' ? [j.filter] : []));
      const latestOnly = filters.every((filter) => conditions(filter).some((c) => c.field === 'month_end' && c.op === 'within' && c.value === 'lastMonth'));
      const byMonth = report.dimensions?.some((d) => d.field === 'month_end' && d.date === 'month') === true && report.drillDown === undefined;
      expect(latestOnly || byMonth, report.key).toBe(true);
    }
    // "Last month" of 23 November 2026 is October: its month-end alone.
    const latest = compileReport(aumBySegmentReport, catalog, { dialect: 'sqlite', now });
    expect(latest.params).toEqual(expect.arrayContaining(['2026-10-01', '2026-11-01']));
    expect(latest.columns.map((c) => c.key)).toEqual(['segment', 'customers', 'aum', 'average_aum']);
  });

  it('chart AUM by month and segment, twelve month-ends back from last month', () => {
    const trend = compileReport(aumTrendReport, catalog, { dialect: 'mysql', now });
    expect(trend.columns.map((c) => c.key)).toEqual(['month', 'segment', 'aum']);
    expect(trend.params).toEqual(expect.arrayContaining(['2025-11-01', '2026-12-01']));
    expect(aumTrendReport.chart).toEqual({ type: 'stackedBar', x: 'month', series: 'segment', y: ['aum'] });
  });

  it('order the loan funnel by the pipeline, with a stage for every status', () => {
    const [stage] = loanFunnelReport.calculated ?? [];
    const order = compileExpression(stage!.expression);
    const stageOf = (status: string) => fromFeelValue(order.evaluate({ status }).value);
    const pipeline = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn'];
    expect([...pipeline].sort()).toEqual(LOAN_STATUS_OPTIONS.map((o) => o.value).sort());
    expect(pipeline.map(stageOf)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(loanFunnelReport.sort).toEqual([{ by: 'stage' }]);
    expect(columnsOf(loanFunnelReport)).toEqual(['stage', 'status', 'applications', 'volume']);
    expect(loanFunnelReport.chart).toMatchObject({ type: 'funnel', x: 'status' });
  });

  it('drill loans from branch to relationship manager to customer', () => {
    expect(columnsOf(loansByBranchReport)).toEqual(['branch', 'applications', 'volume', 'approved']);
    expect(columnsOf(loansByBranchReport, [{ branch: 'branch-sh001' }])).toEqual(['rm', 'applications', 'volume', 'approved']);
    const customers = compileReport(loansByBranchReport, catalog, { dialect: 'sqlite', now, drill: [{ branch: 'branch-sh001' }, { rm: 'u-1' }] });
    expect(customers.columns.map((c) => c.key)).toEqual(['customer', 'applications', 'volume', 'approved']);
    expect(customers.params).toEqual(expect.arrayContaining(['branch-sh001', 'u-1']));
  });

  it("show an RM's customers, AUM and opportunities won, drilled to the customers", () => {
    expect(columnsOf(rmPerformanceReport)).toEqual(['rm', 'customers', 'aum', 'opportunities_won', 'won_amount']);
    expect(columnsOf(rmPerformanceReport, [{ rm: 'u-1' }])).toEqual(['customer_no', 'customer', 'customers', 'aum', 'opportunities_won', 'won_amount']);
    // Opportunities are counted per customer before the sum, so a customer's accounts never multiply them.
    const sql = compileReport(rmPerformanceReport, catalog, { dialect: 'sqlite', now }).sql;
    expect(sql.match(/GROUP BY/g)).toHaveLength(3);
  });

  it('give the cross-sell ratio as one KPI: open accounts per customer, for the whole bank (no dimension)', () => {
    const ratio = compileReport(crossSellRatioReport, catalog, { dialect: 'sqlite', now });
    expect(ratio.columns.map((c) => c.key)).toEqual(['products_per_customer', 'customers', 'accounts']);
    expect(ratio.params).toContain('closed');
    expect(crossSellRatioReport.chart).toEqual({ type: 'kpi', y: ['products_per_customer'] });
  });

  it('list customers at churn risk, one row each, biggest fall first', () => {
    const list = compileReport(churnRiskReport, catalog, { dialect: 'mysql', now });
    expect(churnRiskReport.measures).toBeUndefined();
    expect(list.columns.map((c) => c.key)).toEqual(['customer_no', 'customer', 'segment', 'branch', 'rm', 'aum', 'aum_change_pct', 'churn_score', 'products']);
    // Not contacted in the 90 days to 23 November 2026: from 26 August on.
    expect(list.params).toContain('2026-08-26 00:00:00.000');
    expect(churnRiskReport.sort?.[0]).toEqual({ by: 'aum_change_pct' });
    expect(churnRiskReport.chart).toEqual({ type: 'table' });
  });

  it('measure the approval SLA by step: approval tasks only, the on-time share of those with a verdict, business days', () => {
    const sla = compileReport(approvalSlaReport, catalog, { dialect: 'sqlite', now });
    expect(sla.columns.map((c) => c.key)).toEqual(['step', 'step_zh', 'tasks', 'on_time', 'with_verdict', 'on_time_share', 'business_days']);
    // Cases returned to their RM are not approval steps.
    expect(conditions(approvalSlaReport.filter)).toContainEqual({ field: 'kind', op: 'eq', value: 'approval' });
    expect(approvalSlaReport.measures?.find((m) => m.key === 'on_time_share')).toMatchObject({ agg: 'ratio', numerator: 'on_time', denominator: 'with_verdict' });
    expect(approvalSlaReport.chart).toEqual({ type: 'bar', x: 'step', y: ['on_time_share'] });
  });
});
