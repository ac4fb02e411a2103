/**
 * The baseline for `bench/slack-throughput.ts`: the least a Bolt app can do with a DM, namely verify the
 * signature, ack, and post one fixed reply in the thread. Whatever the desk costs on top of this is its own.
 * Settings come from the environment the bench gives it; it prints its URL when it listens.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  receiver: new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '' }),
  // The desk's client settings, so both make the same calls the same way.
  clientOptions: {
    slackApiUrl: process.env.SLACK_API_URL ?? '',
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
    timeout: 10_000,
  },
  logLevel: LogLevel.ERROR,
});

app.message(async ({ message, say }) => {
  const ts = 'ts' in message ? message.ts : undefined;
  await say({ text: 'Thanks, we got your question.', ...(ts ? { thread_ts: ts } : {}) });
});

const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
