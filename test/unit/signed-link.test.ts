import { describe, expect, it } from 'vitest';
import { createLinkSigner } from '../../src/signed-link.ts';

const signer = createLinkSigner(Buffer.alloc(32, 7));
const now = new Date('2026-11-30T09:00:00Z');
const inAnHour = new Date(now.getTime() + 3_600_000);
const open = (link: string) => new URL(link, 'https://desk.example.com');

describe('signed links', () => {
  it('opens a link it signed until it expires, whatever order its parameters come in', () => {
    const link = signer.sign('/charts/trend.png?week=2026-W48&weeks=8', inAnHour);
    expect(signer.verify(open(link), now)).toEqual({
      ok: true,
      expiresAt: new Date(Math.floor(inAnHour.getTime() / 1000) * 1000),
    });
    const url = open(link);
    const reordered = new URL(
      `${url.pathname}?${[...url.searchParams]
        .reverse()
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')}`,
      url,
    );
    expect(signer.verify(reordered, now).ok).toBe(true);
    expect(signer.verify(open(link), inAnHour)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a link whose path, parameters or expiry were changed, or that is not signed at all', () => {
    const url = open(signer.sign('/charts/trend.png?week=2026-W48', inAnHour));
    const changed = (edit: (u: URL) => void) => {
      const copy = new URL(url);
      edit(copy);
      return signer.verify(copy, now);
    };
    expect(changed((u) => u.searchParams.set('week', '2026-W47'))).toEqual({ ok: false, problem: 'bad_signature' });
    expect(changed((u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 60)))).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    expect(
      changed((u) => {
        u.pathname = '/dashboard';
      }),
    ).toEqual({ ok: false, problem: 'bad_signature' });
    expect(changed((u) => u.searchParams.set('extra', '1'))).toEqual({ ok: false, problem: 'bad_signature' });
    expect(changed((u) => u.searchParams.set('sig', 'AAAA'))).toEqual({ ok: false, problem: 'bad_signature' });
    expect(signer.verify(open('/charts/trend.png?week=2026-W48'), now)).toEqual({ ok: false, problem: 'unsigned' });
    expect(createLinkSigner(Buffer.alloc(32, 8)).verify(url, now)).toEqual({ ok: false, problem: 'bad_signature' });
  });
});
