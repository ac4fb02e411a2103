import type { Message } from '../../src/messages/message.ts';
import type { PersonRef, Posted } from '../../src/model/identity.ts';
import type { Outbox } from '../../src/outbox.ts';

/** Oldest messages are dropped past this, so an inbox nobody reads cannot grow without bound. */
const maxPerInbox = 500;

/**
 * A message as the local chat hands it out: `id` is where it was posted (its edits name it), and an edit of
 * one already collected arrives again with `replaces: <id>`, for the page to redraw that bubble in place.
 */
export type LocalMessage = Message & { id?: string; replaces?: string };

export interface LocalOutbox extends Outbox {
  /** What waits in an inbox, oldest first; each message is handed out once. */
  take(inbox: string): LocalMessage[];
  /** A channel's messages as they stand now, edits applied, oldest first: read as often as wanted. */
  board(place: string): LocalMessage[];
  /** A reference for a message handed out directly (in an HTTP response): later edits go to its inbox. */
  reference(inbox: string): Posted;
}

const inboxOf = (posted: Posted) => posted.id.slice(0, posted.id.lastIndexOf('/'));

/**
 * The local platform's outbox: messages wait in memory per inbox (`@alice` for a person, `#it-tier1` for
 * a channel) until the web page or a test collects them. An edit of a message still waiting replaces it
 * there, as Slack and Teams edit a card in place; one already collected arrives as `replaces`. Channels
 * also keep a board of their messages' latest versions, which the page's Queues view reads without taking.
 */
export function createLocalOutbox(): LocalOutbox {
  const inboxes = new Map<string, LocalMessage[]>();
  const boards = new Map<string, Map<string, LocalMessage>>();
  let sequence = 0;
  const nextId = (inbox: string) => {
    sequence += 1;
    return `${inbox}/${sequence}`;
  };
  const keep = <T>(list: T[]) => list.splice(0, Math.max(0, list.length - maxPerInbox));
  const pin = (inbox: string, { replaces: _, ...message }: LocalMessage & { id: string }) => {
    if (inbox.startsWith('@')) return;
    const board = boards.get(inbox) ?? new Map<string, LocalMessage>();
    board.set(message.id, message);
    for (const old of keep([...board.keys()])) board.delete(old);
    boards.set(inbox, board);
  };
  const deliver = (inbox: string, message: LocalMessage & { id: string }) => {
    const list = inboxes.get(inbox) ?? [];
    const waiting = list.findIndex((m) => m.id === message.id);
    // Still waiting: the edit takes its place, and is an edit only if what it replaces was one.
    const { replaces: _, ...fresh } = message;
    if (waiting >= 0) list[waiting] = list[waiting]?.replaces ? message : fresh;
    else list.push(message);
    keep(list);
    inboxes.set(inbox, list);
    pin(inbox, message);
  };
  const post = (inbox: string, message: Message): Posted => {
    const id = nextId(inbox);
    deliver(inbox, { ...message, id });
    return { platform: 'local', id };
  };
  return {
    post: async (address, message) => post(address, message),
    update: async (posted, message) => deliver(inboxOf(posted), { ...message, id: posted.id, replaces: posted.id }),
    dm: async (person: PersonRef, message) => post(`@${person.userId}`, message),
    reference: (inbox) => ({ platform: 'local', id: nextId(inbox) }),
    take(inbox) {
      const list = inboxes.get(inbox) ?? [];
      inboxes.delete(inbox);
      return list;
    },
    board: (place) => [...(boards.get(place)?.values() ?? [])],
  };
}
