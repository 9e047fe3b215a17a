import { branchEntity, customerEntity, loanApplicationEntity } from '@bankforge/example-bank-crm';
import { reportFields, type DashboardDefinition, type EntityCatalog, type ReportDefinition } from '@bankforge/report-engine';
import type { DashboardCatalog, PublishedReport } from '../model/catalog.js';

/** The example bank's loan pipeline: applications by status, with the customer's segment through a join. */
export const loanPipeline: ReportDefinition = {
  kind: 'report',
  key: 'loan_pipeline',
  title: 'Loan pipeline',
  source: 'loan_application',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  dimensions: [
    { key: 'status', field: 'status', label: 'Status' },
    { key: 'segment', field: 'c.segment', label: 'Customer segment' },
  ],
  measures: [
    { key: 'applications', agg: 'count', label: 'Applications' },
    { key: 'volume', agg: 'sum', field: 'amount', label: 'Volume' },
  ],
  chart: { type: 'bar', x: 'status', y: ['volume'] },
};

export const aumBySegment: ReportDefinition = {
  kind: 'report',
  key: 'aum_by_segment',
  title: 'AUM by segment',
  source: 'customer',
  dimensions: [{ key: 'segment', field: 'segment', label: 'Segment' }],
  measures: [
    { key: 'customers', agg: 'count', label: 'Customers' },
    { key: 'aum', agg: 'sum', field: 'aum', label: 'AUM' },
  ],
  chart: { type: 'pie', x: 'segment', y: ['aum'] },
};

export const entities: EntityCatalog = new Map([customerEntity, loanApplicationEntity, branchEntity].map((e) => [e.key, e]));

const published = (definition: ReportDefinition, version = 1): PublishedReport => ({ definition, version, fields: reportFields(definition, entities) });

export const catalog: DashboardCatalog = {
  reports: new Map([
    [loanPipeline.key, published(loanPipeline)],
    [aumBySegment.key, published(aumBySegment, 2)],
  ]),
  entities,
};

/** Two widgets side by side and a period filter on the loans' submission and the customers' onboarding. */
export const branchDashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'branch_performance',
  title: 'Branch performance',
  label: { en: 'Branch performance', 'zh-CN': '网点业绩' },
  filters: [{ key: 'period', label: { en: 'Period', 'zh-CN': '期间' }, type: 'period', fields: ['submitted_at', 'onboarded_at'], default: 'thisQuarter' }],
  widgets: [
    { id: 'loan_pipeline', report: 'loan_pipeline', layout: { x: 0, y: 0, w: 6, h: 4 } },
    { id: 'aum_by_segment', report: 'aum_by_segment', layout: { x: 6, y: 0, w: 6, h: 4 } },
  ],
};
