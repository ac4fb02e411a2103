/**
 * The trend chart as an SVG string, drawn by ECharts' server-side renderer: no DOM, no canvas, no browser.
 * Only the parts the chart uses are registered, so the renderer loads less.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { trendChartDescription, trendChartOption } from './trend-chart-option.ts';
import type { WeekPoint } from './weekly-series.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ChartSize {
  width: number;
  height: number;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function trendChartSvg(points: readonly WeekPoint[], { width, height }: ChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(trendChartOption(points));
    // The server-side renderer writes no accessible name; the dashboard inlines this SVG, so it gets one.
    const name = escapeAttribute(trendChartDescription(points));
    return chart.renderToSVGString().replace(/^<svg /, `<svg role="img" aria-label="${name}" `);
  } finally {
    // Each chart holds its own zrender instance: a digest run or a busy dashboard must not keep them.
    chart.dispose();
  }
}
