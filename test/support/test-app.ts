import { fileURLToPath } from 'node:url';
import { createFixedClock } from '../../src/clock.ts';
import type { Config } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { type App, loadConfig, startApp } from '../../src/main.ts';
import { buttonsOf as buttonsOfMessage, type Message } from '../../src/messages/message.ts';
import type { Store } from '../../src/store/open-store.ts';
import { createTestStore } from './test-store.ts';

export const shippedKnowledge = fileURLToPath(new URL('../../knowledge', import.meta.url));
export const testStart = new Date('2026-11-23T09:00:00Z');

export interface TestApp extends App {
  store: Store;
  log: ReturnType<typeof createMemoryLogger>;
  clock: ReturnType<typeof createFixedClock>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
}

/** The real app on a free port, over a fresh store, with a fixed clock and an in-memory log. */
export async function startTestApp(env: Record<string, string> = {}, store?: Store): Promise<TestApp> {
  // Scheduled work is off unless a test asks for it: tests run the sweep when they mean to.
  const config: Config = loadConfig({
    PORT: '0',
    KNOWLEDGE_DIR: shippedKnowledge,
    KNOWLEDGE_WATCH: 'false',
    JOBS_ENABLED: 'false',
    // The clock is fixed, so every turn of a long journey falls in one minute: tests of the limit set it.
    RATE_LIMIT_PER_MINUTE: '0',
    // Meaning is ranked from the moment an article's vector is ready, which would make early answers depend
    // on timing: tests that are about embeddings turn it back on and wait for the vectors.
    LOCAL_EMBEDDINGS: 'false',
    ...env,
  });
  const usedStore = store ?? (await createTestStore());
  // Everything by default, so a test can read any line; a test of what stays out of logs sets LOG_LEVEL.
  const log = createMemoryLogger(env.LOG_LEVEL ? config.logLevel : 'debug');
  const clock = createFixedClock(testStart);
  const app = await startApp({ config, store: usedStore, clock, log });
  const base = app.url.replace(/\/$/, '');
  return {
    ...app,
    store: usedStore,
    log,
    clock,
    post: (path, body, headers = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path) => fetch(`${base}${path}`),
    async close() {
      await app.close();
      if (!store) await usedStore.close();
    },
  };
}

export function buttonsOf(message: Message | undefined) {
  return message ? buttonsOfMessage(message) : [];
}

/** Whether the desk asked the person to choose ("Which of these?" or, with one article, "Is this it?"). */
export const offersChoices = (message: Message | undefined) =>
  buttonsOf(message).some((b) => b.actionId === 'pick_article');
