import type { Scratch } from './search-scratch.ts';
import { TopK } from './top-k.ts';
import type { VectorTable } from './vector-table.ts';

/**
 * Ranking by meaning, given the question's vector: every candidate gets its cosine, and of the articles
 * that share no word with the question only the `keep` closest become candidates. Such an article scores
 * its cosine alone, so no other could rank among the first; keeping all would make every search touch,
 * score and clear every article.
 */
export function shortlistByMeaning(
  scratch: Scratch,
  vectors: VectorTable,
  questionVector: readonly number[],
  keep: number,
): void {
  const closest = new TopK(keep);
  vectors.scan(questionVector, (doc, cosine) => {
    if (scratch.docSeen[doc]) scratch.signals.semantic[doc] = cosine;
    else closest.offer(doc, cosine);
  });
  closest.forEach((doc, cosine) => {
    scratch.touch(doc);
    scratch.signals.semantic[doc] = cosine;
  });
}
