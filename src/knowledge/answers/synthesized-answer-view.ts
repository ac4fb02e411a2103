import type { Message } from '../../messages/message.ts';
import { stripMarkdown } from '../../messages/plain-text.ts';
import type { Article } from '../articles/article.ts';
import { toFeedbackActions } from './answer-buttons.ts';

/**
 * An answer composed from several articles: the composed text, the articles it rests on (so a person can
 * check the source), and "Did this help?" about the first of them.
 */
export function toSynthesizedAnswerMessage(answer: string, cited: Article[], interactionId: string): Message {
  const sources = cited.map((a) => `${a.title} (\`${a.id}\`)`).join(' · ');
  const plainSources = cited.map((a) => `${a.title} (article: ${a.id})`).join('; ');
  return {
    text: `${stripMarkdown(answer)}\nSources: ${plainSources}\nDid this help?`,
    blocks: [
      { kind: 'text', text: answer },
      { kind: 'context', text: `Composed from ${sources} · Did this help?` },
      toFeedbackActions(interactionId),
    ],
  };
}
