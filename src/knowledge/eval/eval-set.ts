import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Article } from '../articles/article.ts';
import type { EvalQuery } from './eval-metrics.ts';

const articleLine = z.object({
  id: z.string().min(1),
  title: z.string(),
  body: z.string().default(''),
  questions: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
});
const queryLine = z.object({ query: z.string(), gold: z.string().nullable() });

function readJsonl<T>(file: string | URL, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${String(file)}:${n}: not valid JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success)
        throw new Error(`${String(file)}:${n}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
      return parsed.data;
    });
}

/** Evaluation articles (`{id, title, body, questions}` a line) as knowledge-base articles. */
export function readEvalArticles(file: string | URL): Article[] {
  return readJsonl(file, articleLine).map((a) => ({ ...a, audience: 'everyone' }));
}

/** Evaluation queries (`{query, gold}` a line; `gold: null` when nothing answers it). */
export function readEvalQueries(file: string | URL): EvalQuery[] {
  return readJsonl(file, queryLine);
}

/**
 * The queries left to score once `learned` was replayed as helpful clicks: each learned line takes out one
 * identical query (same wording, same gold), so a learned query is never scored as if it were new.
 */
export function notLearned(queries: readonly EvalQuery[], learned: readonly EvalQuery[]): EvalQuery[] {
  const key = (q: EvalQuery) => `${q.gold ?? ''}\n${q.query}`;
  const left = new Map<string, number>();
  for (const q of learned) left.set(key(q), (left.get(key(q)) ?? 0) + 1);
  return queries.filter((q) => {
    const n = left.get(key(q)) ?? 0;
    if (n > 0) left.set(key(q), n - 1);
    return n === 0;
  });
}
