import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Article } from './article.ts';
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
