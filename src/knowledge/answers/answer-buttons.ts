import { z } from 'zod';
import { actionButton } from '../../commands/action-button.ts';
import { defineWire } from '../../commands/feature.ts';
import { articleCopy } from '../../messages/article-copy.ts';
import { copy } from '../../messages/copy.ts';
import type { Block, Button } from '../../messages/message.ts';
import type { Article } from '../../model/article.ts';
import { hasSteps } from '../articles/chat-markdown.ts';

/**
 * An article's id is its file name, which may hold spaces, accents or "&": only what no file name can hold (a
 * path separator, a control character) is refused. What it names is looked up again when pressed.
 */
const articleId = z.string().regex(/^[^/\\\p{Cc}]{1,200}$/u);

const interaction = z.uuid().transform((interactionId) => ({ interactionId }));
const aboutInteraction = (id: string) =>
  defineWire<{ interactionId: string }>({ id, value: interaction, encode: (v) => v.interactionId });

/** "Did this help?" and the way to a person: each is about one recorded question, by its id. */
export const helpfulWire = aboutInteraction('helpful');
export const notHelpfulWire = aboutInteraction('not_helpful');
export const talkToHumanWire = aboutInteraction('talk_to_human');

/** A pick from "Which of these?": the question, and the article chosen. */
export const pickArticleWire = defineWire<{ interactionId: string; articleId: string }>({
  id: 'pick_article',
  value: z
    .string()
    .max(300)
    .transform((v) => {
      const at = v.indexOf(':');
      return { interactionId: v.slice(0, at), articleId: v.slice(at + 1) };
    })
    // It must also be an article the desk offered (answer-actions.ts).
    .pipe(z.object({ interactionId: z.uuid(), articleId })),
  encode: (v) => `${v.interactionId}:${v.articleId}`,
});

/** "Show the steps" / "Full article": the whole article, by its id. */
export const fullArticleWire = defineWire<{ articleId: string }>({
  id: 'full_article',
  value: articleId.transform((id) => ({ articleId: id })),
  encode: (v) => v.articleId,
});

export const talkToHumanButton = (interactionId: string, style?: Button['style']): Button =>
  actionButton(talkToHumanWire, copy.buttons.talkToHuman, { interactionId }, style);

/**
 * The whole of an answer's article: "Show the steps" when it walks through numbered steps, else "Full article";
 * `named` (an answer drawing on several) puts its title in the label.
 */
export function fullArticleButton(article: Pick<Article, 'id' | 'title' | 'body'>, named = false): Button {
  const label = named
    ? articleCopy.buttons.fullOf(article.title)
    : hasSteps(article.body)
      ? articleCopy.buttons.steps
      : articleCopy.buttons.full;
  return actionButton(fullArticleWire, label, { articleId: article.id });
}

/**
 * "Did this help?": the answer to it is what the desk learns from, whoever composed the answer. `more` follow
 * in the same row (the articles' full text).
 */
export function toFeedbackActions(interactionId: string, more: Button[] = []): Block {
  return {
    kind: 'actions',
    buttons: [
      actionButton(helpfulWire, copy.buttons.helpful, { interactionId }, 'primary'),
      actionButton(notHelpfulWire, copy.buttons.notHelpful, { interactionId }),
      talkToHumanButton(interactionId),
      ...more,
    ],
  };
}

export const pickButton = (interactionId: string, article: Pick<Article, 'id' | 'title'>): Button =>
  actionButton(pickArticleWire, article.title, { interactionId, articleId: article.id });
