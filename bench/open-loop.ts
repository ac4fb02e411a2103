/**
 * The load shared by the throughput benches: an open-loop schedule of requests at a fixed rate (each sent on
 * time whether or not earlier ones were answered, as chat traffic arrives), the reply each one is waiting for,
 * and the figures a stage yields. Open loop matters: a closed loop slows down with the app and hides its queue.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Real support questions from the shared evaluation sets (../shared/eval beside the checkout, as the other
 * benches read them), interleaved so each stage mixes all of them.
 */
export function loadQuestions(dir = new URL('../../shared/eval/', import.meta.url)): string[] {
  const sets = ['stackfaq', 'banking77', 'hint3-sofmattress'].map((name) =>
    readFileSync(new URL(`${name}/queries.jsonl`, dir), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => String((JSON.parse(line) as { query: string }).query)),
  );
  const longest = Math.max(...sets.map((s) => s.length));
  const mixed: string[] = [];
  for (let i = 0; i < longest; i++) {
    for (const set of sets) {
      const question = set[i];
      if (question) mixed.push(question);
    }
  }
  return mixed;
}

/** Replies as they reach a fake platform API, matched to the request that is waiting for them by a key. */
export function createReplyWaiter() {
  const waiting = new Map<string, (at: number) => void>();
  let lastArrival = 0;
  return {
    /**
     * Resolves once no reply at all (late ones included) has arrived for `quietMs`: an app left with a
     * backlog keeps working through it, and that work would fall on the next stage, whichever app it is.
     */
    async settled(quietMs = 3000, maxMs = 180_000) {
      const until = performance.now() + maxMs;
      while (performance.now() - lastArrival < quietMs && performance.now() < until) {
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    /** Resolves with the arrival time of the first reply for `key`, or undefined after `timeoutMs`. */
    expect(key: string, timeoutMs: number): Promise<number | undefined> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(key, (at) => {
          clearTimeout(timer);
          waiting.delete(key);
          resolve(at);
        });
      });
    },
    /** Called by the fake for each reply it records. */
    arrived(key: string) {
      lastArrival = performance.now();
      waiting.get(key)?.(performance.now());
    },
  };
}

export interface Outcome {
  acked: boolean;
  /** From sending to the reply reaching the fake API; undefined when it never came. */
  replyMs: number | undefined;
  /** When the reply arrived, on `performance.now()`'s clock. */
  repliedAt: number | undefined;
}

export interface StageResult {
  app: string;
  rate: number;
  sent: number;
  acked: number;
  replied: number;
  /** Replies per second from the first send to the last reply. */
  throughput: number;
  p50: number;
  p99: number;
}

/**
 * Sends `rate × seconds` requests on schedule; `one(i)` sends the i-th and resolves once its reply came (or
 * was given up on). The timer is re-aimed at each request's planned time, so a late tick does not drift.
 */
export async function runStage(
  app: string,
  rate: number,
  seconds: number,
  one: (i: number) => Promise<Outcome>,
): Promise<StageResult> {
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const pending: Promise<Outcome>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i));
  }
  const outcomes = await Promise.all(pending);
  const replied = outcomes.filter((o) => o.replyMs !== undefined);
  const last = Math.max(started, ...replied.map((o) => o.repliedAt ?? started));
  // A request never answered counts as slower than any answered one, so it lands in the tail.
  const ms = outcomes.map((o) => o.replyMs ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? Number.NaN;
  return {
    app,
    rate,
    sent: total,
    acked: outcomes.filter((o) => o.acked).length,
    replied: replied.length,
    throughput: replied.length / ((last - started) / 1000),
    p50: at(0.5),
    p99: at(0.99),
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/**
 * One turn timed as a person sees it: `post` sends the event (its HTTP answer is the ack), `reply` resolves
 * with when its reply reached the fake. The clock starts just before sending.
 */
export async function timedTurn(post: () => Promise<Response>, reply: Promise<number | undefined>): Promise<Outcome> {
  const started = performance.now();
  const acked = post().then(
    async (res) => {
      await res.text();
      return res.ok;
    },
    () => false,
  );
  const [ok, at] = await Promise.all([acked, reply]);
  return { acked: ok, replyMs: at === undefined ? undefined : at - started, repliedAt: at };
}
