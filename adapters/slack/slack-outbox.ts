import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

import type { Message } from '../../src/messages/message.ts';
import type { Posted } from '../../src/model/identity.ts';
import type { Outbox } from '../../src/outbox.ts';
import { toBlockKit } from './render.ts';

/** An address is a channel id, optionally with a thread: `C0123` or `C0123/1700000000.000100`. */
export function parseAddress(address: string): { channel: string; thread?: string } {
  const [channel = address, thread] = address.split('/');
  return thread ? { channel, thread } : { channel };
}

export function createSlackOutbox(client: WebClient): Outbox {
  const post = async (channel: string, message: Message, thread?: string): Promise<Posted> => {
    const result = await client.chat.postMessage({
      channel,
      ...toBlockKit(message),
      ...(thread ? { thread_ts: thread } : {}),
      unfurl_links: false,
    });
    return { platform: 'slack', id: `${result.channel ?? channel}/${result.ts ?? ''}` };
  };
  return {
    post: (address, message) => {
      const { channel, thread } = parseAddress(address);
      return post(channel, message, thread);
    },
    async update(posted, message) {
      const { channel, thread: ts } = parseAddress(posted.id);
      if (!ts) throw new Error(`cannot update Slack message without a ts: ${posted.id}`);
      await client.chat.update({ channel, ts, ...toBlockKit(message) });
    },
    // Posting to a user id opens (or reuses) the bot's direct conversation with them.
    dm: (person, message) => post(person.userId, message),
  };
}
