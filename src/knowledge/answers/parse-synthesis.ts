import { z } from 'zod';
import type { Synthesis } from './synthesize-answer.ts';

/** The shape the model is asked for (as a strict JSON schema) and checked against when it answers. */
export const synthesisOutput = z.strictObject({
  answer: z.string(),
  cited_article_ids: z.array(z.string()),
  escalate: z.boolean(),
});

export type SynthesisProblem = 'not_json' | 'wrong_shape' | 'empty_answer' | 'no_valid_citation';

export type ParsedSynthesis =
  | { ok: true; synthesis: Synthesis; dropped: string[] }
  | { ok: false; problem: SynthesisProblem };

/**
 * The model's reply is outside input. Citations must name articles it was given (others are dropped);
 * an answer left with none is not grounded in the knowledge base and is refused. Escalating needs no
 * citation: it says the articles do not settle the question.
 */
export function parseSynthesis(content: string | null | undefined, sentIds: readonly string[]): ParsedSynthesis {
  let json: unknown;
  try {
    json = JSON.parse(content ?? '');
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  const parsed = synthesisOutput.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'wrong_shape' };
  const { answer, cited_article_ids: cited, escalate } = parsed.data;
  const known = [...new Set(cited.map((id) => id.trim()))].filter((id) => sentIds.includes(id));
  const dropped = cited.filter((id) => !sentIds.includes(id.trim()));
  if (escalate) return { ok: true, synthesis: { answer: answer.trim(), citedArticleIds: known, escalate }, dropped };
  if (answer.trim() === '') return { ok: false, problem: 'empty_answer' };
  if (known.length === 0) return { ok: false, problem: 'no_valid_citation' };
  return { ok: true, synthesis: { answer: answer.trim(), citedArticleIds: known, escalate }, dropped };
}
