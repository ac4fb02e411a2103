import { literal } from './plain-text.ts';

/** What the desk says about knowledge articles shown whole: in chat, and on their web page (/kb/<id>). */
export const articleCopy = {
  buttons: {
    /** For an article that walks through numbered steps. */
    steps: 'Show the steps',
    full: 'Full article',
    /** An answer composed from several articles offers each. */
    fullOf: (title: string) => `Full article: ${title}`,
  },
  /** An answer's article by its id: a link to its page when there is one. */
  ref: (id: string, url?: string) => (url ? `[${literal(id)}](${url})` : `\`${id}\``),
  plainRef: (id: string, url?: string) => (url ? `article: ${id}, ${url}` : `article: ${id}`),
  gone: "That article isn't in the knowledge base any more. Ask your question again and I'll look for what there is now.",
  continued: (title: string, part: number, parts: number) => `${literal(title)}, continued (${part} of ${parts})`,
  onTheWeb: (url: string) => `Also on the web: ${url}`,
  page: {
    notFoundTitle: 'No such article',
    notFound: 'There is no article at this address. It may have been renamed or retired; ask the desk in chat instead.',
    owner: (owner: string) => `Kept by ${owner}`,
    reviewBy: (date: string) => `next review by ${date}`,
    site: 'Tierdesk knowledge base',
  },
};
