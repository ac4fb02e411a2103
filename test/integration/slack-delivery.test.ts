import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../src/store/schema.ts';
import { fakeTeam } from '../fakes/slack-api.ts';
import { messageImEnvelope, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/**
 * What people notice when Slack is slow, busy or refuses: the real adapter (Bolt and the Web API client)
 * against the recording fake over HTTP. The fake takes a post it answers late or drops, as Slack does.
 */
describe('Slack posts that may have gone out are not posted again', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({ QUEUE_TIER1: 'slack:C0QUEUE', ADMINS: `slack:${fakeTeam.id}:U0ADMIN` });
  });
  afterAll(() => slack.close());

  let n = 0;
  const ts = () => `1720000000.${String(++n).padStart(6, '0')}`;
  const ask = async (user: string, text: string) => {
    const at = ts();
    await slack.event(messageImEnvelope({ user, text, ts: at, eventId: `Ev${at}` }));
    return at;
  };
  const answersIn = (user: string, thread: string) =>
    slack.api.messagesIn(`D${user}`).filter((m) => m.thread_ts === thread);

  it('answers once when chat.postMessage answers only after the 10 s timeout', async () => {
    // Slack takes the post but answers after 11 s: the client gives up at 10 s, and a blind retry would post
    // the answer a second time.
    slack.api.failNext('chat.postMessage', { delayMs: 11_000 });
    const asked = await ask('U0SLOW', 'how do I reset my password?');
    const answers = answersIn('U0SLOW', asked);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.text).toContain('Reset a forgotten password');
    // The second try looked for the first one in the thread, by the delivery key in its metadata.
    const lookups = slack.api.callsTo('conversations.replies').filter((c) => c.args.ts === asked);
    // (Form-encoded, as the SDK sends it.)
    expect(lookups.at(-1)?.args).toMatchObject({ channel: 'DU0SLOW', include_all_metadata: 'true' });
    expect(answers[0]?.metadata?.event_type).toBe('tierdesk_delivery');
  });

  it('posts a queue card once when the connection drops after Slack took it, and edits that card later', async () => {
    slack.api.failNext('chat.postMessage', { drop: true, channel: 'C0QUEUE' });
    await slack.command(
      slashCommandForm({
        user: 'U0DROP',
        text: 'ticket Badge reader rejects me',
        triggerId: 'trig-drop',
        responseUrl: slack.api.responseUrl('drop'),
      }),
    );
    const cards = slack.api.messagesIn('C0QUEUE').filter((m) => m.text.includes('Badge reader rejects me'));
    expect(cards).toHaveLength(1);
    const [ticket] = await slack.app.store.db
      .select()
      .from(tickets)
      .where(eq(tickets.subject, 'Badge reader rejects me'));
    expect(ticket?.queueMessage).toEqual({ platform: 'slack', id: `C0QUEUE/${cards[0]?.ts}` });
    await slack.command(
      slashCommandForm({
        user: 'U0ADMIN',
        text: `claim T-${ticket?.id}`,
        triggerId: 'trig-drop-claim',
        responseUrl: slack.api.responseUrl('drop-claim'),
      }),
    );
    const edited = slack.api.messagesIn('C0QUEUE').find((m) => m.ts === cards[0]?.ts);
    expect(JSON.stringify(edited?.blocks)).not.toContain('nobody yet');
  });

  it('waits out Retry-After on a 429 and answers once, without looking for a post Slack never took', async () => {
    slack.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const lookupsBefore = slack.api.calls.filter((c) => c.method.startsWith('conversations.')).length;
    const asked = await ask('U0BUSY', 'how do I connect to the vpn?');
    expect(answersIn('U0BUSY', asked)).toHaveLength(1);
    const tries = slack.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === asked);
    expect(tries).toHaveLength(2);
    expect(slack.api.calls.filter((c) => c.method.startsWith('conversations.')).length).toBe(lookupsBefore);
  });

  it('gives up on an answer after three tries, logging it once, and keeps serving', async () => {
    slack.api.failNext('chat.postMessage', { status: 503 }, 3);
    const asked = await ask('U0DOWN', 'how do I reset my password?');
    expect(answersIn('U0DOWN', asked)).toEqual([]);
    expect(slack.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === asked)).toHaveLength(3);
    expect(slack.app.log.lines.filter((l) => JSON.stringify(l).includes('http_503'))).toHaveLength(1);
    const again = await ask('U0DOWN', 'how do I reset my password?');
    expect(answersIn('U0DOWN', again)).toHaveLength(1);
  });
});
