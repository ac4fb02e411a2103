import { describe, expect, it } from 'vitest';
import { toClarifyMessage } from '../../../../src/knowledge/answers/answer-view.ts';
import { testArticle } from '../../../support/test-article.ts';

const article = (id: string, title: string) => testArticle(id, title);

describe('toClarifyMessage', () => {
  it('asks "which of these?" with a button per article and one to a person', () => {
    const message = toClarifyMessage(
      [article('password-reset', 'Reset a forgotten password'), article('account-locked-out', 'Unlock your account')],
      'i-1',
    );
    expect(message.text).toBe(
      'I found a few articles that might help. Which of these is closest?\n1. Reset a forgotten password\n2. Unlock your account',
    );
    expect(message.blocks?.[1]).toMatchObject({
      kind: 'actions',
      buttons: [
        { actionId: 'pick_article', value: 'i-1:password-reset' },
        { actionId: 'pick_article', value: 'i-1:account-locked-out' },
        { actionId: 'talk_to_human', value: 'i-1' },
      ],
    });
  });

  it('asks "is this it?" when only one article is worth offering', () => {
    const message = toClarifyMessage([article('phishing-report', 'Report a phishing email')], 'i-2');
    expect(message.text).toBe(
      "I found an article that might help, but I'm not sure it fits. Is this it?\n1. Report a phishing email",
    );
    expect(message.blocks?.[0]).toEqual({ kind: 'text', text: message.text.split('\n')[0] });
  });
});
