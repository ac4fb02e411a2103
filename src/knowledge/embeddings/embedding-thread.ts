import { Worker } from 'node:worker_threads';

/**
 * The bundled model's own thread (embedding-worker.mjs). A text takes tens of milliseconds of CPU, up to
 * a second for a batch of long ones; on the main thread that would stall chat requests and signals.
 *
 * Texts go to the model's thread a few at a time, so a person's question waits behind at most one small
 * batch of articles, and stopping the desk waits for at most one; a batch of eight takes about 0.1-1 s here.
 *
 * One batch is on the thread at a time. Questions that arrive while it works wait and then go together:
 * the model embeds eight short texts in about a third of the time it takes for them one by one, so under
 * load the thread keeps up instead of building a queue. Articles' batches are never mixed with questions,
 * so an article's vector does not depend on what people happened to be asking.
 */
const textsPerTurn = 8;

/**
 * The model keeps about 16 MB of live JavaScript heap (its weights are outside it, in array buffers), but
 * embedding churns through short-lived arrays, and with V8's default limits the thread's heap grew to about
 * 80 MB of mostly garbage before it was collected. Tighter limits make it collect sooner, at the same
 * speed (npm run bench:memory); the old generation keeps eight times what the model needs.
 */
const threadHeap = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

type Reply = { id: number; vectors: number[][] } | { id: number; error: string };

/** The model's thread: started at the first request, shared by the process, started again if it dies. */
let thread:
  | { worker: Worker; waiting: Map<number, { resolve(v: number[][]): void; reject(e: Error): void }> }
  | undefined;
let nextId = 0;

function modelThread() {
  if (thread) return thread;
  const worker = new Worker(new URL('./embedding-worker.mjs', import.meta.url), { resourceLimits: threadHeap });
  const waiting = new Map<number, { resolve(v: number[][]): void; reject(e: Error): void }>();
  const current = { worker, waiting };
  const fail = (err: Error) => {
    if (thread === current) thread = undefined;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) w?.reject(new Error(reply.error));
    else w?.resolve(reply.vectors);
    // An idle thread must not keep the process alive.
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the model's thread stopped (exit ${code})`)));
  worker.unref();
  thread = current;
  return current;
}

function embedBatch(texts: string[]): Promise<number[][]> {
  const { worker, waiting } = modelThread();
  const id = nextId++;
  worker.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, texts });
  });
}

interface Job {
  texts: string[];
  /** A question's: may share a batch with other questions. */
  shared: boolean;
  /** Its asker stopped waiting: not worth the model's time if it has not started. */
  signal?: AbortSignal | undefined;
  resolve(v: number[][]): void;
  reject(e: Error): void;
}

const queue: Job[] = [];
let busy = false;

function schedule(texts: string[], shared: boolean, signal?: AbortSignal): Promise<number[][]> {
  return new Promise((resolve, reject) => {
    queue.push({ texts, shared, signal, resolve, reject });
    void pump();
  });
}

/** The next batch: the oldest job, with the questions queued after it while they fit. */
function nextJobs(): Job[] {
  while (queue[0]?.signal?.aborted) queue.shift()?.reject(new Error('no longer wanted'));
  const first = queue.shift();
  if (!first) return [];
  const jobs = [first];
  let size = first.texts.length;
  for (let i = 0; first.shared && i < queue.length && size < textsPerTurn; ) {
    const job = queue[i] as Job;
    if (job.signal?.aborted) {
      queue.splice(i, 1);
      job.reject(new Error('no longer wanted'));
    } else if (job.shared && size + job.texts.length <= textsPerTurn) {
      queue.splice(i, 1);
      jobs.push(job);
      size += job.texts.length;
    } else if (!job.shared) break;
    else i++;
  }
  return jobs;
}

async function pump() {
  if (busy) return;
  const jobs = nextJobs();
  if (jobs.length === 0) return;
  busy = true;
  try {
    const vectors = await embedBatch(jobs.flatMap((j) => j.texts));
    let at = 0;
    for (const job of jobs) {
      job.resolve(vectors.slice(at, at + job.texts.length));
      at += job.texts.length;
    }
  } catch (err) {
    for (const job of jobs) job.reject(err instanceof Error ? err : new Error(String(err)));
  } finally {
    busy = false;
    void pump();
  }
}

/**
 * How many characters of articles go to the model in one call. The model's working memory grows to fit its
 * largest call and is never given back: eight article openings of 1,000 characters at once left the thread
 * 41 MB larger for good, one or two at a time 7 MB, and took no longer (about 12 ms a text either way).
 */
const charsPerTurn = 1500;

/** `texts` cut into calls of at most `textsPerTurn` texts and, past the first text of each, `charsPerTurn`. */
export function turnsOf(texts: readonly string[]): string[][] {
  const turns: string[][] = [];
  let turn: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (turn.length > 0 && (turn.length === textsPerTurn || chars + text.length > charsPerTurn)) {
      turns.push(turn);
      turn = [];
      chars = 0;
    }
    turn.push(text);
    chars += text.length;
  }
  if (turn.length > 0) turns.push(turn);
  return turns;
}

/** Embeds texts a few at a time, in order; stops early (undefined) when `signal` is aborted. */
export async function embedTexts(texts: readonly string[], signal?: AbortSignal): Promise<number[][] | undefined> {
  const vectors: number[][] = [];
  for (const turn of turnsOf(texts)) {
    if (signal?.aborted) return undefined;
    vectors.push(...(await schedule(turn, false)));
  }
  return vectors;
}

/**
 * One question's vector, embedded together with whatever other questions are waiting for the thread. A
 * question abandoned (`signal`) before the thread gets to it is dropped and rejects.
 */
export async function embedQuestionText(text: string, signal?: AbortSignal): Promise<number[] | undefined> {
  return (await schedule([text], true, signal))[0];
}
