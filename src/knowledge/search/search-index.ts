import type { Article } from '../articles/article.ts';
import { type Candidate, rankCandidates } from './rank-candidates.ts';
import { defaultRanking, type Field, type RankingOptions } from './ranking-options.ts';
import { Scratch } from './search-scratch.ts';
import { allTerms, isStopTerm, type StemRewrite } from './text.ts';
import { TopK } from './top-k.ts';
import { TypoCorrector } from './typo-corrector.ts';
import { VectorTable } from './vector-table.ts';

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

/** Written in the article, confirmed by people, or said not to help with it. */
type PhrasingKind = 'written' | 'learned' | 'unhelpful';

interface Phrasing {
  doc: number;
  kind: PhrasingKind;
  terms: string[];
  /** Needs IDF, which is only final once every article is in. */
  norm: number;
}

const signalOf = { written: 'phrasing', learned: 'learned', unhelpful: 'unhelpful' } as const;

/**
 * An inverted index over the articles: BM25F over weighted fields for recall, plus the closest single
 * phrasing by weighted cosine, which rewards a question asked nearly the way a phrasing of the article puts
 * it. Stopwords are indexed but only refine the ranking of articles that share a topic word with the
 * question, so they never make an article a candidate and never make a search scan every article.
 */
export class SearchIndex {
  private readonly postings = new Map<string, PostingList>();
  private readonly phrasingPostings = new Map<string, number[]>();
  private readonly phrasings: Phrasing[] = [];
  private readonly fieldLength: Record<Field, number>[] = [];
  private readonly averageLength: Record<Field, number>;
  private readonly typos: TypoCorrector;
  private readonly known = new Set<string>();
  /** The words of the articles as written: `known` grows with what is learned, this does not. */
  private readonly written: ReadonlySet<string>;
  /** Article id → position, so learning (thousands of phrasings at start-up) does not scan the articles. */
  private readonly docOf = new Map<string, number>();
  private readonly vectors: VectorTable;
  private scratch: Scratch | undefined;

  constructor(
    readonly articles: readonly Article[],
    private readonly ranking: RankingOptions = defaultRanking,
    private readonly rewrite?: StemRewrite,
    /** Question vectors come from the model confidence was calibrated on (see confidence.ts). */
    private readonly meaningCalibrated = false,
  ) {
    this.vectors = new VectorTable(articles.length);
    const totals = noCounts();
    // Each term's postings' field counts, until the average field lengths are known and they can be weighed.
    const countsOf = new Map<string, Record<Field, number>[]>();
    articles.forEach((article, doc) => {
      this.docOf.set(article.id, doc);
      const byField: Record<Field, string[]> = {
        title: this.terms(article.title),
        questions: article.questions.flatMap((q) => this.terms(q)),
        learned: [],
        tags: article.tags.flatMap((t) => this.terms(t)),
        body: this.terms(article.body),
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
      for (const phrasing of [article.title, ...article.questions])
        this.addPhrasing(doc, this.terms(phrasing), 'written');
    });
    const n = Math.max(articles.length, 1);
    this.averageLength = noCounts();
    for (const field of fields) this.averageLength[field] = totals[field] / n || 1;
    for (const p of this.phrasings) p.norm = this.norm(p.terms);
    for (const [term, list] of this.postings) {
      const counts = countsOf.get(term) ?? [];
      list.docs.forEach((doc, i) => {
        list.written[i] = this.weighted(doc, counts[i] ?? noCounts(), writtenFields);
      });
    }
    this.written = new Set(this.known);
    this.typos = new TypoCorrector(
      this.known,
      [...this.written].filter((t) => !isStopTerm(t)),
    );
  }

  /** The same analysis for articles and questions: that symmetry is what makes terms meet. */
  terms(text: string): string[] {
    return allTerms(text, this.rewrite);
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

  private addPhrasing(doc: number, phrasingTerms: string[], kind: PhrasingKind): Phrasing | undefined {
    const unique = [...new Set(phrasingTerms)];
    if (!unique.some((t) => !isStopTerm(t))) return undefined;
    const id = this.phrasings.length;
    const phrasing = { doc, kind, terms: unique, norm: 0 };
    this.phrasings.push(phrasing);
    for (const term of unique) {
      const list = this.phrasingPostings.get(term);
      if (list) list.push(id);
      else this.phrasingPostings.set(term, [id]);
    }
    return phrasing;
  }

  /** A phrasing added after the index was built: its norm is worked out at once, with IDF as it stands. */
  private addPhrasingNow(doc: number, phrasingTerms: string[], kind: PhrasingKind) {
    const added = this.addPhrasing(doc, phrasingTerms, kind);
    if (added) added.norm = this.norm(added.terms);
  }

  private norm(list: string[]): number {
    return Math.sqrt(list.reduce((sum, t) => sum + this.weight(t) ** 2, 0));
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length;
    const n = this.articles.length;
    // A word the knowledge base has never seen is rare, and its absence says the topic may be missing.
    if (df === undefined) return Math.log(1 + (n + 0.5) / 0.5);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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

  private weight(term: string): number {
    return this.idf(term) * (isStopTerm(term) ? this.ranking.stopWeight : 1);
  }

  /**
   * Adds a phrasing people have confirmed for an article (a helpful click, a pick from "Which of these?"):
   * a field of its own for BM25 and a phrasing of its own, added in place while the desk runs.
   * Returns false for an unknown article.
   */
  learn(articleId: string, phrasing: string): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined) return false;
    const learned = this.terms(phrasing);
    for (const term of learned) {
      const { list, at } = this.postingOf(term, doc);
      if (list && at >= 0) list.learned[at] = (list.learned[at] as number) + 1;
      else this.addPosting(term, doc, 1);
    }
    const lengths = this.fieldLength[doc];
    if (lengths) lengths.learned += learned.length;
    this.averageLength.learned += learned.length / Math.max(this.articles.length, 1);
    this.addPhrasingNow(doc, learned, 'learned');
    return true;
  }

  /**
   * Takes back a phrasing learned while the desk runs, in place: the person whose pick taught it then said
   * the article did not help. Returns false when no such phrasing was learned for the article.
   */
  unlearn(articleId: string, phrasing: string): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined) return false;
    const learned = this.terms(phrasing);
    const unique = [...new Set(learned)];
    const id = this.phrasings.findLastIndex(
      (p) =>
        p.doc === doc &&
        p.kind === 'learned' &&
        p.terms.length === unique.length &&
        p.terms.every((t, i) => t === unique[i]),
    );
    if (id < 0) return false;
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
    for (const term of unique) {
      const ids = this.phrasingPostings.get(term);
      const at = ids ? ids.lastIndexOf(id) : -1;
      if (ids && at >= 0) ids.splice(at, 1);
    }
    // Out of every posting list it matches no question; emptied, it is not found to take back twice.
    (this.phrasings[id] as Phrasing).terms = [];
    return true;
  }

  /**
   * Someone said the article did not help with this question: the same question (or one very like it)
   * ranks the article lower from now on. Only the pairing is touched; the article still answers others.
   */
  penalise(articleId: string, question: string): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined) return false;
    this.addPhrasingNow(doc, this.terms(question), 'unhelpful');
    return true;
  }

  /**
   * Gives an article an embedding vector (unit length is not assumed). Questions that come with a vector
   * of the same model then also rank by meaning, which finds articles that share no word with them.
   */
  setVector(articleId: string, vector: readonly number[]): boolean {
    const doc = this.docOf.get(articleId);
    return doc !== undefined && this.vectors.set(doc, vector);
  }

  private scratchSpace(): Scratch {
    if (this.scratch?.docCount !== this.articles.length || this.scratch.phrasingCount < this.phrasings.length) {
      // Room to grow, so that learning while the desk runs does not reallocate on every new phrasing.
      this.scratch = new Scratch(this.articles.length, Math.ceil(this.phrasings.length * 1.25) + 64);
    }
    return this.scratch;
  }

  /**
   * The terms a question's word stands for. A slip of a known word is corrected; a stopword never is. A word
   * known only from learned phrasings may be someone's confirmed slip ("pasword"): it stands for itself, so
   * that phrasing still matches, and for the written word it is a slip of, so the article about that word
   * is still found for everyone else.
   */
  private asAsked(term: string): string[] {
    if (isStopTerm(term)) return [term];
    const corrected = this.typos.correct(term);
    if (corrected !== term || this.written.has(term)) return [corrected];
    const slipOf = this.typos.closest(term);
    return slipOf === term ? [term] : [term, slipOf];
  }

  /**
   * Fills the scratch space with the signals of every article that shares a topic word with the question
   * and, given vectors, of the `keep` articles closest to it in meaning. The caller reads it, then clears it.
   */
  private collect(question: string, questionVector: readonly number[] | undefined, keep: number): Scratch {
    const scratch = this.scratchSpace();
    const asked = [
      ...new Map(
        this.terms(question)
          .map((t) => this.asAsked(t))
          .map((ts) => [ts.join(' '), ts]),
      ).values(),
    ];
    const queryTerms = [...new Set(asked.flat())];
    const topical = queryTerms.filter((t) => !isStopTerm(t));
    const stopwords = queryTerms.filter(isStopTerm);
    if (this.articles.length === 0) return scratch;
    const weights = new Map(queryTerms.map((t) => [t, this.weight(t)]));
    // A confirmed slip and the word it is a slip of are one word asked: covering either covers it.
    const topicWeight =
      asked
        .filter(([t]) => t !== undefined && !isStopTerm(t))
        .reduce((sum, ts) => sum + Math.max(...ts.map((t) => weights.get(t) ?? 0)), 0) || 1;
    const queryNorm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
    const { bm25, coverage } = scratch.signals;
    const { k1 } = this.ranking;

    // Topic words first: they decide which articles are candidates at all.
    for (const onlyTouched of [false, true]) {
      for (const term of onlyTouched ? stopwords : topical) {
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
      for (const term of onlyTouched ? stopwords : topical) {
        const w = weights.get(term) ?? 0;
        for (const p of this.phrasingPostings.get(term) ?? []) {
          if (!scratch.phrasingSeen[p]) {
            if (onlyTouched) continue;
            scratch.phrasingSeen[p] = 1;
            scratch.phrasings.push(p);
          }
          scratch.dots[p] = (scratch.dots[p] as number) + w * w;
        }
      }
    }
    if (questionVector && !this.vectors.empty) {
      // An article that shares no word with the question scores its cosine alone, so only the closest few
      // can rank among the first `keep`, plus one for each article a penalty could push down instead.
      let penalised = 0;
      for (const p of scratch.phrasings) if ((this.phrasings[p] as Phrasing).kind === 'unhelpful') penalised++;
      const closest = new TopK(keep + penalised);
      this.vectors.scan(questionVector, (doc, cosine) => {
        if (scratch.docSeen[doc]) scratch.signals.semantic[doc] = cosine;
        else closest.offer(doc, cosine);
      });
      closest.forEach((doc, cosine) => {
        scratch.touch(doc);
        scratch.signals.semantic[doc] = cosine;
      });
    }

    for (const p of scratch.phrasings) {
      const phrasing = this.phrasings[p] as Phrasing;
      // A question said not to help with an article may share no word with it: written only where the
      // article is a candidate, since only candidates' signals are cleared for the next question.
      if (!scratch.docSeen[phrasing.doc]) continue;
      const cosine = (scratch.dots[p] as number) / ((phrasing.norm || 1) * queryNorm);
      const signal = scratch.signals[signalOf[phrasing.kind]];
      signal[phrasing.doc] = Math.max(signal[phrasing.doc] as number, cosine);
    }

    let top = 1e-9;
    for (const doc of scratch.docs) top = Math.max(top, bm25[doc] as number);
    for (const doc of scratch.docs) {
      bm25[doc] = (bm25[doc] as number) / top;
      // An article holding both a slip and its word would count that word twice.
      coverage[doc] = Math.min(1, coverage[doc] as number);
    }
    return scratch;
  }

  search(question: string, limit = 5, questionVector?: readonly number[]): Candidate[] {
    const scratch = this.collect(question, questionVector, limit + 1);
    // Meaning counts toward confidence only when the question came with a vector of a calibrated model.
    const calibrated = questionVector !== undefined && this.meaningCalibrated;
    const candidates = rankCandidates(scratch, this.articles, this.ranking, { limit, calibrated });
    scratch.clear();
    return candidates;
  }
}
