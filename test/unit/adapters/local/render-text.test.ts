import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../../adapters/local/render-text.ts';
import { toAnswerMessage } from '../../../../src/knowledge/answers/answer-view.ts';

describe('toPlainText', () => {
  it('shows the fallback text and numbers the buttons so a terminal user can pick one', () => {
    const message = toAnswerMessage(
      { id: 'vpn', title: 'Connect to the VPN', tags: [], questions: [], body: 'Open the app.', audience: 'everyone' },
      'abc',
    );
    const { text, buttons } = toPlainText(message, 4);
    expect(text).toBe(
      'Connect to the VPN\nOpen the app.\n(article: vpn) Did this help?\n  [4] 👍 Helpful\n  [5] 👎 Not helpful\n  [6] Talk to a human',
    );
    expect(buttons.map((b) => b.actionId)).toEqual(['helpful', 'not_helpful', 'talk_to_human']);
  });

  it('shows a message without buttons as its text', () => {
    expect(toPlainText({ text: 'Hello' })).toEqual({ text: 'Hello', buttons: [] });
  });
});
