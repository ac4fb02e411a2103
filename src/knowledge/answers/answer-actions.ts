import { defineAction } from '../../commands/feature.ts';
import type { DeskContext } from '../../desk-context.ts';
import { copy } from '../../messages/copy.ts';
import { type Message, settling } from '../../messages/message.ts';
import { ticketCopy } from '../../messages/ticket-copy.ts';
import { toTicketOpenedMessage } from '../../messages/ticket-view.ts';
import type { Person } from '../../model/person.ts';
import { toTicketRef } from '../../model/ticket.ts';
import {
  findInteraction,
  type Interaction,
  listEarlierInConversation,
  recordFeedback,
  recordPick,
} from '../../store/interactions.ts';
import { retractPhrasing } from '../../store/learned-phrasings.ts';
import { withQueueTrouble } from '../../tickets/queue-trouble.ts';
import { requestHelp } from '../../tickets/request-help.ts';
import { refreshStatusMessage } from '../../tickets/status-message.ts';
import { articlePageUrl } from '../articles/article-url.ts';
import { learnPhrasing } from '../learning/learn-phrasing.ts';
import { weighFeedback } from '../learning/weigh-feedback.ts';
import { helpfulWire, notHelpfulWire, pickArticleWire, talkToHumanWire } from './answer-buttons.ts';
import { toAnswerMessage, toNotHelpfulMessage } from './answer-view.ts';
import { describeForHelpDesk } from './describe-question.ts';

/**
 * The question a button is about, which must be the clicker's own: someone else's conversation is left
 * alone, and a question no longer known says so.
 */
async function ownInteraction(
  ctx: DeskContext,
  person: Person,
  interactionId: string,
): Promise<Interaction | { refused: Message }> {
  const interaction = await findInteraction(ctx.db, interactionId);
  if (!interaction) return { refused: { text: copy.staleAction } };
  if (interaction.personId !== person.id) {
    ctx.log.warn('action on another person\u2019s interaction refused', {
      person: person.id,
      interaction: interaction.id,
    });
    return { refused: { text: copy.notYourAction } };
  }
  return interaction;
}

export const helpful = defineAction({
  ...helpfulWire,
  async run(ctx, person, _place, { interactionId }) {
    const interaction = await ownInteraction(ctx, person, interactionId);
    if ('refused' in interaction) return interaction.refused;
    if (!(await recordFeedback(ctx.db, interaction.id, true, ctx.clock.now())))
      return settling({ text: copy.feedbackAlreadyGiven });
    ctx.meter.count('tierdesk_answer_feedback_total', { feedback: 'helpful' });
    if (interaction.articleId) {
      await learnPhrasing(ctx, interaction, interaction.articleId);
      await weighFeedback(ctx, interaction.articleId, interaction.question, false);
    }
    return settling({ text: copy.helpfulThanks });
  },
});

export const notHelpful = defineAction({
  ...notHelpfulWire,
  async run(ctx, person, _place, { interactionId }) {
    const interaction = await ownInteraction(ctx, person, interactionId);
    if ('refused' in interaction) return interaction.refused;
    const now = ctx.clock.now();
    if (!(await recordFeedback(ctx.db, interaction.id, false, now)))
      return settling({ text: copy.feedbackAlreadyGiven });
    ctx.meter.count('tierdesk_answer_feedback_total', { feedback: 'not_helpful' });
    if (interaction.articleId) {
      // Picked from "Which of these?", then found not to help: the pick taught the question to the article,
      // and that lesson must go, or the next person asking would be answered with it all the more surely.
      if (await retractPhrasing(ctx.db, interaction.id, person.id, now)) {
        ctx.kb.unlearn(interaction.articleId, interaction.question);
        ctx.log.info('phrasing retracted', { interaction: interaction.id, article: interaction.articleId });
      }
      // The click is stored on the interaction and weighed with other people's (startup weighs them again).
      await weighFeedback(ctx, interaction.articleId, interaction.question, true);
    }
    return settling(toNotHelpfulMessage(interaction.id));
  },
});

export const talkToHuman = defineAction({
  ...talkToHumanWire,
  async run(ctx, person, _place, { interactionId }) {
    const interaction = await ownInteraction(ctx, person, interactionId);
    if ('refused' in interaction) return interaction.refused;
    const { ticket, created, trouble } = await requestHelp(ctx, person, {
      subject: interaction.question,
      description: describeForHelpDesk(ctx, interaction, await listEarlierInConversation(ctx.db, interaction, 5)),
      origin: interaction.place,
      sourceInteractionId: interaction.id,
    });
    // Asked again: keep one status message up to date rather than posting another copy of it.
    if (!created && (await refreshStatusMessage(ctx, ticket)))
      return settling({ text: ticketCopy.ticketAlreadyOpen(toTicketRef(ticket.id)) });
    return settling(withQueueTrouble(toTicketOpenedMessage(ticket, created), trouble, person));
  },
});

export const pickArticle = defineAction({
  ...pickArticleWire,
  async run(ctx, person, _place, { interactionId, articleId }) {
    const interaction = await ownInteraction(ctx, person, interactionId);
    if ('refused' in interaction) return interaction.refused;
    const offered = interaction.candidates.some((c) => c.articleId === articleId);
    const article = offered ? ctx.kb.get(articleId) : undefined;
    if (!article) return { text: copy.staleAction };
    await recordPick(ctx.db, interaction.id, article.id);
    // Choosing from "Which of these?" says which article the question meant, and votes for it.
    await learnPhrasing(ctx, interaction, article.id);
    await weighFeedback(ctx, article.id, interaction.question, false);
    return settling(toAnswerMessage(article, interaction.id, articlePageUrl(ctx.publicUrl, article)));
  },
});
