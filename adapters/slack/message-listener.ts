import type { App } from '@slack/bolt';
import type { Inbound } from '../../src/inbound.ts';
import type { DisplayNames } from './display-names.ts';
import { toPerson, toPlace } from './identity.ts';
import { homeOfEnvelope, isWritten, mentionsBot, messageEvent, toAttachments, toPlainText } from './inbound.ts';
import type { SlackContext } from './slack-context.ts';

/**
 * DMs, @mentions and new posts in support channels are questions or commands, answered in the thread.
 * Other channel talk matters only inside a thread (a ticket's queue card, say): the desk decides, and stays
 * quiet otherwise.
 */
export function listenToMessages(app: App, slack: SlackContext, names: DisplayNames): void {
  const arrive = async (raw: unknown, body: unknown, botUserId: string | undefined) => {
    if (!isWritten(raw)) return;
    const parsed = messageEvent.safeParse(raw);
    if (!parsed.success) return slack.log.warn('slack message event not understood', { problem: parsed.error.message });
    const event = parsed.data;
    const home = homeOfEnvelope(body, event.user_team ?? event.team);
    const inChannel = event.channel_type !== 'im';
    const support = slack.config.supportChannels.includes(event.channel) && !event.thread_ts;
    // An @mention arrives both as app_mention and as a channel message, in either order: both are addressed,
    // or the one that came first would be handled as overheard talk and the other dropped as its repeat.
    const addressed = event.type === 'app_mention' || mentionsBot(event.text, botUserId) || !inChannel || support;
    if (!addressed && !event.thread_ts) return;
    const inbound: Inbound = {
      kind: 'message',
      from: toPerson(event.user, home, await names.of(event.user)),
      place: toPlace(home.installation ?? home.team ?? 'unknown', event.channel, event.ts, event.thread_ts),
      text: toPlainText(event.text, botUserId),
      addressed,
      attachments: toAttachments(event),
      // A message is identified by where and when it was posted: the same message arriving as an
      // app_mention and as a channel message, or re-sent under a new event id, is handled once.
      deliveryId: `message:${event.channel}:${event.ts}`,
    };
    // Slack has its ack already and will not send the event again: it is taken (stored with its claim) before
    // it waits its turn, so a desk dying meanwhile leaves it for another to handle (desk.recover).
    const taken = await slack.desk.take(inbound);
    if (taken === 'repeat') return;
    await slack.work.queue('message', async () =>
      slack.reply(inbound.place, await slack.desk.handle(inbound, { taken: taken === 'taken' })),
    );
  };
  app.event('message', ({ event, body, context }) =>
    slack.work.track('message', arrive(event, body, context.botUserId)),
  );
  app.event('app_mention', ({ event, body, context }) =>
    slack.work.track('message', arrive(event, body, context.botUserId)),
  );
}
