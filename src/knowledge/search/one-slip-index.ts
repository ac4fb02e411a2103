import { editDistanceWithin } from './edit-distance.ts';

/**
 * Every known word under each of its one-letter deletions (and itself): two words one slip apart (a letter
 * dropped, added, changed, or two neighbours swapped) always share a key, so a slip finds its word by a few
 * lookups, not a fuzzy scan, and every such word is found ("mdel" → "model", where a fuzzy scan proposed none).
 */
export class OneSlipIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < 3) continue;
      for (const key of keysOf(word)) {
        const list = this.byKey.get(key);
        if (!list) this.byKey.set(key, [word]);
        else if (!list.includes(word)) list.push(word);
      }
    }
  }

  /**
   * The known word one slip from `term`, if any. Of several, the one that keeps the first letter and the
   * longest start of the word: people slip inside a word more often than at its start.
   */
  find(term: string): string | undefined {
    let best: string | undefined;
    let bestScore = -1;
    for (const key of keysOf(term)) {
      for (const word of this.byKey.get(key) ?? []) {
        if (word === term || !editDistanceWithin(term, word, 1)) continue;
        // In a word of four letters, one changed letter is as likely another word as a slip ("mine", "mice").
        if (term.length < 5 && word.length === term.length && !swapped(term, word)) continue;
        const score = (word[0] === term[0] ? 100 : 0) + sharedStart(word, term);
        if (score > bestScore || (score === bestScore && best !== undefined && word < best)) {
          best = word;
          bestScore = score;
        }
      }
    }
    return best;
  }
}

/** Whether two words of one length differ only by two neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

function keysOf(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
