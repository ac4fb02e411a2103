import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthenticationConstants,
  ManagedIdentityAppCredentials,
  MicrosoftAppCredentials,
  MsalAppCredentials,
} from 'botframework-connector';
import { afterAll, describe, expect, it } from 'vitest';
import { createCredentialsFactory, privateAuthorityConfiguration } from '../../../../adapters/teams/credentials.ts';
import type { TeamsConfig } from '../../../../adapters/teams/teams-settings.ts';
import { loadConfig } from '../../../../src/main.ts';
import { createTestAuthority } from '../../../fakes/test-certificates.ts';

const appId = '11111111-2222-4333-8444-555555555555';
const secret = { appId, password: 'secret', tenantId: 'contoso-tenant', appType: 'SingleTenant' } as const;
const scope = AuthenticationConstants.ToChannelFromBotOAuthScope;
const publicLogin = AuthenticationConstants.ToChannelFromBotLoginUrl;
const privateLogin = 'https://login.contoso.example:8443/contoso-tenant';
const credentialsFrom = (config: TeamsConfig, loginUrl = config.loginUrl ?? publicLogin) =>
  createCredentialsFactory(config).createCredentials(appId, scope, loginUrl, !config.loginUrl);

describe('Teams credentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierdesk-credentials-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("Microsoft's cloud keeps the SDK's password credentials, at the tenant's authority as before", async () => {
    const credentials = await credentialsFrom({ credentials: secret });
    expect(credentials).toBeInstanceOf(MicrosoftAppCredentials);
    expect((credentials as MicrosoftAppCredentials).oAuthEndpoint).toBe(
      'https://login.microsoftonline.com/contoso-tenant',
    );
  });

  it("a managed identity keeps the SDK's managed-identity credentials, with no secret, on any cloud", async () => {
    const msi = { appId, tenantId: 'contoso-tenant', appType: 'UserAssignedMSI' } as const;
    expect(await credentialsFrom({ credentials: msi })).toBeInstanceOf(ManagedIdentityAppCredentials);
    expect(await credentialsFrom({ credentials: msi, loginUrl: privateLogin })).toBeInstanceOf(
      ManagedIdentityAppCredentials,
    );
  });

  it('a login authority of its own gets MSAL credentials; without credentials nothing is sent', async () => {
    expect(await credentialsFrom({ credentials: secret, loginUrl: privateLogin })).toBeInstanceOf(MsalAppCredentials);
    expect(await createCredentialsFactory({}).isAuthenticationDisabled()).toBe(true);
  });

  it('tells MSAL the authority and its endpoints, so it discovers nothing, and trusts a CA only when given', () => {
    const configuration = privateAuthorityConfiguration(secret, `${privateLogin}/`);
    expect(configuration.auth).toMatchObject({
      clientId: appId,
      clientSecret: 'secret',
      authority: privateLogin,
      knownAuthorities: ['login.contoso.example:8443'],
    });
    expect(JSON.parse(configuration.auth.authorityMetadata ?? '')).toMatchObject({
      token_endpoint: `${privateLogin}/oauth2/v2.0/token`,
      issuer: `${privateLogin}/v2.0`,
    });
    expect(configuration.system).toBeUndefined();
    const ca = createTestAuthority().caPem;
    const trusted = privateAuthorityConfiguration(secret, privateLogin, ca).system?.customAgentOptions;
    expect((trusted as { ca: string[] }).ca).toContain(ca);
  });

  it('stops start-up when the CA file cannot be read or holds no certificate', () => {
    const missing = join(dir, 'missing.pem');
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    for (const loginCaFile of [missing, notPem]) {
      expect(() => createCredentialsFactory({ credentials: secret, loginUrl: privateLogin, loginCaFile })).toThrow(
        /TEAMS_LOGIN_CA_FILE/,
      );
    }
  });
});

describe('Teams login settings', () => {
  const env = { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'contoso-tenant' };

  it('takes an https login authority with its tenant, and a CA file for it', () => {
    expect(
      loadConfig({ ...env, TEAMS_LOGIN_URL: privateLogin, TEAMS_LOGIN_CA_FILE: '/etc/tierdesk/login-ca.pem' }).teams,
    ).toMatchObject({ loginUrl: privateLogin, loginCaFile: '/etc/tierdesk/login-ca.pem' });
  });

  it('refuses a login URL MSAL would refuse, and a CA file without a login authority', () => {
    expect(() => loadConfig({ ...env, TEAMS_LOGIN_URL: 'http://login.contoso.example/t' })).toThrow(/TEAMS_LOGIN_URL/);
    expect(() => loadConfig({ ...env, TEAMS_LOGIN_URL: 'https://login.contoso.example/' })).toThrow(/tenant/);
    expect(() => loadConfig({ ...env, TEAMS_LOGIN_CA_FILE: '/etc/ca.pem' })).toThrow(
      /TEAMS_LOGIN_CA_FILE is set but TEAMS_LOGIN_URL is not/,
    );
  });

  it('takes a managed identity without a secret, and refuses one with a secret', () => {
    const msi = {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_TENANT_ID: 'contoso-tenant',
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    };
    expect(loadConfig(msi).teams).toEqual({
      credentials: { appId, tenantId: 'contoso-tenant', appType: 'UserAssignedMSI' },
    });
    expect(() => loadConfig({ ...msi, MICROSOFT_APP_PASSWORD: 'secret' })).toThrow(/MICROSOFT_APP_PASSWORD is set but/);
  });
});
