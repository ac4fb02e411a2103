import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Article } from '../../model/article.ts';

export type { Article };

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-06-30'));

const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  tags: z.array(z.string().trim().min(1)).max(20).default([]),
  questions: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  owner: z.string().trim().min(1).optional(),
  review_by: isoDate.optional(),
  published: isoDate.optional(),
  audience: z.enum(['everyone', 'staff']).default('everyone'),
});

export type ParsedArticle = { ok: true; article: Article } | { ok: false; problem: string };

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one markdown article; every problem is described in words a KB editor can act on. */
export function parseArticle(id: string, source: string): ParsedArticle {
  const match = frontMatter.exec(source.replace(/^\uFEFF/, ''));
  if (!match) return { ok: false, problem: 'no front matter: the file must start with a --- block' };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (err) {
    return { ok: false, problem: `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}` };
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`);
    return { ok: false, problem: problems.join('; ') };
  }
  const fm = parsed.data;
  const body = (match[2] ?? '').trim();
  if (body.length === 0) return { ok: false, problem: 'the article has no body' };
  return {
    ok: true,
    article: {
      id,
      title: fm.title,
      tags: fm.tags,
      questions: fm.questions,
      body,
      audience: fm.audience,
      ...(fm.owner ? { owner: fm.owner } : {}),
      ...(fm.review_by ? { reviewBy: fm.review_by } : {}),
      ...(fm.published ? { published: fm.published } : {}),
    },
  };
}
