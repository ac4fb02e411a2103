import { describe, expect, it } from 'vitest';
import { biggestChanges } from '../../../src/digests/biggest-changes.ts';
import type { HeadlineFigures } from '../../../src/digests/headline-figures.ts';
import { compareHeadlines } from '../../../src/digests/week-over-week.ts';

const week: HeadlineFigures = {
  questions: 100,
  activeUsers: 40,
  newUsers: 10,
  returningUsers: 30,
  deflectionRate: 0.4,
  helpfulRate: 0.7,
  ticketsOpened: 20,
  ticketsResolved: 18,
  backlog: 12,
  escalations: 4,
  firstContactResolution: 0.5,
  slaCompliance: 0.9,
  breaches: 1,
  csat: 0.8,
  csatAverage: 4.1,
  csatResponses: 10,
  csatResponseRate: 0.5,
  maturityLevel: 300,
};

describe('the biggest changes of a week', () => {
  it('ranks counts by their relative move and rates by points, biggest first, three of them', () => {
    const next = { ...week, questions: 130, slaCompliance: 0.7, csat: 0.75, ticketsOpened: 21 };
    const ranked = biggestChanges(compareHeadlines(week, next));
    // 20 points of SLA compliance (2.0) beat 30 % more questions (1.2) and 5 points of CSAT (0.5).
    expect(ranked.map((r) => r.key)).toEqual(['slaCompliance', 'questions', 'csat']);
    expect(ranked[0]?.change).toMatchObject({ previous: 0.9, current: 0.7 });
  });

  it('leaves out small counts, repeated figures and what did not move', () => {
    const next = { ...week, breaches: 3, csatAverage: 2.0, escalations: 4 };
    expect(biggestChanges(compareHeadlines(week, next))).toEqual([]);
  });

  it('counts a level of maturity and a count from nothing as big moves', () => {
    const before = { ...week, breaches: 0 };
    const next = { ...week, breaches: 6, maturityLevel: 400 };
    expect(biggestChanges(compareHeadlines(before, next)).map((r) => r.key)).toEqual(['breaches', 'maturityLevel']);
  });

  it('skips a rate that could not be measured in one of the weeks', () => {
    const next = { ...week, csat: null };
    expect(biggestChanges(compareHeadlines(week, next))).toEqual([]);
  });
});
