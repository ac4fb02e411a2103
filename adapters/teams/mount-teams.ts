import type { ServerResponse } from 'node:http';
import {
  type Response as BotResponse,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { HttpError, type Route } from '../../src/http/http-server.ts';
import { readJsonBody } from '../../src/http/read-json-body.ts';
import type { MountedPlatform, PlatformServices } from '../../src/platform.ts';
import { createCredentialsFactory } from './credentials.ts';
import { TierdeskBot } from './teams-bot.ts';
import { createTeamsOutbox } from './teams-outbox.ts';
import type { TeamsConfig } from './teams-settings.ts';

export const teamsMessagesPath = '/api/messages';
/** Activities are small; anything near this is not from the Bot Connector. */
const maxActivityBytes = 256 * 1024;

/** Bot Framework's Response interface over Node's: status and headers are kept until the body is sent. */
function toBotResponse(res: ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body?: unknown) {
      if (body === undefined || res.writableEnded) return;
      if (typeof body === 'object') {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      } else res.write(String(body));
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

/**
 * Overriding one Bot Framework endpoint makes the SDK take every endpoint from configuration, so an
 * override carries the public-cloud value of each of the others.
 */
function endpoints(config: TeamsConfig) {
  if (!config.openIdMetadataUrl && !config.loginUrl) return {};
  return {
    ToChannelFromBotLoginUrl: config.loginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      config.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: !config.loginUrl,
  };
}

/**
 * The desk in Microsoft Teams through CloudAdapter. With credentials, every request must carry a valid Bot
 * Framework token; without them the route exists only when explicitly allowed (local testing).
 */
export function mountTeams(config: TeamsConfig, { desk, log, references }: PlatformServices): MountedPlatform {
  const credentials = config.credentials;
  // The tokens the bot sends come from the credentials factory; the ids here are for the SDK's channel checks.
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      ...(credentials
        ? {
            MicrosoftAppId: credentials.appId,
            MicrosoftAppTenantId: credentials.tenantId,
            MicrosoftAppType: credentials.appType,
          }
        : {}),
      ...endpoints(config),
    },
    createCredentialsFactory(config),
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    log.error('teams turn failed', { err: error });
  };
  const outbox = createTeamsOutbox(adapter, credentials?.appId ?? '', references, log);
  const bot = new TierdeskBot(desk, references, log, outbox);
  if (!credentials) {
    log.warn(
      'TEAMS_ALLOW_UNAUTHENTICATED is on: /api/messages accepts requests without a Bot Framework token. Use this for local testing only.',
    );
  }
  const route: Route = {
    method: 'POST',
    path: teamsMessagesPath,
    handle: async (req, res) => {
      const body = await readJsonBody(req, maxActivityBytes);
      if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
        throw new HttpError(400, 'the body must be a Bot Framework activity with a "type"');
      }
      // The SDK answers some token failures (a bad signature) with 500; every one of them is a 401 here,
      // decided before anything is handled.
      if (credentials) {
        try {
          await auth.authenticateRequest(body as never, req.headers.authorization ?? '');
        } catch (err) {
          log.warn('teams request refused: no valid Bot Framework token', { problem: (err as Error).message });
          throw new HttpError(401, 'unauthorized');
        }
      }
      const request = { body: body as Record<string, unknown>, headers: req.headers, method: req.method ?? 'POST' };
      await adapter.process(request, toBotResponse(res), (context) => bot.run(context));
      if (!res.writableEnded) res.end();
    },
  };
  return {
    label: credentials ? `Teams (${teamsMessagesPath})` : `Teams (${teamsMessagesPath}, UNAUTHENTICATED)`,
    routes: [route],
    outbox,
    start: async () => {},
    // A turn is answered within its own HTTP request; only a press's replies run on after its answer.
    idle: () => bot.idle(),
    // Replies to presses still going out are let finish.
    stop: () => bot.idle(),
  };
}
