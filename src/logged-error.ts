/**
 * An error as a log line shows it. A failed query's message holds its parameters (drizzle writes "params:
 * …" into it, and into the stack's first line), and a Postgres error's `detail` the values of a key: those
 * are what people typed, so below LOG_LEVEL=debug a line keeps the statement, the codes and the stack, not
 * the data. The error reference the person was given is in the same line.
 */
export function toLoggedError(err: Error, debug: boolean, depth = 0): Record<string, unknown> {
  if (debug) {
    const { detail } = err as Error & { detail?: unknown };
    return {
      name: err.name,
      message: err.message,
      ...codesOf(err),
      ...(detail ? { detail } : {}),
      stack: err.stack,
      ...causeOf(err, debug, depth),
    };
  }
  const message = withoutData(err);
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    name: err.name,
    message,
    ...codesOf(err),
    stack: [`${err.name}: ${message}`, ...frames].join('\n'),
    ...causeOf(err, debug, depth),
  };
}

/** The message without the values bound into it (drizzle's "Failed query: …\nparams: …"). */
function withoutData(err: Error): string {
  const bound = err.message.indexOf('\nparams: ');
  return bound >= 0 && err.message.startsWith('Failed query: ') ? err.message.slice(0, bound) : err.message;
}

/** What names the problem without holding data: Postgres' code and the object it concerns. */
function codesOf(err: Error): Record<string, unknown> {
  const named = err as Error & Record<string, unknown>;
  const keys = ['code', 'severity', 'routine', 'table_name', 'column_name', 'constraint_name', 'constraint', 'table'];
  return Object.fromEntries(keys.flatMap((k) => (typeof named[k] === 'string' ? [[k, named[k]]] : [])));
}

function causeOf(err: Error, debug: boolean, depth: number): Record<string, unknown> {
  const { cause } = err;
  if (!(cause instanceof Error) || depth > 2) return {};
  return { cause: toLoggedError(cause, debug, depth + 1) };
}
