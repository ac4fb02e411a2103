/**
 * `npm run bench:slack-throughput [-- --rates 10,20,40,80 --seconds 20 --repeats 3 --json --postgres <url>
 * --before <checkout> --bare-only]`: how many Slack
 * DMs a second the desk answers, against a bare Bolt app (bench/bare-slack-app.ts) on the same machine in the
 * same run. Both run in child processes pointed at one local fake of the Slack Web API; both get the same
 * open-loop stream of signed `message.im` envelopes (a new person and ts each, real support questions). A
 * reply's latency runs from sending its event to its chat.postMessage reaching the fake. The desk runs as in
 * production (bench/desk-child.ts); its event-loop delay per stage comes from its own /metrics. `--before`
 * also runs the desk from another checkout (a `git worktree` of an earlier commit), to measure a change;
 * `--bare-only` runs the bare app alone, to find its ceiling.
 */

import { startSlackApiFake } from '../test/fakes/slack-api.ts';
import { messageImEnvelope } from '../test/fixtures/slack-payloads.ts';
import { nowSeconds, slackSignature, testSigningSecret } from '../test/support/slack-signing.ts';
import { type ChildApp, startChild } from './child-app.ts';
import { startDesk } from './desk-child.ts';
import { createReplyWaiter, loadQuestions, type Outcome, timedTurn } from './open-loop.ts';
import { compareWithBare, ladderOptions } from './throughput-ladder.ts';

const options = ladderOptions();
const questions = loadQuestions();
const replies = createReplyWaiter();
const api = await startSlackApiFake({
  onCall: (call) => {
    if (call.method === 'chat.postMessage') replies.arrived(String(call.args.channel));
  },
});
const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: testSigningSecret, SLACK_API_URL: api.apiUrl };
const desk = options.bareOnly ? undefined : await startDesk(slackEnv, undefined, options.postgres);
const before =
  options.before && !options.bareOnly ? await startDesk(slackEnv, options.before, options.postgres) : undefined;
const bare = await startChild('bench/bare-slack-app.ts', slackEnv);

/** Person `n` of the run: a user id of Slack's shape, so their DM channel is `D` + it. */
const userOf = (n: number) => `U0L${n.toString(36).toUpperCase()}`;

function sender(app: ChildApp) {
  const events = new URL('/slack/events', app.url);
  return async (n: number): Promise<Outcome> => {
    const user = userOf(n);
    const body = JSON.stringify(
      messageImEnvelope({
        user,
        text: questions[n % questions.length] ?? '',
        ts: `${1_800_000_000 + n}.000100`,
        eventId: `EvL${n}`,
      }),
    );
    return timedTurn(
      () =>
        fetch(events, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...slackSignature(body, nowSeconds()) },
          body,
        }),
      replies.expect(`D${user}`, 15_000),
    );
  };
}

await compareWithBare({
  options,
  desk,
  before,
  bare,
  bareName: 'bare Bolt',
  send: sender,
  settled: replies.settled,
  fake: api,
});
