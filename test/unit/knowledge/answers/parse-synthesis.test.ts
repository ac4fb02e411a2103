import { describe, expect, it } from 'vitest';
import { parseSynthesis } from '../../../../src/knowledge/answers/parse-synthesis.ts';

const sent = ['password-reset', 'account-locked-out', 'mfa-setup'];
const reply = (value: unknown) => JSON.stringify(value);

describe('parseSynthesis', () => {
  it('accepts an answer that cites articles it was sent, trimmed, in the order given', () => {
    expect(
      parseSynthesis(
        reply({
          answer: '  Reset it at **id.example.com**. ',
          cited_article_ids: ['mfa-setup', 'password-reset'],
          escalate: false,
        }),
        sent,
      ),
    ).toEqual({
      ok: true,
      synthesis: {
        answer: 'Reset it at **id.example.com**.',
        citedArticleIds: ['mfa-setup', 'password-reset'],
        escalate: false,
      },
      dropped: [],
    });
  });

  it('drops citations of articles it was not sent, and repeats', () => {
    const parsed = parseSynthesis(
      reply({
        answer: 'Reset it.',
        cited_article_ids: ['password-reset', 'invented', 'password-reset'],
        escalate: false,
      }),
      sent,
    );
    expect(parsed).toMatchObject({
      ok: true,
      synthesis: { citedArticleIds: ['password-reset'] },
      dropped: ['invented'],
    });
  });

  it('refuses an answer left with no citation, or with no words', () => {
    expect(
      parseSynthesis(reply({ answer: 'Reset it.', cited_article_ids: ['invented'], escalate: false }), sent),
    ).toEqual({
      ok: false,
      problem: 'no_valid_citation',
    });
    expect(parseSynthesis(reply({ answer: 'Reset it.', cited_article_ids: [], escalate: false }), sent)).toEqual({
      ok: false,
      problem: 'no_valid_citation',
    });
    expect(parseSynthesis(reply({ answer: '  ', cited_article_ids: ['mfa-setup'], escalate: false }), sent)).toEqual({
      ok: false,
      problem: 'empty_answer',
    });
  });

  it('accepts escalating without a citation', () => {
    expect(parseSynthesis(reply({ answer: '', cited_article_ids: [], escalate: true }), sent)).toMatchObject({
      ok: true,
      synthesis: { escalate: true, citedArticleIds: [] },
    });
  });

  it('refuses text that is not JSON, and JSON of another shape', () => {
    expect(parseSynthesis('Sure! Reset it.', sent)).toEqual({ ok: false, problem: 'not_json' });
    expect(parseSynthesis(null, sent)).toEqual({ ok: false, problem: 'not_json' });
    for (const wrong of [
      { answer: 'Reset it.', cited_article_ids: ['mfa-setup'] },
      { answer: 'Reset it.', cited_article_ids: 'mfa-setup', escalate: false },
      { answer: 42, cited_article_ids: ['mfa-setup'], escalate: false },
      { answer: 'Reset it.', cited_article_ids: ['mfa-setup'], escalate: 'no' },
      { answer: 'Reset it.', cited_article_ids: ['mfa-setup'], escalate: false, confidence: 0.9 },
      ['Reset it.'],
    ]) {
      expect(parseSynthesis(reply(wrong), sent)).toEqual({ ok: false, problem: 'wrong_shape' });
    }
  });
});
