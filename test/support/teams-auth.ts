import { randomUUID } from 'node:crypto';
import { type IdentityFake, startIdentityFake } from '../fakes/bot-framework-identity.ts';
import { startTokenAuthorityFake, type TokenAuthorityFake } from '../fakes/token-authority.ts';
import { teamsTenant } from '../fixtures/teams-activities.ts';

/**
 * Both sides of Bot Framework authentication, offline: the channel's signing authority (OpenID metadata and
 * keys) that signs what is sent to the bot, and an HTTPS token authority the bot gets its own tokens from.
 */
export interface TeamsAuth {
  /**
   * The bot's app id: new for every desk, because botbuilder caches tokens process-wide by app id and scope
   * (a second desk with the same id would reuse the first one's token and never ask its own authority).
   */
  appId: string;
  identity: IdentityFake;
  login: TokenAuthorityFake;
  /** The settings that turn Teams on with these credentials, against these fakes. */
  env: Record<string, string>;
  /** The Authorization header the channel sends with an activity from `serviceUrl`. */
  channelAuthorization(serviceUrl: string): string;
  close(): Promise<void>;
}

export async function startTeamsAuth(): Promise<TeamsAuth> {
  const appId = randomUUID();
  const password = `test-secret-${randomUUID()}`;
  const identity = await startIdentityFake();
  const login = await startTokenAuthorityFake({ tenant: teamsTenant, clientId: appId, clientSecret: password });
  return {
    appId,
    identity,
    login,
    env: {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: password,
      MICROSOFT_APP_TENANT_ID: teamsTenant,
      TEAMS_OPENID_METADATA_URL: identity.metadataUrl,
      TEAMS_LOGIN_URL: login.authority,
      TEAMS_LOGIN_CA_FILE: login.caFile,
    },
    channelAuthorization: (serviceUrl) => `Bearer ${identity.token({ aud: appId, serviceUrl })}`,
    async close() {
      await login.close();
      await identity.close();
    },
  };
}
