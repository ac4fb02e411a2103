import { trendChartGrid } from '../../src/digests/trend-chart-option.ts';
import type { Pixels } from './png-pixels.ts';

/**
 * Reads the trend chart's PNG as a person would: which weeks have a bar and how tall, where each line's
 * colour is, whether labels are drawn. Week slots come from the chart's grid (equal slots across the plot).
 */
const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** Within a few levels per channel: line edges are smoothed, their middles are the colour itself. */
export const isColour = (pixel: readonly number[], hex: string, tolerance = 6) =>
  rgbOf(hex).every((v, i) => Math.abs(v - (pixel[i] ?? 0)) <= tolerance);

export interface ChartReading {
  /** The x range of week `i` of `weeks`, trimmed to its middle, away from its neighbours' lines. */
  slot(i: number, weeks: number): { from: number; to: number; centre: number };
  /** How far above the axis `hex` starts in week `i`: a bar's height in pixels, 0 for none. */
  barHeight(i: number, weeks: number, hex: string): number;
  /** The rows of week `i`'s middle where `hex` appears inside the plot. */
  rowsOf(i: number, weeks: number, hex: string): number[];
  /** The plot's y for a share 0–1 on the right-hand axis. */
  yOfShare(share: number): number;
  /** Pixels darker than mid-grey in a box: text (labels are the only dark ink). */
  inkIn(box: { x: number; y: number; width: number; height: number }): number;
  plotBottom: number;
}

export function readChart(px: Pixels): ChartReading {
  const { left, right, top, bottom } = trendChartGrid;
  const plotWidth = px.width - left - right;
  const plotBottom = px.height - bottom;
  const slot = (i: number, weeks: number) => {
    const width = plotWidth / weeks;
    const centre = Math.round(left + width * (i + 0.5));
    return { from: Math.round(centre - width / 4), to: Math.round(centre + width / 4), centre };
  };
  const rowsOf = (i: number, weeks: number, hex: string) => {
    const { from, to } = slot(i, weeks);
    const rows: number[] = [];
    for (let y = top; y < plotBottom; y++) {
      for (let x = from; x <= to; x++) {
        if (isColour(px.at(x, y), hex)) {
          rows.push(y);
          break;
        }
      }
    }
    return rows;
  };
  return {
    slot,
    rowsOf,
    plotBottom,
    barHeight(i, weeks, hex) {
      // From the bar's top down to the axis: a line crossing the bar hides part of it, never its top edge.
      const { from, to } = slot(i, weeks);
      for (let y = top; y < plotBottom; y++) {
        for (let x = from; x <= to; x++) if (isColour(px.at(x, y), hex, 0)) return plotBottom - y;
      }
      return 0;
    },
    yOfShare: (share) => plotBottom - share * (plotBottom - top),
    inkIn({ x, y, width, height }) {
      let n = 0;
      for (let j = y; j < y + height; j++) {
        for (let i = x; i < x + width; i++) {
          const [r, g, b] = px.at(i, j);
          if (r + g + b < 3 * 128) n++;
        }
      }
      return n;
    },
  };
}
