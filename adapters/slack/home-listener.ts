import type { App } from '@slack/bolt';
import type { DisplayNames } from './display-names.ts';
import { toHomeView } from './home-view.ts';
import { toPerson } from './identity.ts';
import { homeOfEnvelope, homeOpenedEvent } from './inbound.ts';
import type { SlackContext } from './slack-context.ts';

/** App Home: published each time the person opens it, so it always shows their tickets as they are. */
export function listenToHome(app: App, slack: SlackContext, names: DisplayNames): void {
  app.event('app_home_opened', ({ event, body }) =>
    slack.work.queue('app home', async () => {
      const parsed = homeOpenedEvent.safeParse(event);
      if (!parsed.success || (parsed.data.tab && parsed.data.tab !== 'home')) return;
      const person = toPerson(parsed.data.user, homeOfEnvelope(body), await names.of(parsed.data.user));
      await slack.client.views.publish({
        user_id: parsed.data.user,
        view: toHomeView(await slack.desk.home(person)),
      });
    }),
  );
}
