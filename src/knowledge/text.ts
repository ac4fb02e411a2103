/**
 * Words that carry no topic. Question words are included: "how do I" says nothing about which article.
 * Negations ("not", "no", "can't") are kept: "not arrived" and "arrived" are different problems.
 */
const stopwords = new Set(
  `a about above after again all am an and any are as at be been before being below between both but by
  could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i i'm if in into is it it's its itself just let me more most my myself of
  off on once only or other our ours ourselves out over own same she should so some such than that the
  their theirs them themselves then there these they this those through to too under until up very was
  we were what when where which while who whom why will with would you your yours yourself yourselves
  please hi hello hey thanks thank want need know get got tell ok okay im ive id can could would`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower case, accents removed, apostrophes folded so "can't" and "cant" meet. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
}

/** A light suffix stripper: consistent on both sides, which matters more than linguistic accuracy. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'ly', 'ment', 'ness']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export function words(text: string): string[] {
  return normalise(text).match(/[a-z0-9]+/g) ?? [];
}

/** The terms search works on: words minus stopwords, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !stopwords.has(w))
    .map(stem);
}
