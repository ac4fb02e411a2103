/**
 * The trend chart's one definition, as an ECharts option: questions per week as bars on the left axis,
 * deflection rate and CSAT as lines on a 0–100 % right axis. The digest's PNG and the dashboard's inline SVG
 * both draw from this, so they show the same picture. A week with nothing to rate is `null`: a gap in its
 * line, never a dip to zero.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { WeekPoint } from './weekly-series.ts';

export type TrendChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption
>;

/** The packaged font the PNG is rendered with (chart-png.ts), named the same in the SVG. */
export const chartFontFamily = 'DejaVu Sans';

/** Fixed colours, far apart for colour-blind readers (Tableau 10's blue, orange, teal), and known to tests. */
export const trendColours = { questions: '#4e79a7', deflection: '#f28e2b', csat: '#59a14f' } as const;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
/** The plot's margins in pixels: room for the legend above, week labels below and each axis's labels. */
export const trendChartGrid = { left: 56, right: 56, top: 48, bottom: 36 } as const;

/** `2026-W48` → `W48`: eight or twelve full labels would crowd a phone-wide chart. */
const shortWeek = (week: string) => week.slice(5);

const line = (name: string, colour: string, data: (number | null)[]): LineSeriesOption => ({
  name,
  type: 'line',
  yAxisIndex: 1,
  data,
  connectNulls: false,
  // A week alone between two gaps is a point, so every week's value shows even without a line to it.
  showSymbol: true,
  symbol: 'circle',
  symbolSize: 7,
  color: colour,
  lineStyle: { width: 3, color: colour },
});

/** What the chart shows, in words: its accessible name where the SVG is inlined. */
export function trendChartDescription(points: readonly WeekPoint[]): string {
  const span = points.length > 0 ? `, ${points[0]?.week} to ${points.at(-1)?.week}` : '';
  return `Questions per week (bars), deflection rate and CSAT (lines, %)${span}`;
}

export function trendChartOption(points: readonly WeekPoint[]): TrendChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFontFamily, color: '#333333' },
    legend: { top: 8, data: ['Questions', 'Deflection', 'CSAT'], textStyle: { fontFamily: chartFontFamily } },
    grid: { ...trendChartGrid },
    xAxis: { type: 'category', data: points.map((p) => shortWeek(p.week)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: 'Questions', min: 0, minInterval: 1, nameTextStyle: { align: 'left' } },
      {
        type: 'value',
        name: '%',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { formatter: '{value} %' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: 'Questions',
        type: 'bar',
        data: points.map((p) => p.questions),
        color: trendColours.questions,
        barMaxWidth: 48,
      },
      line(
        'Deflection',
        trendColours.deflection,
        points.map((p) => percent(p.deflectionRate)),
      ),
      line(
        'CSAT',
        trendColours.csat,
        points.map((p) => percent(p.csat)),
      ),
    ],
  };
}
