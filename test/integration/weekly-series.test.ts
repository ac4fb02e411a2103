import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/digests/headline-figures.ts';
import { weekPeriod } from '../../src/digests/iso-week.ts';
import { measurePeriod } from '../../src/digests/measure-period.ts';
import { measureWeeklySeries } from '../../src/digests/weekly-series.ts';
import { defaultSlaPolicies } from '../../src/sla/sla-policy.ts';
import { type SeededDesk, seedWeek } from '../support/seeded-week.ts';

const timeZone = 'Europe/London';

/** The chart's series over the seeded week (test/support/seeded-week.ts) and the weeks before it. */
describe('the weekly series', () => {
  let desk: SeededDesk;
  beforeAll(async () => {
    desk = await seedWeek();
  });
  afterAll(() => desk.app.close());

  const series = (platform?: string) =>
    measureWeeklySeries(desk.app.store.db, {
      lastWeek: '2026-W48',
      weeks: 4,
      timeZone,
      ...(platform ? { platform } : {}),
    });

  it('gives one point per week, oldest first: empty weeks as gaps, the seeded week as its report has it', async () => {
    expect(await series()).toEqual([
      { week: '2026-W45', questions: 0, deflectionRate: null, csat: null },
      { week: '2026-W46', questions: 0, deflectionRate: null, csat: null },
      // zoe's question the week before, not deflected (her ticket followed within 72 h); nothing rated.
      { week: '2026-W47', questions: 1, deflectionRate: 0, csat: null },
      { week: '2026-W48', questions: 6, deflectionRate: 0.5, csat: 0.6 },
    ]);
  });

  it('matches measurePeriod week by week', async () => {
    for (const point of await series()) {
      const report = await measurePeriod(desk.app.store.db, weekPeriod(point.week, timeZone), defaultSlaPolicies);
      const headline = headlineOf(report);
      expect(point, point.week).toEqual({
        week: point.week,
        questions: headline.questions,
        deflectionRate: headline.deflectionRate,
        csat: headline.csat,
      });
    }
  });

  it('narrows to one platform: everyone seeded is on the local chat, nobody on Slack', async () => {
    expect(await series('local')).toEqual(await series());
    expect((await series('slack')).map((p) => [p.questions, p.deflectionRate, p.csat])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
  });
});
