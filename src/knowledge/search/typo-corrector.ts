import Fuse from 'fuse.js';
import { editDistanceWithin } from './edit-distance.ts';
import { OneSlipIndex } from './one-slip-index.ts';

/**
 * Maps a word the knowledge base has never seen onto a close known one ("pasword" → "password").
 * fuse.js proposes; a small edit distance (or a short continuation) decides, so "recipe" does not become
 * "receipt". Proposals come only from known words with the same first letter: people rarely mistype the
 * first letter, and one fuzzy scan over a twenty-sixth of a large vocabulary is what keeps a search fast
 * at 10,000 articles.
 */
export class TypoCorrector {
  private readonly byFirstLetter = new Map<string, Fuse<string>>();
  private readonly oneSlip: OneSlipIndex;
  private readonly cache = new Map<string, string>();

  /**
   * `known`: every word the knowledge base has, kept live, so words it learns later are left alone;
   * `proposable`: the words a typo may be corrected to; `slipsOf`: words a slip one letter away is corrected
   * to even when they carry no topic ("wich" is "which", not a rare word nobody else used).
   */
  constructor(
    private readonly known: ReadonlySet<string>,
    proposable: Iterable<string>,
    slipsOf: Iterable<string> = [],
  ) {
    this.oneSlip = new OneSlipIndex(slipsOf);
    const groups = new Map<string, string[]>();
    for (const word of proposable) {
      const first = word[0] as string;
      const group = groups.get(first);
      if (group) group.push(word);
      else groups.set(first, [word]);
    }
    for (const [first, group] of groups) {
      this.byFirstLetter.set(first, new Fuse(group, { threshold: 0.4, distance: 10, minMatchCharLength: 4 }));
    }
  }

  correct(term: string): string {
    return this.known.has(term) ? term : this.closest(term);
  }

  /** The proposable word this one is a slip of, itself when none is close; whether or not it is known. */
  closest(term: string): string {
    if (term.length < 4 || /\d/.test(term)) return term;
    const cached = this.cache.get(term);
    if (cached !== undefined) return cached;
    const allowed = term.length >= 8 ? 2 : 1;
    // Known words are stems, and a slip can keep a word from being stemmed: "chnage" stays whole while
    // "change" became "chang", so the slip is also tried without the ending the stemmer would have cut.
    const forms = term.length > 4 && term.endsWith('e') ? [term, term.slice(0, -1)] : [term];
    const fuse = this.byFirstLetter.get(term[0] as string);
    const proposals = forms.flatMap((form) => fuse?.search(form, { limit: 5 }) ?? []);
    // A known word that merely continues this one counts too: stems of irregular forms ("stol" of "stole").
    const close = (word: string) =>
      forms.some((form) => editDistanceWithin(form, word, allowed)) ||
      (word.startsWith(term) && word.length - term.length <= 3);
    const corrected = this.oneSlip.find(term) ?? proposals.find((p) => close(p.item))?.item ?? term;
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(term, corrected);
    return corrected;
  }
}
