import type { DeskContext } from '../desk-context.ts';
import { withNote } from '../messages/deliveries-view.ts';
import { deliveryCopy, type QueueTrouble } from '../messages/delivery-copy.ts';
import type { Message } from '../messages/message.ts';
import { isStaff, type Role } from '../model/roles.ts';
import { notAMemberProblems, splitPlace } from '../outbox.ts';
import { countProblemsAt } from '../store/outbound-messages.ts';
import { listAdmins } from '../store/people.ts';

export type { QueueTrouble };

/** Who opened or moved the ticket, when a person did: they hear about its card in their reply. */
export interface QueueActor {
  id: number;
  role: Role;
}

/** Admins hear about a queue the bot cannot post in once an hour, however many tickets wait for it. */
const retellAfterMs = 3_600_000;

/**
 * A ticket's card could not go to its queue because the bot is not in that place: every admin but the person
 * acting gets a DM saying what to do, unless they were told about this queue within the hour. Returns whether
 * the admins know.
 */
export async function tellAdmins(
  ctx: DeskContext,
  trouble: Omit<QueueTrouble, 'adminsTold'>,
  actor: QueueActor | undefined,
): Promise<boolean> {
  const since = new Date(ctx.clock.now().getTime() - retellAfterMs);
  // This card's own failure is kept in the outbox already: more than one means an earlier one was told.
  const told = (await countProblemsAt(ctx.db, splitPlace(trouble.queue), notAMemberProblems, since)) > 1;
  if (told) return true;
  const admins = (await listAdmins(ctx.db)).filter((a) => a.id !== actor?.id);
  const message: Message = { text: deliveryCopy.adminQueueTrouble({ ...trouble, adminsTold: true }) };
  let reached = false;
  for (const admin of admins) {
    const sent = await ctx.delivery.toPerson(admin, message, 'admin alert', { queue: trouble.queue });
    reached ||= sent.ok;
  }
  // An admin acting hears it in their reply.
  return reached || actor?.role === 'admin';
}

/** The reply of the person who opened or moved the ticket, with what they should know about its card. */
export function withQueueTrouble(reply: Message, trouble: QueueTrouble | undefined, actor: QueueActor): Message {
  if (!trouble) return reply;
  const note = isStaff(actor) ? deliveryCopy.staffQueueTrouble(trouble) : deliveryCopy.requesterQueueTrouble(trouble);
  return withNote(reply, note);
}
