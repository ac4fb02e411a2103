/**
 * Knowledge bases of any size for the benches, grown from the real evaluation articles
 * (../shared/eval/<set>/articles.jsonl) by deterministic variants: the same size gives the same articles on
 * every machine, and a smaller set is a prefix of a larger one.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Article } from '../src/knowledge/articles/article.ts';
import { readEvalArticles, readEvalQueries } from '../src/knowledge/eval/eval-set.ts';
import { seededRandom } from '../src/knowledge/eval/seeded-random.ts';

// --- deterministic randomness -------------------------------------------------------------------------

/** FNV-1a, so that a seed can be derived from a name (an article id) rather than from call order. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const rng = seededRandom;

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// --- evaluation data ----------------------------------------------------------------------------------

export interface EvalData {
  articles: Article[];
  queries: string[];
}

export function loadEvalData(root: URL): EvalData {
  const articles: Article[] = [];
  const queries: string[] = [];
  // Sorted so that the article order, and therefore every seeded choice below, is the same on every machine.
  const sets = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const set of sets) {
    const dir = new URL(`${set}/`, root);
    const articlesFile = new URL('articles.jsonl', dir);
    const queriesFile = new URL('queries.jsonl', dir);
    if (existsSync(articlesFile)) articles.push(...readEvalArticles(articlesFile));
    if (existsSync(queriesFile)) queries.push(...readEvalQueries(queriesFile).map((q) => q.query));
  }
  return { articles, queries };
}

// --- synthetic variants -------------------------------------------------------------------------------

const onsets = ['b', 'br', 'c', 'd', 'f', 'g', 'gr', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'v', 'z'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const codas = ['', '', 'n', 'r', 'x', 'l', 'sk', 'nd'];

/**
 * Word `n` of an open-ended invented vocabulary (product names, error codes, internal jargon): a real
 * knowledge base keeps meeting new words as it grows, which grows the index and the fuzzy vocabulary.
 */
function inventedWord(n: number): string {
  const random = rng(hashString(`word:${n}`));
  const syllables = 2 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(onsets, random) + pick(vowels, random);
  return word + pick(codas, random);
}

/**
 * Every token of the real corpus, duplicates kept: drawing from it follows the corpus' own word
 * frequencies, so borrowed words land in posting lists about as often as they do in real text.
 */
function corpusTokens(articles: readonly Article[]): string[] {
  return articles.flatMap((a) => [a.title, ...a.questions, a.body].join(' ').split(/\s+/)).filter(Boolean);
}

export class VariantMaker {
  private readonly tokens: string[];

  constructor(private readonly bases: readonly Article[]) {
    this.tokens = corpusTokens(bases);
  }

  /**
   * Variant `serial` (0-based, counted over the whole knowledge base) is variant `k` of one base article.
   * Seeds come from the id and `k`, not from a shared stream, so the 1,000-article set is a prefix of the
   * 10,000-article one and the two sizes differ only in size.
   */
  make(base: Article, k: number, serial: number): Article {
    const random = rng(hashString(`${base.id}~${k}`));
    const donor = pick(this.bases, random);
    // New words appear more slowly than articles (Heaps' law): the invented range grows with the serial,
    // and the squared draw favours words already used so that some of them are shared between articles.
    const inventedRange = 50 + 2 * serial;
    const mutate = (text: string) => {
      const words = text.split(/\s+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        const roll = random();
        if (roll < 0.06) words[i] = pick(this.tokens, random);
        else if (roll < 0.08) words[i] = inventedWord(Math.floor(inventedRange * random() ** 2));
      }
      if (words.length > 1 && random() < 0.3) {
        const i = Math.floor(random() * (words.length - 1));
        [words[i], words[i + 1]] = [words[i + 1] as string, words[i] as string];
      }
      return words.join(' ');
    };
    const keepSome = <T>(items: readonly T[]) => {
      const keep = Math.ceil(items.length * (0.6 + 0.4 * random()));
      return shuffled(items, random).slice(0, keep);
    };

    const questions = keepSome(base.questions).map(mutate);
    if (donor.questions.length > 0 && random() < 0.5) questions.push(mutate(pick(donor.questions, random)));
    const sentences = keepSome(splitSentences(base.body)).map(mutate);
    const donorSentences = splitSentences(donor.body);
    if (donorSentences.length > 0 && random() < 0.5) sentences.push(mutate(pick(donorSentences, random)));

    return {
      ...base,
      id: `${base.id}~${k}`,
      title: mutate(base.title),
      questions,
      body: sentences.join(' '),
    };
  }
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Below the real corpus size a sample of real articles; above it every real article plus variants. */
export function buildArticles(bases: readonly Article[], size: number, maker: VariantMaker): Article[] {
  if (size <= bases.length) return shuffled(bases, rng(hashString(`sample:${size}`))).slice(0, size);
  const out = [...bases];
  // Round-robin over the bases keeps each evaluation set's share of the knowledge base constant.
  for (let serial = 0; out.length < size; serial++) {
    const base = bases[serial % bases.length] as Article;
    out.push(maker.make(base, Math.floor(serial / bases.length) + 1, serial));
  }
  return out;
}
