import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectorCall, connectorText as textOf } from '../fakes/bot-connector.ts';
import {
  executeInvokeActivity,
  teamsIdentity as identity,
  messageActivity,
  personalConversation,
  teamInstalledActivity,
} from '../fixtures/teams-activities.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';

const ann = { name: 'Ann' };
const ben = { name: 'Ben' };
const rita = { name: 'Rita' };
const queue = '19:77ab-tier1-queue@thread.tacv2';

type Card = { body: { type: string; text?: string; facts?: { title: string; value: string }[]; actions?: Action[] }[] };
type Action = { title: string; data: { tierdesk: { action: string; value: string } } };
const cardOf = (c: ConnectorCall | undefined) =>
  ((c?.activity.attachments as { content: Card }[] | undefined) ?? [])[0]?.content;
const buttonsOf = (card: Card | undefined) =>
  (card?.body ?? []).filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions ?? []);
const factsOf = (card: Card | undefined) =>
  Object.fromEntries((card?.body ?? []).flatMap((e) => e.facts ?? []).map((f) => [f.title, f.value]));

/** A pressed queue card keeps what it showed, and a press is answered before anything slow. */
describe('Teams card presses', () => {
  let teams: TeamsTestApp;
  let n = 0;
  afterEach(() => teams.close());

  const since = (before: number) => teams.connector.calls.slice(before);
  const say = (user: { name: string }, text: string) =>
    teams.send(messageActivity({ user, text, id: `d-${++n}`, serviceUrl: teams.connector.serviceUrl }));
  /** A desk with a Tier 1 queue channel, Ben on Tier 1, and Rita's ticket T-1's card in the queue. */
  const withQueueCard = async () => {
    teams = await startTeamsTestApp({
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ADMINS: identity(ann),
      QUEUE_TIER1: `teams:${queue}`,
    });
    const serviceUrl = teams.connector.serviceUrl;
    await teams.send(teamInstalledActivity({ user: ann, id: 'install', serviceUrl, channel: queue, teamName: 'IT' }));
    await say(ann, `staff add ${identity(ben)} tier1`);
    const before = teams.connector.calls.length;
    await say(rita, 'ticket my laptop will not charge');
    const card = since(before).find((c) => c.kind === 'send' && c.conversationId === queue);
    if (!card) throw new Error('no queue card');
    return card;
  };
  /** Ben presses `label` on the queue card, as Teams sends it from the card's thread. */
  const press = (card: ConnectorCall, label: RegExp, trigger: 'manual' | 'automatic' = 'manual') => {
    const button = buttonsOf(cardOf(card)).find((b) => label.test(b.title));
    if (!button) throw new Error(`no ${label} button`);
    return executeInvokeActivity({
      user: ben,
      id: `p-${++n}`,
      serviceUrl: teams.connector.serviceUrl,
      replyToId: card.activityId ?? '',
      verb: button.data.tierdesk.action,
      data: button.data,
      channel: queue,
      trigger,
    });
  };
  const answered = (body: unknown) => (body as { value: Card }).value;

  it('answers Claim with the queue card as it now stands, for the presser as for everyone', async () => {
    const card = await withQueueCard();
    expect(factsOf(cardOf(card)).Assignee).toBe('nobody yet');
    const before = teams.connector.calls.length;
    const res = await teams.send(press(card, /claim/i));
    const mine = answered(res.body);
    expect(factsOf(mine).Assignee).toBe('Ben');
    expect(buttonsOf(mine).map((b) => b.title)).not.toContainEqual(expect.stringMatching(/claim/i));
    // Everyone else gets the same card through the edit; the acknowledgement is a message in the card's thread.
    const edit = since(before).find((c) => c.kind === 'update' && c.activityId === card.activityId);
    expect(factsOf(cardOf(edit))).toEqual(factsOf(mine));
    const ack = since(before).find((c) => c.kind === 'reply');
    expect(ack?.conversationId).toBe(`${queue};messageid=${card.activityId}`);
    expect(textOf(ack)).toMatch(/T-1 is yours now/);
  });

  it('leaves the queue card as it was for Assign…, and sends the prompt as a message', async () => {
    const card = await withQueueCard();
    const before = teams.connector.calls.length;
    const res = await teams.send(press(card, /assign/i));
    expect(answered(res.body)).toEqual(cardOf(card));
    const prompt = since(before).find((c) => c.kind === 'reply');
    expect(textOf(prompt)).toMatch(/assign T-1/);
  });

  it('does nothing for a refresh Teams asks for by itself', async () => {
    const card = await withQueueCard();
    const before = teams.connector.calls.length;
    const res = await teams.send(press(card, /claim/i, 'automatic'));
    expect(answered(res.body)).toEqual(cardOf(card));
    expect(since(before)).toEqual([]);
    const status = await say(ben, 'status T-1');
    expect(status.status).toBe(200);
    expect(since(before).map(textOf).join('\n')).not.toMatch(/Assignee: Ben/);
  });

  it('answers the press before its replies go out', async () => {
    const card = await withQueueCard();
    const thread = `${queue};messageid=${card.activityId}`;
    const held = teams.connector.hold({ kind: 'reply', conversationId: thread });
    // Raw HTTP: the test app's helper would wait for the held reply too.
    const answer = fetch(new URL('/api/messages', teams.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(press(card, /claim/i)),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const first = await Promise.race([answer, held.reached.then(() => 'reply held' as const)]);
    // Either the answer came first, or the reply is held: then the answer must still come.
    const res = first === 'reply held' ? await answer : first;
    expect(factsOf(answered(res.body)).Assignee).toBe('Ben');
    expect(teams.connector.calls.some((c) => c.kind === 'reply' && c.conversationId === thread)).toBe(false);
    held.release();
    await teams.app.idle();
    expect(teams.connector.calls.some((c) => c.kind === 'reply' && c.conversationId === thread)).toBe(true);
  });

  it('answers a press still working after its budget with "Working on it…", and its replies follow', async () => {
    const card = await withQueueCard();
    // The queue card's edit hangs: the desk's claim cannot finish while Teams waits on the invoke.
    const held = teams.connector.hold({ kind: 'update', conversationId: queue });
    const res = await fetch(new URL('/api/messages', teams.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(press(card, /claim/i)),
    });
    expect(await res.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Working on it…',
    });
    held.release();
    await teams.app.idle();
    const ack = teams.connector.calls.find((c) => c.kind === 'reply' && /T-1 is yours now/.test(textOf(c)));
    expect(ack?.conversationId).toBe(`${queue};messageid=${card.activityId}`);
  });

  it('makes one try at a throttled post while the press waits, and the outbox sends it later', async () => {
    const card = await withQueueCard();
    // Rita's status card is edited on claim: the connector throttles her chat.
    teams.connector.failNext(429, 50, { conversationId: personalConversation(rita) });
    const res = await teams.send(press(card, /claim/i));
    expect(factsOf(answered(res.body)).Assignee).toBe('Ben');
    // The status card's edit and the notice after it: each tried once, none backed off and repeated.
    const tries = teams.connector.refused.filter((r) => r.conversationId === personalConversation(rita));
    expect(tries.length).toBeGreaterThan(0);
    expect(tries.map((r) => r.kind)).toEqual([...new Set(tries.map((r) => r.kind))]);
    teams.connector.failNext(0, 0);
    teams.app.clock.set(new Date(teams.app.clock.now().getTime() + 10 * 60_000));
    const before = teams.connector.calls.length;
    await teams.app.runJob('outbox-retry');
    expect(since(before).some((c) => c.conversationId === personalConversation(rita))).toBe(true);
  });
});
