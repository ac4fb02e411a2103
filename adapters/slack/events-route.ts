import type { HTTPReceiver } from '@slack/bolt';
import { HttpError, type Route, sendJson } from '../../src/http/http-server.ts';
import type { Logger } from '../../src/log.ts';
import { copy } from '../../src/messages/copy.ts';
import { withArrival } from './arrival.ts';
import type { SlackConnection } from './slack-connection.ts';
import { readSlackRequest } from './slack-request.ts';

export const slackEventsPath = '/slack/events';

/**
 * POST /slack/events: each request is checked first (signature headers, size, shape: slack-request.ts), then
 * handed whole to Bolt's receiver, which verifies it again and dispatches it to the listeners.
 */
export function slackEventsRoute(o: {
  receiver: HTTPReceiver;
  signingSecret: string;
  connection: SlackConnection;
  log: Logger;
}): Route {
  return {
    method: 'POST',
    path: slackEventsPath,
    // Slack's 3 s for an ack count from here (arrival.ts), before the body is even read.
    handle: (req, res) =>
      withArrival(async () => {
        const request = await readSlackRequest(req, o.signingSecret);
        if (request.kind === 'ssl_check') return sendJson(res, 200, {});
        if (request.kind === 'ignored') {
          o.log.warn('slack request ignored', { problem: request.problem });
          return sendJson(res, 200, {});
        }
        if (request.kind !== 'url_verification' && !o.connection.ready()) {
          // Without auth.test Bolt cannot authorize anything. A command hears why; an event is refused so that
          // Slack sends it again later (it retries three times, over about five minutes).
          if (request.kind === 'command')
            return sendJson(res, 200, { response_type: 'ephemeral', text: copy.platform.stillConnecting });
          throw new HttpError(503, `Slack is not connected yet (${o.connection.problem()})`);
        }
        o.receiver.requestListener(req, res);
      }),
  };
}
