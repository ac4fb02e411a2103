import { beforeEach, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../../src/knowledge/articles/load-articles.ts';
import { replayAsPeople, summariseOutcomes } from '../../../../src/knowledge/eval/simulated-person.ts';
import {
  createKnowledgeBase,
  defaultThresholds,
  type KnowledgeBase,
} from '../../../../src/knowledge/knowledge-base.ts';
import { createMemoryLogger } from '../../../../src/log.ts';
import { shippedKnowledge } from '../../../support/test-app.ts';

/** The thresholds that make every question an answer, or every one a "Which of these?". */
const alwaysAnswer = { answer: 0, clarify: 0 };
const alwaysClarify = { answer: 1.01, clarify: 0 };

describe('the simulated person of `npm run eval -- --feedback`', () => {
  let kb: KnowledgeBase;
  beforeEach(async () => {
    kb = createKnowledgeBase(await loadArticles(shippedKnowledge, createMemoryLogger()), defaultThresholds);
  });

  it('presses 👍 on the right answer, and the desk learns the wording', () => {
    const wording = 'how do i reset my password';
    const [outcome] = replayAsPeople(kb, defaultThresholds, [{ query: wording, gold: 'password-reset' }]);
    expect(outcome).toMatchObject({ decision: 'answer', top: 'password-reset', reactions: ['helpful'] });
    // Learned: the wording is now one of the article's ways of asking, which can be taken back.
    expect(kb.unlearn('password-reset', wording)).toBe(true);
  });

  it('picks the right article from "Which of these?" when it is offered', () => {
    const [outcome] = replayAsPeople(kb, alwaysClarify, [
      { query: 'how do i reset my password', gold: 'password-reset' },
    ]);
    expect(outcome).toMatchObject({ decision: 'clarify', reactions: ['picked'] });
  });

  it('presses 👎 on a wrong answer and asks for a person; two people doing so put that article behind', () => {
    const query = 'how do i reset my password';
    const [first, second] = replayAsPeople(kb, alwaysAnswer, [
      { query, gold: null },
      { query, gold: null },
    ]);
    expect(first).toMatchObject({ decision: 'answer', top: 'password-reset', reactions: ['unhelpful', 'human'] });
    // One person's 👎 is one vote: it lowers the article, half as much as two people's do.
    expect(second).toMatchObject({ top: 'password-reset', reactions: ['unhelpful', 'human'] });
    expect(second?.confidence).toBeLessThan(first?.confidence ?? 0);
    expect(kb.ask(query).candidates[0]?.article.id).not.toBe('password-reset');
  });

  it('asks for a person when nothing answers, and sums up what everyone did', () => {
    const outcomes = replayAsPeople(kb, defaultThresholds, [
      { query: 'what is for lunch in the canteen today', gold: null },
      { query: 'how do i reset my password', gold: 'password-reset' },
    ]);
    expect(outcomes[0]?.reactions).toEqual(['human']);
    expect(summariseOutcomes(outcomes)).toEqual({ replayed: 2, helpful: 1, picked: 0, unhelpful: 0, human: 1 });
  });
});
