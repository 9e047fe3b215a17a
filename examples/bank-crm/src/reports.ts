import type { RecordFilter } from '@bankforge/data-model';
import type { ReportDefinition } from '@bankforge/report-engine';
import { text } from './entities/labels.js';

/**
 * The latest month-end's balances. Balances are stocks: summed across accounts at one month-end
 * they are the AUM then, summed across month-ends they mean nothing. The month-end close is loaded
 * in the following month, so "last month" holds the latest.
 */
const LATEST_MONTH_END: RecordFilter = { field: 'month_end', op: 'within', value: 'lastMonth' };

/** Accounts a customer still holds. */
const OPEN_ACCOUNTS: RecordFilter = { field: 'status', op: 'ne', value: 'closed' };

/** The loan pipeline a branch manager watches: applications of the last 12 months by status, with volume. */
export const loanPipelineReport: ReportDefinition = {
  kind: 'report',
  key: 'loan_pipeline',
  title: 'Loan pipeline',
  source: 'loan_application',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  filter: { field: 'submitted_at', op: 'within', value: { last: 12, unit: 'month' } },
  dimensions: [
    { key: 'status', field: 'status', label: text('Status', '状态') },
    { key: 'segment', field: 'c.segment', label: text('Customer segment', '客户分层') },
  ],
  measures: [
    { key: 'applications', agg: 'count', label: text('Applications', '申请数') },
    { key: 'volume', agg: 'sum', field: 'amount', label: text('Volume', '贷款金额') },
  ],
  drillDown: { levels: [{ dimensions: ['status'] }, { dimensions: ['segment'] }] },
  chart: { type: 'bar', x: 'status', y: ['volume'] },
};

/**
 * Loan applications of the last 12 months by status, in the order a case moves. A sort by the
 * status would be alphabetical, so a calculated stage number orders them; the funnel draws the
 * rows in the report's order.
 */
export const loanFunnelReport: ReportDefinition = {
  kind: 'report',
  key: 'loan_funnel',
  title: 'Loan application funnel',
  description: 'Applications of the last 12 months: drafted, submitted, returned for changes, then approved, rejected or withdrawn.',
  source: 'loan_application',
  // Read only when a dashboard filters the funnel by the customer's branch or segment.
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  calculated: [
    {
      key: 'stage_order',
      label: text('Stage', '阶段'),
      expression:
        'if status = "draft" then 1 else if status = "submitted" then 2 else if status = "returned" then 3 else if status = "approved" then 4 else if status = "rejected" then 5 else 6',
    },
  ],
  // Drafts were never submitted: they count by when they were started.
  filter: {
    or: [
      { field: 'submitted_at', op: 'within', value: { last: 12, unit: 'month' } },
      { and: [{ field: 'status', op: 'eq', value: 'draft' }, { field: 'created_at', op: 'within', value: { last: 12, unit: 'month' } }] },
    ],
  },
  dimensions: [
    { key: 'stage', field: 'stage_order', label: text('Stage', '阶段') },
    { key: 'status', field: 'status', label: text('Status', '状态') },
  ],
  measures: [
    { key: 'applications', agg: 'count', label: text('Applications', '申请数') },
    { key: 'volume', agg: 'sum', field: 'amount', label: text('Volume', '贷款金额') },
  ],
  sort: [{ by: 'stage' }],
  chart: { type: 'funnel', x: 'status', y: ['applications'] },
};

/** Assets under management by segment at the latest month-end: the sum of that month-end's account balances. */
export const aumBySegmentReport: ReportDefinition = {
  kind: 'report',
  key: 'aum_by_segment',
  title: 'AUM by segment',
  description: 'Month-end balances of the latest month-end by customer segment; never summed across months.',
  source: 'account_balance',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  filter: LATEST_MONTH_END,
  dimensions: [{ key: 'segment', field: 'c.segment', label: text('Segment', '客户分层') }],
  measures: [
    { key: 'customers', agg: 'countDistinct', field: 'customer', label: text('Customers', '客户数') },
    { key: 'aum', agg: 'sum', field: 'balance', label: text('AUM at month-end', '月末管理资产') },
    { key: 'average_aum', agg: 'sum', field: 'average_balance', label: text('AUM, monthly daily average', '月日均管理资产') },
  ],
  sort: [{ by: 'aum', direction: 'desc' }],
  chart: { type: 'pie', x: 'segment', y: ['aum'] },
};

/**
 * AUM month by month and by segment. Each month has one balance per account, so a month's sum
 * across accounts is that month-end's AUM; the last 13 months hold the 12 month-ends before this month.
 */
export const aumTrendReport: ReportDefinition = {
  kind: 'report',
  key: 'aum_trend',
  title: 'AUM trend',
  description: 'AUM at each month-end of the last 12 months, stacked by customer segment.',
  source: 'account_balance',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  filter: { field: 'month_end', op: 'within', value: { last: 13, unit: 'month' } },
  dimensions: [
    { key: 'month', field: 'month_end', date: 'month', label: text('Month', '月份') },
    { key: 'segment', field: 'c.segment', label: text('Segment', '客户分层') },
  ],
  measures: [{ key: 'aum', agg: 'sum', field: 'balance', label: text('AUM at month-end', '月末管理资产') }],
  sort: [{ by: 'month' }, { by: 'segment' }],
  chart: { type: 'stackedBar', x: 'month', series: 'segment', y: ['aum'] },
};

/**
 * Loan applications of the last 12 months by the customer's branch, drilled down to the
 * relationship manager who owns them and on to the customers.
 */
export const loansByBranchReport: ReportDefinition = {
  kind: 'report',
  key: 'loans_by_branch',
  title: 'Loans by branch',
  description: 'Applications of the last 12 months by branch, then by relationship manager, then by customer.',
  source: 'loan_application',
  // Loans are booked where their customer is.
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  filter: { field: 'submitted_at', op: 'within', value: { last: 12, unit: 'month' } },
  dimensions: [
    // References, shown by their titles: a click on one filters the other widgets by the same branch
    // or customer, and a customer opens on their record.
    { key: 'branch', field: 'c.branch', label: text('Branch', '网点') },
    { key: 'rm', field: 'owner_id', label: text('Relationship manager', '客户经理') },
    { key: 'customer', field: 'customer', label: text('Customer', '客户') },
  ],
  measures: [
    { key: 'applications', agg: 'count', label: text('Applications', '申请数') },
    { key: 'volume', agg: 'sum', field: 'amount', label: text('Volume applied for', '申请金额') },
    { key: 'approved', agg: 'sum', field: 'approved_amount', label: text('Volume approved', '批准金额') },
  ],
  sort: [{ by: 'volume', direction: 'desc' }],
  drillDown: {
    levels: [
      { dimensions: ['branch'], label: text('Branch', '网点') },
      { dimensions: ['rm'], label: text('Relationship manager', '客户经理') },
      { dimensions: ['customer'], label: text('Customer', '客户') },
    ],
  },
  chart: { type: 'bar', x: 'branch', y: ['volume'] },
};

/**
 * Each relationship manager's book: customers, their AUM at the latest month-end and the
 * opportunities won with them; drilled down to the customers.
 */
export const rmPerformanceReport: ReportDefinition = {
  kind: 'report',
  key: 'rm_performance',
  title: 'RM performance',
  description: "Each relationship manager's customers, AUM at the latest month-end and opportunities won.",
  source: 'customer',
  joins: [
    { alias: 'held', kind: 'oneToMany', entity: 'account_balance', field: 'customer', filter: LATEST_MONTH_END, aggregates: [{ key: 'aum', agg: 'sum', field: 'balance' }] },
    {
      alias: 'won',
      kind: 'oneToMany',
      entity: 'opportunity',
      field: 'customer',
      filter: { field: 'stage', op: 'eq', value: 'won' },
      aggregates: [
        { key: 'count', agg: 'count' },
        { key: 'amount', agg: 'sum', field: 'expected_amount' },
      ],
    },
  ],
  dimensions: [
    { key: 'rm', field: 'owner_id', label: text('Relationship manager', '客户经理') },
    { key: 'customer_no', field: 'customer_no', label: text('Customer number', '客户号') },
    { key: 'customer', field: 'name', label: text('Customer', '客户') },
  ],
  measures: [
    { key: 'customers', agg: 'count', label: text('Customers', '客户数') },
    { key: 'aum', agg: 'sum', field: 'held.aum', label: text('AUM at month-end', '月末管理资产') },
    { key: 'opportunities_won', agg: 'sum', field: 'won.count', label: text('Opportunities won', '赢得商机数') },
    { key: 'won_amount', agg: 'sum', field: 'won.amount', label: text('Amount won', '赢单金额') },
  ],
  sort: [{ by: 'aum', direction: 'desc' }],
  drillDown: {
    levels: [
      { dimensions: ['rm'], label: text('Relationship manager', '客户经理') },
      { dimensions: ['customer_no', 'customer'], label: text('Customer', '客户') },
    ],
  },
  chart: { type: 'bar', x: 'rm', y: ['aum'] },
};

/** Cross-sell: how many accounts each customer holds on average (accounts still open). */
export const crossSellRatioReport: ReportDefinition = {
  kind: 'report',
  key: 'cross_sell_ratio',
  title: 'Cross-sell ratio',
  description: 'Open accounts per customer across the bank.',
  source: 'customer',
  // One-to-many: each customer is one row with its count, so customers without accounts count as 0.
  joins: [{ alias: 'held', kind: 'oneToMany', entity: 'account', field: 'customer', filter: OPEN_ACCOUNTS, aggregates: [{ key: 'accounts', agg: 'count' }] }],
  measures: [
    { key: 'products_per_customer', agg: 'avg', field: 'held.accounts', label: text('Products per customer', '户均产品数') },
    { key: 'customers', agg: 'count', label: text('Customers', '客户数') },
    { key: 'accounts', agg: 'sum', field: 'held.accounts', label: text('Open accounts', '在用账户数') },
  ],
  chart: { type: 'kpi', y: ['products_per_customer'] },
};

/**
 * Customers to call before they leave: nobody has been in touch for 90 days, and their AUM fell
 * more than 5% at the latest month-end or their churn score is 40 or more (the churn-risk tag's
 * threshold). A fall over several months needs one row per month, which one SELECT cannot compare;
 * the stored change on the prior month-end gives the latest fall.
 */
export const churnRiskReport: ReportDefinition = {
  kind: 'report',
  key: 'churn_risk',
  title: 'Churn risk',
  description: 'Customers not contacted for 90 days whose AUM fell more than 5% last month or whose churn score is 40 or more.',
  source: 'customer',
  joins: [
    {
      alias: 'latest',
      kind: 'oneToMany',
      entity: 'account_balance',
      field: 'customer',
      filter: LATEST_MONTH_END,
      aggregates: [
        { key: 'aum', agg: 'sum', field: 'balance' },
        { key: 'change', agg: 'sum', field: 'balance_change' },
      ],
    },
    { alias: 'contacted', kind: 'oneToMany', entity: 'interaction', field: 'customer', filter: { field: 'occurred_at', op: 'within', value: { last: 90, unit: 'day' } }, aggregates: [{ key: 'times', agg: 'count' }] },
    { alias: 'held', kind: 'oneToMany', entity: 'account', field: 'customer', filter: OPEN_ACCOUNTS, aggregates: [{ key: 'accounts', agg: 'count' }] },
    { alias: 'b', kind: 'manyToOne', field: 'branch' },
  ],
  calculated: [
    {
      key: 'aum_change_pct',
      label: text('AUM change (%)', '管理资产变动（%）'),
      // The change on the AUM a month earlier (this month-end's less the change).
      expression: 'if latest.aum - latest.change > 0 then latest.change / (latest.aum - latest.change) * 100 else null',
    },
  ],
  filter: {
    and: [
      { field: 'contacted.times', op: 'eq', value: 0 },
      { or: [{ field: 'aum_change_pct', op: 'lt', value: -5 }, { field: 'churn_risk', op: 'gte', value: 40 }] },
    ],
  },
  dimensions: [
    { key: 'customer_no', field: 'customer_no', label: text('Customer number', '客户号') },
    { key: 'customer', field: 'name', label: text('Customer', '客户') },
    { key: 'segment', field: 'segment', label: text('Segment', '客户分层') },
    { key: 'branch', field: 'b.name', label: text('Branch', '网点') },
    { key: 'rm', field: 'owner_id', label: text('Relationship manager', '客户经理') },
    { key: 'aum', field: 'latest.aum', label: text('AUM at month-end', '月末管理资产') },
    { key: 'aum_change_pct', field: 'aum_change_pct', label: text('AUM change on the prior month-end (%)', '较上月末管理资产变动（%）') },
    { key: 'churn_score', field: 'churn_risk', label: text('Churn score', '流失评分') },
    { key: 'products', field: 'held.accounts', label: text('Open accounts', '在用账户数') },
  ],
  sort: [{ by: 'aum_change_pct' }, { by: 'aum', direction: 'desc' }],
  chart: { type: 'table' },
};

/**
 * Churn warnings by branch and RM: the customers the churn automations tagged (three quiet months,
 * a low service score) and the retention tasks still open on them.
 */
export const churnWatchReport: ReportDefinition = {
  kind: 'report',
  key: 'churn_watch',
  title: 'Churn warnings',
  description: 'Customers tagged churn risk by branch and RM, with their open retention tasks.',
  source: 'customer',
  joins: [
    {
      alias: 'retention',
      kind: 'oneToMany',
      entity: 'rm_task',
      field: 'customer',
      filter: { and: [{ field: 'kind', op: 'eq', value: 'retention' }, { field: 'status', op: 'eq', value: 'open' }] },
      aggregates: [{ key: 'open', agg: 'count' }],
    },
    { alias: 'b', kind: 'manyToOne', field: 'branch' },
  ],
  filter: { field: 'tags', op: 'contains', value: 'churn_risk' },
  dimensions: [
    { key: 'branch', field: 'b.name', label: text('Branch', '网点') },
    { key: 'rm', field: 'owner_id', label: text('Relationship manager', '客户经理') },
  ],
  measures: [
    { key: 'customers', agg: 'count', label: text('Customers at risk', '流失风险客户数') },
    { key: 'open_retention_tasks', agg: 'sum', field: 'retention.open', label: text('Open retention tasks', '未完成挽留任务') },
  ],
  sort: [{ by: 'customers', direction: 'desc' }, { by: 'branch' }],
  chart: { type: 'bar', x: 'branch', y: ['customers'] },
};

/** Each campaign's funnel: customers reached, those who responded (and converted), and the rates. */
export const campaignFunnelReport: ReportDefinition = {
  kind: 'report',
  key: 'campaign_funnel',
  title: 'Campaign funnel',
  description: 'Per campaign: customers reached, responses, conversions and their rates.',
  source: 'campaign_contact',
  dimensions: [{ key: 'campaign', field: 'campaign', label: text('Campaign', '营销活动') }],
  measures: [
    { key: 'reached', agg: 'count', label: text('Reached', '触达客户数') },
    { key: 'responded', agg: 'count', filter: { field: 'status', op: 'in', value: ['responded', 'converted'] }, label: text('Responded', '响应数') },
    { key: 'converted', agg: 'count', filter: { field: 'status', op: 'eq', value: 'converted' }, label: text('Converted', '转化数') },
    { key: 'response_rate', agg: 'ratio', numerator: 'responded', denominator: 'reached', label: text('Response rate', '响应率') },
    { key: 'conversion_rate', agg: 'ratio', numerator: 'converted', denominator: 'reached', label: text('Conversion rate', '转化率') },
  ],
  sort: [{ by: 'campaign' }],
  chart: { type: 'bar', x: 'campaign', y: ['reached', 'responded', 'converted'] },
};

/**
 * Approval SLA by step: the approval tasks of the last 12 months (the flows write one per task, the
 * server's `approval_task`; cases returned to their RM for changes are left out), the share of
 * those with a verdict that were done by their due time (a task is late once overdue, whether or
 * not it is done yet) and the working days they took on the bank's calendar.
 */
export const approvalSlaReport: ReportDefinition = {
  kind: 'report',
  key: 'approval_sla',
  title: 'Approval SLA',
  description: 'Approval tasks of the last 12 months by step: how many, the share done on time, the business days they took.',
  source: 'approval_task',
  filter: {
    and: [
      { field: 'kind', op: 'eq', value: 'approval' },
      { field: 'opened_at', op: 'within', value: { last: 12, unit: 'month' } },
    ],
  },
  dimensions: [
    { key: 'step', field: 'node_name', label: text('Step', '审批环节') },
    { key: 'step_zh', field: 'node_name_zh', label: text('Step (Chinese)', '审批环节（中文）') },
  ],
  measures: [
    { key: 'tasks', agg: 'count', label: text('Tasks', '任务数') },
    { key: 'on_time', agg: 'count', filter: { field: 'on_time', op: 'eq', value: true }, label: text('Done on time', '按时完成数') },
    // A task has a verdict once done or overdue (and when it has a due time at all).
    { key: 'with_verdict', agg: 'count', field: 'on_time', label: text('Done or overdue', '已完成或已逾期') },
    { key: 'on_time_share', agg: 'ratio', numerator: 'on_time', denominator: 'with_verdict', label: text('On-time share', '按时完成率') },
    { key: 'business_days', agg: 'avg', field: 'business_days', label: text('Average business days', '平均工作日数') },
  ],
  sort: [{ by: 'tasks', direction: 'desc' }, { by: 'step' }],
  chart: { type: 'bar', x: 'step', y: ['on_time_share'] },
};

export const bankCrmReports = [
  loanPipelineReport,
  loanFunnelReport,
  aumBySegmentReport,
  aumTrendReport,
  loansByBranchReport,
  rmPerformanceReport,
  crossSellRatioReport,
  churnRiskReport,
  churnWatchReport,
  campaignFunnelReport,
  approvalSlaReport,
] as const;
