import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { startOpenAiApiFake } from '../fakes/openai-api.ts';
import { answers, printedUrl, startDeskProcess, stopDeskProcess, waitFor } from '../support/desk-process.ts';

/**
 * SIGTERM while a person's question is being answered (the composing service is slow: the desk waits its
 * OPENAI_TIMEOUT_MS, then answers with the article): the answer still reaches them and is stored, nothing
 * new is taken, and the process exits cleanly.
 */
describe('graceful shutdown', () => {
  it('finishes the turn in flight, stores it, refuses new work and exits 0', async () => {
    const openai = await startOpenAiApiFake();
    openai.behave({ kind: 'hang' });
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-shutdown-'));
    const run = startDeskProcess({
      PORT: '0',
      DATA_DIR: dataDir,
      KNOWLEDGE_WATCH: 'false',
      LOCAL_EMBEDDINGS: 'false',
      OPENAI_API_KEY: 'sk-test-shutdown-0123456789',
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_TIMEOUT_MS: '2000',
    });
    try {
      await waitFor(() => printedUrl(run) !== undefined, 'the URL');
      const url = printedUrl(run) ?? '';
      const inFlight = fetch(new URL('/api/local/messages', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'alice', text: 'how do I reset my password?' }),
      });
      await waitFor(
        () => openai.requests.some((r) => r.path === '/v1/chat/completions'),
        'the question to be composing',
      );
      run.child.kill('SIGTERM');
      const reply = await inFlight;
      expect(reply.status).toBe(200);
      const messages = ((await reply.json()) as { messages: Message[] }).messages;
      expect(messages[0]?.text).toContain('Reset a forgotten password');
      expect(await run.exited).toBe(0);
      expect(await answers(url)).toBe(false);
      const lines = run
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      expect(lines.map((l) => JSON.parse(l) as object)).toContainEqual(
        expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }),
      );
      // The desk let go of its data folder: what it answered is there for the next start.
      const db = new PGlite(join(dataDir, 'pglite'));
      try {
        const { rows } = await db.query<{ question: string; outcome: string }>(
          'select question, outcome from interactions',
        );
        expect(rows).toEqual([{ question: 'how do I reset my password?', outcome: 'answered' }]);
      } finally {
        await db.close();
      }
    } finally {
      await stopDeskProcess(run);
      await openai.close();
    }
  });
});
