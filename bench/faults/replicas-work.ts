/**
 * The due work of the `replicas` scenario: for each scheduled job, what is put in the database for it to do,
 * and how often each piece of it was done, from the database's rows and from what the fake Slack Web API
 * received. A piece done 0 times was lost, more than once duplicated.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/store/db.ts';
import { claimDelivery, claimLeaseSeconds } from '../../src/store/deliveries.ts';
import { keepOutbound } from '../../src/store/outbound-messages.ts';
import {
  answerCalibrations,
  digestPosts,
  interactions,
  people,
  slaBreaches,
  surveyAsks,
} from '../../src/store/schema.ts';
import { insertTicket } from '../../src/store/tickets.ts';
import { fakeTeam, type SlackApiFake } from '../../test/fakes/slack-api.ts';

export const places = { tier1: 'C0TIER1', tier2: 'C0TIER2', outbox: 'C0OUTBOX', digests: ['C0COE', 'C0LEADS'] };
export const pulseTitle = 'Replica pulse';
export const pulseYaml = `id: replica-pulse\ntitle: ${pulseTitle}\nquestions:\n  - { id: overall, kind: scale, text: How are we doing? }\naudience: { usedWithinDays: 7 }\nschedule: '* * * * *'\n`;

/** One job's due work: each piece by name, with how many times it was done. */
export interface JobWork {
  job: string;
  pieces: { name: string; done: number }[];
}

export interface Seeded {
  people: { id: number; userId: string }[];
  breached: { id: number; subject: string }[];
  unannounced: { id: number; subject: string }[];
  outbox: string[];
  /** People whose event a desk took and died handling (a kill -9): each is owed one late reply. */
  orphaned: string[];
}

const minutes = (n: number) => n * 60_000;
const named = ['U0AMY', 'U0BEN', 'U0CAL', 'U0DOT'];

/** Everything each job will find due at its next run, as of `now`. */
export async function seedDueWork(db: Db, now: Date, perJob: number): Promise<Seeded> {
  const seeded: Seeded = { people: [], breached: [], unannounced: [], outbox: [], orphaned: [] };
  for (const userId of named) {
    const [person] = await db
      .insert(people)
      .values({ platform: 'slack', workspace: fakeTeam.id, userId, displayName: userId })
      .returning();
    if (!person) throw new Error('person not stored');
    seeded.people.push({ id: person.id, userId });
  }
  const [amy] = seeded.people;
  const origin = { platform: 'slack', workspace: fakeTeam.id, channel: `D${amy?.userId}` };
  // Calibration and the pulse's audience: 120 answers people reacted to, 👍 only with strong evidence.
  const place = origin;
  const rows = seeded.people.flatMap((person) =>
    Array.from({ length: 30 }, (_, i) => {
      const e = (i + 0.5) / 30;
      const candidates = [{ articleId: 'vpn-connect', confidence: 0.9 }];
      const base = { personId: person.id, place, question: `logged question ${i}`, outcome: 'answered' as const };
      return { ...base, articleId: 'vpn-connect', confidence: 0.9, candidates, features: [e], helpful: e > 0.6 };
    }).map((row) => ({ ...row, feedbackAt: now, createdAt: now })),
  );
  await db.insert(interactions).values(rows);
  const requesterId = amy?.id ?? 0;
  for (let n = 1; n <= perJob; n++) {
    // Two days old (out of the missed-card job's day), its resolution target missed a minute ago.
    const subject = `Breached replica ticket ${n}`;
    const { ticket } = await insertTicket(db, {
      requesterId,
      subject,
      description: subject,
      priority: 'P1',
      origin,
      at: new Date(now.getTime() - minutes(2 * 24 * 60)),
      responseDueAt: new Date(now.getTime() + minutes(60)),
      resolutionDueAt: new Date(now.getTime() - minutes(1)),
    });
    seeded.breached.push({ id: ticket.id, subject });
    const missing = `Unannounced replica ticket ${n}`;
    const unannounced = await insertTicket(db, {
      requesterId,
      subject: missing,
      description: missing,
      origin,
      at: new Date(now.getTime() - minutes(10)),
      responseDueAt: new Date(now.getTime() + minutes(24 * 60)),
      resolutionDueAt: new Date(now.getTime() + minutes(5 * 24 * 60)),
    });
    seeded.unannounced.push({ id: unannounced.ticket.id, subject: missing });
    const text = `Kept replica notice ${n}`;
    await keepOutbound(db, {
      deliveryKey: `replicas-${n}`,
      platform: 'slack',
      target: { kind: 'place', address: places.outbox },
      message: { text },
      what: 'notice',
      about: {},
      lastError: 'http_503',
      mayHaveGoneOut: false,
      at: new Date(now.getTime() - minutes(2)),
      nextAttemptAt: new Date(now.getTime() - minutes(1)),
    });
    seeded.outbox.push(text);
    const userId = `U0LOST${n}`;
    const from = { platform: 'slack', workspace: fakeTeam.id, userId };
    const place = { platform: 'slack', workspace: fakeTeam.id, channel: `D${userId}` };
    const deliveryId = `message:D${userId}:1800000000.00010${n}`;
    await claimDelivery(db, { kind: 'message', from, place, text: 'how do I connect to the vpn?', deliveryId });
    seeded.orphaned.push(userId);
  }
  // Claimed a lease ago and never finished, as a desk killed mid-event leaves them.
  await db.execute(
    sql`update deliveries set received_at = now() - make_interval(secs => ${claimLeaseSeconds + 1})
      where delivery_id like ${'%/message:DU0LOST%'}`,
  );
  return seeded;
}

const count = async (db: Db, query: ReturnType<typeof sql>) =>
  Number(((await db.execute(query)) as unknown as { n: number }[])[0]?.n ?? 0);

/** How often each piece of due work was done, per job. */
export async function workDone(db: Db, api: SlackApiFake, seeded: Seeded): Promise<JobWork[]> {
  const inChannel = (channel: string, text: string) => api.messagesIn(channel).filter((m) => m.text.includes(text));
  const escalations = async (id: number) =>
    count(db, sql`select count(*)::int as n from ticket_events where ticket_id = ${id} and kind = 'escalated'`);
  const breaches = async (id: number) =>
    (await db.select().from(slaBreaches).where(eq(slaBreaches.ticketId, id))).length;
  const sla = await Promise.all(
    seeded.breached.flatMap((t) => [
      escalations(t.id).then((done) => ({ name: `T-${t.id} escalated`, done })),
      breaches(t.id).then((done) => ({ name: `T-${t.id} breach recorded`, done })),
      Promise.resolve({ name: `T-${t.id} card in Tier 2`, done: inChannel(places.tier2, t.subject).length }),
    ]),
  );
  const digestRows = await db.select().from(digestPosts);
  const digests = places.digests.flatMap((channel) => [
    { name: `digest to ${channel}`, done: inChannel(channel, 'Weekly digest').length },
    { name: `digest row for ${channel}`, done: digestRows.filter((r) => r.place === `slack:${channel}`).length },
  ]);
  const asks = await db.select().from(surveyAsks);
  const pulse = seeded.people.flatMap((p) => [
    { name: `pulse DM to ${p.userId}`, done: inChannel(p.userId, pulseTitle).length },
    { name: `pulse ask sent to ${p.userId}`, done: asks.filter((a) => a.personId === p.id && a.sentAt).length },
  ]);
  const refits = await db.select().from(answerCalibrations);
  return [
    { job: 'sla-sweep', pieces: sla },
    {
      job: 'outbox-retry',
      pieces: seeded.outbox.map((text) => ({ name: text, done: inChannel(places.outbox, text).length })),
    },
    { job: 'weekly-digest', pieces: digests },
    {
      job: 'answer-calibration',
      pieces: [{ name: 'this week’s refit', done: refits.filter((r) => !r.requestedBy).length }],
    },
    { job: 'pulse-surveys', pieces: pulse },
    {
      job: 'lost-deliveries',
      pieces: seeded.orphaned.map((userId) => ({
        name: `late reply to ${userId}`,
        done: inChannel(userId, 'Sorry for the wait').length,
      })),
    },
    {
      job: 'missed-queue-cards',
      pieces: seeded.unannounced.map((t) => ({
        name: `T-${t.id} card`,
        done: inChannel(places.tier1, t.subject).length,
      })),
    },
  ];
}
