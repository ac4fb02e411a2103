import type { DeskContext } from '../desk-context.ts';
import { toDraftArticle } from '../knowledge/learning/draft-article.ts';
import { saveDraft } from '../knowledge/learning/save-draft.ts';
import { copy } from '../messages/copy.ts';
import type { Message } from '../messages/message.ts';
import type { Person } from '../store/people.ts';
import { loadDraftSource } from '../tickets/draft-source.ts';
import { oversees } from '../tickets/ticket.ts';
import { findTicket } from '../tickets/ticket-queries.ts';
import { toTicketRef } from '../tickets/ticket-ref.ts';
import type { Command } from './parse-command.ts';

/** How long a new draft's content is trusted before someone should check it again. */
const reviewAfterDays = 30;

/**
 * Tier 2 and above, leads and admins write up a finished ticket as a draft article. It lands in the
 * knowledge folder's drafts, which are not live: publishing stays a person's decision.
 */
export async function runDraftCommand(
  ctx: DeskContext,
  person: Person,
  command: Extract<Command, { name: 'kb'; action: 'draft' }>,
): Promise<Message> {
  const seniorAgent = person.role === 'agent' && person.tier !== null && person.tier !== 'tier1';
  if (!seniorAgent && !oversees(person)) {
    ctx.log.warn('kb draft refused', { person: person.id, role: person.role, tier: person.tier });
    return { text: copy.draftRefused };
  }
  const ref = toTicketRef(command.ticketId);
  const ticket = await findTicket(ctx.db, command.ticketId);
  if (!ticket) return { text: copy.draftNoTicket(ref) };
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') return { text: copy.draftNotFinished(ref) };
  if (!ctx.knowledgeDir) return { text: copy.draftsUnavailable };
  const reviewBy = new Date(ctx.clock.now().getTime() + reviewAfterDays * 86_400_000).toISOString().slice(0, 10);
  const draft = toDraftArticle({ ...(await loadDraftSource(ctx.db, ticket)), reviewBy });
  const saved = await saveDraft(ctx.knowledgeDir, draft);
  if (!saved.ok) return { text: copy.draftExists(ref, saved.existing) };
  ctx.log.info('article drafted', { by: person.id, ticket: ticket.id, file: saved.path });
  return { text: copy.draftWritten(ref, saved.path, ticket.subject) };
}
