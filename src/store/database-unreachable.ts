/**
 * Whether an error means the database could not be reached (down, restarting, refusing connections, or the
 * connection dropped mid-query), as opposed to a query or a bug. Such an event failed whole and can simply be
 * tried again, so the person is told that, not shown a reference to report.
 *
 * Drizzle wraps the driver's error ("Failed query: …") in `cause`, so the chain is followed.
 */

/**
 * postgres.js' codes for a connection the server side closed or never opened, and Node's for a socket that
 * could not connect. Not CONNECTION_ENDED or CONNECTION_DESTROYED: those mean this process ended its own
 * pool (shutting down), which trying again will not mend.
 */
const connectionCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * Postgres' SQLSTATEs for the same: class 08 (connection exception); 57P01–57P03, the server shutting down,
 * crashing or still starting; 53300, too many connections (a pool reconnecting all at once after a restart).
 */
const isServerGoing = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300';

/** The code that says the database is away, or nothing when the error is something else. */
export function databaseUnreachable(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (connectionCodes.has(code) || isServerGoing(code))) return code;
    // A pool that could not connect to any of several addresses reports them all at once.
    if (e instanceof AggregateError && e.errors.some((inner) => databaseUnreachable(inner))) {
      return databaseUnreachable(e.errors.find((inner) => databaseUnreachable(inner)));
    }
  }
  return undefined;
}
