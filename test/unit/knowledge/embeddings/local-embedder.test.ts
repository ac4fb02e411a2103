import { describe, expect, it } from 'vitest';
import { createLocalEmbedder, embeddedParts } from '../../../../src/knowledge/embeddings/local-embedder.ts';
import { createMemoryLogger } from '../../../../src/log.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
const article = (title: string, body: string, questions: string[] = []) => ({ title, body, questions });

describe('the bundled embedding model', () => {
  const embedder = createLocalEmbedder(createMemoryLogger());

  it('puts a question nearer the article that means the same, though they share no word', async () => {
    const outcome = await embedder.embedArticles([
      article('Submit expenses and receipts', 'Photograph the receipt and add it to your expense report.'),
      article('Reset a forgotten password', 'Use the self-service reset page.', ['I forgot my password']),
    ]);
    if (!outcome.ok) throw new Error(outcome.reason);
    const [expenses, password] = outcome.vectors as [number[], number[]];
    expect(expenses).toHaveLength(512);
    expect(cosine(expenses, expenses)).toBeCloseTo(1, 5);
    const question = await embedder.embedQuestion('how do I claim back money for a taxi');
    if (!question) throw new Error('no vector');
    expect(cosine(question, expenses)).toBeGreaterThan(cosine(question, password) + 0.1);
  });

  it('embeds nothing for an empty question, and stops a batch when the desk is stopping', async () => {
    expect(await embedder.embedQuestion('   ')).toBeUndefined();
    const stopping = new AbortController();
    stopping.abort();
    expect(await embedder.embedArticles([article('VPN', 'Connect.')], stopping.signal)).toEqual({
      ok: false,
      reason: 'stopped',
    });
  });

  it('gives questions asked at the same time each their own vector, as when asked alone', async () => {
    const asked = ['my laptop will not start', 'where do I find the holiday calendar', 'printer is jammed'];
    const alone: (number[] | undefined)[] = [];
    for (const q of asked) alone.push(await embedder.embedQuestion(q));
    const together = await Promise.all(asked.map((q) => embedder.embedQuestion(q)));
    together.forEach((vector, i) => {
      if (!vector || !alone[i]) throw new Error('no vector');
      // Batched, the model's arithmetic differs in the last bits only.
      expect(cosine(vector, alone[i] as number[])).toBeCloseTo(1, 5);
    });
  });

  it('embeds the title, each question and the opening of the body as separate parts', () => {
    const parts = embeddedParts(article('VPN', 'x'.repeat(5000), ['vpn down', ' ']));
    expect(parts.slice(0, 2)).toEqual(['VPN', 'vpn down']);
    expect(parts).toHaveLength(3);
    expect(parts[2]?.length).toBeLessThan(1100);
  });
});
