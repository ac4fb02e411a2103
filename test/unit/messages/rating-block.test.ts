import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../adapters/local/render-text.ts';
import { toBlockKit } from '../../../adapters/slack/render.ts';
import { settledCard } from '../../../adapters/teams/kept-cards.ts';
import { toAdaptiveCard } from '../../../adapters/teams/render.ts';
import { buttonsOf, type Message, ratingBlock } from '../../../src/messages/message.ts';

const rating: Message = {
  text: 'How did we do on T-7?',
  blocks: [
    { kind: 'text', text: 'T-7 is resolved.' },
    ratingBlock('**How did we do on T-7?**', (score) => ({ actionId: 'csat', value: `7:${score}` })),
  ],
};

describe('a rating block', () => {
  it('offers one button per score, 1 to 5, each with its action and value', () => {
    expect(buttonsOf(rating)).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ label: String(n), actionId: 'csat', value: `7:${n}` })),
    );
  });

  it('is a question and a row of five native buttons on Slack, with distinct action ids', () => {
    const { blocks } = toBlockKit(rating);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'actions']);
    expect(JSON.stringify(blocks[1])).toContain('*How did we do on T-7?*');
    const elements = (blocks[2] as { elements: { text: { text: string }; action_id: string; value: string }[] })
      .elements;
    expect(elements.map((e) => e.text.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(elements.map((e) => e.action_id)).size).toBe(5);
    expect(elements.map((e) => e.value)).toEqual(['7:1', '7:2', '7:3', '7:4', '7:5']);
  });

  it('is a question and one action set of five on Teams, and keeps its question once a score is chosen', () => {
    const card = toAdaptiveCard(rating) as unknown as {
      body: { type: string; text?: string; actions?: { title: string }[] }[];
    };
    const set = card.body.find((e) => e.type === 'ActionSet');
    expect(set?.actions?.map((a) => a.title)).toEqual(['1', '2', '3', '4', '5']);
    expect(card.body.some((e) => e.type === 'TextBlock' && e.text?.includes('How did we do on T-7?'))).toBe(true);
    const settled = settledCard(rating, 'Alice', { actionId: 'csat', value: '7:4' });
    expect(buttonsOf(settled)).toEqual([]);
    expect(JSON.stringify(settled.blocks)).toContain('How did we do on T-7?');
    expect(JSON.stringify(settled.blocks)).toContain('4');
  });

  it('is the question and five numbered choices in the terminal', () => {
    const { text, buttons } = toPlainText(rating);
    expect(text).toBe('T-7 is resolved.\nHow did we do on T-7?\n  [1] 1\n  [2] 2\n  [3] 3\n  [4] 4\n  [5] 5');
    expect(buttons).toHaveLength(5);
  });
});
