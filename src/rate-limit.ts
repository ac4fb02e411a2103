/**
 * How many messages and commands one person may send a minute (`RATE_LIMIT_PER_MINUTE`): enough for anyone
 * typing, too few for a script opening a ticket a second. Counted per process, in memory: with several
 * replicas behind a balancer a person gets up to that many on each, which still bounds a flood.
 */
export interface RateLimiter {
  /** Whether `key` may send one more at `now`; a refused send does not count against the next minute. */
  allow(key: string, now: Date): boolean;
}

const windowMs = 60_000;
/** Forget people who went quiet, now and then, so the map holds only the last minute's senders. */
const sweepEvery = 1000;

export function createRateLimiter(perMinute: number): RateLimiter {
  if (perMinute <= 0) return { allow: () => true };
  const sent = new Map<string, number[]>();
  let calls = 0;
  const forgetQuiet = (now: number) => {
    for (const [key, times] of sent) if ((times.at(-1) ?? 0) <= now - windowMs) sent.delete(key);
  };
  return {
    allow(key, at) {
      const now = at.getTime();
      if (++calls % sweepEvery === 0) forgetQuiet(now);
      const recent = (sent.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= perMinute) {
        sent.set(key, recent);
        return false;
      }
      recent.push(now);
      sent.set(key, recent);
      return true;
    },
  };
}
