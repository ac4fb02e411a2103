import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftArticle } from './draft-article.ts';

export type SavedDraft = { ok: true; path: string } | { ok: false; existing: string };

/**
 * Writes a draft for review into the drafts folder (DRAFTS_DIR, kept apart from the live articles); an
 * existing file (perhaps already edited) is never overwritten.
 */
export async function saveDraft(draftsDir: string, draft: DraftArticle): Promise<SavedDraft> {
  await mkdir(draftsDir, { recursive: true });
  const path = join(draftsDir, draft.fileName);
  try {
    await writeFile(path, draft.markdown, { flag: 'wx' });
    return { ok: true, path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, existing: path };
    throw err;
  }
}
