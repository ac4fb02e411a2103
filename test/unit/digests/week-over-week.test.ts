import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../../src/digests/headline-figures.ts';
import { changeOf, compareHeadlines } from '../../../src/digests/week-over-week.ts';
import { efficientDeskReport } from '../../support/metrics-report-fixture.ts';

describe('week over week', () => {
  it('gives the change now − then, and relative to then when then was not zero', () => {
    expect(changeOf(40, 50)).toEqual({ previous: 40, current: 50, delta: 10, relative: 0.25 });
    expect(changeOf(0, 3)).toEqual({ previous: 0, current: 3, delta: 3, relative: null });
    expect(changeOf(null, 0.5)).toEqual({ previous: null, current: 0.5, delta: null, relative: null });
    expect(changeOf(0.6, 0.45).delta).toBeCloseTo(-0.15, 10);
  });

  it('compares every headline figure', () => {
    const lastWeek = efficientDeskReport();
    lastWeek.adoption.questions = 80;
    lastWeek.sla.compliance.rate = null;
    const changes = compareHeadlines(headlineOf(lastWeek), headlineOf(efficientDeskReport()));
    expect(Object.keys(changes).sort()).toEqual(Object.keys(headlineOf(lastWeek)).sort());
    expect(changes.questions).toEqual({ previous: 80, current: 100, delta: 20, relative: 0.25 });
    expect(changes.slaCompliance).toEqual({ previous: null, current: 0.95, delta: null, relative: null });
    expect(changes.maturityLevel).toMatchObject({ previous: 300, current: 500, delta: 200 });
  });
});
