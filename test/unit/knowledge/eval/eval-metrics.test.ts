import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../../src/knowledge/eval/eval-metrics.ts';

describe('scoreEvaluation', () => {
  it('computes ranking and decision metrics as the help text defines them', () => {
    const result = scoreEvaluation([
      { gold: 'a', ranked: ['a', 'b', 'c'], decision: 'answer' }, // right, confident
      { gold: 'a', ranked: ['b', 'a', 'c'], decision: 'answer' }, // wrong, confident
      { gold: 'c', ranked: ['a', 'b', 'c'], decision: 'clarify' }, // rank 3, unsure
      { gold: 'd', ranked: ['a', 'b', 'c'], decision: 'decline' }, // not found
      { gold: null, ranked: ['a'], decision: 'answer' }, // out of scope, answered: wrong
      { gold: null, ranked: ['a'], decision: 'decline' }, // out of scope, declined
    ]);
    expect(result).toEqual({
      queries: 6,
      p_at_1: 0.25,
      recall_at_3: 0.75,
      mrr: 0.4583,
      answered_correct: 0.25,
      wrong_answer_rate: 0.6667,
      oos_declined: 0.5,
    });
  });

  it('reports oos_declined as null when there are no out-of-scope queries', () => {
    expect(scoreEvaluation([{ gold: 'a', ranked: ['a'], decision: 'answer' }]).oos_declined).toBeNull();
  });
});
