/**
 * `npm run bench:teams-throughput [-- --rates 10,20,40,80 --seconds 20 --repeats 3 --json --postgres <url>
 * --before <checkout> --bare-only]`: how many Teams
 * messages a second the desk answers, against a bare CloudAdapter bot (bench/bare-teams-bot.ts) on the same
 * machine in the same run. Both run in child processes without Bot Framework credentials (the desk with
 * TEAMS_ALLOW_UNAUTHENTICATED=true) and reply to the activities' serviceUrl, one local fake of the Bot
 * Connector; both get the same open-loop stream of 1:1 message activities (a new person each, real support
 * questions). A reply's latency runs from sending its activity to its reply reaching the fake. The desk runs
 * as in production (bench/desk-child.ts); its event-loop delay per stage comes from its own /metrics.
 * `--before` also runs the desk from another checkout (a `git worktree` of an earlier commit), to measure a change;
 * `--bare-only` runs the bare bot alone, to find its ceiling.
 */

import { startBotConnectorFake } from '../test/fakes/bot-connector.ts';
import { messageActivity, personalConversation } from '../test/fixtures/teams-activities.ts';
import { type ChildApp, startChild } from './child-app.ts';
import { startDesk } from './desk-child.ts';
import { createReplyWaiter, loadQuestions, type Outcome, timedTurn } from './open-loop.ts';
import { compareWithBare, ladderOptions } from './throughput-ladder.ts';

const options = ladderOptions();
const questions = loadQuestions();
const replies = createReplyWaiter();
const connector = await startBotConnectorFake({
  onCall: (call) => {
    if (call.activity.type === 'message') replies.arrived(call.conversationId);
  },
});
const teamsEnv = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
const desk = options.bareOnly ? undefined : await startDesk(teamsEnv, undefined, options.postgres);
const before =
  options.before && !options.bareOnly ? await startDesk(teamsEnv, options.before, options.postgres) : undefined;
const bare = await startChild('bench/bare-teams-bot.ts', {});

function sender(app: ChildApp) {
  const messages = new URL('/api/messages', app.url);
  return async (n: number): Promise<Outcome> => {
    const user = { name: `person-l${n.toString(36)}` };
    const body = JSON.stringify(
      messageActivity({
        user,
        text: questions[n % questions.length] ?? '',
        id: `act-l${n}`,
        serviceUrl: connector.serviceUrl,
      }),
    );
    // The turn is answered in the HTTP response, so the ack comes once the reply has gone out.
    return timedTurn(
      () => fetch(messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      replies.expect(personalConversation(user), 15_000),
    );
  };
}

await compareWithBare({
  options,
  desk,
  before,
  bare,
  bareName: 'bare CloudAdapter',
  send: sender,
  settled: replies.settled,
  fake: connector,
});
