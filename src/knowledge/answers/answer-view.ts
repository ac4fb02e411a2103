import { articleCopy } from '../../messages/article-copy.ts';
import { copy } from '../../messages/copy.ts';
import type { Message } from '../../messages/message.ts';
import { stripMarkdown } from '../../messages/plain-text.ts';
import type { Article } from '../../model/article.ts';
import { toExcerpt } from '../articles/excerpt.ts';
import { fullArticleButton, pickButton, talkToHumanButton, toFeedbackActions } from './answer-buttons.ts';

/**
 * The best article's first paragraph with "Did this help?" buttons and one for the whole article; its id links
 * its web page when the desk has a public address (`pageUrl`).
 */
export function toAnswerMessage(article: Article, interactionId: string, pageUrl?: string): Message {
  const excerpt = toExcerpt(article.body);
  return {
    text: `${article.title}\n${stripMarkdown(excerpt)}\n(${articleCopy.plainRef(article.id, pageUrl)}) Did this help?`,
    blocks: [
      { kind: 'text', text: `**${article.title}**\n\n${excerpt}` },
      { kind: 'context', text: `Article ${articleCopy.ref(article.id, pageUrl)} · Did this help?` },
      toFeedbackActions(interactionId, [fullArticleButton(article)]),
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
        buttons: [...articles.map((a) => pickButton(interactionId, a)), talkToHumanButton(interactionId)],
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
      { kind: 'actions', buttons: [talkToHumanButton(interactionId, 'primary')] },
    ],
  };
}

export const toDeclineMessage = (interactionId: string) => toOfferHumanMessage(copy.declined, interactionId);
export const toNotHelpfulMessage = (interactionId: string) => toOfferHumanMessage(copy.notHelpful, interactionId);
