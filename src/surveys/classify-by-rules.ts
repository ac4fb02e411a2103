/**
 * The rule-based feedback classifier: transparent, deterministic, no network. How it decides:
 *
 * 1. Find the listed words and phrases (feedback-words.yaml; longest match wins, clause by clause). Each adds
 *    to the comment's praise (`pos`) or dissatisfaction (`neg`): appreciation +1, lukewarm +0.3, undertone -1,
 *    concern -1, complaint -2, escalation -3. A negator up to three words before a match, in the same clause,
 *    turns it around: praise becomes -1.5 ("not happy", "wasn't helpful"), a complaint +0.5 ("not bad"),
 *    an undertone or concern +0.3 ("no worries"), an escalation word nothing ("not the worst").
 * 2. A rating adds in: 5 → +2, 4 → +1, 3 → nothing, 2 → -1, 1 → -2.
 * 3. The class, first rule that holds:
 *    - escalation: an escalation word, and dissatisfaction outweighs praise;
 *    - complaint: at least 1.5 of dissatisfaction that is not worry, outweighing praise;
 *    - concern: a worry word, and worry is at least as strong as the praise;
 *    - undertone: any dissatisfaction at all ("thanks, but it took a week");
 *    - appreciation: praise and nothing else;
 *    - nothing recognised (a language the lists do not know, a bare "3"): undertone with sentiment 0, so a
 *      person reads it and no follow-up is opened.
 * 4. Shouting (two or more words in capitals) and "!!" or three "!" each make an unhappy comment one step
 *    graver: an undertone or concern becomes a complaint, a complaint an escalation. Happy shouting is fine.
 * 5. The rating sets a floor: a 1 is at least a complaint, a 2 at least an undertone.
 * Sentiment is (pos - neg) / (pos + neg + 1), rounded to two places: 0 when nothing was found, near ±1 when
 * much was.
 */
import { atLeast, type Classified, type FeedbackClass, ratingFloor } from './feedback-class.ts';
import type { WordList } from './feedback-words.ts';
import { findFeedbackWords, type WordHit, type WordIndex } from './find-feedback-words.ts';

const weight: Record<WordList, number> = {
  appreciation: 1,
  lukewarm: 0.3,
  undertone: -1,
  concern: -1,
  complaint: -2,
  escalation: -3,
};
const negatedWeight: Record<WordList, number> = {
  appreciation: -1.5,
  lukewarm: -1.5,
  undertone: 0.3,
  concern: 0.3,
  complaint: 0.5,
  escalation: 0,
};
const ratingWeight: Record<number, number> = { 1: -2, 2: -1, 3: 0, 4: 1, 5: 2 };

interface Tally {
  pos: number;
  neg: number;
  worry: number;
  fury: number;
}

function tally(hits: WordHit[], rating: number | undefined): Tally {
  const t: Tally = { pos: 0, neg: 0, worry: 0, fury: 0 };
  const add = (w: number) => {
    if (w > 0) t.pos += w;
    else t.neg -= w;
  };
  for (const hit of hits) {
    add(hit.negated ? negatedWeight[hit.list] : weight[hit.list]);
    if (hit.negated) continue;
    if (hit.list === 'concern') t.worry += 1;
    if (hit.list === 'escalation') t.fury += 1;
  }
  if (rating !== undefined) add(ratingWeight[rating] ?? 0);
  return t;
}

function baseClass({ pos, neg, worry, fury }: Tally): FeedbackClass {
  if (fury > 0 && neg > pos) return 'escalation';
  if (neg - worry >= 1.5 && neg > pos) return 'complaint';
  if (worry > 0 && worry >= pos) return 'concern';
  if (neg > 0) return 'undertone';
  return pos > 0 ? 'appreciation' : 'undertone';
}

/** How loudly a comment is written: shouting in capitals and runs of "!" (each counts once). */
export function loudness(comment: string): number {
  const capitals = (comment.match(/\b\p{Lu}{3,}\b/gu) ?? []).length;
  const shouting = capitals >= 2 && capitals * 2 >= (comment.match(/\b\p{L}{3,}\b/gu) ?? []).length;
  const bangs = /!{2,}/.test(comment) || (comment.match(/!/g) ?? []).length >= 3;
  return Number(shouting) + Number(bangs);
}

const louder = (c: FeedbackClass, steps: number): FeedbackClass =>
  steps <= 0 || c === 'escalation' ? c : louder(c === 'complaint' ? 'escalation' : 'complaint', steps - 1);

/** A comment (and an optional 1–5 rating) classed by the word lists, as described above. */
export function classifyByRules(comment: string, index: WordIndex, rating?: number): Classified {
  const stars = rating !== undefined && Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined;
  const t = tally(findFeedbackWords(comment, index), stars);
  const base = baseClass(t);
  const steps = t.neg > 0 && base !== 'appreciation' ? loudness(comment) : 0;
  const neg = t.neg + steps;
  const sentiment = Math.round(((t.pos - neg) / (t.pos + neg + 1)) * 100) / 100;
  return { class: atLeast(louder(base, steps), ratingFloor(stars)), sentiment: sentiment || 0, by: 'rules' };
}
