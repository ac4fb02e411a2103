import type { RememberSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { toTicketStatusMessage } from '../messages/ticket-view.ts';
import type { Ticket } from '../model/ticket.ts';
import { keepStatusMessage } from '../store/tickets.ts';

export const statusMessages: RememberSpec = {
  prefix: 'ticket-status',
  async run(ctx, key, posted) {
    const match = /^ticket-status:(\d{1,9})$/.exec(key);
    if (!match) return ctx.log.warn('unknown message key reported', { remember: key });
    await keepStatusMessage(ctx.db, Number(match[1]), posted);
  },
};

/**
 * Edits the requester's status message to show the ticket as it is now. Returns false when there is none
 * to edit (not posted yet, or it could not be edited); the caller then says it another way.
 */
export async function refreshStatusMessage(ctx: DeskContext, ticket: Ticket): Promise<boolean> {
  const posted = ticket.statusMessage;
  if (!posted) return false;
  const edited = await ctx.delivery.update(posted, toTicketStatusMessage(ticket), 'ticket status', {
    ticket: ticket.id,
  });
  return edited.ok;
}
