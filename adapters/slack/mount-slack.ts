import { App, HTTPReceiver, type Receiver, type webApi } from '@slack/bolt';
import type { Route } from '../../src/http/http-server.ts';
import type { MountedPlatform, PlatformServices } from '../../src/platform.ts';
import { listenToButtons } from './action-listener.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { listenToCommands } from './command-listener.ts';
import { createDisplayNames } from './display-names.ts';
import { slackEventsPath, slackEventsRoute } from './events-route.ts';
import { listenToForms } from './form-listeners.ts';
import { listenToHome } from './home-listener.ts';
import { listenToMessages } from './message-listener.ts';
import { createSlackConnection } from './slack-connection.ts';
import { replier, type SlackContext } from './slack-context.ts';
import { createSlackOutbox } from './slack-outbox.ts';
import type { SlackConfig } from './slack-settings.ts';
import { listenToTheRest } from './unclaimed-listener.ts';
import { createWorkTracker } from './work-tracker.ts';

/**
 * The desk in Slack: DMs, @mentions and support channels get threaded answers; `/support` runs the shared
 * commands; forms open as modals; App Home lists the person's tickets.
 */
export function mountSlack(config: SlackConfig, { desk, log, images }: PlatformServices): MountedPlatform {
  const logger = toBoltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    // The default retries for about 30 minutes with no timeout: far too long for a person waiting in chat.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
    timeout: 10_000,
  };
  let receiver: HTTPReceiver | undefined;
  let app: App;
  // Bolt would call auth.test from its constructor, and an unreachable Slack would then be an unhandled
  // rejection taking the whole process down: start-up runs it explicitly (slack-connection.ts).
  const deferInitialization = true;
  if (config.appToken) {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      clientOptions,
      logger,
      deferInitialization,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: slackEventsPath,
      logger,
      // Bolt answers Slack when `ack` is called (events: on arrival), then the handler keeps working.
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 3001,
    });
    app = new App({
      token: config.botToken,
      receiver: receiver as Receiver,
      clientOptions,
      logger,
      deferInitialization,
    });
  }
  const outbox = createSlackOutbox(app.client, { images: { source: images, log } });
  const work = createWorkTracker(log);
  const slack: SlackContext = { desk, config, log, client: app.client, work, reply: replier(desk, outbox) };
  const names = createDisplayNames(app.client, log);
  listenToMessages(app, slack, names);
  listenToHome(app, slack, names);
  listenToCommands(app, slack);
  listenToButtons(app, slack, names);
  listenToForms(app, slack, names);
  listenToTheRest(app, slack);
  app.error(async (error) => {
    log.error('slack handler failed', { err: error });
  });

  const connection = createSlackConnection(app, { socketMode: Boolean(config.appToken), log });

  const routes: Route[] = receiver
    ? [slackEventsRoute({ receiver, signingSecret: config.signingSecret, connection, log })]
    : [];
  return {
    label: config.appToken ? 'Slack (Socket Mode)' : `Slack (HTTP, ${slackEventsPath})`,
    routes,
    outbox,
    idle: work.idle,
    // auth.test, and in Socket Mode the connection to Slack; over HTTP, the shared server is all there is.
    start: connection.start,
    health: connection.problem,
    stop: async () => {
      const wasReady = connection.ready();
      connection.stop();
      await work.idle();
      if (config.appToken && wasReady) await app.stop();
    },
  };
}
