import type { CommandSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { deskCopy } from '../messages/desk-copy.ts';
import type { Message } from '../messages/message.ts';
import type { Person } from '../model/person.ts';
import { oversees } from '../model/roles.ts';
import { toTicketRef } from '../model/ticket.ts';
import { forgetPhrasing, listPhrasings } from '../store/learned-phrasings.ts';
import { loadTicketWriteUp } from '../store/ticket-write-ups.ts';
import { findTicket } from '../store/tickets.ts';
import type { DecisionSettings } from './calibration/answer-decision.ts';
import { calibrateNow, resetNow, showCalibration } from './calibration/calibration-commands.ts';
import { toDraftArticle } from './learning/draft-article.ts';
import { forgetFeedbackLesson, listFeedbackLessons } from './learning/feedback-commands.ts';
import { saveDraft } from './learning/save-draft.ts';

export type KbCommand =
  | { name: 'kb'; action: 'learned'; articleId?: string }
  | { name: 'kb'; action: 'calibration' | 'calibrate' | 'calibrate-reset' }
  | { name: 'kb'; action: 'forget'; id: number }
  | { name: 'kb'; action: 'feedback'; articleId?: string }
  | { name: 'kb'; action: 'forget-lesson'; id: number }
  | { name: 'kb'; action: 'draft'; ticketId: number };

const c = deskCopy.learned;
/** How long a new draft's content is trusted before someone should check it again. */
const reviewAfterDays = 30;

export const runKbCommand =
  (decision: DecisionSettings): CommandSpec<KbCommand>['run'] =>
  (ctx, person, _place, command) => {
    switch (command.action) {
      case 'feedback':
        return listFeedbackLessons(ctx, command.articleId);
      case 'forget-lesson':
        return forgetFeedbackLesson(ctx, person, command.id);
      case 'calibration':
        return showCalibration(ctx, decision);
      case 'calibrate':
        return calibrateNow(ctx, person, decision);
      case 'calibrate-reset':
        return resetNow(ctx, person, decision);
      case 'learned':
        return listLearned(ctx, command.articleId);
      case 'forget':
        return forget(ctx, person, command.id);
      case 'draft':
        return draftFromTicket(ctx, person, command.ticketId);
    }
  };

/** Admins and leads review what the desk learned from helpful answers, newest first. */
async function listLearned(ctx: DeskContext, articleId: string | undefined): Promise<Message> {
  if (articleId && !ctx.kb.get(articleId)) return { text: c.noArticle(articleId) };
  const { rows, total } = await listPhrasings(ctx.db, articleId);
  // Forgotten phrasings are kept (nothing is deleted) but no longer listed: say so rather than "nothing yet".
  if (rows.length === 0) return { text: c.none(articleId) };
  const heading = total > rows.length ? c.someOf(rows.length, total) : c.all;
  return { text: [heading, ...rows.map((r) => `- ${r.id}. "${r.phrasing}" → ${r.articleId}`)].join('\n') };
}

/** Removes what the desk should not have learned: marked removed, never deleted, and not learned again. */
async function forget(ctx: DeskContext, person: Person, id: number): Promise<Message> {
  const removed = await forgetPhrasing(ctx.db, id, person.id, ctx.clock.now());
  if (!removed) return { text: c.notInUse(id) };
  await ctx.reloadKnowledge();
  ctx.log.info('phrasing forgotten', { by: person.id, id: removed.id, article: removed.articleId });
  return { text: c.forgotten(removed.phrasing, removed.articleId) };
}

/**
 * Tier 2 and above, leads and admins write up a finished ticket as a draft article. It lands in the drafts
 * folder, outside the live articles: publishing stays a person's decision. When a live article already
 * answers the ticket's question with confidence, the draft is still written (it may hold what the article
 * lacks), and the reply names that article, so the editor can add to it rather than publish a second one.
 */
async function draftFromTicket(ctx: DeskContext, person: Person, ticketId: number): Promise<Message> {
  const seniorAgent = person.role === 'agent' && person.tier !== null && person.tier !== 'tier1';
  if (!seniorAgent && !oversees(person)) {
    ctx.log.warn('kb draft refused', { person: person.id, role: person.role, tier: person.tier });
    return { text: deskCopy.draftRefused };
  }
  const ref = toTicketRef(ticketId);
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket) return { text: deskCopy.draftNoTicket(ref) };
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') return { text: deskCopy.draftNotFinished(ref) };
  if (!ctx.draftsDir) return { text: deskCopy.draftsUnavailable };
  const reviewBy = new Date(ctx.clock.now().getTime() + reviewAfterDays * 86_400_000).toISOString().slice(0, 10);
  const writeUp = await loadTicketWriteUp(ctx.db, ticket);
  const saved = await saveDraft(ctx.draftsDir, toDraftArticle({ ...writeUp, reviewBy }));
  if (!saved.ok) return { text: deskCopy.draftExists(ref, saved.existing) };
  const live = await liveAnswer(ctx, writeUp.questions[0] ?? ticket.subject);
  ctx.log.info('article drafted', { by: person.id, ticket: ticket.id, file: saved.path, live: live?.id });
  const written = deskCopy.draftWritten(ref, saved.path, ticket.subject);
  return { text: live ? `${written} ${deskCopy.draftAlreadyAnswered(live.title, live.id)}` : written };
}

/** The live article the knowledge base would answer `question` with, confidently; none when it would not. */
async function liveAnswer(ctx: DeskContext, question: string) {
  const decision = ctx.kb.ask(question, await ctx.embedQuestion(question));
  return decision.kind === 'answer' ? decision.best.article : undefined;
}
