import type { ReportDefinition } from '@bankforge/report-engine';

/** The loan pipeline a branch manager watches: applications of the last 12 months by status, with volume. */
export const loanPipelineReport: ReportDefinition = {
  kind: 'report',
  key: 'loan_pipeline',
  title: 'Loan pipeline',
  source: 'loan_application',
  joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
  filter: { field: 'submitted_at', op: 'within', value: { last: 12, unit: 'month' } },
  dimensions: [
    { key: 'status', field: 'status', label: 'Status' },
    { key: 'segment', field: 'c.segment', label: 'Customer segment' },
  ],
  measures: [
    { key: 'applications', agg: 'count', label: 'Applications' },
    { key: 'volume', agg: 'sum', field: 'amount', label: 'Volume' },
  ],
  drillDown: { levels: [{ dimensions: ['status'] }, { dimensions: ['segment'] }] },
  chart: { type: 'bar', x: 'status', y: ['volume'] },
};

/** Assets under management by customer segment. */
export const aumBySegmentReport: ReportDefinition = {
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

export const bankCrmReports = [loanPipelineReport, aumBySegmentReport] as const;
