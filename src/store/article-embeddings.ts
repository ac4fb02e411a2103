import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { DbOrTx } from './db.ts';
import { articleEmbeddings } from './schema.ts';

/** One version of one article: its id and the hash of the text that is (or would be) embedded. */
export interface ArticleVersion {
  articleId: string;
  contentHash: string;
}

/** Keeps a query's parameter list well under Postgres' limit, however large the knowledge base. */
const lookupChunk = 1000;

/** The stored vectors of these article versions for `model`, by article id; versions never embedded are absent. */
export async function findArticleEmbeddings(
  db: DbOrTx,
  model: string,
  versions: readonly ArticleVersion[],
): Promise<Map<string, number[]>> {
  const wanted = new Set(versions.map((v) => `${v.articleId}\n${v.contentHash}`));
  const found = new Map<string, number[]>();
  for (let i = 0; i < versions.length; i += lookupChunk) {
    const hashes = versions.slice(i, i + lookupChunk).map((v) => v.contentHash);
    const rows = await db
      .select({
        articleId: articleEmbeddings.articleId,
        contentHash: articleEmbeddings.contentHash,
        vector: articleEmbeddings.vector,
      })
      .from(articleEmbeddings)
      .where(and(eq(articleEmbeddings.model, model), inArray(articleEmbeddings.contentHash, hashes)));
    // Two articles with the same text share a hash: only the pairing asked for counts.
    for (const row of rows) {
      if (wanted.has(`${row.articleId}\n${row.contentHash}`)) found.set(row.articleId, row.vector);
    }
  }
  return found;
}

export async function saveArticleEmbeddings(
  db: DbOrTx,
  model: string,
  rows: readonly (ArticleVersion & { vector: readonly number[] })[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(articleEmbeddings)
    .values(rows.map((r) => ({ ...r, vector: [...r.vector], model, createdAt: at })))
    .onConflictDoNothing();
}

/** The store as the knowledge base's embedding cache: vectors outlive the process. */
export function articleEmbeddingCache(db: DbOrTx, clock: Clock) {
  return {
    find: (model: string, versions: readonly ArticleVersion[]) => findArticleEmbeddings(db, model, versions),
    save: (model: string, rows: readonly (ArticleVersion & { vector: readonly number[] })[]) =>
      saveArticleEmbeddings(db, model, rows, clock.now()),
  };
}
