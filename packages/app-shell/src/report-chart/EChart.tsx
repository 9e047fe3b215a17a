import type { ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './chart-option.js';

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for assistive technology (its data is also offered as a table). */
  label: string;
  /** A click on a data point, by its index in the series. */
  onPoint?(dataIndex: number): void;
}

/**
 * An ECharts canvas that loads ECharts on first use (a chunk of its own, a skeleton meanwhile),
 * follows its container's size and reports clicks on data points.
 */
export function EChart({ option, height, label, onPoint }: EChartProps) {
  const { t } = useTranslation('appShell');
  const host = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const [failed, setFailed] = useState(false);
  const onPointRef = useRef(onPoint);
  useEffect(() => {
    onPointRef.current = onPoint;
  });

  useEffect(() => {
    let disposed = false;
    let created: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    // A chunk that fails to load (a new deployment, the network) or a browser without canvas: said on the chart.
    import('./load-echarts.js')
      .then(({ loadECharts }) => {
        if (disposed || !host.current) return;
        const chart = loadECharts()(host.current, undefined, { renderer: 'canvas' });
        created = chart;
        chart.on('click', (params) => {
          if (typeof params.dataIndex === 'number') onPointRef.current?.(params.dataIndex);
        });
        // The grid cell, the window or a phone turned sideways: the chart fills its box again.
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(host.current);
        setChart(chart);
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      created?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <div className="report-chart-frame" style={{ height }}>
      {/* ECharts owns this element's children: React renders none into it. */}
      <div ref={host} className="report-chart-canvas" role="img" aria-label={label} />
      {chart === null && !failed && (
        <div className="report-chart-skeleton" role="status">
          <span className="report-chart-skeleton-text">{t('chart.loading')}</span>
        </div>
      )}
      {failed && (
        <p role="alert" className="report-chart-failed">
          {t('chart.failed')}
        </p>
      )}
    </div>
  );
}
