import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/**
 * When the request behind the current work arrived. Slack's 3 s for an ack count from its arrival, not from
 * when a listener gets its turn after other events' work, so time budgets are measured from here.
 */
const arrivals = new AsyncLocalStorage<number>();

export const withArrival = <T>(run: () => T): T => arrivals.run(performance.now(), run);

/** Milliseconds since the current request arrived (0 outside one). */
export const sinceArrival = () => {
  const at = arrivals.getStore();
  return at === undefined ? 0 : performance.now() - at;
};
