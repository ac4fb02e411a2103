import { type BotConnectorFake, startBotConnectorFake } from '../fakes/bot-connector.ts';
import { startTestApp, type TestApp } from './test-app.ts';

export interface TeamsTestApp {
  app: TestApp;
  connector: BotConnectorFake;
  /** POSTs an activity to /api/messages; returns status and parsed body (invoke responses carry one). */
  send(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** The real app with Teams on (unauthenticated unless `env` says otherwise) and a fake Bot Connector. */
export async function startTeamsTestApp(
  env: Record<string, string> = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
): Promise<TeamsTestApp> {
  const connector = await startBotConnectorFake();
  const app = await startTestApp(env);
  return {
    app,
    connector,
    async send(activity, headers = {}) {
      const res = await fetch(new URL('/api/messages', app.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
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
    },
  };
}
