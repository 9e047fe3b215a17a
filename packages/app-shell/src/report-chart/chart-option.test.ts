import type { ReportRunResult } from '@bankforge/client';
import { shapeChart, type ChartSpec, type ResultColumn, type ReportRow } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { chartKeys, chartOption, isPicked, pickAt, type EChartsData } from './chart-option.js';
import type { ValueWords } from './report-format.js';

const zh: ValueWords = { language: 'zh-CN', empty: '（空）', yes: '是', no: '否' };
const en: ValueWords = { language: 'en', empty: '(empty)', yes: 'Yes', no: 'No' };

const columns: ResultColumn[] = [
  { key: 'status', label: 'Status', labelZh: '状态', role: 'dimension', type: 'text' },
  { key: 'segment', label: 'Segment', labelZh: '客户细分', role: 'dimension', type: 'text' },
  { key: 'applications', label: 'Applications', labelZh: '申请数', role: 'measure', type: 'number' },
  { key: 'volume', label: 'Volume', labelZh: '贷款金额', role: 'measure', type: 'number' },
];
const rows: ReportRow[] = [
  { status: 'submitted', segment: 'vip', applications: 2, volume: 500000 },
  { status: 'submitted', segment: 'mass', applications: 5, volume: 250000 },
  { status: 'approved', segment: 'vip', applications: 1, volume: 1200000 },
  { status: null, segment: 'mass', applications: 1, volume: 10000 },
];
/** The same applications grouped by status only, as a one-dimension chart reads them. */
const byStatus: ReportRow[] = [
  { status: 'submitted', segment: null, applications: 7, volume: 750000 },
  { status: 'approved', segment: null, applications: 1, volume: 1200000 },
];
const presentation = {
  status: { labels: { submitted: { en: 'Submitted', 'zh-CN': '已提交' }, approved: { en: 'Approved', 'zh-CN': '已批准' } } },
  segment: { labels: { vip: { en: 'Private banking', 'zh-CN': '私人银行' }, mass: { en: 'Mass', 'zh-CN': '大众' } } },
  volume: { currency: 'CNY' },
};

/** A run as the server answers it: the rows shaped by the report engine for the chart asked. */
function run(chart: ChartSpec, resultRows: ReportRow[] = rows): ReportRunResult & { chart: EChartsData } {
  const shaped = shapeChart({ chart }, { columns, rows: resultRows });
  if (shaped.type !== 'echarts') throw new Error(`not an ECharts chart: ${shaped.type}`);
  return { report: { key: 'loan_pipeline', version: 1, title: 'Loan pipeline' }, level: 0, columns, rows: resultRows, presentation, chart: shaped };
}

describe('chartKeys', () => {
  it('finds the category dimension and the measure of each series of a bar chart', () => {
    const result = run({ type: 'bar', x: 'status', y: ['volume', 'applications'] }, byStatus);
    expect(chartKeys(result, result.chart)).toEqual({ x: 'status', series: undefined, measures: ['applications', 'volume'] });
  });

  it("finds a stacked bar's series dimension and the one measure all its series plot", () => {
    const result = run({ type: 'stackedBar', x: 'status', series: 'segment', y: ['volume'] });
    expect(chartKeys(result, result.chart)).toEqual({ x: 'status', series: 'segment', measures: ['volume', 'volume'] });
  });

  it("finds a pie's slice dimension and measure", () => {
    const result = run({ type: 'pie', x: 'segment', y: ['applications'] }, rows.slice(0, 2));
    expect(chartKeys(result, result.chart)).toEqual({ x: 'segment', series: undefined, measures: ['applications'] });
  });
});

describe('chartOption', () => {
  it('names categories and series by their labels in the UI language, and formats money in tooltips and compactly on the axis', () => {
    const result = run({ type: 'stackedBar', x: 'status', series: 'segment', y: ['volume'] });
    const option = chartOption(result, result.chart, zh);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['已提交', '已批准', '（空）'] });
    const series = option.series as { name: string; stack?: string; data: unknown[]; tooltip: { valueFormatter(v: unknown): string } }[];
    expect(series.map((s) => [s.name, s.stack])).toEqual([
      ['私人银行', 'total'],
      ['大众', 'total'],
    ]);
    expect(option.legend).toMatchObject({ data: ['私人银行', '大众'] });
    expect(series[0]!.tooltip.valueFormatter(1200000)).toBe('¥1,200,000.00');
    const axis = option.yAxis as { axisLabel: { formatter(v: number): string } };
    expect(axis.axisLabel.formatter(1_200_000)).toBe('¥120万');
  });

  it('keeps a horizontal chart horizontal and a measure series named by its label', () => {
    const result = run({ type: 'bar', x: 'status', y: ['applications'], horizontal: true });
    const option = chartOption(result, result.chart, en);
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Submitted', 'Approved', '(empty)'] });
    expect(option.xAxis).toMatchObject({ type: 'value' });
    const series = option.series as { name: string; type: string; tooltip: { valueFormatter(v: unknown): string } }[];
    expect(series.map((s) => [s.type, s.name])).toEqual([['bar', 'Applications']]);
    expect(series[0]!.tooltip.valueFormatter(7000)).toBe('7,000');
    const chinese = chartOption(result, result.chart, zh);
    expect((chinese.series as { name: string }[]).map((s) => s.name)).toEqual(['申请数']);
    expect(chinese.legend).toMatchObject({ data: ['申请数'] });
  });

  it('steps a count axis by whole numbers, a money axis as it needs', () => {
    const counts = run({ type: 'bar', x: 'status', y: ['applications'] }, byStatus);
    expect(chartOption(counts, counts.chart, en).yAxis).toMatchObject({ type: 'value', minInterval: 1 });
    const averages = run({ type: 'bar', x: 'status', y: ['applications'] }, [{ ...byStatus[0]!, applications: 2.5 }, byStatus[1]!]);
    expect(chartOption(averages, averages.chart, en).yAxis).not.toHaveProperty('minInterval');
  });

  it("keeps a funnel's stages in the report's order, not by size", () => {
    const result = run({ type: 'funnel', x: 'status', y: ['applications'] }, [...byStatus].reverse());
    expect(chartOption(result, result.chart, en).series).toMatchObject([{ type: 'funnel', sort: 'none', data: [{ name: 'Approved' }, { name: 'Submitted' }] }]);
  });

  it('draws an area as a filled line', () => {
    const result = run({ type: 'area', x: 'status', y: ['applications'] });
    expect(chartOption(result, result.chart, en).series).toMatchObject([{ type: 'line', areaStyle: {} }]);
  });

  it("labels a pie's or a funnel's slices and legend", () => {
    for (const type of ['pie', 'funnel'] as const) {
      const result = run({ type, x: 'segment', y: ['volume'] }, rows.slice(0, 2));
      const option = chartOption(result, result.chart, en);
      expect(option.series).toMatchObject([{ type, data: [{ name: 'Private banking', value: 500000 }, { name: 'Mass', value: 250000 }] }]);
      expect(option.legend).toMatchObject({ data: ['Private banking', 'Mass'] });
      expect(chartOption(result, result.chart, zh).series).toMatchObject([{ name: '贷款金额' }]);
    }
  });

  it("writes a slice's share inside the ring, none on a sliver", () => {
    const result = run({ type: 'pie', x: 'segment', y: ['volume'] }, rows.slice(0, 2));
    const [slices] = chartOption(result, result.chart, en).series as { label: { formatter(p: { percent?: number }): string } }[];
    expect([slices!.label.formatter({ percent: 66.7 }), slices!.label.formatter({ percent: 4.9 })]).toEqual(['67%', '']);
  });

  it('draws the data points other than the picked one faint', () => {
    const bar = run({ type: 'bar', x: 'status', y: ['applications'] }, byStatus);
    const picked = chartOption(bar, bar.chart, en, { dimension: 'status', value: 'approved' });
    expect((picked.series as { data: unknown[] }[])[0]!.data).toEqual([{ value: 7, itemStyle: { opacity: 0.35 } }, 1]);
    const stacked = run({ type: 'stackedBar', x: 'status', series: 'segment', y: ['volume'] });
    const bySeries = chartOption(stacked, stacked.chart, en, { dimension: 'segment', value: 'mass' }).series as { itemStyle?: object }[];
    expect(bySeries.map((s) => s.itemStyle)).toEqual([{ opacity: 0.35 }, undefined]);
  });
});

describe('pickAt', () => {
  it("answers a category's raw value (not its label), the empty one as null", () => {
    const result = run({ type: 'bar', x: 'status', y: ['applications'] });
    const keys = chartKeys(result, result.chart);
    expect([0, 1, 2, 3].map((i) => pickAt(result, result.chart, keys, i))).toEqual([
      { dimension: 'status', value: 'submitted' },
      { dimension: 'status', value: 'approved' },
      { dimension: 'status', value: null },
      undefined,
    ]);
  });

  it("answers a slice's raw value", () => {
    const result = run({ type: 'pie', x: 'segment', y: ['volume'] }, rows.slice(0, 2));
    expect(pickAt(result, result.chart, chartKeys(result, result.chart), 1)).toEqual({ dimension: 'segment', value: 'mass' });
  });
});

describe('isPicked', () => {
  it('compares the dimension and the value', () => {
    const pick = { dimension: 'status', value: null };
    expect([isPicked(pick, 'status', null), isPicked(pick, 'status', 'approved'), isPicked(pick, 'segment', null), isPicked(undefined, 'status', null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
