import type { Article } from '../articles/article.ts';
import {
  type Features,
  onCurve,
  shippedCurve,
  toConfidence,
  toFeatures,
  worthOffering,
} from '../decision/confidence.ts';
import { askedAgain, type RankingOptions } from './ranking-options.ts';
import type { Scratch } from './search-scratch.ts';

export interface Candidate {
  article: Article;
  /** The ranking score; comparable only within one query. */
  score: number;
  /** 0..1: how sure the desk is that this article answers the question. */
  confidence: number;
  /** Close enough to offer among "Which of these?" when it is not the best (see confidence.ts). */
  worthOffering: boolean;
  /** What `confidence` was computed from: logged for the top candidate, for a desk to refit its curve. */
  features: Features;
}

/**
 * One question's collected signals, combined: each article's score, the best `limit` in order, and how sure
 * the desk is of each. `calibrated`: the question's vector came from the model confidence was fitted on.
 */
export function rankCandidates(
  scratch: Scratch,
  articles: readonly Article[],
  ranking: RankingOptions,
  { limit, calibrated }: { limit: number; calibrated: boolean },
): Candidate[] {
  const { phrasingWeight, learnedWeight, repeatWeight, unhelpfulWeight, semanticWeight } = ranking;
  const s = scratch.signals;
  // The best `limit + 1` by score, kept in order; the evidence of the best runner-up for the lead.
  const best: { doc: number; score: number; evidence: number }[] = [];
  let topEvidence = { doc: -1, evidence: 0 };
  let secondEvidence = 0;
  for (const doc of scratch.docs) {
    const learned = s.learned[doc] as number;
    const evidence =
      (s.bm25[doc] as number) +
      phrasingWeight * (s.phrasing[doc] as number) +
      learnedWeight * learned +
      repeatWeight * askedAgain(learned) +
      semanticWeight * (s.semantic[doc] as number);
    const score = evidence - unhelpfulWeight * (s.unhelpful[doc] as number);
    if (evidence > topEvidence.evidence) {
      secondEvidence = topEvidence.evidence;
      topEvidence = { doc, evidence };
    } else if (evidence > secondEvidence) secondEvidence = evidence;
    let at = best.length;
    while (at > 0 && ((best[at - 1] as { score: number }).score < score || tieAfter(best[at - 1], score, doc))) at--;
    if (at <= limit) {
      best.splice(at, 0, { doc, score, evidence });
      if (best.length > limit + 1) best.pop();
    }
  }
  const first = best[0];
  // The runner-up is judged on its evidence alone: an article said not to help with this question still
  // fits it as well as it did, so whatever ranks first instead is no surer for it.
  const runnerUp = first && topEvidence.doc === first.doc ? secondEvidence : topEvidence.evidence;
  const semanticOf = (i: number) => (best[i] ? (s.semantic[best[i].doc] as number) : 0);
  return best.slice(0, limit).map(({ doc, score }, rank) => {
    const lead = rank === 0 && score > 0 ? Math.max(0, score - runnerUp) / score : undefined;
    const meaning = { calibrated, gap: rank === 0 ? semanticOf(0) - semanticOf(1) : 0 };
    const signals = scratch.read(doc);
    const features = toFeatures(signals, lead, meaning);
    const confidence = onCurve(shippedCurve(calibrated), features);
    // Judged as if no 👎 had been said: an article lowered for this question stays among the choices.
    const unlowered = signals.unhelpful === 0 ? confidence : toConfidence({ ...signals, unhelpful: 0 }, lead, meaning);
    return {
      article: articles[doc] as Article,
      score,
      confidence,
      worthOffering: worthOffering(unlowered, meaning),
      features,
    };
  });
}

/** Equal scores keep article order, so results do not depend on the order postings were visited. */
const tieAfter = (other: { score: number; doc: number } | undefined, score: number, doc: number) =>
  other !== undefined && other.score === score && other.doc > doc;
