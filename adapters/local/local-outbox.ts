import type { Message } from '../../src/messages/message.ts';
import type { PersonRef, Posted } from '../../src/model/identity.ts';
import type { Outbox } from '../../src/outbox.ts';

/** Oldest messages are dropped past this, so an inbox nobody reads cannot grow without bound. */
const maxPerInbox = 500;

/**
 * The local platform's outbox: messages wait in memory per inbox (`@alice` for a person, `#it-tier1` for
 * a channel) until the web page or a test collects them. Each is returned once.
 */
export function createLocalOutbox(): Outbox & {
  take(inbox: string): Message[];
  /** A reference for a message handed out directly (in an HTTP response): later edits go to its inbox. */
  reference(inbox: string): Posted;
} {
  const inboxes = new Map<string, Message[]>();
  let sequence = 0;
  const deliver = (inbox: string, message: Message): Posted => {
    const list = inboxes.get(inbox) ?? [];
    list.push(message);
    if (list.length > maxPerInbox) list.splice(0, list.length - maxPerInbox);
    inboxes.set(inbox, list);
    sequence += 1;
    return { platform: 'local', id: `${inbox}/${sequence}` };
  };
  return {
    post: async (address, message) => deliver(address, message),
    // The local page cannot edit a bubble it already showed: the new version arrives as a new message.
    update: async (posted, message) => {
      deliver(posted.id.slice(0, posted.id.lastIndexOf('/')), message);
    },
    dm: async (person: PersonRef, message) => deliver(`@${person.userId}`, message),
    reference(inbox) {
      sequence += 1;
      return { platform: 'local', id: `${inbox}/${sequence}` };
    },
    take(inbox) {
      const list = inboxes.get(inbox) ?? [];
      inboxes.delete(inbox);
      return list;
    },
  };
}
