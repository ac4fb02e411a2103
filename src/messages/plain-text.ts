/** The markdown subset of text blocks, removed for the plain `text` fallback (terminals, notifications). */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,!?])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * Someone's own words placed in markdown (a ticket's subject, a question): "[text](url)" there must not
 * become a link whose label hides where it goes. A zero-width space between "]" and "(" keeps the words as
 * typed and the link syntax from forming, on every platform's renderer alike.
 */
export const literal = (text: string) => text.replace(/\]\(/g, ']\u200b(');
