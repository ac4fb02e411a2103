/** The markdown subset of text blocks, removed for the plain `text` fallback (terminals, notifications). */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,!?])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
