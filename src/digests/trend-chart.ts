/**
 * The trend chart as an SVG string, drawn by ECharts' server-side renderer: no DOM, no canvas, no browser.
 * Only the parts the chart uses are registered, so the renderer loads less; and it loads at the first chart,
 * not at start-up, where it would add most of a second and tens of megabytes to a desk that may never draw one.
 */
import { trendChartDescription, trendChartOption } from './trend-chart-option.ts';
import type { WeekPoint } from './weekly-series.ts';

let loading: Promise<typeof import('echarts/core').init> | undefined;

const echartsInit = () =>
  (loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      renderers.SVGRenderer,
    ]);
    return core.init;
  }));

export interface ChartSize {
  width: number;
  height: number;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function trendChartSvg(points: readonly WeekPoint[], { width, height }: ChartSize): Promise<string> {
  const init = await echartsInit();
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
