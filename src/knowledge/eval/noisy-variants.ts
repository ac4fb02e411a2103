import type { EvalQuery } from './eval-metrics.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * Noisy variants of evaluation queries, as people write them: slips in their longer words, and the question
 * told inside a little story. Deterministic (a seeded generator), so before/after figures compare the same
 * messages; the gold article stays the query's own.
 */
export type Noise = 'typos' | 'context';

/** One slip in a word: two neighbours swapped, a letter dropped, or one doubled; never the first letter. */
function slip(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
}

/** Sentences around a question that say nothing of its topic: a greeting, what happened, thanks. */
const before = [
  'Hi there, hope you are well.',
  'Sorry to bother you again.',
  'I have been trying to sort this out all morning and I am getting nowhere.',
  'My colleague said I should ask here.',
  'Quick one from me today.',
];
const after = [
  'Thanks a lot in advance!',
  'Any help would be much appreciated.',
  'I need this done before my meeting this afternoon.',
  'Let me know if you need anything else from me.',
];

export function noisyVariant(q: EvalQuery, noise: Noise, index: number): EvalQuery {
  const random = seededRandom(index * 7919 + (noise === 'typos' ? 1 : 2));
  if (noise === 'typos') {
    // Up to two slips, in the longer words, where a slip is most likely and matters most.
    const words = q.query.split(/(\s+)/);
    const long = words.flatMap((w, i) => (/^[a-z]{5,}$/i.test(w) ? [i] : []));
    for (let n = 0; n < Math.min(2, long.length); n++) {
      const pick = long.splice(Math.floor(random() * long.length), 1)[0] as number;
      words[pick] = slip(words[pick] as string, random);
    }
    return { query: words.join(''), gold: q.gold };
  }
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] as string;
  return { query: `${pick(before)} ${q.query.trim()} ${pick(after)}`, gold: q.gold };
}
