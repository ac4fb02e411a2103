import { describe, expect, it } from 'vitest';
import { toSynthesizedAnswerMessage } from '../../../../src/knowledge/answers/synthesized-answer-view.ts';
import { testArticle } from '../../../support/test-article.ts';

const article = (id: string, title: string) => testArticle(id, title);

describe('toSynthesizedAnswerMessage', () => {
  const message = toSynthesizedAnswerMessage(
    'Use **Reset password** on the sign-in page.',
    [article('password-reset', 'Reset a forgotten password'), article('mfa-setup', 'Set up MFA')],
    'i-1',
  );

  it('shows the composed answer and every cited article by title and id, in markdown and plain text', () => {
    expect(message.text).toBe(
      'Use Reset password on the sign-in page.\n' +
        'Sources: Reset a forgotten password (article: password-reset); Set up MFA (article: mfa-setup)\nDid this help?',
    );
    expect(message.blocks?.[0]).toEqual({ kind: 'text', text: 'Use **Reset password** on the sign-in page.' });
    expect(message.blocks?.[1]).toEqual({
      kind: 'context',
      text: 'Composed from Reset a forgotten password (`password-reset`) · Set up MFA (`mfa-setup`) · Did this help?',
    });
  });

  it('asks "did this help?" about the interaction, with a way to a person and to each article in full', () => {
    expect(message.blocks?.[2]).toMatchObject({
      kind: 'actions',
      buttons: [
        { actionId: 'helpful', value: 'i-1' },
        { actionId: 'not_helpful', value: 'i-1' },
        { actionId: 'talk_to_human', value: 'i-1' },
        { actionId: 'full_article', value: 'password-reset' },
        { actionId: 'full_article', value: 'mfa-setup' },
      ],
    });
  });
});
