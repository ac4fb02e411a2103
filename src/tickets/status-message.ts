import { and, eq, isNull } from 'drizzle-orm';
import type { DeskContext } from '../desk-context.ts';
import { toTicketStatusMessage } from '../messages/ticket-view.ts';
import type { Posted } from '../outbox.ts';
import { tickets } from '../store/schema.ts';
import type { Ticket } from './open-ticket.ts';

/** `ticket-status:42` → 42; anything else is not a status message. */
export function parseStatusMessageKey(key: string): number | undefined {
  const match = /^ticket-status:(\d{1,9})$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** Remembers where a ticket's status message went; the first one posted stays the one that is edited. */
export async function rememberStatusMessage(ctx: DeskContext, ticketId: number, posted: Posted): Promise<void> {
  await ctx.db
    .update(tickets)
    .set({ statusMessage: posted })
    .where(and(eq(tickets.id, ticketId), isNull(tickets.statusMessage)));
}

/**
 * Edits the requester's status message to show the ticket as it is now. Returns false when there is none
 * to edit (not posted yet, or its platform is not connected); the caller then says it another way.
 */
export async function refreshStatusMessage(ctx: DeskContext, ticket: Ticket): Promise<boolean> {
  const posted = ticket.statusMessage;
  const outbox = posted ? ctx.outboxes[posted.platform] : undefined;
  if (!posted || !outbox) return false;
  try {
    await outbox.update(posted, toTicketStatusMessage(ticket));
    return true;
  } catch (err) {
    ctx.log.warn('could not edit a ticket status message', { ticket: ticket.id, err });
    return false;
  }
}
