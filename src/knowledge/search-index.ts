import Fuse from 'fuse.js';
import type { Article } from './article.ts';
import { editDistanceWithin } from './edit-distance.ts';
import { terms } from './text.ts';

export interface Candidate {
  article: Article;
  /** The ranking score; comparable only within one query. */
  score: number;
  /** 0..1: how sure the desk is that this article answers the question. */
  confidence: number;
}

type Field = 'title' | 'questions' | 'tags' | 'body';
const fields: Field[] = ['title', 'questions', 'tags', 'body'];

/** The knobs of the ranking; the defaults are what the desk uses, measured with `npm run eval`. */
export interface RankingOptions {
  /** BM25F field weights: a match in the title or a phrasing says more than one deep in the body. */
  weights: Record<Field, number>;
  k1: number;
  b: number;
  /** How much the best single phrasing counts next to the whole-article BM25 score (which is 0..1). */
  phrasingWeight: number;
}

/**
 * Measured on the three dev sets together: a slower-saturating term frequency (k1 3) with stronger length
 * normalisation (b 0.9) and heavier titles gained about two points of P@1 on each, not on one at the
 * others' expense.
 */
export const defaultRanking: RankingOptions = {
  weights: { title: 5, questions: 2, tags: 2, body: 1 },
  k1: 3,
  b: 0.9,
  phrasingWeight: 1,
};

interface Posting {
  doc: number;
  tf: Record<Field, number>;
}

/**
 * An inverted index over the articles: BM25F over weighted fields for recall, plus the best single
 * phrasing (title or question) by IDF-weighted cosine, which rewards a question asked nearly the way an
 * article's phrasing puts it. Built once per knowledge-base load; searching never scans every article.
 */
export class SearchIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly phrasingPostings = new Map<string, number[]>();
  private readonly phrasingOwner: number[] = [];
  private readonly phrasingNorm: number[] = [];
  /** Phrasing norms need IDF, which is only final once every article is in: keep raw terms until then. */
  private readonly phrasingTerms: string[][] = [];
  private readonly fieldLength: Record<Field, number>[] = [];
  private readonly averageLength: Record<Field, number>;
  private readonly vocabulary: Fuse<string>;
  private readonly known = new Set<string>();
  private readonly corrections = new Map<string, string>();
  /** Article id → position, so learning (thousands of phrasings at start-up) does not scan the articles. */
  private readonly docOf = new Map<string, number>();

  constructor(
    readonly articles: readonly Article[],
    private readonly ranking: RankingOptions = defaultRanking,
  ) {
    const totals: Record<Field, number> = { title: 0, questions: 0, tags: 0, body: 0 };
    articles.forEach((article, doc) => {
      this.docOf.set(article.id, doc);
      const byField: Record<Field, string[]> = {
        title: terms(article.title),
        questions: article.questions.flatMap(terms),
        tags: article.tags.flatMap(terms),
        body: terms(article.body),
      };
      const lengths = { title: 0, questions: 0, tags: 0, body: 0 };
      const tf = new Map<string, Record<Field, number>>();
      for (const field of fields) {
        lengths[field] = byField[field].length;
        totals[field] += byField[field].length;
        for (const term of byField[field]) {
          const counts = tf.get(term) ?? { title: 0, questions: 0, tags: 0, body: 0 };
          counts[field] += 1;
          tf.set(term, counts);
        }
      }
      this.fieldLength.push(lengths);
      for (const [term, counts] of tf) this.addPosting(term, { doc, tf: counts });
      for (const phrasing of [article.title, ...article.questions]) this.addPhrasing(doc, terms(phrasing));
    });
    const n = Math.max(articles.length, 1);
    this.averageLength = {
      title: totals.title / n || 1,
      questions: totals.questions / n || 1,
      tags: totals.tags / n || 1,
      body: totals.body / n || 1,
    };
    this.phrasingTerms.forEach((list, p) => {
      this.phrasingNorm[p] = Math.sqrt(list.reduce((sum, t) => sum + this.idf(t) ** 2, 0));
    });
    this.vocabulary = new Fuse([...this.known], { threshold: 0.25, distance: 10, minMatchCharLength: 4 });
  }

  private addPosting(term: string, posting: Posting) {
    this.known.add(term);
    const list = this.postings.get(term);
    if (list) list.push(posting);
    else this.postings.set(term, [posting]);
  }

  private addPhrasing(doc: number, phrasingTerms: string[]) {
    const unique = [...new Set(phrasingTerms)];
    if (unique.length === 0) return;
    const id = this.phrasingOwner.length;
    this.phrasingOwner.push(doc);
    this.phrasingTerms.push(unique);
    this.phrasingNorm.push(0);
    for (const term of unique) {
      const list = this.phrasingPostings.get(term);
      if (list) list.push(id);
      else this.phrasingPostings.set(term, [id]);
    }
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    const n = this.articles.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Maps a word the knowledge base has never seen onto a close known one ("pasword" → "password").
   * fuse.js proposes; a small edit distance (or a short continuation) decides, so "recipe" does not
   * become "receipt".
   */
  private correct(term: string): string {
    if (this.known.has(term) || term.length < 4 || /\d/.test(term)) return term;
    const cached = this.corrections.get(term);
    if (cached !== undefined) return cached;
    const allowed = term.length >= 8 ? 2 : 1;
    const proposals = this.vocabulary.search(term, { limit: 3 });
    // A known word that merely continues this one counts too: stems of irregular forms ("stol" of "stole").
    const close = (word: string) =>
      editDistanceWithin(term, word, allowed) || (word.startsWith(term) && word.length - term.length <= 3);
    const corrected = proposals.find((p) => close(p.item))?.item ?? term;
    if (this.corrections.size >= 10_000) this.corrections.clear();
    this.corrections.set(term, corrected);
    return corrected;
  }

  /**
   * Adds a phrasing people have confirmed for an article (a helpful click, a pick from "Which of these?").
   * Only the phrasing channel learns it: cheap to add while the desk runs, and it is exactly where a
   * question asked again the same way will find it. Returns false for an unknown article.
   */
  learn(articleId: string, phrasing: string): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined) return false;
    const learned = terms(phrasing);
    // Also a question of the article for BM25, as if it had been written in its front matter.
    for (const term of learned) {
      const posting = this.postings.get(term)?.find((p) => p.doc === doc);
      if (posting) posting.tf.questions += 1;
      else this.addPosting(term, { doc, tf: { title: 0, questions: 1, tags: 0, body: 0 } });
    }
    const lengths = this.fieldLength[doc];
    if (lengths) lengths.questions += learned.length;
    this.averageLength.questions += learned.length / Math.max(this.articles.length, 1);
    const before = this.phrasingOwner.length;
    this.addPhrasing(doc, learned);
    const added = this.phrasingTerms[before];
    if (added) this.phrasingNorm[before] = Math.sqrt(added.reduce((sum, t) => sum + this.idf(t) ** 2, 0));
    return true;
  }

  search(question: string, limit = 5): Candidate[] {
    const queryTerms = [...new Set(terms(question).map((t) => this.correct(t)))];
    if (queryTerms.length === 0 || this.articles.length === 0) return [];
    const idfs = new Map(queryTerms.map((t) => [t, this.postings.has(t) ? this.idf(t) : this.unknownIdf()]));
    const queryWeight = [...idfs.values()].reduce((s, v) => s + v, 0);
    const queryNorm = Math.sqrt([...idfs.values()].reduce((s, v) => s + v * v, 0));

    const bm25 = new Map<number, number>();
    const covered = new Map<number, number>();
    for (const term of queryTerms) {
      const idf = idfs.get(term) ?? 0;
      for (const { doc, tf } of this.postings.get(term) ?? []) {
        let weighted = 0;
        const { weights, k1, b } = this.ranking;
        for (const field of fields) {
          const norm = 1 - b + (b * (this.fieldLength[doc]?.[field] ?? 0)) / this.averageLength[field];
          weighted += (weights[field] * tf[field]) / norm;
        }
        bm25.set(doc, (bm25.get(doc) ?? 0) + (idf * weighted) / (k1 + weighted));
        covered.set(doc, (covered.get(doc) ?? 0) + idf);
      }
    }

    const phrasingDot = new Map<number, number>();
    for (const term of queryTerms) {
      const idf = idfs.get(term) ?? 0;
      for (const p of this.phrasingPostings.get(term) ?? []) phrasingDot.set(p, (phrasingDot.get(p) ?? 0) + idf * idf);
    }
    const bestPhrasing = new Map<number, number>();
    for (const [p, dot] of phrasingDot) {
      const cosine = dot / ((this.phrasingNorm[p] || 1) * (queryNorm || 1));
      const doc = this.phrasingOwner[p] ?? 0;
      if (cosine > (bestPhrasing.get(doc) ?? 0)) bestPhrasing.set(doc, cosine);
    }

    const top = Math.max(...bm25.values(), 1e-9);
    const scored = [...bm25.keys()].map((doc) => {
      const coverage = (covered.get(doc) ?? 0) / (queryWeight || 1);
      const phrasing = bestPhrasing.get(doc) ?? 0;
      const score = (bm25.get(doc) ?? 0) / top + this.ranking.phrasingWeight * phrasing;
      return { doc, score, coverage, phrasing };
    });
    scored.sort((x, y) => y.score - x.score || x.doc - y.doc);
    const runnerUp = scored[1]?.score ?? 0;
    return scored.slice(0, limit).map((s, rank) => {
      // Sure when the question's meaningful words are covered and no other article is nearly as good.
      const margin = rank === 0 && s.score > 0 ? Math.min(1, (s.score - runnerUp) / s.score + 0.5) : 0.5;
      const confidence = Math.min(1, (0.5 * s.coverage + 0.5 * s.phrasing) * margin);
      return { article: this.articles[s.doc] as Article, score: s.score, confidence };
    });
  }

  /** A word the knowledge base has never seen is rare, and its absence says the topic may be missing. */
  private unknownIdf(): number {
    return Math.log(1 + (this.articles.length + 0.5) / 0.5);
  }
}
