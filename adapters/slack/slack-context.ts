import type { webApi } from '@slack/bolt';
import type { Desk } from '../../src/desk.ts';
import type { Logger } from '../../src/log.ts';
import type { Message } from '../../src/messages/message.ts';
import type { PlaceRef } from '../../src/model/identity.ts';
import { type Outbox, toAddress } from '../../src/outbox.ts';
import type { SlackConfig } from './slack-settings.ts';
import type { WorkTracker } from './work-tracker.ts';

/** What every Slack listener shares. */
export interface SlackContext {
  desk: Desk;
  config: SlackConfig;
  log: Logger;
  client: webApi.WebClient;
  work: WorkTracker;
  /** Posts the desk's replies in the place asked, and reports those the desk will edit later. */
  reply(place: PlaceRef, messages: Message[]): Promise<void>;
}

export function replier(desk: Desk, outbox: Outbox): SlackContext['reply'] {
  return async (place, messages) => {
    for (const message of messages) {
      const posted = await outbox.post(toAddress(place), message);
      if (message.remember) await desk.posted(message.remember, posted);
    }
  };
}
