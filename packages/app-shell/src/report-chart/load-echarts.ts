import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts with only the report charts, their components and the canvas renderer: imported
 * dynamically by `EChart`, so it is a chunk of its own that loads with the first chart.
 */
export function loadECharts(): typeof init {
  // ECharts' `use` (registration), not a React hook.
  register([BarChart, LineChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);
  return init;
}
