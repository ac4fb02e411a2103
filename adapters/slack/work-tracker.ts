import type { Logger } from '../../src/log.ts';

/**
 * How many pieces of desk work run at once. Every request's ack path (read, verify, ack) shares the event
 * loop with the work already running; with the rest waiting here instead, a burst of events does not
 * push acks past Slack's 3 s.
 */
const concurrentWork = 6;

/**
 * Every piece of work after an ack goes through here: it is awaited on shutdown, and a failure (Slack
 * refusing a post, a network error) becomes one log line instead of an unhandled rejection.
 */
export function createWorkTracker(log: Logger) {
  const inFlight = new Set<Promise<unknown>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const track = <T>(what: string, work: Promise<T>): Promise<T | undefined> => {
    const guarded = work.catch((err: unknown) => {
      log.error('slack work failed', { what, err });
      return undefined;
    });
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
    return guarded;
  };
  const turn = async (urgent: boolean) => {
    if (running >= concurrentWork) {
      await new Promise<void>((resolve) => (urgent ? waiting.unshift(resolve) : waiting.push(resolve)));
    }
    running++;
  };
  const done = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    /** A Web API call or other short work that must start now (a trigger id expires in 3 s). */
    track,
    /**
     * Desk work: runs in turn with at most a few others, so acks never wait behind a burst of it. `urgent`
     * work (a slash command whose ack waits for its answer, a button pressed) goes ahead of messages.
     */
    queue<T>(what: string, start: () => Promise<T>, options: { urgent?: boolean } = {}): Promise<T | undefined> {
      return track(
        what,
        (async () => {
          await turn(options.urgent === true);
          try {
            return await start();
          } finally {
            done();
          }
        })(),
      );
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type WorkTracker = ReturnType<typeof createWorkTracker>;
