import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  appHomeOpenedEnvelope,
  appMentionEnvelope,
  blockActionsPayload,
  globalShortcutPayload,
  messageImEnvelope,
  slashCommandForm,
} from '../fixtures/slack-payloads.ts';
import { viewSubmissionPayload } from '../fixtures/slack-view-submission.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

const manifest = parse(readFileSync(new URL('../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'));

/** What each Web API method and event needs (api.slack.com/methods, api.slack.com/events). */
const methodScopes: Record<string, string[]> = {
  // Bolt asks who it is at start-up: any token may.
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  // Looking for a post that may have gone out (in a DM, as below; in channels, channels:history and
  // groups:history, which the message events need anyway); a DM by user id lives in the IM conversations.open finds.
  'conversations.history': ['im:history'],
  'conversations.replies': ['im:history'],
  'conversations.open': ['im:write'],
  'chat.update': ['chat:write'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
  // The weekly digest's chart, uploaded into its thread: the external upload flow, and the bytes' POST.
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  upload: [],
};
const eventScopes: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
};

describe('the Slack manifest against what the adapter really calls', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({ DIGEST_PLACES: 'slack:C0COE' });
    // A day's worth of use: a DM question and a press on its answer, an @mention, /support, a form, App Home.
    await slack.event(
      messageImEnvelope({ user: 'U0ANN', text: 'how do I reset my password?', ts: '1.1', eventId: 'E1' }),
    );
    const answer = slack.api.callsTo('chat.postMessage').at(-1);
    const blocks = (answer?.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]) ?? [];
    const helpful = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    await slack.interaction(
      blockActionsPayload({
        user: 'U0ANN',
        channel: String(answer?.args.channel),
        messageTs: answer?.ts ?? '',
        blocks,
        text: String(answer?.args.text ?? ''),
        actionId: helpful?.action_id ?? '',
        value: helpful?.value ?? '',
        label: 'Helpful',
        responseUrl: slack.api.responseUrl('a1'),
      }),
    );
    await slack.event(
      appMentionEnvelope({ user: 'U0ANN', text: '<@U0BOT> vpn', ts: '2.1', eventId: 'E2', channel: 'C0HELP' }),
    );
    await slack.command(
      slashCommandForm({ user: 'U0ANN', text: 'ticket', triggerId: 't1', responseUrl: slack.api.responseUrl('c1') }),
    );
    await slack.interaction(globalShortcutPayload({ user: 'U0ANN', triggerId: 't2' }));
    await slack.event(appHomeOpenedEnvelope({ user: 'U0ANN', eventId: 'E3' }));
    // Slack takes a post, then the connection drops before it answers: the adapter looks for the post before
    // trying again, in a thread (a DM's answer) and in the DM a form's confirmation goes to by user id.
    slack.api.failNext('chat.postMessage', { drop: true });
    await slack.event(
      messageImEnvelope({ user: 'U0ANN', text: 'how do I connect to the vpn?', ts: '4.1', eventId: 'E4' }),
    );
    slack.api.failNext('chat.postMessage', { drop: true });
    await slack.interaction(
      viewSubmissionPayload({ user: 'U0ANN', viewId: 'V9', subject: 'Monitor flickers', description: '' }),
    );
    // Monday morning: the weekly digest, with its chart as a file in the thread.
    slack.app.clock.set(new Date('2026-11-30T09:00:00Z'));
    await slack.app.runJob('weekly-digest');
  });
  afterAll(() => slack.close());

  it('asks for every scope the methods it called need, and only the scopes its methods and events need', () => {
    const called = [...new Set(slack.api.calls.map((c) => c.method))];
    expect(called).toEqual(
      expect.arrayContaining([
        'chat.postMessage',
        'chat.update',
        'views.open',
        'views.publish',
        'files.completeUploadExternal',
      ]),
    );
    for (const method of called) expect(Object.keys(methodScopes), method).toContain(method);
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    const needed = new Set([
      ...called.flatMap((m) => methodScopes[m] ?? []),
      ...events.flatMap((e) => eventScopes[e] ?? [`unknown:${e}`]),
      'commands',
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('subscribes to the events people use it through', () => {
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(expect.arrayContaining(['message.im', 'app_mention', 'app_home_opened']));
  });
});
