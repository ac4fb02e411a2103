import type { Candidate } from './rank-candidates.ts';

/**
 * A message of several sentences, split where people end one: ".", "!" or "?" and a space, or a new line.
 * One sentence (most questions) comes back as it is.
 */
export function sentencesOf(message: string): string[] {
  return message
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * People tell their question inside a story ("Hi, sorry to bother you. My laptop won't start. Thanks!"), and
 * the sentences around it dilute every article's evidence. A message is judged by the part that asks: each
 * sentence is searched on its own too, and the one that makes the desk surest of the article the whole
 * message points to stands for it. A sentence that points elsewhere (a greeting that happens to match
 * "meeting rooms") never does: the whole message's first article must agree.
 */
export function judgeByAskingPart(message: string, search: (text: string) => Candidate[]): Candidate[] {
  const whole = search(message);
  const sentences = sentencesOf(message);
  const top = whole[0];
  if (sentences.length < 2 || !top) return whole;
  let best = whole;
  for (const sentence of sentences) {
    const found = search(sentence);
    const first = found[0];
    if (first?.article.id === top.article.id && first.confidence > (best[0]?.confidence ?? 0)) best = found;
  }
  return best;
}
