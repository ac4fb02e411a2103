import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { sampleOf } from '../support/prometheus-text.ts';
import { type SeededDesk, seedWeek } from '../support/seeded-week.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

const metricsToken = 'prometheus-scrape-token-0123456789';

/** GET /metrics over HTTP, moving as people use the local chat. */
describe('the Prometheus metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Tier 2's queue is on Slack, which is not connected here: an escalation's queue card cannot go out.
    app = await startTestApp({ ADMINS: 'local:ann', QUEUE_TIER2: 'slack:C0TIER2' });
  });
  afterAll(() => app.close());

  const scrape = async (target = app, authorization?: string) => {
    const res = await fetch(new URL('metrics', target.url), authorization ? { headers: { authorization } } : {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const say = async (user: string, text: string) =>
    ((await (await app.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages;
  const press = async (user: string, message: Message | undefined, actionId: string) => {
    const button = buttonsOf(message).find((b) => b.actionId === actionId);
    if (!button) throw new Error(`no ${actionId} button`);
    return app.post('/api/local/actions', { user, action: button.actionId, value: button.value });
  };

  it('is open without METRICS_TOKEN and shows the process’ own metrics', async () => {
    const text = await scrape();
    expect(sampleOf(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleOf(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts questions by what the desk decided, and the feedback on answers', async () => {
    const before = await scrape();
    const count = (text: string, decision: string) => sampleOf(text, 'tierdesk_questions_total', { decision }) ?? 0;
    await press('alice', (await say('alice', 'how do I reset my password?'))[0], 'helpful');
    await press('bob', (await say('bob', 'how do I connect to the VPN'))[0], 'not_helpful');
    await say('cleo', 'laptop');
    await say('dave', 'what is the airspeed of a swallow');
    await say('erin', 'thanks!');
    const after = await scrape();
    expect(count(after, 'answered') - count(before, 'answered')).toBe(2);
    expect(count(after, 'clarified') - count(before, 'clarified')).toBe(1);
    expect(count(after, 'declined') - count(before, 'declined')).toBe(1);
    expect(count(after, 'small_talk') - count(before, 'small_talk')).toBe(1);
    expect(sampleOf(after, 'tierdesk_answer_feedback_total', { feedback: 'helpful' })).toBe(1);
    expect(sampleOf(after, 'tierdesk_answer_feedback_total', { feedback: 'not_helpful' })).toBe(1);
    // Every event above was handled on the local platform, and timed.
    const handled = (text: string, kind: string) =>
      sampleOf(text, 'tierdesk_handler_seconds_count', { platform: 'local', kind }) ?? 0;
    expect(handled(after, 'message') - handled(before, 'message')).toBe(5);
    expect(handled(after, 'action') - handled(before, 'action')).toBe(2);
    expect(sampleOf(after, 'tierdesk_handler_seconds_bucket', { platform: 'local', kind: 'message', le: '+Inf' })).toBe(
      handled(after, 'message'),
    );
  });

  it('shows tickets by state and tier from the database, and the queue card Slack could not take', async () => {
    const opened = (await say('gus', 'ticket Badge reader broken')).map((m) => m.text).join('\n');
    const id = /T-(\d+)/.exec(opened)?.[1];
    await say('ann', 'staff add @tom tier1');
    let text = await scrape();
    expect(sampleOf(text, 'tierdesk_tickets', { state: 'new', tier: 'tier1' })).toBe(1);
    await say('tom', `claim T-${id}`);
    await say('tom', `escalate T-${id} needs a new reader`);
    text = await scrape();
    expect(sampleOf(text, 'tierdesk_tickets', { state: 'new', tier: 'tier1' })).toBeUndefined();
    expect(sampleOf(text, 'tierdesk_tickets', { state: 'new', tier: 'tier2' })).toBe(1);
    expect(sampleOf(text, 'tierdesk_outbox_failures_total', { platform: 'slack', reason: 'not_connected' })).toBe(1);
    expect(sampleOf(text, 'tierdesk_sla_breaches', { target: 'response' })).toBeUndefined();
    expect(sampleOf(text, 'tierdesk_sla_warnings', { target: 'response' })).toBe(0);
  });

  it('needs the token when METRICS_TOKEN is set, and keeps its counts apart from another app’s', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN: metricsToken }, app.store);
    try {
      for (const authorization of [undefined, `Bearer ${metricsToken}x`]) {
        const res = await fetch(new URL('metrics', guarded.url), authorization ? { headers: { authorization } } : {});
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="metrics"/);
      }
      const text = await scrape(guarded, `Bearer ${metricsToken}`);
      // Its own registry: nothing asked here yet, while the database's figures are the same for both.
      expect(sampleOf(text, 'tierdesk_questions_total', { decision: 'answered' })).toBeUndefined();
      expect(sampleOf(text, 'tierdesk_tickets', { state: 'new', tier: 'tier2' })).toBe(1);
    } finally {
      await guarded.close();
    }
  });
});

/** The seeded week's surveys and SLA events, as the database holds them (test/support/seeded-week.ts). */
describe('the Prometheus metrics read from the database', () => {
  let desk: SeededDesk;
  beforeAll(async () => {
    desk = await seedWeek();
  });
  afterAll(() => desk.app.close());

  it('shows survey asks sent and answered, and SLA warnings and breaches', async () => {
    const text = await (await fetch(new URL('metrics', desk.app.url))).text();
    // Six "How did we do?" asks, five answered; the pulse went to alice and erin, alice answered.
    expect(sampleOf(text, 'tierdesk_survey_asks', { kind: 'csat', result: 'sent' })).toBe(6);
    expect(sampleOf(text, 'tierdesk_survey_answered', { kind: 'csat' })).toBe(5);
    expect(sampleOf(text, 'tierdesk_survey_asks', { kind: 'pulse', result: 'sent' })).toBe(2);
    expect(sampleOf(text, 'tierdesk_survey_answered', { kind: 'pulse' })).toBe(1);
    // frank's and gus's tickets were warned, then breached their response target.
    expect(sampleOf(text, 'tierdesk_sla_warnings', { target: 'response' })).toBe(2);
    expect(sampleOf(text, 'tierdesk_sla_breaches', { target: 'response' })).toBe(2);
    expect(sampleOf(text, 'tierdesk_tickets', { state: 'new', tier: 'tier2' })).toBe(1);
  });
});
