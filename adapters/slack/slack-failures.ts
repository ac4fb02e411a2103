import { webApi } from '@slack/bolt';

/**
 * What a failed Web API call means for trying it again (api.slack.com/methods/chat.postMessage#errors,
 * docs.slack.dev/apis/web-api/rate-limits):
 * - `quickRetry`: Slack was unreachable or busy; a pause of a second or two may be enough.
 * - `retryable`: worth the desk's outbox trying later, including what someone can fix (invite the bot).
 * - `mayHaveGoneOut`: the call may have reached Slack and been done although no answer came back (a timeout,
 *   a dropped connection, a 5xx, `internal_error`): repeating a post blindly could post it twice.
 */
export interface SlackFailure {
  problem: string;
  quickRetry: boolean;
  retryable: boolean;
  mayHaveGoneOut: boolean;
  retryAfterMs?: number;
}

/** Slack says it could not finish, and maybe did part of it ("some aspect of the operation succeeded"). */
const unfinished = new Set(['internal_error', 'fatal_error']);
/** Slack was busy and did nothing. */
const busy = new Set(['ratelimited', 'service_unavailable', 'request_timeout']);
/** Refused until someone changes something: the bot's membership, the app's scopes or its token. */
const fixable = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'access_denied',
  'ekm_access_denied',
  'team_access_not_granted',
  'org_login_required',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
]);
/** The connection was never made: nothing reached Slack. */
const notConnected = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

const codeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;

export function classifySlackError(err: unknown): SlackFailure {
  switch (codeOf(err)) {
    case webApi.ErrorCode.RateLimitedError: {
      const { retryAfter } = err as webApi.WebAPIRateLimitedError;
      return {
        problem: 'ratelimited',
        quickRetry: true,
        retryable: true,
        mayHaveGoneOut: false,
        retryAfterMs: retryAfter * 1000,
      };
    }
    case webApi.ErrorCode.PlatformError: {
      const problem = (err as webApi.WebAPIPlatformError).data.error;
      if (unfinished.has(problem)) return { problem, quickRetry: true, retryable: true, mayHaveGoneOut: true };
      if (busy.has(problem)) return { problem, quickRetry: true, retryable: true, mayHaveGoneOut: false };
      return { problem, quickRetry: false, retryable: fixable.has(problem), mayHaveGoneOut: false };
    }
    case webApi.ErrorCode.HTTPError: {
      const status = (err as webApi.WebAPIHTTPError).statusCode;
      // Slack answers 200 for what it refuses; a 5xx came from somewhere on the way, after the request left.
      const server = status >= 500;
      return { problem: `http_${status}`, quickRetry: server, retryable: server, mayHaveGoneOut: server };
    }
    case webApi.ErrorCode.RequestError: {
      const original = (err as webApi.WebAPIRequestError).original;
      if (original?.name === 'TimeoutError' || original?.name === 'AbortError') {
        return { problem: 'timeout', quickRetry: true, retryable: true, mayHaveGoneOut: true };
      }
      const cause = codeOf((original as { cause?: unknown } | undefined)?.cause);
      const sent = !(typeof cause === 'string' && notConnected.has(cause));
      return { problem: 'network', quickRetry: true, retryable: true, mayHaveGoneOut: sent };
    }
    default:
      return { problem: 'unknown', quickRetry: false, retryable: true, mayHaveGoneOut: true };
  }
}
