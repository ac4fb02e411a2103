import type { DeskContext } from '../../desk-context.ts';
import type { Message } from '../../messages/message.ts';
import type { Article } from '../../model/article.ts';
import { type Attachment, type PlaceRef, withoutPeople } from '../../model/identity.ts';
import type { Person } from '../../model/person.ts';
import { isStaff } from '../../model/roles.ts';
import { recordInteraction } from '../../store/interactions.ts';
import { articlePageUrl } from '../articles/article-url.ts';
import { clarifyChoices } from '../decision/decide.ts';
import { sentencesOf } from '../search/asking-part.ts';
import type { Candidate } from '../search/rank-candidates.ts';
import { toAnswerMessage, toClarifyMessage, toDeclineMessage } from './answer-view.ts';
import { toSynthesizedAnswerMessage } from './synthesized-answer-view.ts';

/** How many of the best articles a composed answer may draw on. */
const synthesisArticles = 3;

type Composed = { answer: string; cited: Article[]; escalate: boolean };

/** Searches the knowledge base, records what was asked and decided, and builds the reply. */
export async function answerQuestion(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  asked: string,
  attachments: readonly Attachment[] = [],
): Promise<Message> {
  const question = withoutPeople(asked) || asked;
  // Articles for the help desk only are never answered to someone outside it.
  const reader = isStaff(person) ? 'staff' : 'everyone';
  // Asked together, the question and its sentences share one turn of the model's thread.
  const [vector, sentenceVectors] = await Promise.all([ctx.embedQuestion(question), embedSentences(ctx, question)]);
  const decision = ctx.kb.ask(question, vector, reader, sentenceVectors);
  // What the person is offered, or for the help desk the near misses: a pick is checked against these.
  const top = decision.kind === 'clarify' ? decision.choices : decision.candidates.slice(0, clarifyChoices);
  // Only a confident answer is composed: "Which of these?" already lets the person choose among the few.
  const composed = decision.kind === 'answer' ? await compose(ctx, question, decision.candidates) : undefined;
  const escalated = composed?.escalate === true;
  const interaction = await recordInteraction(ctx.db, {
    personId: person.id,
    place,
    question,
    outcome:
      decision.kind === 'answer' && !escalated ? 'answered' : decision.kind === 'clarify' ? 'clarified' : 'declined',
    // "Did this help?" teaches the article the reply rests on: the first one cited when composed.
    articleId: decision.kind === 'answer' && !escalated ? (composed?.cited[0]?.id ?? decision.best.article.id) : null,
    confidence: decision.candidates[0]?.confidence ?? 0,
    // Kept so the desk can refit its decision to what people did next (calibration/answer-decision.ts).
    features: decision.candidates[0]?.features.map((f) => Math.round(f * 10_000) / 10_000) ?? null,
    candidates: top.map((c) => ({ articleId: c.article.id, confidence: Math.round(c.confidence * 1000) / 1000 })),
    ...(attachments.length > 0 ? { attachments: [...attachments] } : {}),
    createdAt: ctx.clock.now(),
  });
  ctx.meter.count('tierdesk_questions_total', { decision: interaction.outcome });
  ctx.log.info('question answered', {
    interaction: interaction.id,
    outcome: interaction.outcome,
    article: interaction.articleId,
    confidence: interaction.confidence,
    ...(composed ? { composed: escalated ? 'escalated' : composed.cited.map((a) => a.id) } : {}),
  });
  if (escalated) return toDeclineMessage(interaction.id);
  const pageUrl = (article: Article) => articlePageUrl(ctx.publicUrl, article);
  switch (decision.kind) {
    case 'answer':
      return composed
        ? toSynthesizedAnswerMessage(composed.answer, composed.cited, interaction.id, pageUrl)
        : toAnswerMessage(decision.best.article, interaction.id, pageUrl(decision.best.article));
    case 'clarify':
      return toClarifyMessage(
        top.map((c) => c.article),
        interaction.id,
      );
    case 'decline':
      return toDeclineMessage(interaction.id);
  }
}

/** Each sentence's embedding, for a message of several: it is also judged by the sentence that asks. */
async function embedSentences(ctx: DeskContext, question: string) {
  const sentences = sentencesOf(question);
  if (sentences.length < 2) return undefined;
  const vectors = await Promise.all(sentences.map(async (s) => [s, await ctx.embedQuestion(s)] as const));
  return new Map(vectors.flatMap(([s, v]) => (v ? [[s, v] as const] : [])));
}

/** The model's answer from the best few articles, its citations in search order; nothing → the article itself. */
async function compose(ctx: DeskContext, question: string, candidates: Candidate[]): Promise<Composed | undefined> {
  const articles = candidates.slice(0, synthesisArticles).map((c) => c.article);
  const synthesis = await ctx.synthesize.compose({
    question,
    articles: articles.map(({ id, title, body }) => ({ id, title, body })),
  });
  if (!synthesis) return undefined;
  const cited = articles.filter((a) => synthesis.citedArticleIds.includes(a.id));
  return { answer: synthesis.answer, cited, escalate: synthesis.escalate };
}
