/**
 * `npm run bench:slack [-- --json] [--embeddings]`: how fast Slack gets its acks while the desk is busy.
 * Runs the desk as `npm start` would (embedded PGlite in a temporary folder) with Slack pointed at a local
 * fake of the Web API, then sends a burst of 100 signed requests at once: 60 DMs, 30 `/support ask` and 10
 * button presses. Slack wants every command and action acked within 3 s. Prints ack time p50 / p99 / max per
 * kind, and how many commands were answered within the ack (the rest said "Working on it…" and followed).
 */

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSlackApiFake } from '../test/fakes/slack-api.ts';
import { blockActionsPayload, messageImEnvelope, slashCommandForm } from '../test/fixtures/slack-payloads.ts';
import { nowSeconds, slackSignature, testSigningSecret } from '../test/support/slack-signing.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    embeddings: { type: 'boolean', default: false },
    times: { type: 'string', default: '1' },
  },
});
/** `--times 3` sends three times the burst. */
const k = Math.max(1, Number(values.times));
const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-burst-'));
const api = await startSlackApiFake();
// The desk in a process of its own, as in production: the load and the fake Slack API are not on its loop.
const root = fileURLToPath(new URL('..', import.meta.url));
const desk = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
  cwd: root,
  env: {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    DATA_DIR: dataDir,
    KNOWLEDGE_WATCH: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'error',
    LOCAL_EMBEDDINGS: values.embeddings ? 'true' : 'false',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: api.apiUrl,
  },
});
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  desk.stdout?.on('data', (d) => {
    output += d;
    const found = /Open (http:\/\/\S+)/.exec(output)?.[1];
    if (found) resolve(found);
  });
  desk.on('exit', (code) => reject(new Error(`desk exited with ${code}: ${output}`)));
});
/** Until the desk has sent `count` posts, or 60 s passed. */
const settled = async (count: number) => {
  const until = Date.now() + 60_000;
  while (api.callsTo('chat.postMessage').length < count && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
};

const send = async (body: string, type: string) => {
  const started = performance.now();
  const res = await fetch(new URL('/slack/events', url), {
    method: 'POST',
    headers: { 'content-type': type, ...slackSignature(body, nowSeconds()) },
    body,
  });
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, text };
};
const event = (payload: unknown) => send(JSON.stringify(payload), 'application/json');
const form = (body: string) => send(body, 'application/x-www-form-urlencoded');
const interaction = (payload: unknown) => form(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
const questions = ['how do I reset my password?', 'my vpn keeps disconnecting', 'printer on floor 3 is jammed'];

// Answers to press during the burst, and a warm desk.
for (let i = 0; i < 10; i++) {
  await event(
    messageImEnvelope({ user: `U0P${i}`, text: questions[i % 3] ?? '', ts: `1700.${i}`, eventId: `EvW${i}` }),
  );
}
await settled(10);
const answers = api.callsTo('chat.postMessage').slice(-10);

const burst = [
  ...Array.from({ length: 60 * k }, (_, i) =>
    event(
      messageImEnvelope({ user: `U0D${i}`, text: questions[i % 3] ?? '', ts: `1800.${i}`, eventId: `EvB${i}` }),
    ).then((r) => ({ kind: 'event', ...r })),
  ),
  ...Array.from({ length: 30 * k }, (_, i) =>
    form(
      slashCommandForm({
        user: `U0C${i}`,
        text: `ask ${questions[i % 3]}`,
        triggerId: `trig-${i}`,
        responseUrl: api.responseUrl(`c${i}`),
        channel: 'C0GENERAL',
      }),
    ).then((r) => ({ kind: 'command', ...r })),
  ),
  ...answers.map((answer, i) => {
    const blocks = (answer.args.blocks ?? []) as {
      type: string;
      elements?: { action_id?: string; value?: string }[];
    }[];
    const helpful = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('tierdesk:helpful'));
    return interaction(
      blockActionsPayload({
        user: `U0P${i}`,
        channel: String(answer.args.channel),
        messageTs: answer.ts ?? '',
        blocks,
        text: String(answer.args.text),
        actionId: helpful?.action_id ?? '',
        value: helpful?.value ?? '',
        label: 'Helpful',
        responseUrl: api.responseUrl(`a${i}`),
      }),
    ).then((r) => ({ kind: 'action', ...r }));
  }),
];
// What any request meets meanwhile: the health check, a second into the burst.
const health = (async () => {
  await new Promise((r) => setTimeout(r, 1000));
  const started = performance.now();
  await fetch(new URL('/healthz', url));
  return Math.round(performance.now() - started);
})();
const results = await Promise.all(burst);

const stats = (kind: string) => {
  const ms = results
    .filter((r) => r.kind === kind)
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  const at = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0);
  return {
    n: ms.length,
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(ms.at(-1) ?? 0),
    over3s: ms.filter((m) => m > 3000).length,
  };
};
const inline = results.filter((r) => r.kind === 'command' && !/Working on it/.test(r.text)).length;
const report = {
  event: stats('event'),
  command: { ...stats('command'), answeredInline: inline },
  action: stats('action'),
  healthzDuringBurstMs: await health,
};
desk.kill('SIGTERM');
await new Promise((r) => desk.once('exit', r));
await api.close();
await rm(dataDir, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify(report));
else console.log(JSON.stringify(report, null, 2));
