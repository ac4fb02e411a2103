import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formOfCallbackId } from '../../../../adapters/slack/modal.ts';
import { shippedRegistry } from '../../../support/shipped-registry.ts';

const manifest = parse(readFileSync(new URL('../../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'));

describe('Slack manifest', () => {
  it('declares the /support command with escaped mentions, interactivity and events at /slack/events', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/support']);
    // "@bob" in "/support staff add @bob tier1" must arrive as Bob's user id, not as the word "bob".
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
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

  it('offers a shortcut only for forms the desk registers', () => {
    const shortcuts: string[] = manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id);
    expect(shortcuts.length).toBeGreaterThan(0);
    for (const id of shortcuts) expect(shippedRegistry.form(formOfCallbackId(id) ?? '')).toBeDefined();
  });
});
