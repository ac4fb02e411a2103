import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Article } from '../../src/model/article.ts';
import { shippedKnowledge } from './test-app.ts';

/** A knowledge folder for one test file: the shipped articles and `more`, written as their markdown files. */
export async function articleFolder(more: readonly Article[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tierdesk-kb-'));
  await cp(shippedKnowledge, dir, { recursive: true });
  for (const a of more) {
    const front = {
      title: a.title,
      questions: a.questions,
      audience: a.audience,
      ...(a.owner ? { owner: a.owner } : {}),
      ...(a.reviewBy ? { review_by: a.reviewBy } : {}),
    };
    await writeFile(join(dir, `${a.id}.md`), `---\n${stringify(front)}---\n\n${a.body}\n`);
  }
  return dir;
}
