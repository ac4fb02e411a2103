import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendColours } from '../../src/digests/trend-chart-option.ts';
import { decodePng } from '../support/png-pixels.ts';
import { type SeededDesk, seedWeek } from '../support/seeded-week.ts';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
const executablePath = '/usr/bin/chromium';
const outputDir = fileURLToPath(new URL('../../test-output', import.meta.url));
const token = 'coe-lead-token-0123456789abcdef';
const present = existsSync(executablePath);
const inCi = process.env.CI === 'true';

if (!present && !inCi)
  console.warn(`dashboard browser test skipped: no browser at ${executablePath} (apt-get install chromium)`);

/** The dashboard as a lead sees it in a real browser: log in, read the figures, open a list, on a laptop and a phone. */
describe.skipIf(!present && !inCi)('the dashboard in headless Chromium', () => {
  let desk: SeededDesk;
  let browser: Browser;
  beforeAll(async () => {
    if (!present) throw new Error(`CI needs Chromium at ${executablePath}: install Debian's chromium (see .ci/run)`);
    desk = await seedWeek({ DASHBOARD_TOKEN: token });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.app.close();
  });

  it('logs in through the form, shows the week’s figures, opens a drill-down, and fits a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('dashboard', desk.app.url).href);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Please log in');
    await page.getByRole('link', { name: 'Go to the login form' }).click();
    await page.getByLabel('Dashboard token').fill(token);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard$/);

    expect(await page.locator('h1').innerText()).toBe('Support desk dashboard');
    expect(await page.locator('tr[data-figure="questions"]').innerText()).toMatch(/Questions asked\s+6\s+1\s+▲ up 5/);
    expect(await page.locator('tr[data-figure="csat"]').innerText()).toMatch(/60 %/);
    expect(await page.getByText('Level 300: defined').count()).toBe(1);

    // The chart is drawn: Chromium paints the bar colour and both line colours somewhere in its figure.
    const chart = page.getByRole('img', { name: /^Questions per week/ });
    expect((await chart.boundingBox())?.width).toBeGreaterThan(300);
    const painted = decodePng(await chart.screenshot());
    const colours = Object.values(trendColours).map((hex) =>
      [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)),
    );
    const seen = colours.map(([r = 0, g = 0, b = 0]) => {
      let n = 0;
      for (let y = 0; y < painted.height; y += 1)
        for (let x = 0; x < painted.width; x += 1) {
          const [pr, pg, pb] = painted.at(x, y);
          if (Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 24) n += 1;
        }
      return n;
    });
    expect(
      seen.every((n) => n > 20),
      `pixels of each series: ${seen.join(', ')}`,
    ).toBe(true);

    const breaches = page.locator('details#breaches');
    expect(await breaches.getByText('a lunch rota now covers it').isVisible()).toBe(false);
    await breaches.locator('summary').click();
    expect(await breaches.getAttribute('open')).not.toBeNull();
    expect(await breaches.getByText('a lunch rota now covers it').isVisible()).toBe(true);

    await page.getByLabel('Tier').selectOption('tier2');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/tier=tier2/);
    expect(await page.locator('details#breaches summary').innerText()).toBe('SLA breaches (0)');

    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, 'dashboard.png'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    // Evaluated in the page, where `document` exists; a string, since the tests compile without the DOM's types.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(outputDir, 'dashboard-phone.png'), fullPage: true });
    await page.close();
  });
});
