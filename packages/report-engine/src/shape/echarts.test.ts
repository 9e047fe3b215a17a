import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../result/result-types.js';
import { shapeChart } from './echarts.js';

const RESULT: ReportResult = {
  columns: [
    { key: 'month', label: 'Month', labelZh: '月份', role: 'dimension', type: 'text' },
    { key: 'branch', label: 'Branch', labelZh: '分行', role: 'dimension', type: 'text' },
    { key: 'total', label: 'Total', labelZh: '合计', role: 'measure', type: 'number' },
    { key: 'n', label: 'Count', labelZh: '数量', role: 'measure', type: 'number' },
  ],
  rows: [
    { month: '2025-01', branch: 'B01', total: 10, n: 1 },
    { month: '2025-01', branch: 'B02', total: 20, n: 2 },
    { month: '2025-02', branch: 'B01', total: 30, n: 3 },
    { month: '2025-03', branch: null, total: 5, n: 1 },
  ],
};

describe('chart shaping', () => {
  it('makes one series per measure on the category axis (bar, line, area)', () => {
    const bar = shapeChart({ chart: { type: 'bar', x: 'month', y: ['total', 'n'] } }, RESULT);
    expect(bar).toEqual({
      type: 'echarts',
      chart: 'bar',
      option: {
        tooltip: { trigger: 'axis' },
        legend: { data: ['Total', 'Count'] },
        xAxis: { type: 'category', data: ['2025-01', '2025-02', '2025-03'] },
        yAxis: { type: 'value' },
        // The last row of a category wins: without a series dimension the x axis must be the only dimension.
        series: [
          { type: 'bar', name: 'Total', data: [20, 30, 5] },
          { type: 'bar', name: 'Count', data: [2, 3, 1] },
        ],
      },
    });
    const area = shapeChart({ chart: { type: 'area', x: 'month', y: ['n'], horizontal: true } }, RESULT);
    if (area.type !== 'echarts') throw new Error(area.type);
    expect(area.option.series[0]).toMatchObject({ type: 'line', areaStyle: {} });
    expect(area.option.yAxis).toEqual({ type: 'category', data: ['2025-01', '2025-02', '2025-03'] });
  });

  it('splits a stacked bar into one series per value of the series dimension, with gaps as null', () => {
    const stacked = shapeChart(
      { chart: { type: 'stackedBar', x: 'month', series: 'branch', y: ['total'] } },
      RESULT,
    );
    if (stacked.type !== 'echarts') throw new Error(stacked.type);
    expect(stacked.option.series).toEqual([
      { type: 'bar', name: 'B01', data: [10, 30, null], stack: 'total' },
      { type: 'bar', name: 'B02', data: [20, null, null], stack: 'total' },
      { type: 'bar', name: '(empty)', data: [null, null, 5], stack: 'total' },
    ]);
  });

  it('makes name/value data for pie and funnel', () => {
    const result: ReportResult = {
      columns: RESULT.columns.filter((c) => c.key !== 'branch'),
      rows: [
        { month: 'a', total: 3, n: 1 },
        { month: 'b', total: 1, n: 1 },
      ],
    };
    const pie = shapeChart({ chart: { type: 'funnel', x: 'month', y: ['total'] } }, result);
    expect(pie).toEqual({
      type: 'echarts',
      chart: 'funnel',
      option: {
        tooltip: { trigger: 'item' },
        legend: { data: ['a', 'b'] },
        series: [
          {
            type: 'funnel',
            name: 'Total',
            data: [
              { name: 'a', value: 3 },
              { name: 'b', value: 1 },
            ],
          },
        ],
      },
    });
  });

  it('answers a KPI value, a table, and a pivot', () => {
    expect(
      shapeChart(
        { chart: { type: 'kpi', y: ['n'] } },
        { columns: RESULT.columns.slice(2), rows: [{ total: 65, n: 7 }] },
      ),
    ).toEqual({ type: 'kpi', key: 'n', label: 'Count', value: 7 });
    // A second measure is what the figure is compared with: this quarter's against last quarter's.
    expect(
      shapeChart(
        { chart: { type: 'kpi', y: ['n', 'total'] } },
        { columns: RESULT.columns.slice(2), rows: [{ total: 65, n: 7 }] },
      ),
    ).toMatchObject({ type: 'kpi', key: 'n', value: 7, comparison: { key: 'total', value: 65 } });
    expect(shapeChart({}, RESULT)).toEqual({ type: 'table', columns: RESULT.columns, rows: RESULT.rows });
    const pivot = shapeChart(
      { chart: { type: 'pivot' }, pivot: { rows: ['branch'], columns: ['month'], values: ['total'] } },
      RESULT,
    );
    expect(pivot).toEqual({
      type: 'pivot',
      pivot: {
        rowKeys: ['branch'],
        columnKeys: ['month'],
        values: ['total'],
        columns: [{ key: ['2025-01'] }, { key: ['2025-02'] }, { key: ['2025-03'] }],
        rows: [
          { key: ['B01'], cells: [{ total: 10 }, { total: 30 }, null] },
          { key: ['B02'], cells: [{ total: 20 }, null, null] },
          { key: [null], cells: [null, null, { total: 5 }] },
        ],
      },
    });
  });

  it('falls back to the first dimension when the chart names one the drill level does not show', () => {
    const result: ReportResult = {
      columns: [RESULT.columns[1]!, RESULT.columns[2]!],
      rows: [{ branch: 'B01', total: 1 }],
    };
    const bar = shapeChart({ chart: { type: 'line', x: 'month', y: ['total'] } }, result);
    if (bar.type !== 'echarts') throw new Error(bar.type);
    expect(bar.option.xAxis).toEqual({ type: 'category', data: ['B01'] });
  });
});
