import { z } from 'zod';
import { actionButton } from '../../commands/action-button.ts';
import { defineWire } from '../../commands/feature.ts';
import { copy } from '../../messages/copy.ts';
import type { Block, Button } from '../../messages/message.ts';
import type { Article } from '../../model/article.ts';

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
    // An article's id is its file name, which may hold spaces, accents or "&": only what no file name can hold
    // (a path separator, a control character) is refused. It must also be one the desk offered (answer-actions.ts).
    .pipe(z.object({ interactionId: z.uuid(), articleId: z.string().regex(/^[^/\\\p{Cc}]{1,200}$/u) })),
  encode: (v) => `${v.interactionId}:${v.articleId}`,
});

export const talkToHumanButton = (interactionId: string, style?: Button['style']): Button =>
  actionButton(talkToHumanWire, copy.buttons.talkToHuman, { interactionId }, style);

/** "Did this help?": the answer to it is what the desk learns from, whoever composed the answer. */
export function toFeedbackActions(interactionId: string): Block {
  return {
    kind: 'actions',
    buttons: [
      actionButton(helpfulWire, copy.buttons.helpful, { interactionId }, 'primary'),
      actionButton(notHelpfulWire, copy.buttons.notHelpful, { interactionId }),
      talkToHumanButton(interactionId),
    ],
  };
}

export const pickButton = (interactionId: string, article: Pick<Article, 'id' | 'title'>): Button =>
  actionButton(pickArticleWire, article.title, { interactionId, articleId: article.id });
