import { z } from 'zod';
import type { UsageProblem } from '../messages/copy.ts';

/** "T–12" typed with an en dash (phones and word processors make one) or full-width "Ｔ－１２" is still T-12. */
export const foldRef = (word: string) => word.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-');

/** A ticket number as people write it: `T-12`, `t12`, `#12`, `12`. */
export const ticketRef = z
  .string()
  .transform(foldRef)
  .pipe(z.string().regex(/^#?(?:t-?)?(\d{1,9})$/i))
  .transform((s) => Number(/\d+/.exec(s)?.[0]));

/** Whether one word, on its own, can only be a ticket's number ("T-12", "#12"; a bare "12" may be anything). */
export const looksLikeTicketRef = (word: string) => /^(?:#|#?t-?)\d/i.test(foldRef(word));

/** `T-n rest…` → the ticket number and the rest; undefined when the first word is not a ticket. */
export function ticketAndRest(args: string): { ticketId: number; rest: string } | undefined {
  const [first = '', ...rest] = args.split(/\s+/);
  const ref = ticketRef.safeParse(first);
  return ref.success ? { ticketId: ref.data, rest: rest.join(' ').trim() } : undefined;
}

export const words = (args: string) => args.split(/\s+/).filter(Boolean);

/**
 * Arguments that do not fit: a slip in a command when it clearly was one (given with a slash, or `slip` says
 * so), otherwise the text was a question that happens to start with the command's word.
 */
export const slipOrQuestion = (slip: boolean, problem: UsageProblem = 'bad_arguments') =>
  slip ? { usage: problem } : undefined;
