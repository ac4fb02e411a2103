/**
 * `npm run bench:slack-throughput [-- --rates 10,20,40,80 --seconds 20 --repeats 3 --json]`: how many Slack
 * DMs a second the desk answers, against a bare Bolt app (bench/bare-slack-app.ts) on the same machine in the
 * same run. Both run in child processes pointed at one local fake of the Slack Web API; both get the same
 * open-loop stream of signed `message.im` envelopes (a new person and ts each, real support questions). A
 * reply's latency runs from sending its event to its chat.postMessage reaching the fake. The desk runs as in
 * production (bundled embedding model on, embedded PGlite in a temporary folder) without scheduled jobs or
 * the per-person rate limit; its event-loop delay per stage comes from its own /metrics.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSlackApiFake } from '../test/fakes/slack-api.ts';
import { messageImEnvelope } from '../test/fixtures/slack-payloads.ts';
import { nowSeconds, slackSignature, testSigningSecret } from '../test/support/slack-signing.ts';
import { type ChildApp, scrapeLoopDelay, startChild } from './child-app.ts';
import { waitForEmbeddings } from './desk-ready.ts';
import { createReplyWaiter, loadQuestions, type Outcome } from './open-loop.ts';
import { type AppUnderLoad, ladderOptions, printSummary, runLadder, summarize } from './throughput-ladder.ts';

const options = ladderOptions();
const questions = loadQuestions();
const replies = createReplyWaiter();
const api = await startSlackApiFake({
  onCall: (call) => {
    if (call.method === 'chat.postMessage') replies.arrived(String(call.args.channel));
  },
});
const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: testSigningSecret, SLACK_API_URL: api.apiUrl };
const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-throughput-'));
const desk = await startChild(
  'src/main.ts',
  {
    ...slackEnv,
    PORT: '0',
    DATA_DIR: dataDir,
    KNOWLEDGE_WATCH: 'false',
    JOBS_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    LOCAL_EMBEDDINGS: 'true',
    LOG_LEVEL: 'info',
    ...(process.env.DESK_NODE_OPTIONS ? { NODE_OPTIONS: process.env.DESK_NODE_OPTIONS } : {}),
  },
  /Open (http:\/\/\S+)/,
);
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
    const reply = replies.expect(`D${user}`, 15_000);
    const started = performance.now();
    const acked = fetch(events, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackSignature(body, nowSeconds()) },
      body,
    }).then(
      async (res) => {
        await res.text();
        return res.ok;
      },
      () => false,
    );
    const [ok, at] = await Promise.all([acked, reply]);
    return { acked: ok, replyMs: at === undefined ? undefined : at - started, repliedAt: at };
  };
}

const apps: AppUnderLoad[] = [
  { name: 'desk', send: sender(desk), loopDelay: () => scrapeLoopDelay(desk.url) },
  { name: 'bare Bolt', send: sender(bare) },
];
try {
  await waitForEmbeddings(desk);
  // Warm both (JIT, connections, the model's first runs) before anything is measured.
  await runLadder(apps, { ...options, rates: [5], seconds: 4, repeats: 1 });
  const rows = await runLadder(apps, options);
  const summary = summarize(rows, apps, options.rates);
  if (options.json) console.log(JSON.stringify({ rows, ...summary }));
  else printSummary(summary, options.repeats);
} finally {
  await desk.stop();
  await bare.stop();
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
}
