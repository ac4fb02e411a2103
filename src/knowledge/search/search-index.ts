import type { Article } from '../articles/article.ts';
import { FieldPostings } from './field-postings.ts';
import { shortlistByMeaning } from './meaning-shortlist.ts';
import { Phrasings } from './phrasings.ts';
import { type Candidate, rankCandidates } from './rank-candidates.ts';
import { defaultRanking, type RankingOptions } from './ranking-options.ts';
import { Scratch } from './search-scratch.ts';
import { allTerms, isStopTerm, type StemRewrite } from './text.ts';
import { TypoCorrector } from './typo-corrector.ts';
import { VectorTable } from './vector-table.ts';

/**
 * An inverted index over the articles: BM25F over weighted fields for recall (field-postings.ts), plus the
 * closest single phrasing by weighted cosine (phrasings.ts), which rewards a question asked nearly the way a
 * phrasing of the article puts it, and given vectors the articles closest in meaning (meaning-shortlist.ts).
 * Stopwords are indexed but only refine the ranking of articles that share a topic word with the question,
 * so they never make an article a candidate and never make a search scan every article.
 */
export class SearchIndex {
  private readonly fields: FieldPostings;
  private readonly phrasings: Phrasings;
  private readonly typos: TypoCorrector;
  /** The words of the articles as written: the postings' `known` grows with what is learned, this does not. */
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
    this.fields = new FieldPostings(articles, ranking, (text) => this.terms(text));
    this.phrasings = new Phrasings(this.fields);
    articles.forEach((article, doc) => {
      this.docOf.set(article.id, doc);
      for (const phrasing of [article.title, ...article.questions])
        this.phrasings.add(doc, this.terms(phrasing), 'written');
    });
    this.phrasings.weighAll();
    this.written = new Set(this.fields.known);
    this.typos = new TypoCorrector(
      this.fields.known,
      [...this.written].filter((t) => !isStopTerm(t)),
      this.written,
    );
  }

  /** The same analysis for articles and questions: that symmetry is what makes terms meet. */
  terms(text: string): string[] {
    return allTerms(text, this.rewrite);
  }

  idf(term: string): number {
    return this.fields.idf(term);
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
    this.fields.learn(doc, learned);
    this.phrasings.addNow(doc, learned, 'learned');
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
    const id = this.phrasings.findLearned(doc, unique);
    if (id < 0) return false;
    this.fields.unlearn(doc, learned);
    this.phrasings.remove(id, unique);
    return true;
  }

  /**
   * People said the article did not help with this question: the same question (or one very like it) ranks
   * the article lower, by `strength` (0..1, the weight of their votes; 0 takes it back). Only the pairing is
   * touched; the article still answers others.
   */
  penalise(articleId: string, question: string, strength = 1): boolean {
    const doc = this.docOf.get(articleId);
    if (doc === undefined) return false;
    this.phrasings.setUnhelpful(doc, this.terms(question), strength);
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
    if (this.scratch?.docCount !== this.articles.length || this.scratch.phrasingCount < this.phrasings.count) {
      // Room to grow, so that learning while the desk runs does not reallocate on every new phrasing.
      this.scratch = new Scratch(this.articles.length, Math.ceil(this.phrasings.count * 1.25) + 64);
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
    const weights = new Map(queryTerms.map((t) => [t, this.fields.weight(t)]));
    // A confirmed slip and the word it is a slip of are one word asked: covering either covers it.
    const topicWeight =
      asked
        .filter(([t]) => t !== undefined && !isStopTerm(t))
        .reduce((sum, ts) => sum + Math.max(...ts.map((t) => weights.get(t) ?? 0)), 0) || 1;
    const queryNorm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0)) || 1;

    // Topic words first: they decide which articles are candidates at all.
    for (const onlyTouched of [false, true]) {
      const terms = onlyTouched ? stopwords : topical;
      this.fields.score(terms, weights, scratch, onlyTouched, topicWeight);
      this.phrasings.match(terms, weights, scratch, onlyTouched);
    }
    if (questionVector && !this.vectors.empty) {
      // Plus one for each article a penalty could push down below the first `keep` instead.
      shortlistByMeaning(scratch, this.vectors, questionVector, keep + this.phrasings.unhelpfulAmong(scratch));
    }
    this.phrasings.writeSignals(scratch, queryNorm);
    this.fields.normalise(scratch);
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
