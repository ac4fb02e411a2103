import { cutText } from '../../messages/cut-text.ts';

/** The article's first paragraph, cut at a word boundary: enough to answer in a chat bubble. */
export function toExcerpt(body: string, max = 320): string {
  // A heading may sit directly on its paragraph, with no blank line between: its own lines are skipped.
  const first = body
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n')
        .trim(),
    )
    .find((p) => p.length > 0);
  const text = (first ?? '').replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  // Whole characters only (an emoji is never split), without the cut's own ellipsis.
  const cut = cutText(text, max).slice(0, -1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
