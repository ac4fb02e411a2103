/** What one article scored for one question, before the signals are combined. */
export interface Signals {
  /** BM25F over all fields, divided by the best article's: 0..1. */
  bm25: number;
  /** Share of the IDF weight of the question's topic words (not its stopwords) the article contains. */
  coverage: number;
  /** Weighted cosine with the closest written phrasing (title or question). */
  phrasing: number;
  /** The same with the closest learned phrasing; 0 when none was learned. */
  learned: number;
  /**
   * How far the question is one this article was said not to help with, asked again (`askedAgain` of the
   * cosine), times how much the people who said so weigh (0..1); 0 when nobody said so.
   */
  unhelpful: number;
  /** Cosine of the question's and the article's embedding vectors; 0 without them. */
  semantic: number;
}

export const signalNames = ['bm25', 'coverage', 'phrasing', 'learned', 'unhelpful', 'semantic'] as const;

/**
 * Per-search accumulators, kept between searches and cleared only where they were written: allocating
 * per article and per phrasing was most of a search's cost at 10,000 articles.
 */
export class Scratch {
  readonly signals: Record<(typeof signalNames)[number], Float64Array>;
  readonly docSeen: Uint8Array;
  readonly docs: number[] = [];
  readonly dots: Float64Array;
  readonly phrasingSeen: Uint8Array;
  readonly phrasings: number[] = [];

  constructor(
    readonly docCount: number,
    readonly phrasingCount: number,
  ) {
    this.signals = Object.fromEntries(signalNames.map((n) => [n, new Float64Array(docCount)])) as Scratch['signals'];
    this.docSeen = new Uint8Array(docCount);
    this.dots = new Float64Array(phrasingCount);
    this.phrasingSeen = new Uint8Array(phrasingCount);
  }

  touch(doc: number) {
    if (this.docSeen[doc]) return;
    this.docSeen[doc] = 1;
    this.docs.push(doc);
  }

  clear() {
    for (const doc of this.docs) {
      this.docSeen[doc] = 0;
      for (const name of signalNames) this.signals[name][doc] = 0;
    }
    for (const p of this.phrasings) {
      this.phrasingSeen[p] = 0;
      this.dots[p] = 0;
    }
    this.docs.length = 0;
    this.phrasings.length = 0;
  }

  read(doc: number): Signals {
    const s = this.signals;
    return {
      bm25: s.bm25[doc] as number,
      coverage: s.coverage[doc] as number,
      phrasing: s.phrasing[doc] as number,
      learned: s.learned[doc] as number,
      unhelpful: s.unhelpful[doc] as number,
      semantic: s.semantic[doc] as number,
    };
  }
}
