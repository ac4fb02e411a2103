import { articleCopy } from '../../messages/article-copy.ts';
import type { Message } from '../../messages/message.ts';
import { stripMarkdown } from '../../messages/plain-text.ts';
import type { Article } from '../articles/article.ts';
import { fullArticleButton, toFeedbackActions } from './answer-buttons.ts';

/**
 * An answer composed from several articles: the composed text, the articles it rests on (so a person can
 * check the source, in full with a button each, on their web pages when `pageUrl` gives them), and "Did this
 * help?" about the first of them.
 */
export function toSynthesizedAnswerMessage(
  answer: string,
  cited: Article[],
  interactionId: string,
  pageUrl: (article: Article) => string | undefined = () => undefined,
): Message {
  const linked = cited.map((a) => ({ a, url: pageUrl(a) }));
  const sources = linked.map(({ a, url }) => `${a.title} (${articleCopy.ref(a.id, url)})`);
  const plainSources = linked.map(({ a, url }) => `${a.title} (${articleCopy.plainRef(a.id, url)})`);
  return {
    text: `${stripMarkdown(answer)}\nSources: ${plainSources.join('; ')}\nDid this help?`,
    blocks: [
      { kind: 'text', text: answer },
      { kind: 'context', text: `Composed from ${sources.join(' · ')} · Did this help?` },
      toFeedbackActions(
        interactionId,
        cited.map((a) => fullArticleButton(a, cited.length > 1)),
      ),
    ],
  };
}
