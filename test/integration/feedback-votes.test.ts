import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import type { Store } from '../../src/store/open-store.ts';
import { feedbackLessons } from '../../src/store/schema.ts';
import { buttonsOf, offersChoices, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

// The README's quick start has a new user press 👎 on this very answer.
const question = 'how do I reset my password';

/** One person's 👎 is one vote: it weighs, it does not decide for everyone, and others' 👍 outweigh it. */
describe('feedback weighed by the people who gave it', () => {
  let store: Store;
  let app: TestApp;
  beforeAll(async () => {
    store = await createTestStore();
    app = await startTestApp({ ADMINS: 'local:ann' }, store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const ask = async (user: string, text: string, on = app) =>
    ((await (await on.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages;
  const say = async (user: string, text: string) => (await ask(user, text)).map((m) => m.text).join('\n');
  const press = async (user: string, message: Message | undefined, action: string, label?: string) => {
    const button = buttonsOf(message).find((b) => b.actionId === action && (!label || b.label === label));
    if (!button) throw new Error(`no ${action} button in ${JSON.stringify(message)}`);
    return (await (
      await app.post('/api/local/actions', { user, action: button.actionId, value: button.value })
    ).json()) as {
      messages: Message[];
    };
  };
  const answeredWith = (messages: Message[], title: string) =>
    buttonsOf(messages[0]).some((b) => b.actionId === 'helpful') && (messages[0]?.text ?? '').includes(title);

  it('one 👎 leaves the answer for the next person; two people make it "Which of these?"; 👍 since undoes it', async () => {
    const title = 'Reset a forgotten password';
    const [first] = await ask('alice', question);
    expect(answeredWith([first as Message], title)).toBe(true);
    await press('alice', first, 'not_helpful');
    // Alice's vote alone: Bob is still answered, and the lesson shows its one vote.
    const [second] = await ask('bob', question);
    expect(answeredWith([second as Message], title)).toBe(true);
    expect(await say('ann', 'kb feedback')).toMatch(
      /F\d+\. "how do I reset my password" → password-reset: 👎 from 1 person \(half weight\)/,
    );
    await press('bob', second, 'not_helpful');
    // Two different people: the next is asked to choose, the article still among the choices.
    const [third] = await ask('carol', question);
    expect(offersChoices(third)).toBe(true);
    const shown = await press('carol', third, 'pick_article', title);
    await press('carol', shown.messages[0], 'helpful');
    const [fourth] = await ask('dave', question);
    // Carol's pick and 👍 take one vote back: half weight again, and the answer comes back.
    expect(await say('ann', 'kb feedback password-reset')).toMatch(
      /👎 from 2 people, confirmed since by 1 \(half weight\)/,
    );
    expect(answeredWith([fourth as Message], title)).toBe(true);
    await press('dave', fourth, 'helpful');
    expect(await say('ann', 'kb feedback')).toMatch(/confirmed since by 2 \(outweighed, no effect\)/);
    // The weights hold after a restart: they are read from the votes, not kept in memory.
    const restarted = await startTestApp({ ADMINS: 'local:ann' }, store);
    try {
      expect(answeredWith(await ask('erin', question, restarted), title)).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('lets admins undo what a 👎 taught with `kb forget F<n>`, and refuses everyone else', async () => {
    const vpn = 'the vpn drops every few minutes';
    const [answer] = await ask('fay', vpn);
    await press('fay', answer, 'not_helpful');
    const list = await say('ann', 'kb feedback vpn-connect');
    const id = /F(\d+)\. "the vpn drops every few minutes"/.exec(list)?.[1];
    expect(id).toBeDefined();
    expect(await say('fay', 'kb feedback')).toMatch(/only admins and leads/);
    expect(await say('ann', `kb forget F${id}`)).toMatch(
      /Forgotten: "the vpn drops every few minutes" is no longer ranked lower for vpn-connect/,
    );
    expect(await say('ann', `kb forget F${id}`)).toMatch(/no 👎 lesson F\d+ in use/);
    expect(await say('ann', 'kb feedback vpn-connect')).toMatch(/Nothing taught by 👎 is in use for vpn-connect/);
    expect(await say('ann', 'kb feedback no-such-article')).toMatch(/There is no article no-such-article/);
    // A long list says how many it left out.
    await store.db.insert(feedbackLessons).values(
      Array.from({ length: 53 }, (_, i) => ({
        articleId: 'printer-jam',
        question: `jam ${i}`,
        normalized: `jam ${i}`,
      })),
    );
    const long = await say('ann', 'kb feedback');
    expect(long.match(/^- F\d+\./gm)).toHaveLength(50);
    expect(long).toMatch(/…and \d+ older \(`kb feedback <article>` shows one article’s\)\.$/);
  });
});
