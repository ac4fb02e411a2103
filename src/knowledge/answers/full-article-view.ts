import { articleCopy } from '../../messages/article-copy.ts';
import type { Message } from '../../messages/message.ts';
import { toParts } from '../../messages/message-parts.ts';
import { literal, stripMarkdown } from '../../messages/plain-text.ts';
import type { Article } from '../articles/article.ts';
import { toChatMarkdown } from '../articles/chat-markdown.ts';

/**
 * The whole article, as replies: its title and every paragraph, list and code line in the chat subset, in as
 * many messages as every platform takes whole (a long one in parts, each saying which), and its web page last.
 */
export function toFullArticleMessages(article: Article, pageUrl?: string): Message[] {
  const parts = toParts([`**${literal(article.title)}**`, ...toChatMarkdown(article.body)]);
  return parts.map((texts, i) => {
    const heading = i > 0 ? articleCopy.continued(article.title, i + 1, parts.length) : undefined;
    const link = pageUrl && i === parts.length - 1 ? articleCopy.onTheWeb(pageUrl) : undefined;
    return {
      text: [heading, ...texts, link].flatMap((t) => (t === undefined ? [] : [stripMarkdown(t)])).join('\n\n'),
      blocks: [
        ...(heading ? [{ kind: 'context' as const, text: heading }] : []),
        ...texts.map((text) => ({ kind: 'text' as const, text })),
        ...(link ? [{ kind: 'context' as const, text: link }] : []),
      ],
    };
  });
}
