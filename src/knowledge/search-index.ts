import type { Article } from './article.ts';
import { toConfidence } from './confidence.ts';
import { type StemRewrite, terms } from './text.ts';
import { TypoCorrector } from './typo-corrector.ts';

export interface Candidate {
  article: Article;
  /** The ranking score; comparable only within one query. */
  score: number;
  /** 0..1: how sure the desk is that this article answers the question. */
  confidence: number;
}

type Field = 'title' | 'questions' | 'learned' | 'tags' | 'body';
const fields: Field[] = ['title', 'questions', 'learned', 'tags', 'body'];
const noCounts = (): Record<Field, number> => ({ title: 0, questions: 0, learned: 0, tags: 0, body: 0 });

/** The knobs of the ranking; the defaults are what the desk uses, measured with `npm run eval`. */
export interface RankingOptions {
  /** BM25F field weights: a match in the title or a phrasing says more than one deep in the body. */
  weights: Record<Field, number>;
  k1: number;
  b: number;
  /** How much the best written phrasing (title or question) counts next to the whole-article score (0..1). */
  phrasingWeight: number;
  /** How much the best learned phrasing (a question people confirmed) counts. */
  learnedWeight: number;
  /** How much the same question asked again counts: for the article it was confirmed for… */
  repeatWeight: number;
  /** …and against the article it was said not to be helped by. */
  unhelpfulWeight: number;
  /** How much the embedding cosine counts, when the desk has embeddings (OpenAI). */
  semanticWeight: number;
}

export const defaultRanking: RankingOptions = {
  weights: { title: 5, questions: 2, learned: 2, tags: 2, body: 1 },
  k1: 3,
  b: 0.9,
  phrasingWeight: 1,
  // Learned phrasings already count in BM25 (their own field); as a separate signal, measured on the StackFAQ
  // --learn splits, more than a tie-breaker let one person's wording pull in other articles' questions.
  learnedWeight: 0.1,
  // Enough for the very question asked again to outweigh whatever else the article has for or against it.
  repeatWeight: 2,
  unhelpfulWeight: 2,
  // Not measured: the evaluation runs offline, without a model. Equal to a written phrasing's weight, and
  // never a source of confidence (see confidence.ts), so a meaning-only match is offered, not asserted.
  semanticWeight: 1,
};

function unit(vector: readonly number[]): Float64Array {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return Float64Array.from(vector, (x) => x / norm);
}

interface Posting {
  doc: number;
  tf: Record<Field, number>;
}

/** Written in the article, confirmed by people, or said not to help with it. */
type PhrasingKind = 'written' | 'learned' | 'unhelpful';

const signalOf = { written: 'phrasing', learned: 'learned', unhelpful: 'unhelpful' } as const;

/**
 * How far a question is the same one asked again: 0 up to 70 % alike, 1 for the same words. A question
 * people confirmed, or said was not helped, says most about exactly that question, little about neighbours.
 */
export const askedAgain = (cosine: number) => Math.max(0, (cosine - 0.7) / 0.3);

interface Phrasing {
  doc: number;
  kind: PhrasingKind;
  terms: string[];
  /** Needs IDF, which is only final once every article is in. */
  norm: number;
}

/** What one article scored for one question, before the signals are combined. */
export interface Signals {
  /** BM25F over all fields, divided by the best article's: 0..1. */
  bm25: number;
  /** Share of the question's IDF weight the article contains anywhere. */
  coverage: number;
  /** IDF-weighted cosine with the closest written phrasing (title or question). */
  phrasing: number;
  /** The same with the closest learned phrasing; 0 when none was learned. */
  learned: number;
  /** The same with the closest question this article was said not to help with. */
  unhelpful: number;
  /** Cosine of the question's and the article's embedding vectors; 0 without them. */
  semantic: number;
}

/**
 * An inverted index over the articles: BM25F over weighted fields for recall, plus the closest single
 * phrasing by IDF-weighted cosine, which rewards a question asked nearly the way a phrasing of the
 * article puts it. Built once per knowledge-base load; searching never scans every article.
 */
export class SearchIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly phrasingPostings = new Map<string, number[]>();
  private readonly phrasings: Phrasing[] = [];
  private readonly fieldLength: Record<Field, number>[] = [];
  private readonly averageLength: Record<Field, number>;
  private readonly typos: TypoCorrector;
  private readonly known = new Set<string>();
  /** Article id → position, so learning (thousands of phrasings at start-up) does not scan the articles. */
  private readonly docOf = new Map<string, number>();
  private readonly vectors = new Map<number, Float64Array>();

  constructor(
    readonly articles: readonly Article[],
    private readonly ranking: RankingOptions = defaultRanking,
    private readonly rewrite?: StemRewrite,
  ) {
    const totals = noCounts();
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
      for (const [term, counts] of tf) this.addPosting(term, { doc, tf: counts });
      for (const phrasing of [article.title, ...article.questions])
        this.addPhrasing(doc, this.terms(phrasing), 'written');
    });
    const n = Math.max(articles.length, 1);
    this.averageLength = noCounts();
    for (const field of fields) this.averageLength[field] = totals[field] / n || 1;
    for (const p of this.phrasings) p.norm = this.norm(p.terms);
    this.typos = new TypoCorrector(this.known);
  }

  /** The same analysis for articles and questions: that symmetry is what makes terms meet. */
  terms(text: string): string[] {
    return terms(text, this.rewrite);
  }

  private addPosting(term: string, posting: Posting) {
    this.known.add(term);
    const list = this.postings.get(term);
    if (list) list.push(posting);
    else this.postings.set(term, [posting]);
  }

  private addPhrasing(doc: number, phrasingTerms: string[], kind: PhrasingKind): Phrasing | undefined {
    const unique = [...new Set(phrasingTerms)];
    if (unique.length === 0) return undefined;
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

  private norm(list: string[]): number {
    return Math.sqrt(list.reduce((sum, t) => sum + this.idf(t) ** 2, 0));
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    const n = this.articles.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
      const posting = this.postings.get(term)?.find((p) => p.doc === doc);
      if (posting) posting.tf.learned += 1;
      else this.addPosting(term, { doc, tf: { ...noCounts(), learned: 1 } });
    }
    const lengths = this.fieldLength[doc];
    if (lengths) lengths.learned += learned.length;
    this.averageLength.learned += learned.length / Math.max(this.articles.length, 1);
    const added = this.addPhrasing(doc, learned, 'learned');
    if (added) added.norm = this.norm(added.terms);
    return true;
  }

  /**
   * Someone said the article did not help with this question: the same question (or one very like it)
   * ranks the article lower from now on. Only the pairing is touched; the article still answers others.
   */
  penalise(articleId: string, question: string): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined) return false;
    const added = this.addPhrasing(doc, this.terms(question), 'unhelpful');
    if (added) added.norm = this.norm(added.terms);
    return true;
  }

  /**
   * Gives an article an embedding vector (unit length is not assumed). Questions that come with a vector
   * of the same model then also rank by meaning, which finds articles that share no word with them.
   */
  setVector(articleId: string, vector: readonly number[]): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined || vector.length === 0) return false;
    this.vectors.set(doc, unit(vector));
    return true;
  }

  /** Every article that shares a term with the question (or, given vectors, any article), with its signals. */
  signals(question: string, questionVector?: readonly number[]): Map<number, Signals> {
    const queryTerms = [...new Set(this.terms(question).map((t) => this.typos.correct(t)))];
    const found = new Map<number, Signals>();
    if (this.articles.length === 0) return found;
    if (queryTerms.length === 0 && !questionVector) return found;
    const idfs = new Map(queryTerms.map((t) => [t, this.postings.has(t) ? this.idf(t) : this.unknownIdf()]));
    const queryWeight = [...idfs.values()].reduce((s, v) => s + v, 0) || 1;
    const queryNorm = Math.sqrt([...idfs.values()].reduce((s, v) => s + v * v, 0)) || 1;
    const { weights, k1, b } = this.ranking;
    const entry = (doc: number) => {
      let s = found.get(doc);
      if (!s) {
        s = { bm25: 0, coverage: 0, phrasing: 0, learned: 0, unhelpful: 0, semantic: 0 };
        found.set(doc, s);
      }
      return s;
    };

    for (const term of queryTerms) {
      const idf = idfs.get(term) ?? 0;
      for (const { doc, tf } of this.postings.get(term) ?? []) {
        let weighted = 0;
        for (const field of fields) {
          if (tf[field] === 0) continue;
          const norm = 1 - b + (b * (this.fieldLength[doc]?.[field] ?? 0)) / this.averageLength[field];
          weighted += (weights[field] * tf[field]) / norm;
        }
        const s = entry(doc);
        s.bm25 += (idf * weighted) / (k1 + weighted);
        s.coverage += idf / queryWeight;
      }
    }

    const dots = new Map<number, number>();
    for (const term of queryTerms) {
      const idf = idfs.get(term) ?? 0;
      for (const p of this.phrasingPostings.get(term) ?? []) dots.set(p, (dots.get(p) ?? 0) + idf * idf);
    }
    for (const [p, dot] of dots) {
      const phrasing = this.phrasings[p] as Phrasing;
      const cosine = dot / ((phrasing.norm || 1) * queryNorm);
      const s = entry(phrasing.doc);
      const signal = signalOf[phrasing.kind];
      s[signal] = Math.max(s[signal], cosine);
    }

    if (questionVector && questionVector.length > 0 && this.vectors.size > 0) {
      const q = unit(questionVector);
      for (const [doc, v] of this.vectors) {
        if (v.length !== q.length) continue;
        let dot = 0;
        for (let i = 0; i < q.length; i++) dot += (q[i] as number) * (v[i] as number);
        if (dot > 0) entry(doc).semantic = dot;
      }
    }

    let top = 1e-9;
    for (const s of found.values()) top = Math.max(top, s.bm25);
    for (const s of found.values()) s.bm25 /= top;
    return found;
  }

  search(question: string, limit = 5, questionVector?: readonly number[]): Candidate[] {
    const { phrasingWeight, learnedWeight, repeatWeight, unhelpfulWeight, semanticWeight } = this.ranking;
    const scored = [...this.signals(question, questionVector)].map(([doc, s]) => {
      const evidence =
        s.bm25 +
        phrasingWeight * s.phrasing +
        learnedWeight * s.learned +
        repeatWeight * askedAgain(s.learned) +
        semanticWeight * s.semantic;
      return { doc, s, evidence, score: evidence - unhelpfulWeight * askedAgain(s.unhelpful) };
    });
    scored.sort((x, y) => y.score - x.score || x.doc - y.doc);
    // The runner-up is judged on its evidence alone: an article said not to help with this question still
    // fits it as well as it did, so whatever ranks first instead is no surer for it.
    let runnerUp = 0;
    for (let i = 1; i < scored.length; i++) runnerUp = Math.max(runnerUp, (scored[i] as { evidence: number }).evidence);
    return scored.slice(0, limit).map(({ doc, s, score }, rank) => {
      const lead = rank === 0 && score > 0 ? Math.max(0, score - runnerUp) / score : undefined;
      return { article: this.articles[doc] as Article, score, confidence: toConfidence(s, lead) };
    });
  }

  /** A word the knowledge base has never seen is rare, and its absence says the topic may be missing. */
  private unknownIdf(): number {
    return Math.log(1 + (this.articles.length + 0.5) / 0.5);
  }
}
