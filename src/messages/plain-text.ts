/** The markdown subset of text blocks, removed for the plain `text` fallback (terminals, notifications). */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,!?])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * Someone's own words placed in markdown: "[text](url)" there must not become a link whose label hides where
 * it goes. A zero-width space between "]" and "(" keeps the words as typed and the link syntax from forming,
 * on every platform's renderer alike. Everything a requester (or anyone) controls goes through here wherever
 * a view puts it into markdown: names (chat display names are theirs to set), subjects, descriptions,
 * replies and reasons.
 */
export const literal = (text: string) => text.replace(/\]\(/g, ']\u200b(');
