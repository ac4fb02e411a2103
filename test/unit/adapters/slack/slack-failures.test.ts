import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { classifySlackError } from '../../../../adapters/slack/slack-failures.ts';

const timedOut = () => {
  const err = new Error('The operation was aborted due to timeout');
  err.name = 'TimeoutError';
  return new webApi.WebAPIRequestError(err);
};
const network = (code: string) => new webApi.WebAPIRequestError(new TypeError('fetch failed', { cause: { code } }));
const refused = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });

describe('what a failed Slack Web API call means for trying again', () => {
  it('takes timeouts, dropped connections, 5xx and internal_error as may-have-gone-out: look before posting again', () => {
    for (const err of [
      timedOut(),
      network('ECONNRESET'),
      new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}),
      refused('internal_error'),
    ]) {
      expect(classifySlackError(err), String(err)).toMatchObject({ quickRetry: true, mayHaveGoneOut: true });
    }
    expect(classifySlackError(timedOut()).problem).toBe('timeout');
  });

  it('knows when nothing reached Slack: a refused connection, a 429 (with how long to wait), service_unavailable', () => {
    expect(classifySlackError(network('ECONNREFUSED'))).toMatchObject({ problem: 'network', mayHaveGoneOut: false });
    expect(classifySlackError(new webApi.WebAPIRateLimitedError(3))).toEqual({
      problem: 'ratelimited',
      quickRetry: true,
      retryable: true,
      mayHaveGoneOut: false,
      retryAfterMs: 3000,
    });
    expect(classifySlackError(refused('service_unavailable'))).toMatchObject({
      quickRetry: true,
      mayHaveGoneOut: false,
    });
  });

  it('keeps what someone can fix for later (not_in_channel), and drops what Slack will refuse again', () => {
    expect(classifySlackError(refused('not_in_channel'))).toEqual({
      problem: 'not_in_channel',
      quickRetry: false,
      retryable: true,
      mayHaveGoneOut: false,
    });
    expect(classifySlackError(refused('invalid_blocks'))).toMatchObject({ quickRetry: false, retryable: false });
    expect(classifySlackError(new webApi.WebAPIHTTPError(404, 'Not Found', {}))).toMatchObject({
      problem: 'http_404',
      retryable: false,
    });
  });
});
