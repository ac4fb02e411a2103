import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rootCertificates } from 'node:tls';
import type { Configuration } from '@azure/msal-node';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { MsalServiceClientCredentialsFactory, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { ConfigError } from '../../src/errors.ts';
import type { TeamsConfig } from './teams-settings.ts';

/**
 * MSAL as botframework-connector loads it (its CommonJS build; an ES import would load the other build, a
 * class of the same name the factory's type does not accept).
 */
const { ConfidentialClientApplication } = createRequire(import.meta.url)('@azure/msal-node') as {
  ConfidentialClientApplication: new (
    configuration: Configuration,
  ) => ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
};

type PasswordCredentials = Extract<NonNullable<TeamsConfig['credentials']>, { password: string }>;

/**
 * MSAL's settings for a token authority that is not Microsoft's public cloud (a sovereign or private cloud,
 * or a test authority): the authority is declared known and its endpoints are given, in Entra's layout
 * (`<authority>/oauth2/v2.0/token`), so MSAL asks nothing before the token request: no instance discovery at
 * Microsoft's login host, no OpenID configuration. A private CA is trusted for this client's connections
 * only, on top of the public roots.
 */
export function privateAuthorityConfiguration(
  credentials: PasswordCredentials,
  loginUrl: string,
  caPem?: string,
): Configuration {
  const authority = loginUrl.replace(/\/+$/, '');
  const host = new URL(authority).host;
  return {
    auth: {
      clientId: credentials.appId,
      clientSecret: credentials.password,
      authority,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify({
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      }),
    },
    ...(caPem ? { system: { customAgentOptions: { ca: [...rootCertificates, caPem] } } } : {}),
  };
}

/** The CA file's PEM, read once at start-up; unreadable or not a certificate stops start-up. */
function readCa(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([`TEAMS_LOGIN_CA_FILE: cannot read ${file}: ${(err as Error).message}`]);
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw new ConfigError([`TEAMS_LOGIN_CA_FILE: ${file} holds no PEM certificate`]);
  }
  return pem;
}

/**
 * How the bot gets the tokens its replies and proactive posts carry. Microsoft's public cloud (no
 * TEAMS_LOGIN_URL) and managed identities keep the SDK's own factories, as configured by the same settings.
 * With TEAMS_LOGIN_URL and a secret, the SDK's password factory would build an MSAL client that runs cloud
 * discovery at Microsoft's login host before every first token: it gets an MSAL client that knows the
 * authority instead.
 */
export function createCredentialsFactory(config: TeamsConfig): ServiceClientCredentialsFactory {
  const credentials = config.credentials;
  if (!credentials) return new ConfigurationServiceClientCredentialFactory();
  if (credentials.appType === 'UserAssignedMSI' || !config.loginUrl) {
    return new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: credentials.appId,
      MicrosoftAppTenantId: credentials.tenantId,
      MicrosoftAppType: credentials.appType,
      // A managed identity has no secret, and the SDK refuses one with it.
      ...('password' in credentials ? { MicrosoftAppPassword: credentials.password } : {}),
    });
  }
  const ca = config.loginCaFile ? readCa(config.loginCaFile) : undefined;
  const msal = new ConfidentialClientApplication(privateAuthorityConfiguration(credentials, config.loginUrl, ca));
  return new MsalServiceClientCredentialsFactory(credentials.appId, msal);
}
