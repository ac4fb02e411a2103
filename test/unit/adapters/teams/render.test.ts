import { describe, expect, it } from 'vitest';
import { teamsLimits } from '../../../../adapters/teams/limits.ts';
import { toAdaptiveCard } from '../../../../adapters/teams/render.ts';
import { toAnswerMessage } from '../../../../src/knowledge/answers/answer-view.ts';

describe('toAdaptiveCard', () => {
  const answer = toAnswerMessage(
    {
      id: 'vpn',
      title: 'Connect to the VPN',
      tags: [],
      questions: [],
      body: 'Open the `VPN` app.',
      audience: 'everyone',
    },
    'abc',
  );

  it('renders an Adaptive Card 1.5 with text, a subtle context line and Execute actions with a Submit fallback', () => {
    const card = toAdaptiveCard(answer);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.body.map((e) => e.type)).toEqual(['TextBlock', 'TextBlock', 'ActionSet']);
    expect(card.body[0]).toMatchObject({ text: '**Connect to the VPN**\n\nOpen the VPN app.', wrap: true });
    expect(card.body[1]).toMatchObject({ isSubtle: true, size: 'Small' });
    const [helpful] = (card.body[2]?.actions as Record<string, unknown>[]) ?? [];
    expect(helpful).toEqual({
      type: 'Action.Execute',
      title: '👍 Helpful',
      verb: 'helpful',
      data: { tierdesk: { action: 'helpful', value: 'abc' } },
      style: 'positive',
      fallback: { type: 'Action.Submit', title: '👍 Helpful', data: { tierdesk: { action: 'helpful', value: 'abc' } } },
    });
    expect(card.fallbackText).toBe(answer.text);
  });

  it('renders fields as a FactSet and splits more than six buttons into several action sets', () => {
    const buttons = Array.from({ length: 8 }, (_, i) => ({
      label: `B${i}`,
      actionId: 'pick_article' as const,
      value: `v${i}`,
    }));
    const card = toAdaptiveCard({
      text: 't',
      blocks: [
        { kind: 'fields', fields: [{ label: 'Status', value: 'New' }] },
        { kind: 'actions', buttons },
      ],
    });
    expect(card.body[0]).toEqual({ type: 'FactSet', facts: [{ title: 'Status', value: 'New' }] });
    expect(card.body.slice(1).map((s) => (s.actions as unknown[]).length)).toEqual([teamsLimits.actionsPerSet, 2]);
  });

  it('renders a message without blocks as one text block, and stays under the size limit keeping its buttons', () => {
    expect(toAdaptiveCard({ text: 'Hello' }).body).toEqual([{ type: 'TextBlock', text: 'Hello', wrap: true }]);
    const huge = toAdaptiveCard({
      text: 'big',
      blocks: [
        ...Array.from({ length: 20 }, () => ({ kind: 'text' as const, text: 'x'.repeat(4000) })),
        { kind: 'actions', buttons: [{ label: 'Talk to a human', actionId: 'talk_to_human', value: 'v' }] },
      ],
    });
    expect(JSON.stringify(huge).length).toBeLessThanOrEqual(teamsLimits.cardBytes);
    expect(huge.body.at(-1)?.type).toBe('ActionSet');
  });

  it('counts the size limit in bytes, so text in Japanese does not slip past it', () => {
    const card = toAdaptiveCard({
      text: 'gaps',
      blocks: Array.from({ length: 10 }, () => ({ kind: 'text' as const, text: 'パスワードを忘れました'.repeat(100) })),
    });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(teamsLimits.cardBytes);
  });
});
