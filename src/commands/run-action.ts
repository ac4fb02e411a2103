import type { DeskContext } from '../desk-context.ts';
import type { PlaceRef } from '../inbound.ts';
import { learnPhrasing } from '../knowledge/learning/learn-phrasing.ts';
import { toAnswerMessage, toNotHelpfulMessage } from '../messages/answer-view.ts';
import { copy } from '../messages/copy.ts';
import type { Message } from '../messages/message.ts';
import { toTicketOpenedMessage } from '../messages/ticket-view.ts';
import {
  findInteraction,
  type Interaction,
  listEarlierInConversation,
  recordFeedback,
  recordPick,
} from '../store/interactions.ts';
import { retractPhrasing } from '../store/learned-phrasings.ts';
import type { Person } from '../store/people.ts';
import { requestHelp } from '../tickets/request-help.ts';
import { refreshStatusMessage } from '../tickets/status-message.ts';
import { toTicketRef } from '../tickets/ticket-ref.ts';
import type { Action } from './parse-action.ts';
import { runTicketCommand } from './run-ticket-command.ts';

/** A button click: about a ticket (queue cards), or about one earlier question, which must be the clicker's own. */
export async function runAction(ctx: DeskContext, person: Person, place: PlaceRef, action: Action): Promise<Message> {
  // Queue-card buttons are about a ticket, not a question.
  if (action.id === 'claim_ticket') {
    return runTicketCommand(ctx, person, place, { name: 'claim', ticketId: action.ticketId });
  }
  if (action.id === 'ticket_prompt') return { text: copy.ticketPrompt(action.command, toTicketRef(action.ticketId)) };
  const interaction = await findInteraction(ctx.db, action.interactionId);
  if (!interaction) return { text: copy.staleAction };
  if (interaction.personId !== person.id) {
    ctx.log.warn('action on another person\u2019s interaction refused', {
      person: person.id,
      interaction: interaction.id,
    });
    return { text: copy.notYourAction };
  }
  const now = ctx.clock.now();
  switch (action.id) {
    case 'helpful': {
      if (!(await recordFeedback(ctx.db, interaction.id, true, now))) return { text: copy.feedbackAlreadyGiven };
      if (interaction.articleId) await learnPhrasing(ctx, interaction, interaction.articleId);
      return { text: copy.helpfulThanks };
    }
    case 'not_helpful':
      if (!(await recordFeedback(ctx.db, interaction.id, false, now))) return { text: copy.feedbackAlreadyGiven };
      if (interaction.articleId) {
        // Picked from "Which of these?", then found not to help: the pick taught the question to the article,
        // and that lesson must go, or the next person asking would be answered with it all the more surely.
        if (await retractPhrasing(ctx.db, interaction.id, person.id, now)) {
          ctx.kb.unlearn(interaction.articleId, interaction.question);
          ctx.log.info('phrasing retracted', { interaction: interaction.id, article: interaction.articleId });
        }
        // The click is stored on the interaction; startup rebuilds the same penalty from there.
        ctx.kb.penalise(interaction.articleId, interaction.question);
      }
      return toNotHelpfulMessage(interaction.id);
    case 'talk_to_human': {
      const { ticket, created } = await requestHelp(ctx, person, {
        subject: interaction.question,
        description: describe(ctx, interaction, await listEarlierInConversation(ctx.db, interaction, 5)),
        origin: interaction.place,
        sourceInteractionId: interaction.id,
      });
      // Asked again: keep one status message up to date rather than posting another copy of it.
      if (!created && (await refreshStatusMessage(ctx, ticket)))
        return { text: copy.ticketAlreadyOpen(toTicketRef(ticket.id)) };
      return toTicketOpenedMessage(ticket, created);
    }
    case 'pick_article': {
      const offered = interaction.candidates.some((c) => c.articleId === action.articleId);
      const article = offered ? ctx.kb.get(action.articleId) : undefined;
      if (!article) return { text: copy.staleAction };
      await recordPick(ctx.db, interaction.id, article.id);
      // Choosing from "Which of these?" says which article the question meant.
      await learnPhrasing(ctx, interaction, article.id);
      return toAnswerMessage(article, interaction.id);
    }
  }
}

/** What the help desk needs to pick the question up without asking again. */
function describe(ctx: DeskContext, interaction: Interaction, earlier: Interaction[]): string {
  const suggested = interaction.candidates
    .map((c) => ctx.kb.get(c.articleId)?.title ?? c.articleId)
    .map((title) => `- ${title}`);
  const verdict =
    interaction.helpful === false
      ? 'The person said the suggested answer did not help.'
      : 'The person asked for a human.';
  const title = (id: string | null) => (id ? (ctx.kb.get(id)?.title ?? id) : 'no article');
  const feedback = (i: Interaction) =>
    i.helpful === true ? 'helpful' : i.helpful === false ? 'not helpful' : 'no feedback';
  const conversation = earlier.map((i) => `- "${i.question}" → ${title(i.articleId)} (${feedback(i)})`);
  return [
    interaction.question,
    '',
    verdict,
    ...(suggested.length ? ['Articles the desk suggested:', ...suggested] : ['The desk found no matching article.']),
    ...(conversation.length ? ['', 'Earlier in this conversation:', ...conversation] : []),
  ].join('\n');
}
