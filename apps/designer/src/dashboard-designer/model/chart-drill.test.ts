import { describe, expect, it } from 'vitest';
import { branchDashboard, catalog, loanPipeline } from '../testing/fixtures.js';
import { chartOfType, chartParts, CHART_TYPES } from './chart.js';
import { drillTo, entityFields } from './drill.js';

const [pipelineWidget, aumWidget] = branchDashboard.widgets as [typeof branchDashboard.widgets[0], typeof branchDashboard.widgets[0]];

describe('a widget’s own chart', () => {
  it('lists the schema’s chart types and what each reads', () => {
    expect(CHART_TYPES).toContain('stackedBar');
    expect(chartParts('pie')).toEqual({ x: true, series: false, measures: 'one' });
    expect(chartParts('table')).toEqual({ x: false, series: false, measures: 'none' });
    expect(chartParts('line')).toEqual({ x: true, series: true, measures: 'many' });
  });

  it('starts from the report’s chart, keeping what the type reads', () => {
    expect(chartOfType(loanPipeline, 'line')).toEqual({ type: 'line', x: 'status', y: ['volume'] });
    expect(chartOfType(loanPipeline, 'kpi', { type: 'bar', x: 'status', y: ['applications', 'volume'] })).toEqual({ type: 'kpi', y: ['applications'] });
    expect(chartOfType(loanPipeline, 'table')).toEqual({ type: 'table' });
    expect(chartOfType(loanPipeline, 'stackedBar', { type: 'line', x: 'status', series: 'segment', y: ['nope'], horizontal: true })).toEqual({
      type: 'stackedBar',
      x: 'status',
      series: 'segment',
      y: ['applications'],
      horizontal: true,
    });
  });
});

describe('a widget’s drill target', () => {
  it('opens another report on the field meaning what the widget’s category means', () => {
    // AUM by segment's category is the customer's segment: in the loan pipeline that is c.segment.
    expect(drillTo(aumWidget, catalog, 'report')).toEqual({ kind: 'report', report: 'loan_pipeline', field: 'c.segment' });
    // A loan's status means nothing among customers: the target's first field stands in, for the analyst to choose.
    expect(drillTo(pipelineWidget, catalog, 'report', 'aum_by_segment')).toEqual({ kind: 'report', report: 'aum_by_segment', field: 'customer_no' });
  });

  it('opens the list of the clicked field’s entity filtered by it, or a record’s page', () => {
    expect(drillTo(pipelineWidget, catalog, 'list')).toEqual({ kind: 'list', entity: 'loan_application', field: 'status' });
    expect(drillTo(aumWidget, catalog, 'list')).toEqual({ kind: 'list', entity: 'customer', field: 'segment' });
    expect(drillTo(aumWidget, catalog, 'list', 'branch')).toEqual({ kind: 'list', entity: 'branch', field: entityFields('branch', catalog)[0]!.path });
    // A status is no record: the page of the report's own source record.
    expect(drillTo(pipelineWidget, catalog, 'record')).toEqual({ kind: 'record', entity: 'loan_application' });
    expect(drillTo(aumWidget, catalog, 'record', 'branch')).toEqual({ kind: 'record', entity: 'branch' });
  });
});
