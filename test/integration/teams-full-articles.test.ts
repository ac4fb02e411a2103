import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorCall } from '../fakes/bot-connector.ts';
import { executeInvokeActivity, messageActivity } from '../fixtures/teams-activities.ts';
import { articleFolder } from '../support/article-folder.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';
import { longArticle } from '../support/test-article.ts';

type Action = { title: string; data: { tierdesk: { action: string; value: string } } };
type Card = { body: { type: string; text?: string; actions?: Action[] }[] };
const cardOf = (c: ConnectorCall | undefined) =>
  ((c?.activity.attachments as { content: Card }[] | undefined) ?? [])[0]?.content;
const textOf = (card: Card | undefined) => (card?.body ?? []).map((e) => e.text ?? '').join('\n');
/** Teams refuses a message over 28 KB: the whole activity as sent, in UTF-8. */
const teamsMessageBytes = 28_000;

describe('whole articles in Teams', () => {
  let teams: TeamsTestApp;
  let n = 0;
  const ann = { name: 'Ann' };
  beforeAll(async () => {
    teams = await startTeamsTestApp({
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      KNOWLEDGE_DIR: await articleFolder([longArticle()]),
    });
  });
  afterAll(() => teams.close());

  const since = (before: number) => teams.connector.calls.slice(before);
  const ask = async (text: string) => {
    const before = teams.connector.calls.length;
    await teams.send(messageActivity({ user: ann, text, id: `m-${++n}`, serviceUrl: teams.connector.serviceUrl }));
    const answer = since(before).find((c) => c.kind === 'reply');
    if (!answer) throw new Error('no answer');
    return answer;
  };
  /** Ann presses the answer's full-article button (for `value`, another article): the invoke's answer, and the replies. */
  const pressFull = async (answer: ConnectorCall, value?: string) => {
    const action = (cardOf(answer)?.body ?? [])
      .flatMap((e) => e.actions ?? [])
      .find((a) => a.data.tierdesk.action === 'full_article');
    if (!action) throw new Error('no full article button');
    const data = { tierdesk: { ...action.data.tierdesk, ...(value ? { value } : {}) } };
    const before = teams.connector.calls.length;
    const res = await teams.send(
      executeInvokeActivity({
        user: ann,
        id: `p-${++n}`,
        serviceUrl: teams.connector.serviceUrl,
        replyToId: answer.activityId ?? '',
        verb: 'full_article',
        data,
      }),
    );
    return { card: (res.body as { value: Card }).value, replies: since(before).filter((c) => c.kind === 'reply') };
  };

  it('keeps the answer card as it was and replies with every step', async () => {
    const answer = await ask('how do I reset my password?');
    const { card, replies } = await pressFull(answer);
    expect(card).toEqual(cardOf(answer));
    expect(replies).toHaveLength(1);
    const text = textOf(cardOf(replies[0]));
    expect(text).toMatch(/^1\. On any device, open https:\/\/it\.example\.com\/reset/m);
    expect(text).toMatch(/^6\. Update the password on your phone/m);
    expect(text).toContain('It must be at least 14 characters');
  });

  it('replies with a long article in several messages, each within 28 KB, none of it trimmed', async () => {
    const answer = await ask('how do I reset my password?');
    const { replies } = await pressFull(answer, 'long-guide');
    expect(replies.length).toBeGreaterThan(2);
    for (const reply of replies)
      expect(Buffer.byteLength(JSON.stringify(reply.activity))).toBeLessThan(teamsMessageBytes);
    const text = replies.map((r) => textOf(cardOf(r))).join('\n');
    for (const step of [1, 101, 200]) expect(text).toContain(`\n${step}. Step ${step}: check the cable & the port`);
    expect(text).toContain('The end of the guide.');
  });
});
