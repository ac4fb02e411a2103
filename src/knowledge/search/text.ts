import { stemmer } from 'stemmer';
import { normalise, words } from '../../words.ts';

export { normalise, words };

/**
 * Words that carry no topic. Question words are included: "how do I" says nothing about which article.
 * Negations ("not", "no") are kept: "not arrived" and "arrived" are different problems.
 */
const stopwords = `a about above after again all am an and any are as at be been before being below between both but by
  could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i i'm if in into is it it's its itself just let me more most my myself of
  off on once only or other our ours ourselves out over own same she should so some such than that the
  their theirs them themselves then there these they this those through to too under until up very was
  we were what when where which while who whom why will with would you your yours yourself yourselves
  please hi hello hey thanks thank want need know get got tell ok okay im ive id can could would
  much many pls plz thx`
  .split(/\s+/)
  .filter(Boolean);

/** Porter stemming: "arrival", "arrived" and "arriving" meet; numbers are left as they are. */
export function stem(word: string): string {
  return word.length <= 2 || /\d/.test(word) ? word : stemmer(word);
}

/** Compared after stemming, so that synonym rewriting (which works on stems) can drop them too. */
const stopStems = new Set(stopwords.flatMap(words).map(stem));

/** Rewrites a stemmed word sequence (an admin's synonym list); identity when there is none. */
export type StemRewrite = (stems: string[]) => string[];

/**
 * Every term of a text, stopwords too: stemmed words with synonyms folded to one spelling. Search weighs
 * stopwords lightly instead of dropping them, because in a paraphrase "when", "where" and "how" carry part of
 * the meaning ("how long until my card comes" is not "where is my card").
 */
export function allTerms(text: string, rewrite?: StemRewrite): string[] {
  const stems = words(text).map(stem);
  return rewrite ? rewrite(stems) : stems;
}

export const isStopTerm = (term: string) => stopStems.has(term);

/** The terms that say what a text is about: all terms minus stopwords. */
export function terms(text: string, rewrite?: StemRewrite): string[] {
  return allTerms(text, rewrite).filter((t) => !stopStems.has(t));
}
