import type { Logger } from '../../src/log.ts';

/**
 * Every piece of work after an ack goes through here: it is awaited on shutdown, and a failure (Slack
 * refusing a post, a network error) becomes one log line instead of an unhandled rejection.
 */
export function createWorkTracker(log: Logger) {
  const inFlight = new Set<Promise<unknown>>();
  return {
    track<T>(what: string, work: Promise<T>): Promise<T | undefined> {
      const guarded = work.catch((err: unknown) => {
        log.error('slack work failed', { what, err });
        return undefined;
      });
      inFlight.add(guarded);
      void guarded.finally(() => inFlight.delete(guarded));
      return guarded;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type WorkTracker = ReturnType<typeof createWorkTracker>;
