import type { webApi } from '@slack/bolt';
import { OutboxError } from '../../src/outbox.ts';
import type { BlockKitMessage } from './render.ts';
import { classifySlackError } from './slack-failures.ts';

type WebClient = webApi.WebClient;

/** The metadata event every post carries: its delivery key, so a retry can find a post that went out. */
export const deliveryEventType = 'tierdesk_delivery';

export interface PostRetryPolicy {
  /** Tries per post or edit, the first included. */
  attempts: number;
  /** The pause before the second try, doubled for each one after it (with up to 20 % jitter). */
  backoffMs: number;
  /** A longer `Retry-After` is not waited out here: the desk's outbox tries again after it. */
  maxWaitMs: number;
  /** How many pages (of 100 messages) a search for an earlier attempt reads at most. */
  lookupPages: number;
  /**
   * For a message the desk's outbox keeps when it fails (`kept`), no new try starts this long after the
   * first: someone may be waiting on the reply whose work sends it (a press in Teams has 5 s), and the outbox
   * tries again later anyway. A direct reply, which nothing keeps, uses all its tries.
   */
  budgetMs: number;
}

export const defaultPostPolicy: PostRetryPolicy = {
  attempts: 3,
  backoffMs: 500,
  maxWaitMs: 10_000,
  lookupPages: 3,
  budgetMs: 4_000,
};

export interface SlackTarget {
  channel: string;
  thread?: string;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Posts and edits with bounded retries that never post twice. Every post carries its delivery key in its
 * message metadata; once an attempt may have gone out unanswered (a timeout, a dropped connection, a 5xx),
 * the next one first reads the channel (or the thread) for a message with that key and, when it is there,
 * takes it as posted. 429s wait out `Retry-After`; a failure left after the last try is an `OutboxError`.
 */
export function createSlackPoster(client: WebClient, policy: PostRetryPolicy = defaultPostPolicy, sleep = pause) {
  /** A DM addressed to a user id lives in the bot's IM channel with them, which is where to look. */
  const conversationOf = async (channel: string) => {
    if (!/^[UW][A-Z0-9]+$/.test(channel)) return channel;
    const opened = await client.conversations.open({ users: channel });
    return opened.channel?.id ?? channel;
  };

  /** `found`: an earlier attempt's post, already there; what follows a fresh post (its files) followed that one. */
  const find = async (
    target: SlackTarget,
    key: string,
  ): Promise<{ channel: string; ts: string; found?: true } | undefined> => {
    const channel = await conversationOf(target.channel);
    let cursor: string | undefined;
    for (let page = 0; page < policy.lookupPages; page++) {
      const paging = { channel, include_all_metadata: true, limit: 100, ...(cursor ? { cursor } : {}) };
      const read = target.thread
        ? await client.conversations.replies({ ...paging, ts: target.thread })
        : await client.conversations.history(paging);
      const found = read.messages?.find(
        (m) =>
          m.metadata?.event_type === deliveryEventType &&
          (m.metadata.event_payload as Record<string, unknown> | undefined)?.key === key,
      );
      if (found?.ts) return { channel, ts: found.ts, found: true };
      cursor = read.response_metadata?.next_cursor;
      if (!read.has_more || !cursor) return undefined;
    }
    return undefined;
  };

  /** Runs `call` up to `policy.attempts` times; `recover` first whenever an earlier try may have gone out. */
  async function withRetries<T>(
    call: () => Promise<T>,
    mayHaveGoneOut: boolean,
    recover?: () => Promise<T | undefined>,
    kept = false,
  ) {
    let unsure = mayHaveGoneOut;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const found = unsure && recover ? await recover() : undefined;
        return found ?? (await call());
      } catch (err) {
        const failure = classifySlackError(err);
        unsure ||= failure.mayHaveGoneOut;
        const wait = failure.retryAfterMs ?? policy.backoffMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2);
        const overBudget = kept && Date.now() - started + wait > policy.budgetMs;
        if (!failure.quickRetry || attempt >= policy.attempts || wait > policy.maxWaitMs || overBudget) {
          throw new OutboxError(failure.problem, {
            retryable: failure.retryable,
            mayHaveGoneOut: unsure,
            ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
            cause: err,
          });
        }
        await sleep(wait);
      }
    }
  }

  return {
    post(target: SlackTarget, rendered: BlockKitMessage, key: string, mayHaveGoneOut = false, kept = false) {
      return withRetries(
        async () => {
          const result = await client.chat.postMessage({
            channel: target.channel,
            ...rendered,
            ...(target.thread ? { thread_ts: target.thread } : {}),
            unfurl_links: false,
            metadata: { event_type: deliveryEventType, event_payload: { key } },
          });
          return { channel: result.channel ?? target.channel, ts: result.ts ?? '' };
        },
        mayHaveGoneOut,
        () => find(target, key),
        kept,
      );
    },
    /** Edits are the same however often they are made: retried without looking. */
    async update(channel: string, ts: string, rendered: BlockKitMessage): Promise<void> {
      await withRetries(() => client.chat.update({ channel, ts, ...rendered }), false);
    },
  };
}
