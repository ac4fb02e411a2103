/**
 * An SVG chart as a PNG, for places that show images but not SVG (a Slack upload, a Teams card). resvg reads
 * only the DejaVu fonts shipped in an npm package, never the machine's: the same chart is the same picture on
 * a laptop, in CI and on the server.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { chartFontFamily } from './trend-chart-option.ts';

const require = createRequire(import.meta.url);
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: chartFontFamily },
    // The chart paints its own white background; resvg's own would hide a transparent one if it did not.
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
