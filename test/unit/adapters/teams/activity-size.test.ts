import { type Attachment, type ConversationReference, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../../adapters/teams/render.ts';
import { toActivity } from '../../../../adapters/teams/to-activity.ts';
import type { Button, Message } from '../../../../src/messages/message.ts';
import { newTicketForm } from '../../../../src/tickets/new-ticket-form.ts';
import { cardProblems } from './adaptive-card-check.ts';

/** Teams refuses a message over 28 KB: the whole activity as sent, in UTF-8. */
const teamsMessageBytes = 28_000;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Where a proactive post or a reply goes, as long as Teams makes it: a channel thread, 256-character names. */
const reference: Partial<ConversationReference> = {
  channelId: 'msteams',
  locale: 'en-US',
  serviceUrl: 'https://smba.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/',
  activityId: '1700000000123',
  bot: { id: '28:00000000-0000-4000-8000-000000000b07', name: 'Tierdesk' },
  user: {
    id: `29:1${'a'.repeat(130)}`,
    name: 'N'.repeat(256),
    aadObjectId: '00000000-0000-4000-8000-000000000001',
  },
  conversation: {
    id: '19:0123456789abcdef0123456789abcdef@thread.tacv2;messageid=1700000000000',
    name: 'C'.repeat(256),
    conversationType: 'channel',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    isGroup: true,
  },
};
const asSent = (message: Message) => TurnContext.applyConversationReference({ ...toActivity(message) }, reference);
const cardOf = (activity: { attachments?: Attachment[] }) => activity.attachments?.[0]?.content as AdaptiveCard;

const buttons = (n: number, valueChars: number): Button[] =>
  Array.from({ length: n }, (_, i) => ({
    label: `Option ${i}`,
    actionId: 'pick_article',
    value: `${i}:${'v'.repeat(valueChars)}`,
  }));

describe('a Teams message stays under 28 KB as a whole, not its card alone', () => {
  // Japanese takes three bytes a character: a summary of 1000 characters is 3 KB beside the card.
  const japanese = 'パスワードを忘れました。';
  const long: Message = {
    text: japanese.repeat(100),
    blocks: [
      ...Array.from({ length: 40 }, (_, i) => ({ kind: 'text' as const, text: `${i} ${japanese.repeat(20)}` })),
      { kind: 'actions', buttons: buttons(3, 20) },
      { kind: 'context', text: 'last words' },
    ],
  };

  it('counts the summary, the fallback text, the attachment and the addressing, and keeps the buttons', () => {
    const activity = asSent(long);
    expect(bytes(activity)).toBeLessThanOrEqual(teamsMessageBytes);
    const card = cardOf(activity);
    expect(card.body.filter((e) => e.type === 'ActionSet')).toHaveLength(1);
    expect(JSON.stringify(card)).toContain('Option 2');
    // Only what was over went: the card is still most of the message.
    expect(bytes(card)).toBeGreaterThan(teamsMessageBytes - 8_000);
    expect(activity.summary).toBe(card.fallbackText);
    expect(activity.summary?.length).toBeGreaterThan(900);
    expect(cardProblems(card)).toEqual([]);
  });

  it('cuts the summary and the fallback text when the buttons alone nearly fill the message', () => {
    const crowded: Message = {
      text: japanese.repeat(100),
      blocks: [
        { kind: 'text', text: 'Pick one' },
        { kind: 'actions', buttons: buttons(22, 420) },
      ],
    };
    const activity = asSent(crowded);
    expect(bytes(activity)).toBeLessThanOrEqual(teamsMessageBytes);
    const card = cardOf(activity);
    expect(card.body.flatMap((e) => (e.actions as unknown[] | undefined) ?? [])).toHaveLength(22);
    expect(activity.summary?.length).toBeLessThan(1000);
    expect(activity.summary?.endsWith('…')).toBe(true);
    expect(card.fallbackText).toBe(activity.summary);
  });

  it("keeps a form's inputs and its submit, like buttons", () => {
    const form = newTicketForm.form();
    const withForm: Message = { text: 'Open a ticket', blocks: [...long.blocks!.slice(0, 40), { kind: 'form', form }] };
    const activity = asSent(withForm);
    expect(bytes(activity)).toBeLessThanOrEqual(teamsMessageBytes);
    const types = cardOf(activity).body.map((e) => e.type);
    expect(types.filter((t) => String(t).startsWith('Input.'))).toHaveLength(form.fields.length);
    expect(types.at(-1)).toBe('ActionSet');
  });

  it('leaves a message that fits as it is', () => {
    const small: Message = { text: 'Hello', blocks: [{ kind: 'text', text: 'Hello' }] };
    const activity = toActivity(small);
    expect(activity.summary).toBe('Hello');
    expect(cardOf(activity).body).toEqual([{ type: 'TextBlock', text: 'Hello', wrap: true }]);
  });
});
