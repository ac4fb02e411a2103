import type { DeskContext } from '../desk-context.ts';
import type { FollowUpNote, FollowUpOf } from '../messages/follow-up-view.ts';
import { toTicketRef } from '../model/ticket.ts';
import { listLeads } from '../store/people.ts';
import { followUpOrigin } from '../store/survey-asks.ts';

/** What a follow-up's lines say it follows up: the ticket the feedback was about, or none (the service). */
export const toFollowUpOf = (f: { about: number | null }): FollowUpOf =>
  f.about === null ? {} : { about: toTicketRef(f.about) };

/**
 * For a ticket opened to follow up feedback: what it follows up, and who should pick it up. Leads oversee
 * every tier (they are not kept per tier), so every lead is named, whichever tier the follow-up is at.
 */
export async function followUpNote(ctx: DeskContext, ticketId: number): Promise<FollowUpNote | undefined> {
  const origin = await followUpOrigin(ctx.db, ticketId);
  if (!origin) return undefined;
  const leads = await listLeads(ctx.db);
  return { ...toFollowUpOf(origin), leads: leads.map((l) => l.displayName) };
}
