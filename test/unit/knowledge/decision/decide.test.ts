import { describe, expect, it } from 'vitest';
import { decide } from '../../../../src/knowledge/decision/decide.ts';
import type { Candidate } from '../../../../src/knowledge/search/rank-candidates.ts';
import { testArticle } from '../../../support/test-article.ts';

const candidate = (id: string, confidence: number, worthOffering = true): Candidate => ({
  article: testArticle(id, id),
  score: confidence,
  confidence,
  worthOffering,
  features: [],
});
const thresholds = { answer: 0.85, clarify: 0.55 };
const ids = (cs: Candidate[]) => cs.map((c) => c.article.id);

describe('decide', () => {
  it('answers at the answer threshold, asks between the two, and declines below the clarify threshold', () => {
    expect(decide([candidate('a', 0.85), candidate('b', 0.4)], thresholds).kind).toBe('answer');
    expect(decide([candidate('a', 0.849), candidate('b', 0.4)], thresholds).kind).toBe('clarify');
    expect(decide([candidate('a', 0.549), candidate('b', 0.4)], thresholds).kind).toBe('decline');
    expect(decide([], thresholds).kind).toBe('decline');
  });

  it('asks rather than declines when a runner-up is sure enough, as after a 👎 lowered the best', () => {
    const decision = decide([candidate('moved-up', 0.46), candidate('said-not-to-help', 0.62)], thresholds);
    expect(decision.kind === 'clarify' && ids(decision.choices)).toEqual(['moved-up', 'said-not-to-help']);
    expect(
      decide([candidate('a', 0.5), candidate('b', 0.5), candidate('c', 0.5), candidate('d', 0.9)], thresholds).kind,
    ).toBe('decline');
  });

  it('offers at most three choices, leaving out runners-up not worth offering but always the best', () => {
    const decision = decide(
      [
        candidate('best', 0.7, false),
        candidate('close', 0.5),
        candidate('stray-word', 0.2, false),
        candidate('also-close', 0.45),
        candidate('fifth', 0.44),
      ],
      thresholds,
    );
    expect(decision.kind).toBe('clarify');
    if (decision.kind !== 'clarify') return;
    expect(ids(decision.choices)).toEqual(['best', 'close']);
    // The ranking is kept whole for measuring and for the help desk's view of near misses.
    expect(ids(decision.candidates)).toHaveLength(5);
  });

  it('offers every runner-up at or above a clarify threshold an admin set lower than the offer floor', () => {
    const decision = decide([candidate('best', 0.7), candidate('stray-word', 0.1, false)], {
      answer: 0.9,
      clarify: 0.05,
    });
    expect(decision.kind === 'clarify' && ids(decision.choices)).toEqual(['best', 'stray-word']);
  });
});
