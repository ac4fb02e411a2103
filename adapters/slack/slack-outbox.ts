import { randomUUID } from 'node:crypto';
import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import type { Posted } from '../../src/model/identity.ts';
import type { Outbox } from '../../src/outbox.ts';
import type { ImageSource } from '../../src/platform.ts';
import { toBlockKit } from './render.ts';
import { uploadImages } from './slack-images.ts';
import { createSlackPoster, defaultPostPolicy, type PostRetryPolicy } from './slack-post.ts';

type WebClient = webApi.WebClient;

/** An address is a channel id, optionally with a thread: `C0123` or `C0123/1700000000.000100`. */
export function parseAddress(address: string): { channel: string; thread?: string } {
  const [channel = address, thread] = address.split('/');
  return thread ? { channel, thread } : { channel };
}

export interface SlackOutboxOptions {
  /** How long one Web API call may take before it counts as timed out (and may have gone out). */
  timeoutMs?: number;
  retries?: Partial<PostRetryPolicy>;
  /** Where a message's pictures come from, to upload them into its thread; none: pictures are left out. */
  images?: { source: ImageSource; log: Logger };
}

/** The poster's failures reach the desk as OutboxErrors and its log; the client's own lines would only repeat them. */
const quiet: webApi.Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => {},
};

/**
 * Posts and edits go through a client of their own, on the app's token and API URL: one that never retries by
 * itself (a blind retry after a timeout is how one answer arrives twice) and hands 429s back with their
 * `Retry-After`, so the poster decides. The app's client, with its own retries, serves everything else.
 */
function postingClient(client: WebClient, timeoutMs: number): WebClient {
  return new webApi.WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    timeout: timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quiet,
  });
}

export function createSlackOutbox(client: WebClient, options: SlackOutboxOptions = {}): Outbox {
  const posting = postingClient(client, options.timeoutMs ?? 10_000);
  const poster = createSlackPoster(posting, {
    ...defaultPostPolicy,
    ...options.retries,
  });
  const post = async (address: string, message: Parameters<Outbox['post']>[1], key?: string, unsure?: boolean) => {
    const { channel, thread } = parseAddress(address);
    // A key comes with a delivery the desk keeps and retries when it fails; a direct reply has none.
    const at = await poster.post(
      thread ? { channel, thread } : { channel },
      toBlockKit(message),
      key ?? randomUUID(),
      unsure ?? false,
      key !== undefined,
    );
    // A post an earlier attempt made already had its pictures sent after it: never upload them twice.
    if (options.images && !('found' in at))
      await uploadImages(posting, options.images.source, options.images.log, message, {
        ...at,
        ...(thread ? { thread } : {}),
      });
    return { platform: 'slack', id: `${at.channel}/${at.ts}` } satisfies Posted;
  };
  return {
    post: (address, message, send = {}) => post(address, message, send.key, send.mayHaveGoneOut),
    async update(posted, message) {
      const { channel, thread: ts } = parseAddress(posted.id);
      if (!ts) throw new Error(`cannot update Slack message without a ts: ${posted.id}`);
      await poster.update(channel, ts, toBlockKit(message));
    },
    // Posting to a user id opens (or reuses) the bot's direct conversation with them.
    dm: (person, message, send = {}) => post(person.userId, message, send.key, send.mayHaveGoneOut),
  };
}
