import { splitConversation, threadConversation } from './inbound.ts';

/**
 * Posted ids are `<conversation id>/<activity id>`, and a channel's root post is `<channel id>/<post id>`:
 * the same as the desk's address of the thread under it, so a reply under a queue card finds its ticket.
 * Activity ids never hold `/`.
 */
export function toPostedId(conversationId: string, activityId: string): string {
  const { channel, thread } = splitConversation(conversationId);
  return thread === activityId ? `${channel}/${activityId}` : `${conversationId}/${activityId}`;
}

export function fromPostedId(id: string): { conversationId: string; activityId: string } {
  // Ids posted before threads had addresses were `<conversation id>|<activity id>`.
  const at = id.includes('|') ? id.lastIndexOf('|') : id.lastIndexOf('/');
  return { conversationId: id.slice(0, at), activityId: id.slice(at + 1) };
}

const channelThread = /^(19:[^/]+@thread\.[a-z0-9]+)\/([^/]+)$/i;

/** The conversation an address names: a conversation id, or `<channel id>/<root post id>` for a thread. */
export function conversationOf(address: string): string {
  const thread = channelThread.exec(address);
  return thread ? threadConversation(thread[1] as string, thread[2] as string) : address;
}
