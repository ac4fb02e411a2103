import { askedAgain } from './ranking-options.ts';
import type { Scratch } from './search-scratch.ts';
import { isStopTerm } from './text.ts';

/** Written in the article, confirmed by people, or said not to help with it. */
type PhrasingKind = 'written' | 'learned' | 'unhelpful';

interface Phrasing {
  doc: number;
  kind: PhrasingKind;
  terms: string[];
  /** For `unhelpful`: how much the people who said so weigh, 0..1 (learning/feedback-votes.ts); else 1. */
  strength: number;
  /** Needs IDF, which is only final once every article is in. */
  norm: number;
}

const signalOf = { written: 'phrasing', learned: 'learned', unhelpful: 'unhelpful' } as const;

/**
 * Every single way of asking for an article (its title and questions, phrasings people confirmed, questions
 * said not to help with it) and, per question, the closest of each kind by weighted cosine: this rewards a
 * question asked nearly the way one phrasing puts it, which BM25 over the whole article cannot see.
 */
export class Phrasings {
  private readonly phrasings: Phrasing[] = [];
  /** Term → the phrasings that hold it, by number. */
  private readonly postings = new Map<string, number[]>();

  /** `idf`: a term's weight, from IDF as the article postings stand (see field-postings.ts). */
  constructor(private readonly idf: { weight(term: string): number }) {}

  /** How many phrasings were ever added, taken-back ones too: the size per-search scratch space needs. */
  get count(): number {
    return this.phrasings.length;
  }

  /** A phrasing of the articles as built; `weighAll` works out its norm once every article is in. */
  add(doc: number, phrasingTerms: string[], kind: PhrasingKind): Phrasing | undefined {
    const unique = [...new Set(phrasingTerms)];
    if (!unique.some((t) => !isStopTerm(t))) return undefined;
    const id = this.phrasings.length;
    const phrasing = { doc, kind, terms: unique, norm: 0, strength: 1 };
    this.phrasings.push(phrasing);
    for (const term of unique) {
      const list = this.postings.get(term);
      if (list) list.push(id);
      else this.postings.set(term, [id]);
    }
    return phrasing;
  }

  weighAll() {
    for (const p of this.phrasings) p.norm = this.norm(p.terms);
  }

  /** A phrasing added after the index was built: its norm is worked out at once, with IDF as it stands. */
  addNow(doc: number, phrasingTerms: string[], kind: PhrasingKind): Phrasing | undefined {
    const added = this.add(doc, phrasingTerms, kind);
    if (added) added.norm = this.norm(added.terms);
    return added;
  }

  private norm(list: string[]): number {
    return Math.sqrt(list.reduce((sum, t) => sum + this.idf.weight(t) ** 2, 0));
  }

  /**
   * How much a question said not to help with the article weighs now: added the first time, weighed anew as
   * people vote, and taken out at 0.
   */
  setUnhelpful(doc: number, phrasingTerms: string[], strength: number) {
    const unique = [...new Set(phrasingTerms)];
    const id = this.find(doc, unique, 'unhelpful');
    if (id >= 0 && strength <= 0) this.remove(id, unique);
    else if (id >= 0) (this.phrasings[id] as Phrasing).strength = strength;
    else if (strength > 0) {
      const added = this.addNow(doc, unique, 'unhelpful');
      if (added) added.strength = strength;
    }
  }

  /** The latest phrasing learned for the article with exactly these (unique) terms; -1 when none. */
  findLearned(doc: number, unique: readonly string[]): number {
    return this.find(doc, unique, 'learned');
  }

  private find(doc: number, unique: readonly string[], kind: PhrasingKind): number {
    return this.phrasings.findLastIndex(
      (p) =>
        p.doc === doc &&
        p.kind === kind &&
        p.terms.length === unique.length &&
        p.terms.every((t, i) => t === unique[i]),
    );
  }

  /** Takes phrasing `id` (whose terms are `unique`) out of every posting list. */
  remove(id: number, unique: readonly string[]) {
    for (const term of unique) {
      const ids = this.postings.get(term);
      const at = ids ? ids.lastIndexOf(id) : -1;
      if (ids && at >= 0) ids.splice(at, 1);
    }
    // Out of every posting list it matches no question; emptied, it is not found to take back twice.
    (this.phrasings[id] as Phrasing).terms = [];
  }

  /**
   * Adds each of `terms`' weight, squared, to the dot product of every phrasing holding it. Topic words
   * (`onlyTouched` false) bring phrasings in; stopwords only add to phrasings already brought in.
   */
  match(terms: readonly string[], weights: ReadonlyMap<string, number>, scratch: Scratch, onlyTouched: boolean) {
    for (const term of terms) {
      const w = weights.get(term) ?? 0;
      for (const p of this.postings.get(term) ?? []) {
        if (!scratch.phrasingSeen[p]) {
          if (onlyTouched) continue;
          scratch.phrasingSeen[p] = 1;
          scratch.phrasings.push(p);
        }
        scratch.dots[p] = (scratch.dots[p] as number) + w * w;
      }
    }
  }

  /** How many of the phrasings the question touched say an article did not help. */
  unhelpfulAmong(scratch: Scratch): number {
    let penalised = 0;
    for (const p of scratch.phrasings) if ((this.phrasings[p] as Phrasing).kind === 'unhelpful') penalised++;
    return penalised;
  }

  /** Each candidate's closest phrasing of each kind, as a cosine, into its signals. */
  writeSignals(scratch: Scratch, queryNorm: number) {
    for (const p of scratch.phrasings) {
      const phrasing = this.phrasings[p] as Phrasing;
      // A question said not to help with an article may share no word with it: written only where the
      // article is a candidate, since only candidates' signals are cleared for the next question.
      if (!scratch.docSeen[phrasing.doc]) continue;
      const cosine = (scratch.dots[p] as number) / ((phrasing.norm || 1) * queryNorm);
      // A question said not to help counts as far as this is the same question, times the votes behind it.
      const value = phrasing.kind === 'unhelpful' ? askedAgain(cosine) * phrasing.strength : cosine;
      const signal = scratch.signals[signalOf[phrasing.kind]];
      signal[phrasing.doc] = Math.max(signal[phrasing.doc] as number, value);
    }
  }
}
