import { describe, expect, it } from 'vitest';
import { slackLimits } from '../../../../adapters/slack/limits.ts';
import { fromSlackActionId, toBlockKit } from '../../../../adapters/slack/render.ts';
import { toAnswerMessage } from '../../../../src/knowledge/answers/answer-view.ts';
import type { Message } from '../../../../src/messages/message.ts';

type AnyBlock = { type: string; text?: { text: string }; fields?: unknown[]; elements?: Record<string, unknown>[] };

describe('toBlockKit', () => {
  it('renders the markdown subset as mrkdwn, escaping what Slack reserves', () => {
    const { blocks, text } = toBlockKit({
      text: 'fallback',
      blocks: [{ kind: 'text', text: '**Bold** & [guide](https://it.example.com/a?b=1) <script>' }],
    });
    expect(text).toBe('fallback');
    expect(blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Bold* &amp; <https://it.example.com/a?b=1|guide> &lt;script&gt;' },
      },
    ]);
  });

  it('escapes what Slack would act on in the fallback text too, so "<!channel>" is shown, not sent', () => {
    const { text, blocks } = toBlockKit({ text: 'T-2 from carol: <!channel> AT&T <laptop>' });
    expect(text).toBe('T-2 from carol: &lt;!channel&gt; AT&amp;T &lt;laptop&gt;');
    expect(blocks).toEqual([]);
  });

  it('renders an answer as a section, a context line and four buttons with unique action ids', () => {
    const message = toAnswerMessage(
      { id: 'vpn', title: 'Connect to the VPN', tags: [], questions: [], body: 'Open the app.', audience: 'everyone' },
      'abc',
    );
    const blocks = toBlockKit(message).blocks as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    const ids = (blocks[2]?.elements ?? []).map((e) => String(e.action_id));
    expect(new Set(ids).size).toBe(4);
    expect(ids.map(fromSlackActionId)).toEqual(['helpful', 'not_helpful', 'talk_to_human', 'full_article']);
    expect(blocks[2]?.elements?.[0]).toMatchObject({ type: 'button', value: 'abc', style: 'primary' });
  });

  it('splits text over 3,000 characters into several sections at word breaks', () => {
    const long = 'word '.repeat(1500).trim();
    const blocks = toBlockKit({ text: 't', blocks: [{ kind: 'text', text: long }] }).blocks as AnyBlock[];
    expect(blocks.length).toBe(3);
    for (const b of blocks) expect(b.text?.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
    expect(blocks.map((b) => b.text?.text).join(' ')).toBe(long);
  });

  it('keeps fields to ten per section and button labels to 75 characters', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `V${i}` }));
    const label = 'x'.repeat(100);
    const blocks = toBlockKit({
      text: 't',
      blocks: [
        { kind: 'fields', fields },
        { kind: 'actions', buttons: [{ label, actionId: 'helpful', value: 'v' }] },
      ],
    }).blocks as AnyBlock[];
    expect(blocks.map((b) => b.fields?.length)).toEqual([10, 2, undefined]);
    const text = String((blocks[2]?.elements?.[0]?.text as { text: string } | undefined)?.text);
    expect(text.length).toBe(slackLimits.buttonLabel);
    expect(text.endsWith('…')).toBe(true);
  });

  it('never sends more than 50 blocks, and says so; the fallback text is always there and bounded', () => {
    const many: Message = {
      text: 'y'.repeat(10_000),
      blocks: Array.from({ length: 80 }, () => ({ kind: 'divider' as const })),
    };
    const { blocks, text } = toBlockKit(many);
    expect(blocks).toHaveLength(slackLimits.blocksPerMessage);
    expect(JSON.stringify(blocks.at(-1))).toContain('more than fits');
    expect(text.length).toBe(slackLimits.fallbackText);
  });

  it('renders a message without blocks as its text alone', () => {
    expect(toBlockKit({ text: 'Hello' })).toEqual({ text: 'Hello', blocks: [] });
  });
});
