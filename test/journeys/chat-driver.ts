import { it } from 'vitest';
import type { TestApp } from '../support/test-app.ts';

/**
 * A form a person was shown: in the message (Teams' card inputs, the web page's form) or behind a button
 * that opens it (Slack). `fields` are the field names, where the platform shows them in the message.
 */
export interface SeenForm {
  id: string;
  label: string;
  fields: string[];
}

/** What a person sees of one bot message, on any platform: its text, the buttons they can press, its forms. */
export interface Seen {
  text: string;
  buttons: { label: string; actionId: string; value: string }[];
  forms: SeenForm[];
  /** The pictures that came with it (a chart), by their alt text: in the card, as a link, or as files in its thread. */
  images?: string[];
}

/**
 * A tier's queue, or `coe`: the CoE's place the weekly digest is posted to (DIGEST_PLACES), by name; each
 * driver maps it to a place on its own platform (a channel, a team).
 */
export type QueueName = 'tier1' | 'tier2' | 'tier3' | 'vendor' | 'coe';

/** The setting that puts a named place on the desk: QUEUE_TIER1 … for queues, DIGEST_PLACES for the CoE's. */
export const placeKey = (place: QueueName) => (place === 'coe' ? 'DIGEST_PLACES' : `QUEUE_${place.toUpperCase()}`);

/** Whose inbox to read: a person's direct conversation with the bot, or a named place. */
export type InboxOf = { user: string } | { place: QueueName };

export type SweepReport = Awaited<ReturnType<TestApp['sweep']>>;

/** How a journey wants its desk set up; the same options mean the same desk on every platform. */
export interface DriverOptions {
  /**
   * Queues to configure (QUEUE_TIER1, QUEUE_TIER2, …, and `coe` for DIGEST_PLACES) at this platform's own places. Without any, the desk
   * runs on its defaults (the Tier 1 queue is the local `#it-tier1`).
   */
  queues?: readonly QueueName[];
  /** People who are admins from ADMINS; `ann` unless a journey says otherwise. */
  admins?: readonly string[];
  /** More settings, the same on every platform (SURVEYS_DIR for a journey with pulse surveys). */
  env?: Readonly<Record<string, string>>;
}

/**
 * Drives the desk the way a person on one platform would. Journeys are written against this once and
 * run on every adapter; each adapter's driver speaks its platform's real protocol underneath.
 */
export interface ChatDriver {
  readonly platform: string;
  /** The full identity of a user on this platform, as `staff add` and ADMINS accept it. */
  identityOf(user: string): string;
  /** Sends a chat message; `deliveryId` lets a journey replay the same delivery. Returns the direct replies. */
  say(user: string, text: string, options?: { deliveryId?: string }): Promise<Seen[]>;
  /** Makes the desk's next insert into `table` fail once, as a database that hiccups mid-event would. */
  failNextInsert(table: 'tickets' | 'interactions'): Promise<void>;
  /** As if the desk had been killed mid-event, a claim's lease ago, while handling every delivery so far. */
  abandonClaims(): Promise<void>;
  /** Presses a button the user was shown. Returns the direct replies. */
  click(user: string, button: Seen['buttons'][number]): Promise<Seen[]>;
  /**
   * Fills in a form the user was shown and sends it the platform's own way: the web page's form post; on
   * Slack its button, the modal that opens (views.open) and the modal's view_submission; on Teams the card's
   * submit with its inputs. `deliveryId` sends the same delivery again. Returns the direct replies; a form
   * refused field by field comes back as one whose text is the errors.
   */
  submitForm(
    user: string,
    form: SeenForm,
    values: Record<string, string>,
    options?: { deliveryId?: string },
  ): Promise<Seen[]>;
  /**
   * What the bot sent on its own (outside a direct reply: queue cards and their edits, ticket notices, SLA
   * alerts, DMs) to a person or to a queue since last asked, oldest first; each message is returned once.
   */
  inbox(of: InboxOf): Promise<Seen[]>;
  /** Sets the desk's clock (the app's fixed clock). */
  at(when: Date): void;
  /** Runs one SLA sweep now and waits until everything it sent has been delivered. */
  sweep(): Promise<SweepReport>;
  /** Runs a scheduled job once now (`pulse-surveys`) and waits until everything it sent has been delivered. */
  runJob(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Creates a fresh desk on one platform; journeys call it once each. */
export type MakeDriver = (options?: DriverOptions) => Promise<ChatDriver>;

export function findButton(seen: Seen[], label: RegExp): Seen['buttons'][number] {
  const button = seen.flatMap((s) => s.buttons).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button matching ${label} in ${JSON.stringify(seen)}`);
  return button;
}

export function findForm(seen: Seen[], label: RegExp): SeenForm {
  const form = seen.flatMap((s) => s.forms).find((f) => label.test(f.label));
  if (!form) throw new Error(`no form matching ${label} in ${JSON.stringify(seen)}`);
  return form;
}

export const allText = (seen: Seen[]) => seen.map((s) => s.text).join('\n');

/**
 * `journey(title, run, options)`: a test that gets a fresh desk from `makeDriver` (set up as `options` say)
 * and always closes it. A journey runs a dozen turns, and the first in a worker loads the embedding model.
 */
export const journeysOn =
  (makeDriver: MakeDriver) => (title: string, run: (chat: ChatDriver) => Promise<void>, options?: DriverOptions) =>
    it(title, async () => {
      const chat = await makeDriver(options);
      try {
        await run(chat);
      } finally {
        await chat.close();
      }
    }, 90_000);
