import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertPerson } from '../../src/store/people.ts';
import { tickets } from '../../src/store/schema.ts';
import { insertTicket } from '../../src/store/tickets.ts';
import { fakeTeam } from '../fakes/slack-api.ts';
import { slashCommandForm } from '../fixtures/slack-payloads.ts';
import { failNextInsert } from '../support/fail-once.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/**
 * The database failing around a ticket's announcement, through the real Slack adapter: a ticket acknowledged
 * to its requester is still announced in its queue, and a card that went out is still the one later edited.
 */
describe('queue cards when the database fails around them', () => {
  let slack: SlackTestApp;
  beforeEach(async () => {
    slack = await startSlackTestApp({
      QUEUE_TIER1: 'slack:C0QUEUE',
      QUEUE_TIER2: 'none',
      ADMINS: `slack:${fakeTeam.id}:U0ADMIN`,
    });
  });
  afterEach(() => slack.close());

  let n = 0;
  const support = async (user: string, text: string) => {
    const id = `trig-m${++n}`;
    const before = slack.api.calls.length;
    const ack = await slack.command(
      slashCommandForm({ user, text, triggerId: id, responseUrl: slack.api.responseUrl(id) }),
    );
    const late = slack.api.calls.slice(before).find((c) => c.method === 'response_url');
    return String(late?.args.text ?? ack.json<{ text: string }>().text);
  };
  const cardsFor = (subject: string) => slack.api.messagesIn('C0QUEUE').filter((m) => m.text.includes(subject));
  const ticketRow = async (subject: string) =>
    (await slack.app.store.db.select().from(tickets).where(eq(tickets.subject, subject)))[0];

  it('posts the card of a ticket acknowledged while neither Slack nor the outbox could take it, once', async () => {
    slack.api.failNext('chat.postMessage', { status: 503, channel: 'C0QUEUE' }, 3);
    await failNextInsert(slack.app.store, 'outbound_messages');
    expect(await support('U0PAT', 'ticket Printer on floor 3 jams')).toMatch(/opened ticket T-\d+/);
    expect(cardsFor('Printer on floor 3')).toEqual([]);
    expect(slack.app.log.lines).toContainEqual(expect.objectContaining({ msg: 'undelivered message not kept' }));

    // Too soon to call it lost: the event may still be posting.
    await slack.app.runJob('missed-queue-cards');
    expect(cardsFor('Printer on floor 3')).toEqual([]);
    slack.app.clock.advance(6 * 60_000);
    await slack.app.runJob('missed-queue-cards');
    const [card] = cardsFor('Printer on floor 3');
    expect(card).toBeDefined();
    expect((await ticketRow('Printer on floor 3 jams'))?.queueMessage).toEqual({
      platform: 'slack',
      id: `C0QUEUE/${card?.ts}`,
    });
    await slack.app.runJob('missed-queue-cards');
    expect(cardsFor('Printer on floor 3')).toHaveLength(1);
  });

  it('records where a card went once the database takes it again, so the next change edits that card', async () => {
    await failNextInsert(slack.app.store, 'tickets', 'update');
    expect(await support('U0PAT', 'ticket Monitor flickers after docking')).toMatch(/opened ticket T-\d+/);
    const [card] = cardsFor('Monitor flickers');
    expect(card).toBeDefined();
    await expect
      .poll(async () => (await ticketRow('Monitor flickers after docking'))?.queueMessage, { timeout: 15_000 })
      .toEqual({ platform: 'slack', id: `C0QUEUE/${card?.ts}` });
    expect(slack.app.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'delivered message not recorded yet; trying again' }),
    );
    const ref = /T-\d+/.exec(card?.text ?? '')?.[0];
    expect(await support('U0ADMIN', `claim ${ref}`)).toMatch(/is yours/);
    expect(cardsFor('Monitor flickers')).toHaveLength(1);
    const edits = slack.api.calls.filter((c) => c.method === 'chat.update' && c.args.ts === card?.ts);
    expect(edits.length).toBeGreaterThan(0);
    // Six minutes on, the card is known: nothing is posted again.
    slack.app.clock.advance(6 * 60_000);
    await slack.app.runJob('missed-queue-cards');
    expect(cardsFor('Monitor flickers')).toHaveLength(1);
  });

  it('does not keep a ticket waiting behind tickets whose tier has no queue to post in', async () => {
    const person = await upsertPerson(slack.app.store.db, {
      platform: 'slack',
      workspace: fakeTeam.id,
      userId: 'U0PAT',
    });
    const origin = { platform: 'slack', workspace: fakeTeam.id, channel: 'D0PAT' };
    const at = slack.app.clock.now();
    for (let i = 0; i < 60; i++) {
      await insertTicket(slack.app.store.db, {
        requesterId: person.id,
        subject: `Tier 2 problem ${i}`,
        description: 'x',
        tier: 'tier2',
        origin,
        at,
      });
    }
    await insertTicket(slack.app.store.db, {
      requesterId: person.id,
      subject: 'Scanner offline',
      description: 'x',
      origin,
      at,
    });
    slack.app.clock.advance(6 * 60_000);
    await slack.app.runJob('missed-queue-cards');
    expect(cardsFor('Scanner offline')).toHaveLength(1);
    expect(slack.api.messagesIn('C0QUEUE').filter((m) => m.text.includes('Tier 2 problem'))).toEqual([]);
  });
});
