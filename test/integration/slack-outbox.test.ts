import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages, tickets } from '../../src/store/schema.ts';
import { fakeTeam, type SlackStoredMessage } from '../fakes/slack-api.ts';
import { blockActionsPayload, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/**
 * Queue cards Slack did not take, through the real adapter against the recording fake over HTTP: kept in the
 * outbox and posted by the retry job once Slack takes them, with what admins and the person acting are told.
 */
describe('Slack queue cards that could not be posted', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({
      QUEUE_TIER1: 'slack:C0QUEUE',
      QUEUE_TIER2: 'slack:C0TIER2',
      ADMINS: `slack:${fakeTeam.id}:U0ADMIN,slack:${fakeTeam.id}:U0BOSS`,
    });
  });
  afterAll(() => slack.close());

  let n = 0;
  /** `/support <text>` as `user`; the ephemeral answer, from the ack or (when the desk took longer) response_url. */
  const support = async (user: string, text: string) => {
    const id = `trig-q${++n}`;
    const before = slack.api.calls.length;
    const ack = await slack.command(
      slashCommandForm({ user, text, triggerId: id, responseUrl: slack.api.responseUrl(id) }),
    );
    const late = slack.api.calls.slice(before).find((c) => c.method === 'response_url');
    return String(late?.args.text ?? ack.json<{ text: string }>().text);
  };
  const cardsFor = (channel: string, subject: string) =>
    slack.api.messagesIn(channel).filter((m) => m.text.includes(subject));
  const ticketRow = async (subject: string) =>
    (await slack.app.store.db.select().from(tickets).where(eq(tickets.subject, subject)))[0];
  const retryLater = async (minutes: number) => {
    slack.app.clock.advance(minutes * 60_000);
    await slack.app.runJob('outbox-retry');
  };
  const dmsTo = (user: string): SlackStoredMessage[] => slack.api.messagesIn(user);

  it('keeps a card lost to an outage and posts it once Slack is back; admins see it waiting meanwhile', async () => {
    slack.api.failNext('chat.postMessage', { status: 503, channel: 'C0QUEUE' }, 3);
    const opened = await support('U0PAT', 'ticket Printer on floor 3 is on fire');
    expect(opened).toMatch(/opened ticket T-\d+/);
    expect(cardsFor('C0QUEUE', 'Printer on floor 3')).toEqual([]);

    const waiting = await support('U0ADMIN', 'deliveries');
    expect(waiting).toContain('1 waiting to be retried');
    expect(waiting).toMatch(/T-\d+ queue card → slack:C0QUEUE: http_503, 1 try, next 2026-11-23 09:01 UTC/);

    // Not due yet: nothing is sent before its time.
    await slack.app.runJob('outbox-retry');
    expect(cardsFor('C0QUEUE', 'Printer on floor 3')).toEqual([]);
    await retryLater(1);
    const cards = cardsFor('C0QUEUE', 'Printer on floor 3');
    expect(cards).toHaveLength(1);
    // Where it finally went is the card the ticket's changes edit.
    const ticket = await ticketRow('Printer on floor 3 is on fire');
    expect(ticket?.queueMessage).toEqual({ platform: 'slack', id: `C0QUEUE/${cards[0]?.ts}` });
    const before = slack.api.calls.length;
    const card = cards[0];
    const claim = ((card?.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id.startsWith('tierdesk:claim'));
    await slack.interaction(
      blockActionsPayload({
        user: 'U0ADMIN',
        channel: 'C0QUEUE',
        messageTs: card?.ts ?? '',
        blocks: card?.blocks as unknown[],
        text: card?.text ?? '',
        actionId: claim?.action_id ?? '',
        value: claim?.value ?? '',
        label: 'Claim',
        responseUrl: slack.api.responseUrl('claim-late'),
      }),
    );
    const edits = slack.api.calls.slice(before).filter((c) => c.method === 'chat.update' && c.args.ts === card?.ts);
    expect(edits.length).toBeGreaterThan(0);
    expect(await support('U0ADMIN', 'deliveries')).toContain(
      '0 waiting to be retried · 0 given up · 1 delivered after retrying',
    );
  });

  it('tells the requester and the admins when the bot is not in the queue channel, and posts once it is', async () => {
    slack.api.failNext('chat.postMessage', { error: 'not_in_channel', channel: 'C0QUEUE' }, 2);
    const opened = await support('U0RITA', 'ticket VPN token expired');
    expect(opened).toMatch(/opened ticket T-\d+/);
    expect(opened).toContain("I'm not in the Tier 1 queue (slack:C0QUEUE) (not_in_channel)");
    expect(opened).toContain('I have told the admins');
    for (const admin of ['U0ADMIN', 'U0BOSS']) {
      expect(dmsTo(admin).map((m) => m.text)).toEqual([
        expect.stringMatching(/I can't post in the Tier 1 queue \(slack:C0QUEUE\): not_in_channel\. Invite @Tierdesk/),
      ]);
    }
    // A second ticket in the same hour waits too, without another DM to every admin.
    expect(await support('U0SAM', 'ticket Laptop fan is loud')).toContain("I'm not in the Tier 1 queue");
    expect(dmsTo('U0ADMIN')).toHaveLength(1);

    expect(await support('U0ADMIN', 'deliveries')).toMatch(/T-\d+ queue card → slack:C0QUEUE: not_in_channel/);
    // Someone invites the bot; the next retry posts both cards.
    await retryLater(1);
    expect(cardsFor('C0QUEUE', 'VPN token expired')).toHaveLength(1);
    expect(cardsFor('C0QUEUE', 'Laptop fan is loud')).toHaveLength(1);
    const ticket = await ticketRow('VPN token expired');
    expect(ticket?.queueMessage?.id).toBe(`C0QUEUE/${cardsFor('C0QUEUE', 'VPN token expired')[0]?.ts}`);
  });

  it('tells whoever escalates that the next tier’s queue needs the bot invited', async () => {
    const id = /T-(\d+)/.exec(await support('U0LOU', 'ticket Shared drive is read-only'))?.[1];
    slack.api.failNext('chat.postMessage', { error: 'channel_not_found', channel: 'C0TIER2' });
    const escalated = await support('U0ADMIN', `escalate T-${id} tier2 needs the storage team`);
    expect(escalated).toMatch(new RegExp(`T-${id}`));
    expect(escalated).toContain(`T-${id}'s card could not be posted in the Tier 2 queue (slack:C0TIER2)`);
    expect(escalated).toContain('Invite @Tierdesk to that channel');
    // The admin who escalated heard it in the reply; the other admin gets the DM.
    expect(dmsTo('U0BOSS').at(-1)?.text).toContain('Tier 2 queue (slack:C0TIER2): channel_not_found');
    expect(dmsTo('U0ADMIN').some((m) => m.text.includes('C0TIER2'))).toBe(false);
  });

  it('keeps every undelivered message: the outbox refuses deletes', async () => {
    const kept = await slack.app.store.db.$count(outboundMessages);
    expect(kept).toBeGreaterThan(0);
    await expect(slack.app.store.db.delete(outboundMessages)).rejects.toThrow();
    expect(await slack.app.store.db.$count(outboundMessages)).toBe(kept);
  });
});
