import type { Article } from '../articles/article.ts';
import type { Field, RankingOptions } from './ranking-options.ts';
import type { Scratch } from './search-scratch.ts';
import { isStopTerm } from './text.ts';

const fields: Field[] = ['title', 'questions', 'learned', 'tags', 'body'];
const writtenFields = fields.filter((f) => f !== 'learned');
const noCounts = (): Record<Field, number> => ({ title: 0, questions: 0, learned: 0, tags: 0, body: 0 });

/**
 * The articles that contain a term, as parallel arrays of plain numbers rather than an object per article:
 * a search walks long lists (a stopword's is nearly every article) and contiguous numbers are what keeps
 * that walk out of main memory; with an object per posting, it was most of a search at 10,000 articles.
 */
interface PostingList {
  docs: number[];
  /**
   * The written fields' part of BM25F's weighted term frequency: their lengths never change, so it is
   * worked out once. Only the learned field, which grows while the desk runs, is weighed per search.
   */
  written: number[];
  /** How often the term occurs in the article's learned phrasings. */
  learned: number[];
}

/**
 * Which articles hold which terms, and how long each article's fields are: everything BM25F needs, kept
 * apart from phrasings because it scores the whole article, and is what decides which articles are
 * candidates at all. Learned phrasings are a field of their own, so they grow here in place.
 */
export class FieldPostings {
  private readonly postings = new Map<string, PostingList>();
  private readonly fieldLength: Record<Field, number>[] = [];
  private readonly averageLength: Record<Field, number>;
  /** Every term any article has, learned ones too; the typo corrector reads it live. */
  readonly known = new Set<string>();

  constructor(
    private readonly articles: readonly Article[],
    private readonly ranking: RankingOptions,
    terms: (text: string) => string[],
  ) {
    const totals = noCounts();
    // Each term's postings' field counts, until the average field lengths are known and they can be weighed.
    const countsOf = new Map<string, Record<Field, number>[]>();
    articles.forEach((article, doc) => {
      const byField: Record<Field, string[]> = {
        title: terms(article.title),
        questions: article.questions.flatMap((q) => terms(q)),
        learned: [],
        tags: article.tags.flatMap((t) => terms(t)),
        body: terms(article.body),
      };
      const lengths = noCounts();
      const tf = new Map<string, Record<Field, number>>();
      for (const field of fields) {
        lengths[field] = byField[field].length;
        totals[field] += byField[field].length;
        for (const term of byField[field]) {
          const counts = tf.get(term) ?? noCounts();
          counts[field] += 1;
          tf.set(term, counts);
        }
      }
      this.fieldLength.push(lengths);
      for (const [term, counts] of tf) {
        this.addPosting(term, doc, 0);
        const list = countsOf.get(term);
        if (list) list.push(counts);
        else countsOf.set(term, [counts]);
      }
    });
    const n = Math.max(articles.length, 1);
    this.averageLength = noCounts();
    for (const field of fields) this.averageLength[field] = totals[field] / n || 1;
    for (const [term, list] of this.postings) {
      const counts = countsOf.get(term) ?? [];
      list.docs.forEach((doc, i) => {
        list.written[i] = this.weighted(doc, counts[i] ?? noCounts(), writtenFields);
      });
    }
  }

  private addPosting(term: string, doc: number, learned: number) {
    this.known.add(term);
    const list = this.postings.get(term) ?? { docs: [], written: [], learned: [] };
    if (list.docs.length === 0) this.postings.set(term, list);
    list.docs.push(doc);
    list.written.push(0);
    list.learned.push(learned);
  }

  /** The term's posting list and the article's place in it (-1 when the article lacks the term). */
  private postingOf(term: string, doc: number): { list: PostingList | undefined; at: number } {
    const list = this.postings.get(term);
    return { list, at: list ? list.docs.indexOf(doc) : -1 };
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length;
    const n = this.articles.length;
    // A word the knowledge base has never seen is rare, and its absence says the topic may be missing.
    if (df === undefined) return Math.log(1 + (n + 0.5) / 0.5);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** A term's weight in a question or phrasing: its IDF, less for a stopword. */
  weight(term: string): number {
    return this.idf(term) * (isStopTerm(term) ? this.ranking.stopWeight : 1);
  }

  /** BM25F's length-normalised, field-weighted term frequency over `over`. */
  private weighted(doc: number, tf: Record<Field, number>, over: readonly Field[]): number {
    return over.reduce((sum, field) => sum + this.fieldWeight(doc, field, tf[field]), 0);
  }

  /** One field's part of it: the term's count, weighted by the field and normalised by its length. */
  private fieldWeight(doc: number, field: Field, count: number): number {
    if (count === 0) return 0;
    const { weights, b } = this.ranking;
    const norm = 1 - b + (b * (this.fieldLength[doc]?.[field] ?? 0)) / this.averageLength[field];
    return (weights[field] * count) / norm;
  }

  /** Adds a confirmed phrasing's terms to the article's learned field. */
  learn(doc: number, learned: readonly string[]) {
    for (const term of learned) {
      const { list, at } = this.postingOf(term, doc);
      if (list && at >= 0) list.learned[at] = (list.learned[at] as number) + 1;
      else this.addPosting(term, doc, 1);
    }
    const lengths = this.fieldLength[doc];
    if (lengths) lengths.learned += learned.length;
    this.averageLength.learned += learned.length / Math.max(this.articles.length, 1);
  }

  /** Takes `learn(doc, learned)` back out of the article's learned field. */
  unlearn(doc: number, learned: readonly string[]) {
    for (const term of learned) {
      const { list, at } = this.postingOf(term, doc);
      if (!list || at < 0) continue;
      list.learned[at] = Math.max(0, (list.learned[at] as number) - 1);
      // A posting that held only learned words would still make the article a candidate for the word.
      if (list.learned[at] === 0 && list.written[at] === 0) {
        for (const column of [list.docs, list.written, list.learned]) column.splice(at, 1);
      }
    }
    const lengths = this.fieldLength[doc];
    if (lengths) lengths.learned -= learned.length;
    this.averageLength.learned -= learned.length / Math.max(this.articles.length, 1);
  }

  /**
   * Adds the BM25F part of each of `terms` to every article holding it. Topic words (`onlyTouched` false)
   * make articles candidates and count toward coverage; stopwords only refine articles already touched.
   */
  score(
    terms: readonly string[],
    weights: ReadonlyMap<string, number>,
    scratch: Scratch,
    onlyTouched: boolean,
    topicWeight: number,
  ) {
    const { bm25, coverage } = scratch.signals;
    const { k1 } = this.ranking;
    for (const term of terms) {
      const w = weights.get(term) ?? 0;
      const list = this.postings.get(term);
      if (!list) continue;
      const { docs, written, learned } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (onlyTouched && !scratch.docSeen[doc]) continue;
        const count = learned[i] as number;
        const weighted = (written[i] as number) + this.fieldWeight(doc, 'learned', count);
        scratch.touch(doc);
        bm25[doc] = (bm25[doc] as number) + (w * weighted) / (k1 + weighted);
        if (!onlyTouched) coverage[doc] = (coverage[doc] as number) + w / topicWeight;
      }
    }
  }

  /** Once every term is scored: BM25 as a share of the best article's, coverage at most whole. */
  normalise(scratch: Scratch) {
    const { bm25, coverage } = scratch.signals;
    let top = 1e-9;
    for (const doc of scratch.docs) top = Math.max(top, bm25[doc] as number);
    for (const doc of scratch.docs) {
      bm25[doc] = (bm25[doc] as number) / top;
      // An article holding both a slip and its word would count that word twice.
      coverage[doc] = Math.min(1, coverage[doc] as number);
    }
  }
}
