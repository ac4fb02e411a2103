import type { App } from '@slack/bolt';
import type { SlackContext } from './slack-context.ts';

/**
 * Interactions that are not the desk's (another app's ids, a stale shortcut): acknowledged at once, so Slack
 * shows the person no error and does not retry, instead of waiting out the 3 s and getting a 404.
 */
export function listenToTheRest(app: App, slack: SlackContext): void {
  const passOver =
    (what: string) =>
    async ({ ack, body }: { ack: () => Promise<void>; body: unknown }) => {
      await ack();
      slack.log.info('slack interaction not ours, acknowledged', { what, type: (body as { type?: string }).type });
    };
  app.action(/^(?!tierdesk[:_])/, passOver('action'));
  app.shortcut(/^(?!tierdesk_.+_shortcut$)/, passOver('shortcut'));
  app.view(/^(?!tierdesk_)/, passOver('view'));
}
