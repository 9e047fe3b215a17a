import type { DashboardDefinition, DashboardFilter } from '@bankforge/report-engine';

/**
 * The example's dashboards: each role's figures on one page, with the filters a bank filters every
 * figure by. A filter lands on each widget whose report has one of its fields (a loan's customer's
 * branch, a customer's branch); the reader's data scope decides the rest, so a branch manager's
 * "all branches" is their branch.
 */

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** When: the loan's submission, the balance's month-end, the approval task's opening. */
const period: DashboardFilter = {
  key: 'period',
  label: text('Period', '期间'),
  type: 'period',
  fields: ['submitted_at', 'month_end', 'opened_at'],
  default: { last: 12, unit: 'month' },
};
/** Figures at the latest month-end, or of the whole book, are no sums over a period: the period stays off them. */
const pointInTime = { period: null };
const branch: DashboardFilter = { key: 'branch', label: text('Branch', '网点'), type: 'values', fields: ['branch', 'c.branch'] };
const segment: DashboardFilter = { key: 'segment', label: text('Segment', '客户分层'), type: 'values', fields: ['segment', 'c.segment'] };
const rm: DashboardFilter = { key: 'rm', label: text('Relationship manager', '客户经理'), type: 'values', fields: ['owner_id'] };

/** The branch manager's page: the pipeline, where loans are booked, the RMs' books, wealth and cross-sell. */
export const branchPerformanceDashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'branch_performance',
  title: 'Branch performance',
  label: text('Branch performance', '网点业绩'),
  description: "A branch's loan pipeline, its relationship managers' books, AUM by segment and cross-sell, filtered together.",
  roles: ['branch_manager', 'head_of_risk', 'business_analyst'],
  filters: [period, branch, segment, rm],
  widgets: [
    { id: 'cross_sell', report: 'cross_sell_ratio', title: text('Products per customer', '户均产品数'), layout: { x: 0, y: 0, w: 3, h: 3 }, filterFields: pointInTime },
    { id: 'aum', report: 'aum_by_segment', title: text('AUM by segment', '分层资产规模'), layout: { x: 3, y: 0, w: 4, h: 3 }, filterFields: pointInTime, drill: { kind: 'list', entity: 'customer', field: 'segment' } },
    { id: 'funnel', report: 'loan_funnel', title: text('Loan pipeline', '贷款漏斗'), layout: { x: 7, y: 0, w: 5, h: 3 } },
    // Branch, then RM, then customer; a customer opens on their record.
    { id: 'loans', report: 'loans_by_branch', title: text('Loans by branch', '各网点贷款'), layout: { x: 0, y: 3, w: 7, h: 4 }, drill: { kind: 'record', entity: 'customer' } },
    { id: 'rms', report: 'rm_performance', title: text('RM performance', '客户经理业绩'), layout: { x: 7, y: 3, w: 5, h: 4 }, filterFields: pointInTime },
    { id: 'trend', report: 'aum_trend', title: text('AUM month by month', '月末资产规模走势'), layout: { x: 0, y: 7, w: 12, h: 4 } },
    // An approval task's owner is who decided it, not the customer's RM.
    { id: 'sla', report: 'approval_sla', title: text('Approval SLA', '审批时效'), layout: { x: 0, y: 11, w: 12, h: 4 }, filterFields: { rm: null } },
  ],
};

/** Credit's page: the pipeline as it stands and how each approval step keeps its time. */
export const approvalsDashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'approvals',
  title: 'Approvals',
  label: text('Approvals', '审批看板'),
  description: 'Loan applications by stage and status, and the on-time share and business days of each approval step.',
  roles: ['credit_officer', 'credit_committee', 'head_of_risk'],
  filters: [period, segment],
  widgets: [
    { id: 'funnel', report: 'loan_funnel', title: text('Loan pipeline', '贷款漏斗'), layout: { x: 0, y: 0, w: 5, h: 4 } },
    { id: 'sla', report: 'approval_sla', title: text('Approval SLA', '审批时效'), layout: { x: 5, y: 0, w: 7, h: 4 } },
    { id: 'pipeline', report: 'loan_pipeline', title: text('Volume by status', '各状态贷款金额'), layout: { x: 0, y: 4, w: 12, h: 4 } },
  ],
};

/** The relationship manager's page: their book's wealth, its trend and who is drifting away. */
export const myBookDashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'my_book',
  title: 'My book',
  label: text('My book', '我的客户'),
  description: "A relationship manager's customers: AUM by segment and month, products per customer and the customers at risk of leaving.",
  roles: ['relationship_manager'],
  filters: [period, segment],
  widgets: [
    { id: 'aum', report: 'aum_by_segment', title: text('AUM by segment', '分层资产规模'), layout: { x: 0, y: 0, w: 5, h: 3 }, filterFields: pointInTime, drill: { kind: 'list', entity: 'customer', field: 'segment' } },
    { id: 'cross_sell', report: 'cross_sell_ratio', title: text('Products per customer', '户均产品数'), layout: { x: 5, y: 0, w: 3, h: 3 }, filterFields: pointInTime },
    { id: 'funnel', report: 'loan_funnel', title: text('My loan pipeline', '我的贷款漏斗'), layout: { x: 8, y: 0, w: 4, h: 3 } },
    { id: 'trend', report: 'aum_trend', title: text('AUM month by month', '月末资产规模走势'), layout: { x: 0, y: 3, w: 12, h: 4 } },
    // A list report: a click opens the customer to call.
    { id: 'churn', report: 'churn_risk', title: text('Customers at risk of leaving', '流失风险客户'), layout: { x: 0, y: 7, w: 12, h: 5 }, filterFields: pointInTime },
  ],
};

export const bankCrmDashboards = [branchPerformanceDashboard, myBookDashboard, approvalsDashboard] as const;
