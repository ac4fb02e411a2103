import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { articleFolder } from '../support/article-folder.ts';
import { drillDown, figureRow, sessionFrom, tableRow, textOf } from '../support/dashboard-http.ts';
import { type SeededDesk, seedWeek } from '../support/seeded-week.ts';
import { startTestApp } from '../support/test-app.ts';
import { testArticle } from '../support/test-article.ts';

const token = 'coe-lead-token-0123456789abcdef';
const publicUrl = 'https://desk.example.com';

/** GET /dashboard over HTTP on the seeded week (its figures are worked out in metrics.test.ts). */
describe('the dashboard', () => {
  let desk: SeededDesk;
  beforeAll(async () => {
    desk = await seedWeek({ DASHBOARD_TOKEN: token, PUBLIC_URL: publicUrl });
  });
  afterAll(() => desk.app.close());

  const open = (path: string, headers: Record<string, string> = {}) =>
    fetch(new URL(path, desk.app.url), { headers, redirect: 'manual' });
  const asLead = async (path = '/dashboard') => {
    const res = await open(path, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    return res.text();
  };
  const login = (body: string) =>
    fetch(new URL('/dashboard/login', desk.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
  /** Asks the desk for a link as `who`, and returns its reply and the link it sent privately (as a local path). */
  const askForLink = async (who: string) => {
    const reply = (await (await desk.app.post('/api/local/messages', { user: who, text: 'dashboard' })).json()) as {
      messages: Message[];
    };
    const inbox = (await (await desk.app.get(`/api/local/inbox?user=${who}`)).json()) as { messages: Message[] };
    const dm = inbox.messages.map((m) => m.text).find((t) => t.includes('/dashboard?'));
    const link = dm ? /https:\/\/desk\.example\.com(\/dashboard\?\S+)/.exec(dm)?.[1] : undefined;
    return { reply: reply.messages.map((m) => m.text).join('\n'), link };
  };

  it('refuses anyone without a login with 401, a Bearer challenge and the way to the login form', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${token}x` },
      { cookie: 'tierdesk_dashboard=1.abc' },
    ];
    for (const headers of attempts) {
      const res = await open('/dashboard', headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const html = await res.text();
      expect(html).toContain('href="/dashboard/login"');
      expect(html).not.toContain('Questions asked');
    }
  });

  it('shows a lead with the token last week’s headline figures beside the week before’s, with arrows', async () => {
    const html = await asLead();
    expect(textOf(html)).toContain('Week 2026-W48: 2026-11-23 to 2026-11-29 (Europe/London)');
    expect(figureRow(html, 'questions')).toBe('Questions asked 6 1 ▲ up 5');
    expect(figureRow(html, 'activeUsers')).toBe('Active users 8 1 ▲ up 7');
    expect(figureRow(html, 'deflectionRate')).toBe('Deflection 50 % 0 % ▲ up 50 pts');
    expect(figureRow(html, 'slaCompliance')).toBe('SLA compliance 60 % — no comparison');
    expect(figureRow(html, 'breaches')).toBe('SLA breaches 2 0 ▲ up 2');
    expect(figureRow(html, 'csat')).toBe('CSAT (share of 4–5) 60 % — no comparison');
    expect(figureRow(html, 'backlog')).toBe('Backlog at week end 2 1 ▲ up 1');
    expect(textOf(html)).toContain(
      'Level 300: defined What holds it at this level: SLAs defined but compliance 60 % (needs 90 %)',
    );
    expect(textOf(html)).toContain('for the whole desk');
  });

  it('breaks tickets down by tier and priority as they stood, with SLA compliance per priority', async () => {
    const html = await asLead();
    expect(tableRow(html, 'People and questions by platform', 'Local chat')).toBe('Local chat 8 7 6');
    expect(tableRow(html, 'Tickets by tier', 'Tier 1')).toBe('Tier 1 help desk 5 3 0');
    expect(tableRow(html, 'Tickets by tier', 'Tier 2')).toBe('Tier 2 technical 1 2 2');
    expect(tableRow(html, 'Tickets by priority', 'P3')).toBe('P3 6 4 2');
    expect(tableRow(html, 'Tickets by priority', 'P2')).toBe('P2 0 1 0');
    const sla = 'SLA compliance by priority \\(tickets resolved this week\\)';
    expect(tableRow(html, sla, 'P3')).toBe('P3 4 3 75 %');
    expect(tableRow(html, sla, 'P2')).toBe('P2 1 0 0 %');
  });

  it('lists the week’s trends, gaps, breaches with their CAPA and low scores', async () => {
    const html = await asLead();
    expect(tableRow(html, 'Questions, deflection and CSAT per week, oldest first', '2026-W48')).toBe(
      '2026-W48 6 50 % 60 %',
    );
    expect(tableRow(html, 'Questions, deflection and CSAT per week, oldest first', '2026-W37')).toBe('2026-W37 0 — —');
    // The digest's chart, inline: an image with its name, over the same twelve weeks.
    expect(html).toMatch(
      /<figure class="trend-chart"[^>]*><svg role="img" aria-label="Questions per week[^"]*2026-W37 to 2026-W48"/,
    );
    const breaches = drillDown(html, 'breaches');
    expect(breaches.summary).toBe('SLA breaches (2)');
    expect(breaches.body).toContain('Printer on fire first response');
    expect(breaches.body).toContain('a lunch rota now covers it');
    expect(breaches.body).toContain('Badge reader broken first response');
    expect(breaches.body).toContain('missing');
    const low = drillDown(html, 'low-scores');
    expect(low.summary).toBe('Low scores (1)');
    expect(low.body).toMatch(/CSAT T-\d+ 2 cleo/);
    expect(drillDown(html, 'gaps').summary).toMatch(/^Knowledge gaps \(\d+ groups?\)$/);
    expect(drillDown(html, 'gaps').body).toContain('airspeed of a swallow');
  });

  it('narrows breakdowns and lists to a platform or a tier, and says so; the headline stays desk-wide', async () => {
    const slack = await asLead('/dashboard?week=2026-W48&platform=slack');
    expect(textOf(slack)).toContain('Narrowed to Slack.');
    expect(drillDown(slack, 'breaches').summary).toBe('SLA breaches (0)');
    expect(drillDown(slack, 'low-scores').body).toContain('Nothing here this week.');
    expect(tableRow(slack, 'Tickets by priority', 'P3')).toBe('P3 0 0 0');
    expect(figureRow(slack, 'questions')).toBe('Questions asked 6 1 ▲ up 5');
    const tier2 = await asLead('/dashboard?week=2026-W48&tier=tier2');
    expect(drillDown(tier2, 'breaches').summary).toBe('SLA breaches (0)');
    expect(drillDown(tier2, 'low-scores').summary).toBe('Low scores (1)');
    expect(tableRow(tier2, 'Tickets by tier', 'Tier 1')).toBeUndefined();
    // At Tier 2: the follow-up opened there; cleo's resolved there (frank's too, at P2); two left open.
    expect(tableRow(tier2, 'Tickets by priority', 'P3')).toBe('P3 1 1 2');
    const tier1 = await asLead('/dashboard?week=2026-W48&tier=tier1');
    expect(drillDown(tier1, 'breaches').summary).toBe('SLA breaches (2)');
    expect(drillDown(tier1, 'low-scores').summary).toBe('Low scores (0)');
  });

  it('shows another week when asked, and says politely when the week given is none', async () => {
    expect(figureRow(await asLead('/dashboard?week=2026-W47'), 'questions')).toBe('Questions asked 1 0 ▲ up 1');
    const bad = await asLead('/dashboard?week=2026-W60&platform=nowhere');
    expect(textOf(bad)).toContain('“2026-W60” is not a week like 2026-W48, so this shows last week instead.');
    expect(textOf(bad)).toContain('Week 2026-W48');
  });

  it('logs in through the form: a wrong token is re-asked politely, the right one sets a strict HTTP-only cookie', async () => {
    const form = await open('/dashboard/login');
    expect(form.status).toBe(200);
    expect(await form.text()).toMatch(/<label for="token">Dashboard token<\/label>/);
    const wrong = await login(`token=${token}x`);
    expect(wrong.status).toBe(401);
    expect(textOf(await wrong.text())).toContain('Sorry, that token is not the right one.');
    const right = await login(`token=${encodeURIComponent(token)}`);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/dashboard');
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/dashboard/);
    expect(cookie).toMatch(/Max-Age=43200/);
    // PUBLIC_URL is https: the cookie only travels over https.
    expect(cookie).toMatch(/Secure/);
    const page = await open('/dashboard', { cookie: sessionFrom(right) });
    expect(page.status).toBe(200);
    expect(figureRow(await page.text(), 'questions')).toContain('6');
  });

  it('refuses an oversized login body with 413', async () => {
    const res = await login(`token=${'x'.repeat(5000)}`);
    expect(res.status).toBe(413);
  });

  it('sends a lead a private one-hour link that opens the page once, then by its cookie at a clean address', async () => {
    const { reply, link } = await askForLink('ann');
    expect(reply).toBe("I've sent you a private link, valid for an hour.");
    expect(link).toMatch(/^\/dashboard\?exp=\d+&sig=[\w-]+$/);
    const opened = await open(link ?? '');
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/dashboard');
    const page = await open('/dashboard', { cookie: sessionFrom(opened) });
    expect(page.status).toBe(200);
    expect(figureRow(await page.text(), 'questions')).toBe('Questions asked 6 1 ▲ up 5');
  });

  it('refuses a tampered or expired link with 401 and says links last an hour', async () => {
    const { link } = await askForLink('ann');
    const url = new URL(link ?? '', desk.app.url);
    const tampered = new URL(url);
    tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600));
    const forged = new URL(url);
    forged.searchParams.set('sig', 'A'.repeat(43));
    for (const bad of [tampered, forged]) {
      const res = await open(`${bad.pathname}${bad.search}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(textOf(await res.text())).toContain('links last an hour');
    }
    const now = desk.app.clock.now();
    desk.app.clock.set(new Date(now.getTime() + 61 * 60_000));
    try {
      expect((await open(link ?? '')).status).toBe(401);
    } finally {
      desk.app.clock.set(now);
    }
  });

  it('gives the link only to leads and admins', async () => {
    const { reply, link } = await askForLink('zoe');
    expect(reply).toBe('Sorry, the dashboard is only for leads and admins.');
    expect(link).toBeUndefined();
  });

  it('without PUBLIC_URL says how to set it; without DASHBOARD_TOKEN the form is off but a link still opens', async () => {
    const { link } = await askForLink('ann');
    const bare = await startTestApp({}, desk.app.store);
    try {
      bare.clock.set(desk.app.clock.now());
      const said = (await (await bare.post('/api/local/messages', { user: 'ann', text: 'dashboard' })).json()) as {
        messages: Message[];
      };
      expect(said.messages.map((m) => m.text).join('\n')).toContain('set PUBLIC_URL');
      const form = await fetch(new URL('/dashboard/login', bare.url));
      expect(textOf(await form.text())).toContain('The dashboard is off until DASHBOARD_TOKEN is set.');
      const posted = await fetch(new URL('/dashboard/login', bare.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${token}`,
        redirect: 'manual',
      });
      expect(posted.status).toBe(401);
      expect(
        (await fetch(new URL('/dashboard', bare.url), { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(401);
      const opened = await fetch(new URL(link ?? '', bare.url), { redirect: 'manual' });
      expect(opened.status).toBe(303);
      const page = await fetch(new URL('/dashboard', bare.url), { headers: { cookie: sessionFrom(opened) } });
      expect(page.status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('escapes what people typed (this week, after the seeded one)', async () => {
    await desk.app.post('/api/local/messages', { user: 'eve', text: '<script>alert(1)</script> zorbled frobnicator' });
    const html = await asLead('/dashboard?week=2026-W49');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(drillDown(html, 'gaps').body).toContain('<script>alert(1)</script> zorbled frobnicator');
  });

  it('lists articles past their review date with their owner, and only those', async () => {
    const dir = await articleFolder([
      { ...testArticle('old-vpn', 'Old VPN client <legacy>'), owner: 'network-team', reviewBy: '2026-06-30' },
      { ...testArticle('new-vpn', 'New VPN client'), owner: 'network-team', reviewBy: '2027-06-30' },
    ]);
    const kb = await startTestApp({ DASHBOARD_TOKEN: token, KNOWLEDGE_DIR: dir }, desk.app.store);
    try {
      kb.clock.set(desk.app.clock.now());
      const res = await fetch(new URL('/dashboard', kb.url), { headers: { authorization: `Bearer ${token}` } });
      const stale = drillDown(await res.text(), 'stale');
      expect(stale.body).toContain('Old VPN client <legacy> network-team 2026-06-30');
      expect(stale.body).not.toContain('New VPN client');
    } finally {
      await kb.close();
    }
  });
});
