import type { DeskContext } from '../desk-context.ts';
import type { PlaceRef } from '../inbound.ts';
import { clarifyChoices } from '../knowledge/decide.ts';
import { toAnswerMessage, toClarifyMessage, toDeclineMessage } from '../messages/answer-view.ts';
import type { Message } from '../messages/message.ts';
import { recordInteraction } from '../store/interactions.ts';
import type { Person } from '../store/people.ts';

/** Searches the knowledge base, records what was asked and decided, and builds the reply. */
export async function answerQuestion(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  question: string,
): Promise<Message> {
  const decision = ctx.kb.ask(question);
  const top = decision.candidates.slice(0, clarifyChoices);
  const interaction = await recordInteraction(ctx.db, {
    personId: person.id,
    place,
    question,
    outcome: decision.kind === 'answer' ? 'answered' : decision.kind === 'clarify' ? 'clarified' : 'declined',
    articleId: decision.kind === 'answer' ? decision.best.article.id : null,
    confidence: decision.candidates[0]?.confidence ?? 0,
    candidates: top.map((c) => ({ articleId: c.article.id, confidence: Math.round(c.confidence * 1000) / 1000 })),
    createdAt: ctx.clock.now(),
  });
  ctx.log.info('question answered', {
    interaction: interaction.id,
    outcome: interaction.outcome,
    article: interaction.articleId,
    confidence: interaction.confidence,
  });
  switch (decision.kind) {
    case 'answer':
      return toAnswerMessage(decision.best.article, interaction.id);
    case 'clarify':
      return toClarifyMessage(
        top.map((c) => c.article),
        interaction.id,
      );
    case 'decline':
      return toDeclineMessage(interaction.id);
  }
}
