import type { Platform } from '../../src/platform.ts';
import { type SlackConfig, slackSettings } from './slack-settings.ts';

/**
 * The desk in Slack: DMs, @mentions and support channels get threaded answers; `/support` runs the shared
 * commands; forms open as modals; App Home lists the person's tickets. Bolt is loaded only when Slack is
 * configured (mount-slack.ts): it takes a few hundred milliseconds and megabytes a desk without Slack never uses.
 */
export const slackPlatform: Platform<SlackConfig> = {
  name: 'slack',
  settings: slackSettings,
  mount: async (config, services) => (await import('./mount-slack.ts')).mountSlack(config, services),
};
