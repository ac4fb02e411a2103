import type { Message } from './messages/message.ts';
import type { PersonRef, PlaceRef, Posted } from './model/identity.ts';

/** What `Delivery` tells an outbox about one delivery, so a retry can be told apart from a new message. */
export interface SendOptions {
  /**
   * Names this delivery, the same on every attempt. A platform that can label its posts (Slack's message
   * metadata) labels it, so a later attempt can find a post that went out although its answer never came.
   */
  key?: string;
  /** An earlier attempt with this key may have gone out: look for it before posting again. */
  mayHaveGoneOut?: boolean;
}

/**
 * How one platform speaks outside a direct reply. One per platform; `address` is the part of a place after
 * `platform:` (e.g. `#it-tier1`, `C0123`, `C0123/1700.1` for a thread). Features never call an outbox:
 * they send through `Delivery`, which reports what happened. An outbox that knows why it failed throws an
 * `OutboxError`; anything else it throws counts as a failure whose cause is unknown.
 */
export interface Outbox {
  post(address: string, message: Message, options?: SendOptions): Promise<Posted>;
  update(posted: Posted, message: Message): Promise<void>;
  dm(person: PersonRef, message: Message, options?: SendOptions): Promise<Posted>;
  /**
   * What the platform already knows is wrong with a place, without posting there (Teams: the app was
   * removed from that team, `bot_removed`); undefined when nothing is known to be wrong.
   */
  knownProblem?(address: string): Promise<string | undefined>;
}

export type Outboxes = Readonly<Record<string, Outbox>>;

/**
 * A platform did not take a message, after the retries the adapter makes itself. `problem` is the platform's
 * own word for it (`not_in_channel`, `ratelimited`, `timeout`, `http_503`), shown to admins as it is.
 */
export class OutboxError extends Error {
  readonly problem: string;
  /** Worth trying again later: the platform was unreachable or busy, or it needs someone to fix something. */
  readonly retryable: boolean;
  /** The platform may have taken the message although the adapter never heard so (a timeout). */
  readonly mayHaveGoneOut: boolean;
  /** The platform asked for this long a pause first (Slack's and Teams' `Retry-After`). */
  readonly retryAfterMs: number | undefined;

  constructor(
    problem: string,
    options: { retryable: boolean; mayHaveGoneOut?: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(`message not taken: ${problem}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OutboxError';
    this.problem = problem;
    this.retryable = options.retryable;
    this.mayHaveGoneOut = options.mayHaveGoneOut ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Problems someone can fix by adding the bot to the place (Slack: `not_in_channel`; a private channel the
 * bot is not in reads as `channel_not_found`). Other platforms' outboxes report the same words for the same.
 */
export const notAMemberProblems: readonly string[] = ['not_in_channel', 'channel_not_found'];
export const botNotInPlace = (problem: string | undefined): problem is string =>
  problem !== undefined && notAMemberProblems.includes(problem);

/** `slack:C0123` → `{ platform: 'slack', address: 'C0123' }`; config has already checked the shape. */
export function splitPlace(place: string): { platform: string; address: string } {
  const at = place.indexOf(':');
  return { platform: place.slice(0, at), address: place.slice(at + 1) };
}

/** Where to post into a conversation: the channel, and the thread when there is one (`C0123/1700.1`). */
export function toAddress(place: Pick<PlaceRef, 'channel' | 'thread'>): string {
  return place.thread ? `${place.channel}/${place.thread}` : place.channel;
}
