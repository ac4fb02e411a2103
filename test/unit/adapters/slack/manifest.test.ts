import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newTicketCallbackId, newTicketShortcutId } from '../../../../adapters/slack/new-ticket-modal.ts';

const dir = new URL('../../../../adapters/slack/', import.meta.url);
const manifest = parse(readFileSync(new URL('manifest.yaml', dir), 'utf8'));
const code = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .join('\n');

/** What each Web API method and event needs (api.slack.com/methods, api.slack.com/events). */
const methodScopes: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
};
const eventScopes: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
};

// Calls look like `client.chat.postMessage(` or `client.views.publish(`.
const methodsUsed = [...new Set([...code.matchAll(/\.(chat|users|views)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))];
const eventsHandled = [...code.matchAll(/app\.event\('(\w+)'/g)].map((m) => m[1] ?? '');

describe('Slack manifest', () => {
  it('knows the scope of every Web API method the adapter calls', () => {
    expect(methodsUsed.length).toBeGreaterThan(3);
    for (const method of methodsUsed) expect(Object.keys(methodScopes), method).toContain(method);
  });

  it('subscribes to exactly the events the adapter handles', () => {
    const subscribed: string[] = manifest.settings.event_subscriptions.bot_events;
    // A `message` handler receives message.im, message.channels and message.groups.
    const expected = eventsHandled.flatMap((e) =>
      e === 'message' ? ['message.im', 'message.channels', 'message.groups'] : [e],
    );
    expect([...subscribed].sort()).toEqual([...new Set(expected)].sort());
  });

  it('asks for exactly the scopes those methods, events and the command need', () => {
    const needed = new Set([
      ...methodsUsed.flatMap((m) => methodScopes[m] ?? []),
      ...manifest.settings.event_subscriptions.bot_events.flatMap((e: string) => eventScopes[e] ?? [`unknown:${e}`]),
      'commands',
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('declares the /support command, the shortcut and interactivity at /slack/events', () => {
    expect(code).toContain("app.command('/support'");
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/support']);
    // "@bob" in "/support staff add @bob tier1" must arrive as Bob's user id, not as the word "bob".
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id)).toEqual([
      newTicketShortcutId,
    ]);
    expect(newTicketCallbackId).toBeTruthy();
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      manifest.features.slash_commands[0].url,
    ]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
