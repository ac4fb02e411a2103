import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { toLoggedError } from './logged-error.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const secretKey = /(token|secret|password|api_?key|authorization)/i;

/** Secrets never reach a log line, whatever field they arrive in; errors keep what a reader needs. */
function redact(value: unknown, debug: boolean, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return toLoggedError(value, debug);
  if (Array.isArray(value)) return value.map((v) => redact(v, debug, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = secretKey.test(k) ? '[redacted]' : redact(v, debug, depth + 1);
  return out;
}

/** What every line written while handling one event carries: the event's delivery id, as `event`. */
const eventContext = new AsyncLocalStorage<LogFields>();

/** Runs `work` with `fields` on every line it logs, however deep (the desk's handling of one event). */
export const withLogContext = <T>(fields: LogFields, work: () => Promise<T>): Promise<T> =>
  eventContext.run(fields, work);

/**
 * One JSON object per line, `{"level":"info","t":"…","event":"…","msg":"…",…}`, written by pino: easy to grep locally
 * and to ship to any log store. Lines go out synchronously, so nothing is lost when the process exits.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write ? { write: (l: string) => write(l.trimEnd()) } : pino.destination({ fd: 2, sync: true });
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => eventContext.getStore() ?? {},
      // Errors are already shaped by toLoggedError; pino's own `err` serializer would shape them again.
      serializers: { err: (v: unknown) => v },
    },
    destination,
  );
  const debug = level === 'debug';
  const at =
    (lvl: LogLevel) =>
    (msg: string, fields: LogFields = {}) =>
      // The message as a field, not pino's argument, so it comes before the fields, as people read a line.
      base[lvl]({ msg, ...(redact(fields, debug) as LogFields) });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Collects lines in memory; tests read them to check what was logged. */
export function createMemoryLogger(level: LogLevel = 'debug'): Logger & { lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = createLogger(level, (l) => lines.push(JSON.parse(l) as LogFields));
  return Object.assign(logger, { lines });
}
