import type { ReportRunResult } from '@bankforge/client';
import { shapeChart, type ChartSpec, type ReportRow, type ResultColumn } from '@bankforge/report-engine';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initPackageTestI18n } from '../test-support/test-i18n.js';
import { ReportChart } from './ReportChart.js';

/** A stand-in for ECharts (jsdom has no canvas): what the chart was given, and a way to click a point or resize. */
const echarts = vi.hoisted(() => ({
  options: [] as unknown[],
  click: undefined as ((params: { dataIndex: number }) => void) | undefined,
  resized: 0,
  disposed: 0,
  fail: false,
}));

vi.mock('./load-echarts.js', () => ({
  loadECharts: () => (host: HTMLElement) => {
    if (echarts.fail) throw new Error('no canvas');
    expect(host.isConnected).toBe(true);
    return {
      setOption: (option: unknown) => echarts.options.push(option),
      on: (_event: string, handler: (params: { dataIndex: number }) => void) => (echarts.click = handler),
      resize: () => (echarts.resized += 1),
      dispose: () => (echarts.disposed += 1),
    };
  },
}));

let resizeObserved: (() => void) | undefined;
beforeEach(async () => {
  await initPackageTestI18n('en');
  Object.assign(echarts, { options: [], click: undefined, resized: 0, disposed: 0, fail: false });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resizeObserved = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const columns: ResultColumn[] = [
  { key: 'segment', label: 'Segment', labelZh: '客户细分', role: 'dimension', type: 'text' },
  { key: 'customers', label: 'Customers', labelZh: '客户数', role: 'measure', type: 'number' },
  { key: 'aum', label: 'AUM', labelZh: '管理资产', role: 'measure', type: 'number' },
];
const rows: ReportRow[] = [
  { segment: 'vip', customers: 1200, aum: 980000000 },
  { segment: 'mass', customers: 54000, aum: 120000000.5 },
];
const presentation = {
  segment: { labels: { vip: { en: 'Private banking', 'zh-CN': '私人银行' }, mass: { en: 'Mass', 'zh-CN': '大众' } } },
  aum: { currency: 'CNY' },
};

function run(chart: ChartSpec, resultRows = rows): ReportRunResult {
  return {
    report: { key: 'aum_by_segment', version: 1, title: 'AUM by segment' },
    level: 0,
    columns,
    rows: resultRows,
    presentation,
    chart: shapeChart({ chart, pivot: { rows: ['segment'], columns: [], values: ['customers', 'aum'] } }, { columns, rows: resultRows }),
  };
}

describe('ReportChart', () => {
  it('shows a skeleton while ECharts loads, then draws the chart with labels and tells a click by raw value', async () => {
    const picks: unknown[] = [];
    render(<ReportChart result={run({ type: 'pie', x: 'segment', y: ['aum'] })} onPick={(pick) => picks.push(pick)} />);
    expect(screen.getByRole('status').textContent).toBe('Loading the chart…');
    await vi.waitFor(() => expect(echarts.options).toHaveLength(1));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('img', { name: 'AUM by segment' })).toBeTruthy();
    expect(echarts.options[0]).toMatchObject({ series: [{ type: 'pie', data: [{ name: 'Private banking' }, { name: 'Mass' }] }] });
    act(() => echarts.click?.({ dataIndex: 1 }));
    expect(picks).toEqual([{ dimension: 'segment', value: 'mass' }]);
  });

  it('follows its container: a resize redraws the chart; leaving disposes of it', async () => {
    const { unmount } = render(<ReportChart result={run({ type: 'bar', x: 'segment', y: ['aum'] })} />);
    await vi.waitFor(() => expect(echarts.options).toHaveLength(1));
    resizeObserved?.();
    expect(echarts.resized).toBe(1);
    unmount();
    expect(echarts.disposed).toBe(1);
  });

  it('draws a picked point again marked, without a second chart', async () => {
    const result = run({ type: 'bar', x: 'segment', y: ['customers'] });
    const { rerender } = render(<ReportChart result={result} onPick={() => undefined} />);
    await vi.waitFor(() => expect(echarts.options).toHaveLength(1));
    rerender(<ReportChart result={result} onPick={() => undefined} selected={{ dimension: 'segment', value: 'vip' }} />);
    await vi.waitFor(() => expect(echarts.options).toHaveLength(2));
    expect(echarts.options[1]).toMatchObject({ series: [{ data: [1200, { value: 54000, itemStyle: { opacity: 0.35 } }] }] });
  });

  it("offers the chart's data as a table, whose values the keyboard picks", async () => {
    await initPackageTestI18n('zh-CN');
    const picks: unknown[] = [];
    render(<ReportChart result={run({ type: 'bar', x: 'segment', y: ['aum'] })} onPick={(pick) => picks.push(pick)} selected={{ dimension: 'segment', value: 'vip' }} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('数据'));
    const table = screen.getByRole('table', { name: 'AUM by segment' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual(['客户细分客户数管理资产', '私人银行1,200¥980,000,000.00', '大众54,000¥120,000,000.50']);
    expect(within(table).getByRole('button', { name: '私人银行' }).getAttribute('aria-pressed')).toBe('true');
    within(table).getByRole('button', { name: '大众' }).focus();
    await user.keyboard('{Enter}');
    expect(picks).toEqual([{ dimension: 'segment', value: 'mass' }]);
  });

  it('offers picks of the pickable dimensions only, in the table and on the chart', async () => {
    const picks: unknown[] = [];
    const listed: ResultColumn[] = [columns[0]!, { key: 'branch', label: 'Branch', labelZh: '分行', role: 'dimension', type: 'text' }, columns[1]!];
    const result: ReportRunResult = { ...run({ type: 'table' }), columns: listed, rows: [{ segment: 'vip', branch: 'Shanghai', customers: 3 }] };
    render(<ReportChart result={{ ...result, chart: { type: 'table', columns: listed, rows: result.rows } }} onPick={(pick) => picks.push(pick)} pickable={['branch']} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Shanghai']);
    cleanup();
    render(<ReportChart result={run({ type: 'bar', x: 'segment', y: ['aum'] })} onPick={(pick) => picks.push(pick)} pickable={['branch']} />);
    await vi.waitFor(() => expect(echarts.options).toHaveLength(1));
    act(() => echarts.click?.({ dataIndex: 0 }));
    expect(picks).toEqual([]);
  });

  it('says so on the chart when ECharts cannot draw', async () => {
    echarts.fail = true;
    render(<ReportChart result={run({ type: 'line', x: 'segment', y: ['aum'] })} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The chart could not be drawn. Reload the page to try again.');
  });

  it('shows a KPI as a big number with its label, money in its currency', async () => {
    await initPackageTestI18n('zh-CN');
    render(<ReportChart result={run({ type: 'kpi', y: ['aum'] }, [{ aum: 1100000000.5 }])} />);
    const figure = screen.getByRole('figure');
    expect(figure.textContent).toBe('¥1,100,000,000.50管理资产');
  });

  it('compares a KPI with its second measure: the change and what it is compared with', async () => {
    render(<ReportChart result={run({ type: 'kpi', y: ['aum', 'customers'] }, [{ aum: 1150, customers: 1000 }])} />);
    expect(screen.getByRole('figure').textContent).toBe('CN¥1,150.00AUM+15% vs Customers (1,000)');
    cleanup();
    await initPackageTestI18n('zh-CN');
    render(<ReportChart result={run({ type: 'kpi', y: ['customers', 'aum'] }, [{ aum: 0, customers: 1000 }])} />);
    expect(screen.getByRole('figure').textContent).toBe('1,000客户数 对比管理资产（¥0.00）');
  });

  it('shows a table report with labels, no buttons when nothing listens for picks', () => {
    render(<ReportChart result={run({ type: 'table' })} />);
    expect(screen.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'SegmentCustomersAUM',
      'Private banking1,200CN¥980,000,000.00',
      'Mass54,000CN¥120,000,000.50',
    ]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("names the columns in the reader's language, and again when it changes", async () => {
    render(<ReportChart result={run({ type: 'table' })} />);
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Segment', 'Customers', 'AUM']);
    await act(() => initPackageTestI18n('zh-CN'));
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['客户细分', '客户数', '管理资产']);
    cleanup();
    render(<ReportChart result={run({ type: 'pivot' })} />);
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['客户细分', '客户数', '管理资产']);
  });

  it("names a chart's measure series and legend in the reader's language", async () => {
    await initPackageTestI18n('zh-CN');
    render(<ReportChart result={run({ type: 'bar', x: 'segment', y: ['customers', 'aum'] })} />);
    await vi.waitFor(() => expect(echarts.options).toHaveLength(1));
    expect(echarts.options[0]).toMatchObject({ legend: { data: ['客户数', '管理资产'] }, series: [{ name: '客户数' }, { name: '管理资产' }] });
  });

  it('shows a pivot with its row values picked by button and a header per measure', async () => {
    const picks: unknown[] = [];
    render(<ReportChart result={run({ type: 'pivot' })} onPick={(pick) => picks.push(pick)} />);
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Segment', 'Customers', 'AUM']);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Private banking' }));
    expect(picks).toEqual([{ dimension: 'segment', value: 'vip' }]);
  });

  it('says when there is no data', () => {
    render(<ReportChart result={run({ type: 'bar', x: 'segment', y: ['aum'] }, [])} />);
    expect(screen.getByText('No data.')).toBeTruthy();
  });
});
