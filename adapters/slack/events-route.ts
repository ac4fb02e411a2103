import type { HTTPReceiver } from '@slack/bolt';
import { type Route, sendJson } from '../../src/http/http-server.ts';
import type { Logger } from '../../src/log.ts';
import { readSlackRequest } from './slack-request.ts';

export const slackEventsPath = '/slack/events';

/**
 * POST /slack/events: each request is checked first (signature headers, size, shape: slack-request.ts), then
 * handed whole to Bolt's receiver, which verifies it again and dispatches it to the listeners.
 */
export function slackEventsRoute(o: { receiver: HTTPReceiver; signingSecret: string; log: Logger }): Route {
  return {
    method: 'POST',
    path: slackEventsPath,
    handle: async (req, res) => {
      const request = await readSlackRequest(req, o.signingSecret);
      if (request.kind === 'ssl_check') return sendJson(res, 200, {});
      if (request.kind === 'ignored') {
        o.log.warn('slack request ignored', { problem: request.problem });
        return sendJson(res, 200, {});
      }
      o.receiver.requestListener(req, res);
    },
  };
}
