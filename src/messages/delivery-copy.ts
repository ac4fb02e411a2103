import type { Tier } from '../model/tiers.ts';
import { tierNames } from './tier-names.ts';

/** A queue the bot could not post a ticket's card in, because it is not in that place. */
export interface QueueTrouble {
  ticketRef: string;
  tier: Tier;
  /** The queue as configured: `slack:C0123`, `local:#it-tier1`. */
  queue: string;
  /** The platform's word: `not_in_channel`, `channel_not_found`. */
  problem: string;
  /** Whether admins have been told (now, or about this queue within the hour). */
  adminsTold: boolean;
}

const queueOf = (t: QueueTrouble) => `the ${tierNames[t.tier]} queue (${t.queue})`;
const invite = (t: QueueTrouble) =>
  `Invite @Tierdesk to that channel (\`/invite @Tierdesk\` there), or point the queue somewhere it is with \`queue set ${t.tier} <platform:place>\`.`;
const keptTrying = 'The card waits and is posted as soon as it can be (I keep trying for a day).';

/** Every sentence about messages that could not be delivered, and about the outbox that retries them. */
export const deliveryCopy = {
  /** For the person who opened the ticket, when they are not on the help desk. */
  requesterQueueTrouble: (t: QueueTrouble) =>
    `⚠️ Your ticket ${t.ticketRef} is open, but the help desk's queue has not seen it yet: I'm not in ${queueOf(t)} (${t.problem}). ${t.adminsTold ? 'I have told the admins' : 'Please tell the help desk'}; your ticket is kept and reaches the queue once I'm added there.`,
  /** For someone on the help desk who opened or moved a ticket. */
  staffQueueTrouble: (t: QueueTrouble) =>
    `⚠️ ${t.ticketRef}'s card could not be posted in ${queueOf(t)}: I'm not in that channel (${t.problem}). ${invite(t)} ${keptTrying}`,
  /** A DM to each admin, once an hour per queue. */
  adminQueueTrouble: (t: QueueTrouble) =>
    `⚠️ I can't post in ${queueOf(t)}: ${t.problem}. ${invite(t)} ${t.ticketRef}'s card is waiting; \`deliveries\` shows everything that is.`,
  deliveries: {
    usage: '`deliveries` — messages the desk could not deliver: waiting, given up, the latest problems (admins)',
    refused: 'Only admins can see what could not be delivered.',
    heading: (days: number) => `**Deliveries** (undelivered messages; given up and delivered late: last ${days} days)`,
    counts: (c: { waiting: number; givenUp: number; deliveredLate: number }) =>
      `${c.waiting} waiting to be retried · ${c.givenUp} given up · ${c.deliveredLate} delivered after retrying`,
    sinceStart: (c: { failed: number; not_connected: number }) =>
      `Since this process started: ${c.failed} failed first tries, ${c.not_connected} for a platform not connected here.`,
    latestHeading: 'Latest problems:',
    none: 'Nothing is waiting: every message went out.',
    problem: (p: {
      what: string;
      about?: string;
      to: string;
      problem: string;
      attempts: number;
      next?: string;
      givenUp?: string;
    }) =>
      `- ${p.about ? `${p.about} ` : ''}${p.what} → ${p.to}: ${p.problem}, ${p.attempts} ${p.attempts === 1 ? 'try' : 'tries'}${p.next ? `, next ${p.next}` : ''}${p.givenUp ? `, given up ${p.givenUp}` : ''}`,
    unknownProblem: 'no reason given',
  },
};
