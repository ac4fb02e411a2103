import type { Store } from '../../src/store/open-store.ts';
import { type SlackApiFake, startSlackApiFake } from '../fakes/slack-api.ts';
import { nowSeconds, slackSignature, testSigningSecret } from './slack-signing.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** Slack's view of our answer: the status and body of the HTTP response (the ack). */
export interface SlackAck {
  status: number;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface SendOptions {
  headers?: Record<string, string>;
  timestamp?: number;
  secret?: string;
  unsigned?: boolean;
}

export interface SlackTestApp {
  app: TestApp;
  api: SlackApiFake;
  /** POSTs a signed request to /slack/events and waits until the desk has finished with it. */
  send(body: string, contentType: string, options?: SendOptions): Promise<SlackAck>;
  event(payload: unknown, options?: SendOptions): Promise<SlackAck>;
  command(form: string): Promise<SlackAck>;
  interaction(payload: unknown): Promise<SlackAck>;
  close(): Promise<void>;
}

/**
 * The real app with Slack configured against a fake Web API (`api`: one already set up, failures and all),
 * over its own store or a given one (a second replica on the same database). Closing it closes the API too.
 */
export async function startSlackTestApp(
  env: Record<string, string> = {},
  given?: { api?: SlackApiFake; store?: Store },
): Promise<SlackTestApp> {
  const api = given?.api ?? (await startSlackApiFake());
  const app = await startTestApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: api.apiUrl,
      ...env,
    },
    given?.store,
  );
  const send: SlackTestApp['send'] = async (body, contentType, options = {}) => {
    const timestamp = options.timestamp ?? nowSeconds();
    const signature = options.unsigned ? {} : slackSignature(body, timestamp, options.secret);
    const res = await fetch(new URL('/slack/events', app.url), {
      method: 'POST',
      headers: { 'content-type': contentType, ...signature, ...options.headers },
      body,
    });
    const text = await res.text();
    await app.idle();
    return { status: res.status, body: text, json: <T>() => JSON.parse(text) as T };
  };
  return {
    app,
    api,
    send,
    event: (payload, options) => send(JSON.stringify(payload), 'application/json', options),
    command: (form) => send(form, 'application/x-www-form-urlencoded'),
    interaction: (payload) =>
      send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'),
    async close() {
      await app.close();
      await api.close();
    },
  };
}
