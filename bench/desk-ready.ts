/**
 * A fresh desk embeds its articles in the background after it starts listening; load measured before that
 * finishes would be measuring the start-up. This waits for the log line that says it is done.
 */
import type { ChildApp } from './child-app.ts';

export async function waitForEmbeddings(desk: ChildApp, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (!desk.stderr().includes('article embeddings updated')) {
    if (Date.now() > until) throw new Error('the desk did not finish embedding its articles in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
