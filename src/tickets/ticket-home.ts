import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { toHomeMessage, toStaffWorkMessage } from '../messages/ticket-view.ts';
import type { Person } from '../model/person.ts';
import { isStaff } from '../model/roles.ts';
import { listHomeTickets, listStaffWork } from '../store/ticket-lists.ts';
import { toFollowUpOf } from './follow-up-note.ts';
import { newTicketForm } from './new-ticket-form.ts';

/** How long a resolved ticket stays on a person's home page. */
const recentlyResolvedDays = 14;

/**
 * "My tickets" with a way to open one; for the help desk first what they hold and their tier's unclaimed
 * queue.
 */
export async function ticketHome(ctx: DeskContext, person: Person): Promise<Message> {
  const since = new Date(ctx.clock.now().getTime() - recentlyResolvedDays * 86_400_000);
  const mine = toHomeMessage(await listHomeTickets(ctx.db, person.id, since));
  const open: Message['blocks'] = [{ kind: 'form', form: newTicketForm.form() }, { kind: 'divider' }];
  if (!isStaff(person)) return { text: mine.text, blocks: [...open, ...(mine.blocks ?? [])] };
  const { assigned, unclaimed } = await listStaffWork(ctx.db, person, 20);
  const work = toStaffWorkMessage({
    assigned,
    unclaimed: unclaimed.map((w) => ({
      ticket: w.ticket,
      ...(w.followUp ? { followUp: toFollowUpOf(w.followUp) } : {}),
    })),
  });
  return {
    text: `${work.text}\n${mine.text}`,
    blocks: [...open, ...(work.blocks ?? []), { kind: 'divider' }, ...(mine.blocks ?? [])],
  };
}
