import { type BotConnectorFake, startBotConnectorFake } from '../fakes/bot-connector.ts';
import { startTeamsAuth, type TeamsAuth } from './teams-auth.ts';
import { startTestApp, type TestApp } from './test-app.ts';

export interface TeamsTestApp {
  app: TestApp;
  connector: BotConnectorFake;
  /** With `credentials`: the channel's signing authority and the bot's token authority. */
  auth?: TeamsAuth;
  /**
   * POSTs an activity to /api/messages; returns status and parsed body (invoke responses carry one). With
   * `credentials`, it is signed as the channel signs it unless `headers` bring their own authorization.
   */
  send(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface TeamsTestAppOptions {
  /**
   * Run with Microsoft app credentials against offline fakes of both authorities (see teams-auth.ts): every
   * request to the bot is signed and every call the bot makes must get a token first.
   */
  credentials?: boolean;
}

/**
 * The real app with Teams on and a fake Bot Connector: unauthenticated unless `env` or `options` say
 * otherwise. With `credentials`, `env` is added to the credentials' settings.
 */
export async function startTeamsTestApp(
  env?: Record<string, string>,
  options: TeamsTestAppOptions = {},
): Promise<TeamsTestApp> {
  const connector = await startBotConnectorFake();
  const auth = options.credentials ? await startTeamsAuth() : undefined;
  const app = await startTestApp(auth ? { ...auth.env, ...env } : (env ?? { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }));
  return {
    app,
    connector,
    ...(auth ? { auth } : {}),
    async send(activity, headers = {}) {
      const serviceUrl = (activity as { serviceUrl?: string }).serviceUrl ?? connector.serviceUrl;
      const signed = auth && headers.authorization === undefined;
      const res = await fetch(new URL('/api/messages', app.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signed ? { authorization: auth.channelAuthorization(serviceUrl) } : {}),
          ...headers,
        },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      await app.idle();
      const json = (res.headers.get('content-type') ?? '').includes('json');
      return { status: res.status, body: json && text ? JSON.parse(text) : text };
    },
    async close() {
      await app.close();
      await connector.close();
      await auth?.close();
    },
  };
}
