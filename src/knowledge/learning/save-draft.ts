import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftArticle } from './draft-article.ts';

/** Drafts live in this sub-folder of the knowledge folder, which the loader does not read. */
export const draftsFolder = 'drafts';

export type SavedDraft = { ok: true; path: string } | { ok: false; existing: string };

/** Writes a draft for review; an existing file (perhaps already edited) is never overwritten. */
export async function saveDraft(knowledgeDir: string, draft: DraftArticle): Promise<SavedDraft> {
  const dir = join(knowledgeDir, draftsFolder);
  await mkdir(dir, { recursive: true });
  const path = `${draftsFolder}/${draft.fileName}`;
  try {
    await writeFile(join(dir, draft.fileName), draft.markdown, { flag: 'wx' });
    return { ok: true, path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, existing: path };
    throw err;
  }
}
