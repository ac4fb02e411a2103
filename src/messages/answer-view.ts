import type { Article } from '../knowledge/articles/article.ts';
import { toExcerpt } from '../knowledge/articles/excerpt.ts';
import { copy } from './copy.ts';
import type { Block, Button, Message } from './message.ts';
import { stripMarkdown } from './plain-text.ts';

const talkToHuman = (interactionId: string): Button => ({
  label: 'Talk to a human',
  actionId: 'talk_to_human',
  value: interactionId,
});

/** The best article with "Did this help?" buttons. */
export function toAnswerMessage(article: Article, interactionId: string): Message {
  const excerpt = toExcerpt(article.body);
  return {
    text: `${article.title}\n${stripMarkdown(excerpt)}\n(article: ${article.id}) Did this help?`,
    blocks: [
      { kind: 'text', text: `**${article.title}**\n\n${excerpt}` },
      { kind: 'context', text: `Article \`${article.id}\` · Did this help?` },
      toFeedbackActions(interactionId),
    ],
  };
}

/** "Did this help?": the answer to it is what the desk learns from, whoever composed the answer. */
export function toFeedbackActions(interactionId: string): Block {
  return {
    kind: 'actions',
    buttons: [
      { label: '👍 Helpful', actionId: 'helpful', value: interactionId, style: 'primary' },
      { label: '👎 Not helpful', actionId: 'not_helpful', value: interactionId },
      talkToHuman(interactionId),
    ],
  };
}

/** "Which of these?": the top few articles as choices (or the one, "Is this it?"), and a way out to a person. */
export function toClarifyMessage(articles: Article[], interactionId: string): Message {
  const lines = articles.map((a, i) => `${i + 1}. ${a.title}`);
  const ask = articles.length === 1 ? copy.clarifyOne : copy.clarify;
  return {
    text: [ask, ...lines].join('\n'),
    blocks: [
      { kind: 'text', text: ask },
      {
        kind: 'actions',
        buttons: [
          ...articles.map(
            (a): Button => ({ label: a.title, actionId: 'pick_article', value: `${interactionId}:${a.id}` }),
          ),
          talkToHuman(interactionId),
        ],
      },
    ],
  };
}

/** A sentence and one way forward: a person from the help desk. */
function toOfferHumanMessage(text: string, interactionId: string): Message {
  return {
    text,
    blocks: [
      { kind: 'text', text },
      { kind: 'actions', buttons: [{ ...talkToHuman(interactionId), style: 'primary' }] },
    ],
  };
}

export const toDeclineMessage = (interactionId: string) => toOfferHumanMessage(copy.declined, interactionId);
export const toNotHelpfulMessage = (interactionId: string) => toOfferHumanMessage(copy.notHelpful, interactionId);
