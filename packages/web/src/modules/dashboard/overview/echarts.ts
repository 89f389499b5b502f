import { BarChart, GaugeChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws (tree-shaken; this file is imported from the dashboard module alone, so
// ECharts loads with these pages and never with the app's first chunk): bars (standing, lying, stacked),
// lines, pies, gauges, the target marks (scatter), axes, tooltips, legends and the 暂无数据 title on a canvas.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GaugeChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  CanvasRenderer,
]);

export { echarts };
