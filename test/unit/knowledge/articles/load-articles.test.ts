import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../../../src/knowledge/articles/load-articles.ts';
import { createMemoryLogger } from '../../../../src/log.ts';
import { shippedKnowledge } from '../../../support/test-app.ts';

describe('loadArticles', () => {
  it('skips a broken file with a warning naming it, and loads the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-'));
    await writeFile(join(dir, 'good.md'), '---\ntitle: Good\n---\nA body.');
    await writeFile(join(dir, 'broken.md'), '---\ntitle: [oops\n---\nA body.');
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    const log = createMemoryLogger();
    const articles = await loadArticles(dir, log);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'warn', file: join(dir, 'broken.md'), problem: expect.stringMatching(/YAML/) }),
    ]);
  });

  it('loads the shipped knowledge base cleanly: 30+ articles, unique titles, all with phrasings and an owner', async () => {
    const log = createMemoryLogger();
    const articles = await loadArticles(shippedKnowledge, log);
    expect(log.lines).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
    for (const a of articles) {
      expect(a.questions.length, a.id).toBeGreaterThanOrEqual(3);
      expect(a.owner, a.id).toBeDefined();
      expect(a.reviewBy, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
