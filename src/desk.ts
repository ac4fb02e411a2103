import { parseAction } from './commands/parse-action.ts';
import { type Parsed, parseInput } from './commands/parse-command.ts';
import { runAction } from './commands/run-action.ts';
import { runCommand } from './commands/run-command.ts';
import { runTicketCommand } from './commands/run-ticket-command.ts';
import type { DeskContext } from './desk-context.ts';
import { InputError, newErrorReference } from './errors.ts';
import { type Inbound, type PersonRef, withPrintableText } from './inbound.ts';
import { answerQuestion } from './knowledge/answers/answer-question.ts';
import { copy } from './messages/copy.ts';
import { toHelpMessage, toUsageMessage } from './messages/help-view.ts';
import type { Message } from './messages/message.ts';
import { toHomeMessage, toStaffWorkMessage, toTicketOpenedMessage } from './messages/ticket-view.ts';
import type { Posted } from './outbox.ts';
import { claimDelivery } from './store/deliveries.ts';
import { type Person, upsertPerson } from './store/people.ts';
import { requestHelp } from './tickets/request-help.ts';
import { parseStatusMessageKey, rememberStatusMessage } from './tickets/status-message.ts';
import {
  findTicketByQueueThread,
  findWaitingTicketInThread,
  listHomeTickets,
  listStaffWork,
} from './tickets/ticket-queries.ts';

export interface Desk {
  /** Handles one inbound event and returns the direct replies. Never throws. */
  handle(inbound: Inbound): Promise<Message[]>;
  /** A person's own page (Slack's App Home): their open and recently resolved tickets. */
  home(person: PersonRef): Promise<Message>;
  /** An adapter reports where it posted a message that carried `remember`. Never throws. */
  posted(remember: string, posted: Posted): Promise<void>;
}

export function createDesk(ctx: DeskContext): Desk {
  return {
    async handle(received) {
      const inbound = withPrintableText(received);
      try {
        if (inbound.deliveryId && !(await claimDelivery(ctx.db, inbound.from.platform, inbound.deliveryId))) {
          ctx.log.info('repeated delivery ignored', { platform: inbound.from.platform, delivery: inbound.deliveryId });
          return [];
        }
        const person = await upsertPerson(ctx.db, inbound.from);
        if (inbound.kind === 'message' && inbound.addressed === false) return await overheard(ctx, person, inbound);
        return [await route(ctx, person, inbound)];
      } catch (err) {
        if (err instanceof InputError) {
          ctx.log.warn('bad input', { platform: inbound.from.platform, kind: inbound.kind, problem: err.message });
          return [{ text: copy.unknownAction }];
        }
        const reference = newErrorReference();
        ctx.log.error('event failed', { reference, platform: inbound.from.platform, kind: inbound.kind, err });
        return [{ text: copy.internalError(reference) }];
      }
    },
    async posted(remember, posted) {
      const ticketId = parseStatusMessageKey(remember);
      if (ticketId === undefined) return ctx.log.warn('unknown message key reported', { remember });
      try {
        await rememberStatusMessage(ctx, ticketId, posted);
      } catch (err) {
        ctx.log.error('could not remember a status message', { ticket: ticketId, err });
      }
    },
    async home(from) {
      const person = await upsertPerson(ctx.db, from);
      const since = new Date(ctx.clock.now().getTime() - recentlyResolvedDays * 86_400_000);
      const mine = toHomeMessage(await listHomeTickets(ctx.db, person.id, since));
      if (person.role === 'requester') return mine;
      const work = toStaffWorkMessage(await listStaffWork(ctx.db, person, 20));
      return {
        text: `${work.text}\n${mine.text}`,
        blocks: [...(work.blocks ?? []), { kind: 'divider' }, ...(mine.blocks ?? [])],
      };
    },
  };
}

/**
 * Talk in a thread the desk can see but was not asked in: a requester answering their waiting ticket, or a
 * help-desk member writing under a ticket's queue card (a reply to the requester). Anything else is not
 * for the desk, and gets no answer.
 */
async function overheard(
  ctx: DeskContext,
  person: Person,
  inbound: Extract<Inbound, { kind: 'message' }>,
): Promise<Message[]> {
  const answer = await answerWaitingTicket(ctx, person, inbound.place, inbound.text);
  if (answer) return [answer];
  if (person.role === 'requester') return [];
  const ticket = await findTicketByQueueThread(ctx.db, inbound.place);
  if (!ticket) return [];
  return [
    await runTicketCommand(ctx, person, inbound.place, { name: 'reply', ticketId: ticket.id, text: inbound.text }),
  ];
}

/** In the thread of a ticket waiting on them, what the requester writes is their answer to it. */
async function answerWaitingTicket(
  ctx: DeskContext,
  person: Person,
  place: Inbound['place'],
  text: string,
): Promise<Message | undefined> {
  if (!place.thread) return undefined;
  const waiting = await findWaitingTicketInThread(ctx.db, person.id, place);
  if (!waiting) return undefined;
  return runTicketCommand(ctx, person, place, { name: 'reply', ticketId: waiting.id, text });
}

/** How long a resolved ticket stays on a person's home page. */
const recentlyResolvedDays = 14;

async function route(ctx: DeskContext, person: Person, inbound: Inbound): Promise<Message> {
  if (inbound.kind === 'action')
    return runAction(ctx, person, inbound.place, parseAction(inbound.actionId, inbound.value));
  if (inbound.kind === 'new_ticket') {
    const { form } = inbound;
    const description = form.description || form.subject;
    const request = { subject: form.subject, description, priority: form.priority, origin: inbound.place };
    const { ticket, created } = await requestHelp(ctx, person, request);
    return toTicketOpenedMessage(ticket, created);
  }
  const parsed: Parsed = parseInput(inbound.text, { explicit: inbound.kind === 'command' });
  switch (parsed.kind) {
    case 'question': {
      const answer = await answerWaitingTicket(ctx, person, inbound.place, parsed.text);
      return answer ?? answerQuestion(ctx, person, inbound.place, parsed.text);
    }
    case 'small_talk': {
      // "Thanks" under a ticket waiting on the requester is their reply to it, as any other words would be.
      const answer = await answerWaitingTicket(ctx, person, inbound.place, inbound.text.trim());
      if (answer) return answer;
      // "What can you do?" is answered with what `help` shows.
      if (parsed.what === 'about') return toHelpMessage(undefined, person.role !== 'requester');
      return { text: copy.smallTalk[parsed.what] };
    }
    case 'command':
      return runCommand(ctx, person, inbound.place, parsed.command);
    case 'usage':
      return toUsageMessage(parsed.problem, parsed.name);
  }
}
