import { OutboxError } from '../../src/outbox.ts';

/**
 * What a failed Bot Connector call means (learn.microsoft.com, "Teams bot API error codes"): the SDK's
 * RestError carries the HTTP status, the connector's own error code, and Teams' Retry-After.
 */
interface ConnectorError {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

/** The person blocked the bot's chat, or turned its notifications off for good. */
const blockedCodes = new Set(['ConversationBlockedByUser']);
/** The app is not in the conversation any more (uninstalled, removed from the team or chat). */
const removedCodes = new Set(['BotNotInConversationRoster', 'MessageWritesBlocked', 'BotDisabledByAdmin']);
/** Nothing reached the connector. */
const unreachable = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Problems that end a conversation for the bot: its stored reference is marked and not tried again. */
export const goneProblems: readonly string[] = ['bot_removed'];

function retryAfterMs(err: ConnectorError): number | undefined {
  const header = err.response?.headers?.get?.('retry-after');
  const seconds = header === undefined ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The failure as the desk's Delivery reads it: its word, and whether trying later can help. */
export function toOutboxError(err: unknown): OutboxError {
  if (err instanceof OutboxError) return err;
  const e = (err ?? {}) as ConnectorError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const status = e.statusCode;
  const about = { cause: err };
  if (code && blockedCodes.has(code)) return new OutboxError('blocked_by_user', { retryable: false, ...about });
  if (code && removedCodes.has(code)) return new OutboxError('bot_removed', { retryable: false, ...about });
  if (code && unreachable.has(code)) return new OutboxError('unreachable', { retryable: true, ...about });
  if (status === 404) return new OutboxError('conversation_not_found', { retryable: false, ...about });
  if (status === 429) {
    const after = retryAfterMs(e);
    return new OutboxError('throttled', {
      retryable: true,
      ...(after === undefined ? {} : { retryAfterMs: after }),
      ...about,
    });
  }
  if (status === 401 || status === 403) return new OutboxError(`http_${status}`, { retryable: true, ...about });
  // A 5xx or a dropped connection: the connector may have posted it although no answer came back.
  if (status !== undefined && status >= 500) {
    return new OutboxError(`http_${status}`, { retryable: true, mayHaveGoneOut: true, ...about });
  }
  return new OutboxError(code ?? (status ? `http_${status}` : 'failed'), {
    retryable: true,
    mayHaveGoneOut: true,
    ...about,
  });
}
