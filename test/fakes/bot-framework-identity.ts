/**
 * A local stand-in for the Bot Framework's token signing authority: an OpenID metadata document and a JWKS
 * (what `ToBotFromChannelOpenIdMetadataUrl` points at), and RS256 tokens signed with its key the way the
 * channel signs the requests it sends to a bot.
 */
import { createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const botFrameworkIssuer = 'https://api.botframework.com';

export interface IdentityFake {
  metadataUrl: string;
  /** A signed token; every claim can be overridden to make it wrong in one way. */
  token(
    claims: { aud: string; serviceUrl: string; expiresInSeconds?: number; iss?: string },
    key?: 'trusted' | 'stranger',
  ): string;
  close(): Promise<void>;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function sign(payload: object, kid: string, key: KeyObject): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${b64url(signature)}`;
}

export async function startIdentityFake(): Promise<IdentityFake> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Signs with the same key id but a key the metadata does not publish: a forged token.
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'tierdesk-test-key';
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  // botframework-connector caches each metadata URL's keys for the whole process (a day): test files share
  // a process (vitest.config.ts), and a later fake on a reused port would meet the earlier fake's key and
  // answer 401. A path of its own gives every fake a URL no earlier one had.
  const root = `/${randomBytes(6).toString('hex')}/v1/.well-known`;
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === `${root}/openidconfiguration`) {
      return res.end(
        JSON.stringify({
          issuer: botFrameworkIssuer,
          authorization_endpoint: `${base}/v1/auth`,
          jwks_uri: `${base}${root}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
    }
    if (req.url === `${root}/keys`) {
      return res.end(
        JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }),
      );
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}${root}/openidconfiguration`,
    token(claims, key = 'trusted') {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: claims.iss ?? botFrameworkIssuer,
        aud: claims.aud,
        serviceurl: claims.serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + (claims.expiresInSeconds ?? 3600),
      };
      return sign(payload, kid, key === 'trusted' ? trusted.privateKey : stranger.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
