import { normalise } from '../words.ts';
import { type FeedbackWords, type WordList, wordLists } from './feedback-words.ts';

/** One listed word or phrase found in a comment, and whether a negator just before it turns it around. */
export interface WordHit {
  list: WordList;
  phrase: string;
  negated: boolean;
}

interface Phrase {
  tokens: string[];
  list: WordList;
}

/** A word file made ready for matching: phrases by their first word, longest first. */
export interface WordIndex {
  phrases: Map<string, Phrase[]>;
  negators: Set<string>;
}

/** How far back a negator reaches: "not happy", "not very happy", "was not at all helpful". */
const negationReach = 3;

/** Clauses end at punctuation and at a turn ("thanks, but …", "aber", "mais", "pero"). */
const clauseBreak = /[.,;:!?()\n]+|\s(?:but|though|although|however|aber|mais|pero)\s/;

const tokensOf = (text: string) => normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];

export function indexFeedbackWords(words: FeedbackWords): WordIndex {
  const phrases = new Map<string, Phrase[]>();
  for (const list of wordLists) {
    for (const entry of words[list]) {
      const tokens = tokensOf(entry);
      const first = tokens[0];
      if (first === undefined) continue;
      phrases.set(first, [...(phrases.get(first) ?? []), { tokens, list }]);
    }
  }
  for (const group of phrases.values()) group.sort((a, b) => b.tokens.length - a.tokens.length);
  return { phrases, negators: new Set(words.negators.flatMap(tokensOf)) };
}

function longestAt(tokens: string[], i: number, index: WordIndex): Phrase | undefined {
  return index.phrases.get(tokens[i] ?? '')?.find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
}

function hitsInClause(tokens: string[], index: WordIndex): WordHit[] {
  const hits: WordHit[] = [];
  let negatorAt = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < tokens.length; ) {
    const phrase = longestAt(tokens, i, index);
    if (phrase) {
      hits.push({ list: phrase.list, phrase: phrase.tokens.join(' '), negated: i - negatorAt <= negationReach });
      i += phrase.tokens.length;
      continue;
    }
    if (index.negators.has(tokens[i] ?? '')) negatorAt = i;
    i += 1;
  }
  return hits;
}

/** Every listed phrase in a comment, clause by clause; a negator only reaches within its own clause. */
export function findFeedbackWords(comment: string, index: WordIndex): WordHit[] {
  return normalise(comment)
    .split(clauseBreak)
    .flatMap((clause) => hitsInClause(tokensOf(clause), index));
}
