import { App, HTTPReceiver, type Receiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.ts';
import type { Desk } from '../../src/desk.ts';
import type { Route } from '../../src/http/http-server.ts';
import type { Inbound, PlaceRef } from '../../src/inbound.ts';
import type { Logger } from '../../src/log.ts';
import type { Message } from '../../src/messages/message.ts';
import { type Outbox, toAddress } from '../../src/outbox.ts';
import { parseNewTicketForm } from '../../src/tickets/new-ticket-form.ts';
import { acknowledgedClick } from './acknowledged-click.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { createDisplayNames } from './display-names.ts';
import { toHomeView } from './home-view.ts';
import {
  blockAction,
  fromSlackMarkup,
  homeOpenedEvent,
  mentionsBot,
  messageEvent,
  slashCommand,
  teamOfAction,
  toPerson,
  toPlace,
  toPlainText,
} from './inbound.ts';
import {
  newTicketCallbackId,
  newTicketModal,
  newTicketShortcutId,
  openNewTicketActionId,
  readNewTicketModal,
} from './new-ticket-modal.ts';
import { actionIdPrefix, fromSlackActionId, toBlockKit } from './render.ts';
import { createSlackOutbox } from './slack-outbox.ts';

export const slackEventsPath = '/slack/events';

/** How long a slash command may work before the 3-second ack must go out without its answer. */
const inlineAnswerMs = 2000;

export interface SlackAdapter {
  routes: Route[];
  outbox: Outbox;
  mode: 'http' | 'socket';
  /** Resolves when every event already received has been handled (used for a graceful stop). */
  idle(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The desk in Slack: DMs, @mentions and support channels get threaded answers; `/support` runs the shared
 * commands; a modal opens tickets; App Home lists the person's tickets.
 */
export function mountSlack(desk: Desk, config: SlackConfig, log: Logger): SlackAdapter {
  const logger = toBoltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    // The default retries for about 30 minutes with no timeout: far too long for a person waiting in chat.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
    timeout: 10_000,
  };
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.appToken) {
    app = new App({ token: config.botToken, appToken: config.appToken, socketMode: true, clientOptions, logger });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: slackEventsPath,
      logger,
      // Bolt answers Slack when `ack` is called (events: on arrival), then the handler keeps working.
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 3001,
    });
    app = new App({ token: config.botToken, receiver: receiver as Receiver, clientOptions, logger });
  }
  const client = app.client;
  const outbox = createSlackOutbox(client);
  const names = createDisplayNames(client, log);

  const inFlight = new Set<Promise<unknown>>();
  /**
   * Every piece of work after an ack goes through here: it is awaited on shutdown, and a failure (Slack
   * refusing a post, a network error) becomes one log line instead of an unhandled rejection.
   */
  const track = <T>(what: string, work: Promise<T>): Promise<T | undefined> => {
    const guarded = work.catch((err: unknown) => {
      log.error('slack work failed', { what, err });
      return undefined;
    });
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
    return guarded;
  };

  const reply = async (place: PlaceRef, messages: Message[]) => {
    for (const message of messages) {
      const posted = await outbox.post(toAddress(place), message);
      if (message.remember) await desk.posted(message.remember, posted);
    }
  };

  const handleMessage = async (raw: unknown, teamId: string, botUserId: string | undefined) => {
    const parsed = messageEvent.safeParse(raw);
    if (!parsed.success) return log.warn('slack message event not understood', { problem: parsed.error.message });
    const event = parsed.data;
    // Edits, joins, bot posts (ours included) are not questions.
    if (event.subtype || event.bot_id) return;
    const inChannel = event.channel_type !== 'im';
    // Asked directly: a DM, an @mention, or a new post in a support channel. Other channel talk matters
    // only inside a thread (a ticket's queue card, say); the desk decides, and stays quiet otherwise.
    const support = config.supportChannels.includes(event.channel) && !event.thread_ts;
    // An @mention arrives both as app_mention and as a channel message, in either order: both are addressed,
    // or the one that came first would be handled as overheard talk and the other dropped as its repeat.
    const addressed = event.type === 'app_mention' || mentionsBot(event.text, botUserId) || !inChannel || support;
    if (!addressed && !event.thread_ts) return;
    const text = toPlainText(event.text, botUserId);
    const inbound: Inbound = {
      kind: 'message',
      from: toPerson(event.user, teamId, await names.of(event.user)),
      place: toPlace(teamId, event.channel, event.ts, event.thread_ts),
      text,
      addressed,
      // A message is identified by where and when it was posted: the same message arriving as an
      // app_mention and as a channel message, or re-sent under a new event id, is handled once.
      deliveryId: `message:${event.channel}:${event.ts}`,
    };
    await reply(inbound.place, await desk.handle(inbound));
  };

  app.event('message', ({ event, body, context }) =>
    track('message', handleMessage(event, body.team_id, context.botUserId)),
  );
  app.event('app_mention', ({ event, body, context }) =>
    track('message', handleMessage(event, body.team_id, context.botUserId)),
  );

  app.event('app_home_opened', ({ event, body }) =>
    track(
      'app home',
      (async () => {
        const parsed = homeOpenedEvent.safeParse(event);
        if (!parsed.success || (parsed.data.tab && parsed.data.tab !== 'home')) return;
        const person = toPerson(parsed.data.user, body.team_id, await names.of(parsed.data.user));
        await client.views.publish({ user_id: parsed.data.user, view: toHomeView(await desk.home(person)) });
      })(),
    ),
  );

  app.command('/support', async ({ command, ack, respond, client: webClient }) => {
    const parsed = slashCommand.safeParse(command);
    if (!parsed.success) {
      log.warn('slack command not understood', { problem: parsed.error.message });
      return ack({ response_type: 'ephemeral', text: 'Sorry, I could not read that command. Try `/support help`.' });
    }
    const c = parsed.data;
    // The manifest asks Slack to escape mentions, so "/support staff add @Bob" names Bob by his user id.
    const text = fromSlackMarkup(c.text);
    if (/^ticket$/i.test(text)) {
      await ack();
      await track('open modal', webClient.views.open({ trigger_id: c.trigger_id, view: newTicketModal() }));
      return;
    }
    const work = track(
      'command',
      desk.handle({
        kind: 'command',
        text: text === '' ? 'help' : text,
        from: toPerson(c.user_id, c.team_id, c.user_name),
        place: toPlace(c.team_id, c.channel_id),
        deliveryId: `command:${c.trigger_id}`,
      }),
    );
    const quick = await Promise.race([work, delay(inlineAnswerMs).then(() => 'late' as const)]);
    if (quick !== 'late') return ack(ephemeral(quick ?? []));
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    await track(
      'command reply',
      work.then((replies) => respond(ephemeral(replies ?? []))),
    );
  });

  app.action(new RegExp(`^${actionIdPrefix}`), async ({ ack, body, client: webClient }) => {
    await ack();
    await track(
      'button',
      (async () => {
        const parsed = blockAction.safeParse(body);
        if (!parsed.success) return log.warn('slack action not understood', { problem: parsed.error.message });
        const action = parsed.data;
        const [pressed] = action.actions;
        const teamId = teamOfAction(action);
        const channel = action.channel?.id ?? action.user.id;
        const place = toPlace(teamId, channel, action.message?.ts, action.message?.thread_ts);
        const replies = await desk.handle({
          kind: 'action',
          actionId: fromSlackActionId(pressed?.action_id ?? ''),
          value: pressed?.value ?? '',
          from: toPerson(action.user.id, teamId, (await names.of(action.user.id)) ?? action.user.name),
          place,
        });
        const settled = acknowledgedClick(action, pressed?.text?.text);
        if (settled && action.message) {
          await webClient.chat.update({ channel, ts: action.message.ts, ...settled }).catch((err: unknown) => {
            log.warn('could not mark the pressed button', { err });
          });
        }
        await reply(place, replies);
      })(),
    );
  });

  app.action(openNewTicketActionId, async ({ ack, body, client: webClient }) => {
    await ack();
    const trigger = (body as { trigger_id?: string }).trigger_id;
    if (trigger) await track('open modal', webClient.views.open({ trigger_id: trigger, view: newTicketModal() }));
  });

  app.shortcut(newTicketShortcutId, async ({ ack, shortcut, client: webClient }) => {
    await ack();
    await track('open modal', webClient.views.open({ trigger_id: shortcut.trigger_id, view: newTicketModal() }));
  });

  app.view(newTicketCallbackId, async ({ ack, body, view }) => {
    const form = parseNewTicketForm(readNewTicketModal(view.state.values));
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors as Record<string, string> });
      return;
    }
    await ack();
    await track(
      'new ticket',
      (async () => {
        const teamId = body.team?.id ?? body.user.team_id ?? 'unknown';
        // A ticket opened from a modal is followed up in the person's direct conversation with the bot.
        const place = toPlace(teamId, body.user.id);
        const replies = await desk.handle({
          kind: 'new_ticket',
          form: form.values,
          from: toPerson(body.user.id, teamId, (await names.of(body.user.id)) ?? body.user.name),
          place,
          deliveryId: `view:${view.id}`,
        });
        await reply(place, replies);
      })(),
    );
  });

  app.error(async (error) => {
    log.error('slack handler failed', { err: error });
  });

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  const routes: Route[] = receiver
    ? [{ method: 'POST', path: slackEventsPath, handle: (req, res) => receiver.requestListener(req, res) }]
    : [];
  return {
    routes,
    outbox,
    mode: config.appToken ? 'socket' : 'http',
    idle,
    // Socket Mode opens its own connection to Slack; over HTTP, the shared server is all there is.
    start: async () => {
      if (config.appToken) await app.start();
    },
    stop: async () => {
      await idle();
      if (config.appToken) await app.stop();
    },
  };
}

function ephemeral(messages: Message[]) {
  const [first] = messages;
  const rendered = toBlockKit(first ?? { text: 'Sorry, I could not finish that. Please try again in a moment.' });
  return { response_type: 'ephemeral' as const, ...rendered };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
