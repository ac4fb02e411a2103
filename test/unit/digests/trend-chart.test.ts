import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../../src/digests/chart-png.ts';
import { trendChartSvg } from '../../../src/digests/trend-chart.ts';
import { trendColours } from '../../../src/digests/trend-chart-option.ts';
import type { WeekPoint } from '../../../src/digests/weekly-series.ts';
import { readChart } from '../../support/chart-reading.ts';
import { decodePng } from '../../support/png-pixels.ts';

const week = (n: number, questions: number, deflectionRate: number | null, csat: number | null): WeekPoint => ({
  week: `2026-W${n}`,
  questions,
  deflectionRate,
  csat,
});

/** Eight weeks: W45 empty (a gap in every series), CSAT only in some weeks, W44 the busiest. */
const points = [
  week(41, 4, 0.25, null),
  week(42, 12, 0.5, 0.8),
  week(43, 9, 0.25, null),
  week(44, 15, 0.75, 0.5),
  week(45, 0, null, null),
  week(46, 3, 0.5, null),
  week(47, 1, 0, null),
  week(48, 6, 0.5, 1),
];
const size = { width: 640, height: 320 };

const svg = await trendChartSvg(points, size);

describe('the trend chart', () => {
  const png = svgToPng(svg);
  const chart = readChart(decodePng(png));
  const weeks = points.length;

  it('is an SVG of the size asked, named for screen readers, its text in the packaged font', () => {
    expect(svg).toMatch(/^<svg role="img" aria-label="Questions per week \(bars\), deflection rate and CSAT/);
    expect(svg).toContain('width="640" height="320"');
    expect(svg).toContain('font-family:DejaVu Sans');
    for (const label of ['W41', 'W48', 'Questions', 'Deflection', 'CSAT', '100 %']) expect(svg).toContain(`>${label}<`);
  });

  it('draws a bar for each week with questions, as tall as its count, and none for the empty week', () => {
    const heights = points.map((_, i) => chart.barHeight(i, weeks, trendColours.questions));
    expect(heights[4]).toBe(0);
    for (const [i, p] of points.entries()) if (p.questions > 0) expect(heights[i], p.week).toBeGreaterThan(0);
    // Heights follow the counts: W44 (15) > W42 (12) > W43 (9) > W48 (6) > W41 (4) > W46 (3) > W47 (1).
    const byCount = [...points.keys()]
      .filter((i) => points[i]?.questions)
      .sort((a, b) => (points[b]?.questions ?? 0) - (points[a]?.questions ?? 0));
    const tallest = byCount.map((i) => heights[i] ?? 0);
    expect(tallest).toEqual([...tallest].sort((a, b) => b - a));
    // 15 questions is the top of the axis here; 12 is four fifths of it, within a pixel or two.
    expect((heights[1] ?? 0) / (heights[3] ?? 1)).toBeCloseTo(12 / 15, 1);
  });

  it('puts each rate at its height on the 0–100 % axis, and leaves a gap where there is none', () => {
    for (const [i, p] of points.entries()) {
      const deflection = chart.rowsOf(i, weeks, trendColours.deflection);
      const csat = chart.rowsOf(i, weeks, trendColours.csat);
      if (p.deflectionRate === null) expect(deflection, p.week).toEqual([]);
      else
        expect(
          deflection.some((y) => Math.abs(y - chart.yOfShare(p.deflectionRate ?? 0)) <= 4),
          p.week,
        ).toBe(true);
      // CSAT is drawn over the deflection line: where both are 50 % only one colour shows.
      if (p.csat === null) expect(csat, p.week).toEqual([]);
      else
        expect(
          csat.some((y) => Math.abs(y - chart.yOfShare(p.csat ?? 0)) <= 4),
          p.week,
        ).toBe(true);
    }
  });

  it('writes the week labels under the plot and the axis labels beside it', () => {
    for (let i = 0; i < weeks; i++) {
      const { from, to } = chart.slot(i, weeks);
      expect(
        chart.inkIn({ x: from, y: chart.plotBottom + 4, width: to - from, height: 20 }),
        `week ${i}`,
      ).toBeGreaterThan(20);
    }
    expect(chart.inkIn({ x: 0, y: 48, width: 50, height: 236 })).toBeGreaterThan(50);
    expect(chart.inkIn({ x: 590, y: 40, width: 50, height: 250 })).toBeGreaterThan(50);
  });

  it('shows a week with nothing at all as empty, not as zeros', async () => {
    const empty = readChart(
      decodePng(svgToPng(await trendChartSvg([week(47, 0, null, null), week(48, 2, 0.5, null)], size))),
    );
    expect(empty.barHeight(0, 2, trendColours.questions)).toBe(0);
    expect(empty.rowsOf(0, 2, trendColours.deflection)).toEqual([]);
    expect(empty.barHeight(1, 2, trendColours.questions)).toBeGreaterThan(0);
  });

  it('renders the same picture every time (no animation, no clock, no system fonts)', async () => {
    expect(svgToPng(await trendChartSvg(points, size)).equals(png)).toBe(true);
  });
});
