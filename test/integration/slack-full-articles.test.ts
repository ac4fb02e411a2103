import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackLimits } from '../../adapters/slack/limits.ts';
import type { SlackCall } from '../fakes/slack-api.ts';
import { blockActionsPayload, messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { articleFolder } from '../support/article-folder.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';
import { longArticle } from '../support/test-article.ts';

type Blocks = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] }[];
const blocksOf = (call: SlackCall | undefined) => (call?.args.blocks ?? []) as Blocks;
const sectionsOf = (call: SlackCall) =>
  blocksOf(call).flatMap((b) => (b.type === 'section' ? [b.text?.text ?? ''] : []));
const fullArticleButton = (blocks: Blocks) =>
  blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('tierdesk:full_article:'));

describe('whole articles in Slack', () => {
  let slack: SlackTestApp;
  let n = 0;
  beforeAll(async () => {
    slack = await startSlackTestApp({ KNOWLEDGE_DIR: await articleFolder([longArticle()]) });
  });
  afterAll(() => slack.close());

  /** U0ANN asks in her DM; the answer, posted in the thread of her question. */
  const ask = async (text: string) => {
    const ts = `1800000000.00${++n}00`;
    await slack.event(messageImEnvelope({ user: 'U0ANN', text, ts, eventId: `Ev${n}` }));
    const answer = slack.api.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts);
    if (!answer) throw new Error('no answer');
    return answer;
  };
  /** U0ANN presses the answer's "Show the steps" / "Full article" (for `value`, another article); what Slack was sent. */
  const pressFull = async (answer: SlackCall, value?: string) => {
    const button = fullArticleButton(blocksOf(answer));
    const before = slack.api.calls.length;
    await slack.interaction(
      blockActionsPayload({
        user: 'U0ANN',
        channel: String(answer.args.channel),
        messageTs: answer.ts ?? '',
        threadTs: String(answer.args.thread_ts),
        blocks: blocksOf(answer),
        text: String(answer.args.text),
        actionId: button?.action_id ?? '',
        value: value ?? button?.value ?? '',
        label: 'Show the steps',
        responseUrl: slack.api.responseUrl(`a${n}`),
      }),
    );
    return slack.api.calls.slice(before);
  };

  it('posts every step in the answer’s thread, leaving the answer as it was', async () => {
    const answer = await ask('how do I reset my password?');
    expect(fullArticleButton(blocksOf(answer))?.value).toBe('password-reset');
    const sent = await pressFull(answer);
    expect(sent.filter((c) => c.method === 'chat.update')).toEqual([]);
    const posts = sent.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe(answer.args.thread_ts);
    const text = sectionsOf(posts[0] as SlackCall).join('\n\n');
    expect(text).toContain('*Reset a forgotten password*');
    expect(text).toMatch(/^1\. On any device, open https:\/\/it\.example\.com\/reset/m);
    expect(text).toMatch(/^6\. Update the password on your phone/m);
    expect(text).toContain('It must be at least 14 characters');
  });

  it('posts a long article as several messages in the thread, within 50 blocks of 3,000-character sections', async () => {
    const answer = await ask('how do I reset my password?');
    const posts = (await pressFull(answer, 'long-guide')).filter((c) => c.method === 'chat.postMessage');
    expect(posts.length).toBeGreaterThan(2);
    for (const post of posts) {
      expect(post.args.thread_ts).toBe(answer.args.thread_ts);
      expect(blocksOf(post).length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      for (const s of sectionsOf(post)) expect(s.length).toBeLessThanOrEqual(slackLimits.sectionText);
    }
    const text = posts.flatMap(sectionsOf).join('\n');
    for (const step of [1, 101, 200]) expect(text).toContain(`\n${step}. Step ${step}: check the cable &amp; the port`);
    expect(text).toContain('The end of the guide.');
  });
});
