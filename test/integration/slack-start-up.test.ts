import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { startSlackApiFake } from '../fakes/slack-api.ts';
import { messageImEnvelope, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { printedUrl, startDeskProcess, stopDeskProcess, waitFor } from '../support/desk-process.ts';
import { startSlackTestApp } from '../support/slack-app.ts';
import { testSigningSecret } from '../support/slack-signing.ts';
import { startTestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const slackEnv = (apiUrl: string) => ({
  SLACK_BOT_TOKEN: 'xoxb-start-up-test',
  SLACK_SIGNING_SECRET: testSigningSecret,
  SLACK_API_URL: apiUrl,
});

/** Slack's own answer to a request that is down: every call fails, for as long as the test says. */
const slackDown = { status: 503 };
const forever = 1_000_000;

describe('start-up against a Slack API that is down or refuses the token', () => {
  it('serves everything else while Slack is unreachable, says so on /healthz, and connects once Slack is back', async () => {
    const api = await startSlackApiFake();
    api.failNext('auth.test', slackDown, forever);
    const slack = await startSlackTestApp({}, { api });
    try {
      const health = await slack.app.get('/healthz');
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'degraded',
        platforms: { slack: expect.stringMatching(/^starting: Slack answered HTTP 503/) },
      });

      // The local chat answers meanwhile.
      const local = await slack.app.post('/api/local/messages', { user: 'alice', text: 'how do I reset my password?' });
      expect(JSON.stringify(await local.json())).toContain('Reset a forgotten password');

      // A Slack event is refused so that Slack sends it again; a command hears why.
      const question = messageImEnvelope({
        user: 'U0EARLY',
        text: 'how do I reset my password?',
        ts: '1740000000.000100',
        eventId: 'EvEarly',
      });
      expect((await slack.event(question)).status).toBe(503);
      const command = await slack.command(
        slashCommandForm({ user: 'U0EARLY', text: 'help', triggerId: 'trig-early', responseUrl: api.responseUrl('e') }),
      );
      expect(command.status).toBe(200);
      expect(command.json()).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringMatching(/connecting to Slack/),
      });
      expect(api.callsTo('chat.postMessage')).toHaveLength(0);

      // Slack comes back: the next try connects, and Slack's resend of the event is answered, once.
      api.failNext('auth.test', slackDown, 0);
      await waitFor(
        async () => ((await (await slack.app.get('/healthz')).json()) as { status: string }).status === 'ok',
        'Slack to connect',
      );
      const retried = await slack.event(question, {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' },
      });
      expect(retried.status).toBe(200);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
      expect(api.callsTo('chat.postMessage')[0]?.args).toMatchObject({
        channel: 'DU0EARLY',
        thread_ts: '1740000000.000100',
      });
      expect(slack.app.log.lines.some((l) => l.msg === 'slack connected')).toBe(true);
    } finally {
      await slack.close();
    }
  });

  it('stops retrying and says why on /healthz when Slack, back again, refuses the token', async () => {
    const api = await startSlackApiFake();
    api.failNext('auth.test', slackDown, forever);
    const slack = await startSlackTestApp({}, { api });
    try {
      api.failNext('auth.test', { error: 'token_revoked' }, forever);
      const health = async () =>
        (await (await slack.app.get('/healthz')).json()) as { status: string; platforms?: { slack?: string } };
      await waitFor(async () => (await health()).platforms?.slack?.startsWith('stopped') === true, 'the refusal');
      expect(await health()).toEqual({
        status: 'degraded',
        platforms: { slack: expect.stringMatching(/^stopped: SLACK_BOT_TOKEN was refused by Slack \(token_revoked\)/) },
      });
      expect(
        slack.app.log.lines.some((l) => l.level === 'error' && l.msg === 'slack stopped: the token was refused'),
      ).toBe(true);
    } finally {
      await slack.close();
    }
  });

  it.each(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked'])(
    'stops start-up with a ConfigError naming SLACK_BOT_TOKEN when Slack answers %s',
    async (error) => {
      const api = await startSlackApiFake();
      api.failNext('auth.test', { error });
      const store = await createTestStore();
      try {
        const started = startTestApp(slackEnv(api.apiUrl), store);
        await expect(started).rejects.toBeInstanceOf(ConfigError);
        await expect(started).rejects.toThrow(new RegExp(`SLACK_BOT_TOKEN was refused by Slack \\(${error}\\)`));
        // Tried once: retrying cannot make a refused token good.
        expect(api.callsTo('auth.test')).toHaveLength(1);
      } finally {
        await store.close();
        await api.close();
      }
    },
  );
});

describe('start-up against Slack, as the real process', () => {
  it('exits with 1 before "running", naming SLACK_BOT_TOKEN and without a stack trace, when the token is refused', async () => {
    const api = await startSlackApiFake();
    api.failNext('auth.test', { error: 'invalid_auth' }, forever);
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-refused-'));
    const run = startDeskProcess({ PORT: '0', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false', ...slackEnv(api.apiUrl) });
    try {
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
      expect(run.output()).not.toContain('Tierdesk is running');
      expect(run.output()).not.toMatch(/\n\s+at /);
    } finally {
      await stopDeskProcess(run);
      await api.close();
    }
  });

  it('keeps running with Slack down: the local chat serves, /healthz says degraded, then ok once Slack answers', async () => {
    const api = await startSlackApiFake();
    api.failNext('auth.test', slackDown, forever);
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-slack-down-'));
    const run = startDeskProcess({ PORT: '0', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false', ...slackEnv(api.apiUrl) });
    try {
      await waitFor(() => printedUrl(run) !== undefined || run.child.exitCode !== null, 'the URL');
      const url = printedUrl(run) ?? '';
      expect(run.output()).toContain('Slack (HTTP, /slack/events)');
      const healthz = async () => (await fetch(new URL('/healthz', url))).json() as Promise<{ status: string }>;
      expect(await healthz()).toMatchObject({
        status: 'degraded',
        platforms: { slack: expect.stringMatching(/^starting/) },
      });
      const local = await fetch(new URL('/api/local/messages', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'alice', text: 'how do I reset my password?' }),
      });
      expect(JSON.stringify(await local.json())).toContain('Reset a forgotten password');

      api.failNext('auth.test', slackDown, 0);
      await waitFor(async () => (await healthz()).status === 'ok', 'Slack to connect');
      expect(run.child.exitCode).toBeNull();
    } finally {
      await stopDeskProcess(run);
      await api.close();
    }
  });
});
