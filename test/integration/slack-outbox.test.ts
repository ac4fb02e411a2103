import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages, tickets } from '../../src/store/schema.ts';
import { fakeTeam } from '../fakes/slack-api.ts';
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

  it('keeps every undelivered message: the outbox refuses deletes', async () => {
    const kept = await slack.app.store.db.$count(outboundMessages);
    expect(kept).toBeGreaterThan(0);
    await expect(slack.app.store.db.delete(outboundMessages)).rejects.toThrow();
    expect(await slack.app.store.db.$count(outboundMessages)).toBe(kept);
  });
});
