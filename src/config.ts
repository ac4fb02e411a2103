import { z } from 'zod';
import { ConfigError } from './errors.ts';
import type { LogLevel } from './log.ts';

export type Env = Readonly<Record<string, string | undefined>>;

const place = z.string().regex(/^[a-z]+:.+$/, 'must look like platform:address, e.g. local:#it-tier1 or slack:C0123');
const confidence = z.coerce.number().min(0).max(1);

/**
 * Every key Tierdesk reads. The README's configuration table is checked against these names, so a key
 * added here without documentation fails the tests.
 */
export const configKeys = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  KNOWLEDGE_WATCH: z.enum(['true', 'false']).default('true'),
  ANSWER_MIN_CONFIDENCE: confidence.default(0.55),
  CLARIFY_MIN_CONFIDENCE: confidence.default(0.3),
  QUEUE_TIER1: place.default('local:#it-tier1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
} as const;

export type ConfigKey = keyof typeof configKeys;

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  knowledgeDir: string;
  knowledgeWatch: boolean;
  thresholds: { answer: number; clarify: number };
  queues: { tier1: string };
  logLevel: LogLevel;
}

/**
 * Keys that only make sense together (a platform's credentials): all or none. Returns the group's values
 * when complete, nothing when empty, and a problem per missing key when half-filled.
 */
export function group<K extends string>(
  env: Env,
  required: readonly K[],
  problems: string[],
): Record<K, string> | undefined {
  const present = required.filter((k) => nonEmpty(env[k]) !== undefined);
  if (present.length === 0) return undefined;
  const missing = required.filter((k) => !present.includes(k));
  for (const k of missing) problems.push(`${k} is missing (needed together with ${present.join(', ')})`);
  if (missing.length > 0) return undefined;
  return Object.fromEntries(required.map((k) => [k, env[k] as string])) as Record<K, string>;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** Pure: reads only the given env. Throws ConfigError naming every missing or invalid key at once. */
export function loadConfig(env: Env): Config {
  const input = Object.fromEntries(Object.keys(configKeys).map((k) => [k, nonEmpty(env[k])]));
  const parsed = z.object(configKeys).safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  if (c.CLARIFY_MIN_CONFIDENCE > c.ANSWER_MIN_CONFIDENCE) {
    throw new ConfigError(['CLARIFY_MIN_CONFIDENCE must not be greater than ANSWER_MIN_CONFIDENCE']);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    ...(c.DATABASE_URL ? { databaseUrl: c.DATABASE_URL } : {}),
    dataDir: c.DATA_DIR,
    knowledgeDir: c.KNOWLEDGE_DIR,
    knowledgeWatch: c.KNOWLEDGE_WATCH === 'true',
    thresholds: { answer: c.ANSWER_MIN_CONFIDENCE, clarify: c.CLARIFY_MIN_CONFIDENCE },
    queues: { tier1: c.QUEUE_TIER1 },
    logLevel: c.LOG_LEVEL,
  };
}
