import { stringify } from 'yaml';
import { cutText } from '../../messages/cut-text.ts';
import type { TicketWriteUp } from '../../store/ticket-write-ups.ts';
import { terms, words } from '../search/text.ts';

/** What a resolved ticket says that is worth keeping as an article, and when to review it (`YYYY-MM-DD`). */
export type DraftSource = Omit<TicketWriteUp, 'resolver'> & { resolver?: string | undefined; reviewBy: string };

export interface DraftArticle {
  fileName: string;
  markdown: string;
}

const speaker = { help_desk: 'Help desk', requester: 'Requester' } as const;

// The article schema's own limits: a draft that breaks them would be skipped when published.
const maxQuestions = 10;
const maxQuestionLength = 500;
const maxTags = 5;

/** A markdown article with front matter the knowledge base reads, for an editor to review before publishing. */
export function toDraftArticle(source: DraftSource): DraftArticle {
  const front = {
    title: source.subject.trim() || `Ticket T-${source.ticketId}`,
    tags: tagsFrom(source.subject),
    questions: distinct(source.questions.map((q) => clip(q, maxQuestionLength))).slice(0, maxQuestions),
    ...(source.resolver?.trim() ? { owner: source.resolver.trim() } : {}),
    review_by: source.reviewBy,
  };
  const replies = source.replies.map((r) => ({ ...r, text: r.text.trim() })).filter((r) => r.text !== '');
  const body = [
    ...(source.resolution.trim() ? [source.resolution.trim(), ''] : []),
    '## What was asked',
    '',
    source.problem.trim() || front.title,
    ...(replies.length
      ? ['', '## On the ticket, along the way', '', ...replies.map((r) => `- ${speaker[r.from]}: ${r.text}`)]
      : []),
  ].join('\n');
  const note = `# Draft from T-${source.ticketId}: review and edit it, then move it up into the knowledge folder to publish it.`;
  return {
    fileName: `${slug(source.subject)}-t${source.ticketId}.md`,
    markdown: `---\n${note}\n${stringify(front, { lineWidth: 0 })}---\n\n${body}\n`,
  };
}

/** Topic words of the subject as written (not stemmed), so an editor recognises them. */
function tagsFrom(subject: string): string[] {
  const topical = words(subject).filter((w) => w.length >= 3 && !/^\d+$/.test(w) && terms(w).length > 0);
  return distinct(topical).slice(0, maxTags);
}

function slug(subject: string): string {
  let out = '';
  for (const w of words(subject)) {
    if (out.length + w.length + 1 > 60) break;
    out = out ? `${out}-${w}` : w;
  }
  return out || 'ticket';
}

const clip = (text: string, max: number) => cutText(text.replace(/\s+/g, ' ').trim(), max);

function distinct(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (!item || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
