/**
 * The real desk process with every platform on, for the hostile-input scenarios: Slack against a local fake
 * of its Web API, Teams with credentials against local fakes of the channel's signing authority, the token
 * authority and the Bot Connector, optionally OpenAI against its fake, over a throwaway database of its own
 * on the shared Postgres server. Every secret is new for each run, so a scenario can look for it anywhere.
 */
import { randomBytes } from 'node:crypto';
import { type BotConnectorFake, startBotConnectorFake } from '../../test/fakes/bot-connector.ts';
import { type OpenAiApiFake, startOpenAiApiFake } from '../../test/fakes/openai-api.ts';
import { type SlackApiFake, startSlackApiFake } from '../../test/fakes/slack-api.ts';
import { nowSeconds, slackSignature } from '../../test/support/slack-signing.ts';
import { startTeamsAuth, type TeamsAuth } from '../../test/support/teams-auth.ts';
import { faultDeskEnv, type SupervisedDesk, superviseDesk } from './supervised-desk.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from './throwaway-database.ts';

export interface SlackSend {
  timestamp?: number;
  secret?: string;
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface HostileDesk {
  desk: SupervisedDesk;
  url: string;
  db: ThrowawayDatabase;
  slackApi: SlackApiFake;
  connector: BotConnectorFake;
  teams: TeamsAuth;
  openai?: OpenAiApiFake;
  /** Every secret the desk was given, by the setting that carries it. */
  secrets: Record<string, string>;
  /** POSTs a body to /slack/events, signed with the desk's secret unless told otherwise. */
  slack(body: string, contentType: string, options?: SlackSend): Promise<Answer>;
  /** POSTs an activity to /api/messages with this Authorization (the channel's own by default, `null`: none). */
  teamsSend(activity: unknown, authorization?: string | null): Promise<Answer>;
  post(path: string, body: string, contentType?: string, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  text: string;
}

const hex = (n: number) => randomBytes(n).toString('hex');
const answerOf = async (res: Response): Promise<Answer> => ({ status: res.status, text: await res.text() });

export async function startHostileDesk(
  options: { env?: Record<string, string>; openai?: boolean } = {},
): Promise<HostileDesk> {
  const db = await createThrowawayDatabase();
  const slackApi = await startSlackApiFake();
  const connector = await startBotConnectorFake();
  const teams = await startTeamsAuth();
  const openai = options.openai ? await startOpenAiApiFake() : undefined;
  const secrets: Record<string, string> = {
    SLACK_BOT_TOKEN: `xoxb-${hex(12)}`,
    SLACK_SIGNING_SECRET: hex(16),
    MICROSOFT_APP_PASSWORD: teams.env.MICROSOFT_APP_PASSWORD ?? '',
    DATABASE_PASSWORD: `pw${hex(12)}`,
    METRICS_TOKEN: `metrics-${hex(12)}`,
    DASHBOARD_TOKEN: `dashboard-${hex(12)}`,
    ...(openai ? { OPENAI_API_KEY: `sk-${hex(20)}` } : {}),
  };
  const { DATABASE_PASSWORD, ...settings } = secrets;
  const desk = await superviseDesk({
    ...faultDeskEnv(db.url(DATABASE_PASSWORD)),
    ...teams.env,
    ...settings,
    SLACK_API_URL: slackApi.apiUrl,
    ...(openai ? { OPENAI_BASE_URL: openai.baseUrl, OPENAI_TIMEOUT_MS: '2000' } : {}),
    ...options.env,
  });
  const url = desk.url() ?? '';
  const post = async (
    path: string,
    body: string,
    contentType = 'application/json',
    headers: Record<string, string> = {},
  ) =>
    answerOf(
      await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': contentType, ...headers }, body }),
    );
  return {
    desk,
    url,
    db,
    slackApi,
    connector,
    teams,
    ...(openai ? { openai } : {}),
    secrets,
    slack: (body, contentType, o = {}) => {
      const signed = o.unsigned
        ? {}
        : slackSignature(body, o.timestamp ?? nowSeconds(), o.secret ?? secrets.SLACK_SIGNING_SECRET);
      return post('/slack/events', body, contentType, { ...signed, ...o.headers });
    },
    teamsSend: (activity, authorization) => {
      const auth = authorization === undefined ? teams.channelAuthorization(connector.serviceUrl) : authorization;
      return post('/api/messages', JSON.stringify(activity), 'application/json', auth ? { authorization: auth } : {});
    },
    post,
    async close() {
      await desk.stop();
      await Promise.all([slackApi.close(), connector.close(), teams.close(), openai?.close()]);
      await db.drop();
    },
  };
}
