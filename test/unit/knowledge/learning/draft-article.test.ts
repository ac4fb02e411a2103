import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../../src/knowledge/articles/article.ts';
import { loadArticles } from '../../../../src/knowledge/articles/load-articles.ts';
import { type DraftSource, toDraftArticle } from '../../../../src/knowledge/learning/draft-article.ts';
import { saveDraft } from '../../../../src/knowledge/learning/save-draft.ts';
import { createMemoryLogger } from '../../../../src/log.ts';

const source: DraftSource = {
  ticketId: 12,
  subject: 'Printer on floor 2: "jams" on every job',
  questions: ['Printer on floor 2: "jams" on every job', 'printer keeps jamming', 'PRINTER KEEPS JAMMING'],
  problem: 'The printer by the kitchen jams on every job since Monday.',
  resolution: 'Replaced the worn fuser; print a test page from tray 1 to check.',
  replies: [
    { from: 'help_desk', text: 'Which tray jams?' },
    { from: 'requester', text: 'Tray 2, with thick paper' },
    { from: 'help_desk', text: 'A technician is on the way' },
    { from: 'requester', text: '  ' },
  ],
  resolver: 'ben',
  reviewBy: '2026-12-23',
};

describe('toDraftArticle', () => {
  it('writes front matter the article parser accepts, with the resolution as the excerpt', () => {
    const draft = toDraftArticle(source);
    expect(draft.fileName).toBe('printer-on-floor-2-jams-on-every-job-t12.md');
    const parsed = parseArticle('draft', draft.markdown);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.article).toMatchObject({
      title: source.subject,
      questions: ['Printer on floor 2: "jams" on every job', 'printer keeps jamming'],
      tags: ['printer', 'floor', 'jams', 'every', 'job'],
      owner: 'ben',
      reviewBy: '2026-12-23',
    });
    expect(parsed.article.body.split('\n\n')[0]).toBe(source.resolution);
    expect(parsed.article.body).toContain(source.problem);
    expect(parsed.article.body).toContain(
      '- Help desk: Which tray jams?\n- Requester: Tray 2, with thick paper\n- Help desk: A technician is on the way',
    );
  });

  it('keeps within the schema for long questions and subjects with no words, and without a resolver', () => {
    const draft = toDraftArticle({
      ...source,
      subject: '???',
      questions: ['x'.repeat(900), ...Array.from({ length: 30 }, (_, i) => `question ${i}`)],
      resolution: '',
      replies: [],
      resolver: undefined,
    });
    expect(draft.fileName).toBe('ticket-t12.md');
    const parsed = parseArticle('draft', draft.markdown);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.article.questions).toHaveLength(10);
    expect(parsed.article.questions[0]).toHaveLength(500);
    expect(parsed.article.owner).toBeUndefined();
    expect(parsed.article.body).toMatch(/^## What was asked/);
  });
});

describe('saveDraft', () => {
  it('writes into the drafts folder, creating it, never over an existing file, and the loader does not read it', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'kb-drafts-')), 'drafts');
    const draft = toDraftArticle(source);
    const path = join(dir, draft.fileName);
    expect(await saveDraft(dir, draft)).toEqual({ ok: true, path });
    expect(await saveDraft(dir, { ...draft, markdown: 'changed' })).toEqual({ ok: false, existing: path });
    expect(await readFile(path, 'utf8')).toBe(draft.markdown);
    // A drafts folder inside a knowledge folder is not read either: only its top-level files are articles.
    expect(await loadArticles(dirname(dir), createMemoryLogger())).toEqual([]);
  });
});
