import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSlackApiFake } from '../fakes/slack-api.ts';
import { messageImEnvelope, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { answers, printedUrl, startDeskProcess as start, stopDeskProcess, waitFor } from '../support/desk-process.ts';
import { nowSeconds, slackSignature, testSigningSecret } from '../support/slack-signing.ts';

describe('start-up', () => {
  it('exits with 1 and names every bad setting', async () => {
    const run = start({ PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://nope' });
    try {
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/PORT/);
      expect(run.output()).toMatch(/LOG_LEVEL/);
      expect(run.output()).toMatch(/DATABASE_URL/);
    } finally {
      await stopDeskProcess(run);
    }
  });

  it('prints the chat URL, serves it, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-start-'));
    const run = start({ PORT: '0', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false' });
    try {
      await waitFor(() => /Open (http:\/\/\S+)/.test(run.output()), 'the URL');
      const url = /Open (http:\/\/\S+)/.exec(run.output())?.[1] ?? '';
      expect(await (await fetch(new URL('/healthz', url))).json()).toEqual({ status: 'ok' });
      expect(run.output()).toContain('Tierdesk is running (local chat)');
      expect((await fetch(new URL('/slack/events', url), { method: 'POST' })).status).toBe(404);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(await answers(url)).toBe(false);
    } finally {
      await stopDeskProcess(run);
    }
  });

  it('serves Slack on /slack/events when configured, answering in the thread and acking /support help', async () => {
    const api = await startSlackApiFake();
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-slack-'));
    const run = start({
      PORT: '0',
      DATA_DIR: dataDir,
      KNOWLEDGE_WATCH: 'false',
      SLACK_BOT_TOKEN: 'xoxb-start-up-test',
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: api.apiUrl,
    });
    try {
      await waitFor(() => /Open (http:\/\/\S+)/.test(run.output()), 'the URL');
      expect(run.output()).toContain('Slack (HTTP, /slack/events)');
      const events = new URL('/slack/events', /Open (http:\/\/\S+)/.exec(run.output())?.[1] ?? '');
      const post = (body: string, type: string) =>
        fetch(events, {
          method: 'POST',
          headers: { 'content-type': type, ...slackSignature(body, nowSeconds()) },
          body,
        });

      const event = JSON.stringify(
        messageImEnvelope({
          user: 'U0ALICE',
          text: 'how do I reset my password',
          ts: '1720000000.000100',
          eventId: 'EvStart',
        }),
      );
      expect((await post(event, 'application/json')).status).toBe(200);
      await waitFor(() => api.callsTo('chat.postMessage').length > 0, 'the threaded answer');
      expect(api.callsTo('chat.postMessage')[0]?.args).toMatchObject({
        channel: 'DU0ALICE',
        thread_ts: '1720000000.000100',
      });
      expect(api.callsTo('chat.postMessage')[0]?.args.text).toContain('Reset a forgotten password');
      expect(api.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'actions' })]),
      );

      const command = slashCommandForm({
        user: 'U0ALICE',
        text: 'help',
        triggerId: 'trig-start',
        responseUrl: api.responseUrl('start'),
      });
      // The usage text is in the HTTP response itself: the ack Slack waits at most 3 s for.
      const ack = await post(command, 'application/x-www-form-urlencoded');
      expect(await ack.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('status') });

      // Stopped by the test, the desk is gone, with the process tsx ran it in: nothing is left serving.
      await stopDeskProcess(run);
      expect(await answers(printedUrl(run) ?? '')).toBe(false);
    } finally {
      await stopDeskProcess(run);
      await api.close();
    }
  });
});
