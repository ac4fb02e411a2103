/** Statuses the Bot Connector uses for "try again later"; the SDK itself does not retry them. */
const retryable = new Set([412, 429, 502, 503, 504]);

export interface BackoffOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultBackoff: BackoffOptions = { attempts: 4, baseMs: 300, maxMs: 5000 };

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

/**
 * Runs `call`, retrying throttling and gateway errors with exponential back-off and full jitter, so
 * several replicas that were throttled together do not retry together.
 */
export async function withBackoff<T>(call: () => Promise<T>, options: BackoffOptions = defaultBackoff): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = statusOf(err);
      if (attempt >= options.attempts || status === undefined || !retryable.has(status)) throw err;
      const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
      await sleep(Math.floor(random() * ceiling));
    }
  }
}
