/**
 * A recording fake of a Microsoft Entra token authority (what TEAMS_LOGIN_URL points at) over HTTPS, with a
 * certificate from a private authority made at start: the OAuth 2.0 client-credentials grant at
 * `/<tenant>/oauth2/v2.0/token`, answered the way Entra answers it (learn.microsoft.com: "OAuth 2.0 client
 * credentials flow"). Every request is recorded, so a test can also see that nothing else was asked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestAuthority } from './test-certificates.ts';

export interface TokenRequest {
  method: string;
  path: string;
  /** The form fields of a token request (grant_type, client_id, scope, …), the secret included. */
  form: Record<string, string>;
}

export interface TokenAuthorityFake {
  /** The authority, tenant included: what TEAMS_LOGIN_URL is set to. */
  authority: string;
  /** A file holding the certificate of the authority that signed this server's certificate (PEM). */
  caFile: string;
  /** The access token it issues to the registered app. */
  accessToken: string;
  requests: TokenRequest[];
  /** Token requests only. */
  tokenRequests(): TokenRequest[];
  /** Makes token requests fail with this status and an Entra error body until `recover()`. */
  fail(status: number, error?: { error: string; error_description: string }): void;
  recover(): void;
  close(): Promise<void>;
}

export async function startTokenAuthorityFake(app: {
  tenant: string;
  clientId: string;
  clientSecret: string;
}): Promise<TokenAuthorityFake> {
  const ca = createTestAuthority();
  const { certPem, keyPem } = ca.issueServer(['127.0.0.1']);
  const dir = mkdtempSync(join(tmpdir(), 'tierdesk-token-authority-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.caPem);
  const accessToken = `fake-access-token-${app.clientId}`;
  const requests: TokenRequest[] = [];
  let failure: { status: number; body: object } | undefined;
  const tokenPath = `/${app.tenant}/oauth2/v2.0/token`;

  const server = createServer({ cert: certPem, key: keyPem }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'https://fake').pathname;
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    requests.push({ method: req.method ?? '', path, form });
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || path !== tokenPath) {
      return send(404, { error: 'not_found', error_description: `nothing at ${req.method} ${path}` });
    }
    if (failure) return send(failure.status, failure.body);
    if (form.grant_type !== 'client_credentials') {
      return send(400, { error: 'unsupported_grant_type', error_description: `AADSTS70003: ${form.grant_type}` });
    }
    if (form.client_id !== app.clientId || form.client_secret !== app.clientSecret) {
      return send(401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
        error_codes: [7000215],
      });
    }
    if (!form.scope?.endsWith('/.default')) {
      return send(400, { error: 'invalid_scope', error_description: `AADSTS1002012: ${form.scope}` });
    }
    send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    authority: `https://127.0.0.1:${port}/${app.tenant}`,
    caFile,
    accessToken,
    requests,
    tokenRequests: () => requests.filter((r) => r.path === tokenPath),
    fail(status, error = { error: 'temporarily_unavailable', error_description: 'AADSTS50196: try again later' }) {
      failure = { status, body: error };
    },
    recover() {
      failure = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
