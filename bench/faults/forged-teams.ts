/**
 * Bot Framework activities whose Authorization no bot should accept: none, not a bearer JWT, expired, for
 * another bot, for another service URL, from another issuer, signed with a key the channel does not
 * publish, unsigned (`alg: none`), or a genuine token with its claims changed. Each is tried on a message
 * (`ticket …`) and on a card press.
 */
import { randomUUID } from 'node:crypto';
import { executeInvokeActivity, messageActivity } from '../../test/fixtures/teams-activities.ts';
import type { TeamsAuth } from '../../test/support/teams-auth.ts';

export interface ForgedTeams {
  kind: string;
  activity: unknown;
  /** The Authorization header, or null for none. */
  authorization: string | null;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());

type Forge = (auth: TeamsAuth, serviceUrl: string) => string | null;

const forgeries: [string, Forge][] = [
  ['no Authorization', () => null],
  ['empty bearer', () => 'Bearer '],
  ['not a JWT', () => `Bearer ${randomUUID()}`],
  ['Basic credentials', () => `Basic ${Buffer.from('bot:password').toString('base64')}`],
  ['expired', (a, s) => `Bearer ${a.identity.token({ aud: a.appId, serviceUrl: s, expiresInSeconds: -3600 })}`],
  ['for another bot', (a, s) => `Bearer ${a.identity.token({ aud: randomUUID(), serviceUrl: s })}`],
  [
    'for another service URL',
    (a) => `Bearer ${a.identity.token({ aud: a.appId, serviceUrl: 'https://evil.example/' })}`,
  ],
  [
    'from another issuer',
    (a, s) => `Bearer ${a.identity.token({ aud: a.appId, serviceUrl: s, iss: 'https://evil.example' })}`,
  ],
  ['signed with an unknown key', (a, s) => `Bearer ${a.identity.token({ aud: a.appId, serviceUrl: s }, 'stranger')}`],
  [
    'unsigned (alg none)',
    (a, s) => {
      const claims = claimsOf(a.identity.token({ aud: a.appId, serviceUrl: s }));
      return `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    },
  ],
  [
    'genuine token, claims changed',
    (a, s) => {
      const [head, , signature] = a.identity.token({ aud: a.appId, serviceUrl: s, expiresInSeconds: -60 }).split('.');
      const claims = { ...claimsOf(a.identity.token({ aud: a.appId, serviceUrl: s })), exp: 4_102_444_800 };
      return `Bearer ${head}.${b64url(claims)}.${signature}`;
    },
  ],
];

/** `count` activities, each forgery in turn (about half messages, half presses), each a new activity. */
export function forgedTeams(auth: TeamsAuth, serviceUrl: string, count: number, runId: string): ForgedTeams[] {
  const perForgery = Math.ceil(count / forgeries.length);
  let n = 0;
  return forgeries
    .flatMap(([kind, forge]) =>
      Array.from({ length: perForgery }, () => {
        const i = n++;
        const user = { name: `Forger ${i}` };
        const id = `forged-${runId}-${i}`;
        const activity =
          i % 2 === 0
            ? messageActivity({ user, text: `ticket forged ${runId}-t${i}`, id, serviceUrl })
            : executeInvokeActivity({
                user,
                id,
                serviceUrl,
                replyToId: `card-${i}`,
                verb: 'claim',
                data: { ticket: 1 },
              });
        return { kind, activity, authorization: forge(auth, serviceUrl) };
      }),
    )
    .slice(0, count);
}
