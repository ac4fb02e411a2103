import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links that open without a login for a while: a chart image a Teams card shows, a dashboard link sent to a
 * lead. The path, its query and an expiry are signed with the desk's key (HMAC-SHA256); anything changed
 * or past its time is refused. `exp` is seconds since the epoch, `sig` base64url.
 */
export interface LinkSigner {
  /** `/charts/trend.png?week=2026-W48` → the same with `&exp=…&sig=…`, valid until `expiresAt`. */
  sign(pathAndQuery: string, expiresAt: Date): string;
  /** Whether `url` carries a valid signature that has not expired at `now`. */
  verify(url: URL, now: Date): LinkCheck;
}

export type LinkCheck =
  | { ok: true; expiresAt: Date }
  | { ok: false; problem: 'unsigned' | 'expired' | 'bad_signature' };

/** What is signed: the path and every parameter but `sig`, sorted, so their order in the link does not matter. */
function canonical(url: URL): string {
  const params = [...url.searchParams]
    .filter(([name]) => name !== 'sig')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

export function createLinkSigner(key: Buffer): LinkSigner {
  const mac = (text: string) => createHmac('sha256', key).update(text, 'utf8').digest();
  return {
    sign(pathAndQuery, expiresAt) {
      const url = new URL(pathAndQuery, 'http://desk.invalid');
      url.searchParams.set('exp', String(Math.floor(expiresAt.getTime() / 1000)));
      url.searchParams.set('sig', mac(canonical(url)).toString('base64url'));
      return `${url.pathname}${url.search}`;
    },
    verify(url, now) {
      const exp = url.searchParams.get('exp');
      const sig = url.searchParams.get('sig');
      if (exp === null || sig === null || !/^\d{1,12}$/.test(exp)) return { ok: false, problem: 'unsigned' };
      const given = Buffer.from(sig, 'base64url');
      const expected = mac(canonical(url));
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, problem: 'bad_signature' };
      const expiresAt = new Date(Number(exp) * 1000);
      if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
      return { ok: true, expiresAt };
    },
  };
}
