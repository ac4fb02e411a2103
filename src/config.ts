import { join } from 'node:path';
import { z } from 'zod';
import { type Env, needs, nonEmpty } from './config-groups.ts';
import { bearerToken, confidence, cron, isTimeZone, list, place, queue, share } from './config-values.ts';
import type { Queues } from './desk-context.ts';
import { defaultDigestCron, digestCronProblem } from './digests/digest-schedule.ts';
import { ConfigError } from './errors.ts';
import type { DecisionSettings } from './knowledge/calibration/answer-decision.ts';
import { defaultThresholds } from './knowledge/knowledge-base.ts';
import type { OpenAiConfig } from './knowledge/openai-client.ts';
import type { LogLevel } from './log.ts';
import { type PersonRef, parsePerson } from './model/identity.ts';
import type { Platform } from './platform.ts';

export type { Env };

/**
 * Every key the desk itself reads; each platform adds its own (see platform.ts). The README's configuration
 * table is checked against all of them, so a key added without documentation fails the tests.
 */
export const coreKeys = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://desk.example.com' })
    .refine((v) => !/[?#]/.test(v), { error: 'must be an address without ?query or #fragment' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  DRAFTS_DIR: z.string().min(1).optional(),
  KNOWLEDGE_WATCH: z.enum(['true', 'false']).default('true'),
  LOCAL_EMBEDDINGS: z.enum(['true', 'false']).default('true'),
  // Unset, the desk chooses its answer threshold from its own outcomes (ANSWER_MAX_WRONG_RATE); set, it wins.
  ANSWER_MIN_CONFIDENCE: confidence.optional(),
  ANSWER_MAX_WRONG_RATE: share.default(0.1),
  CLARIFY_MIN_CONFIDENCE: confidence.default(defaultThresholds.clarify),
  // Every tier has a local queue by default, so nothing is announced into the void; `none` turns one off
  // (tier 1 always has one: new tickets must land somewhere).
  QUEUE_TIER1: place.default('local:#it-tier1'),
  QUEUE_TIER2: queue.default('local:#it-tier2'),
  QUEUE_TIER3: queue.default('local:#it-tier3'),
  QUEUE_VENDOR: queue.default('local:#it-vendor'),
  QUEUE_FEEDBACK: place.optional(),
  SLA_POLICIES_FILE: z.string().min(1).optional(),
  AUTO_CLOSE_DAYS: z.coerce.number().min(0).max(365).default(3),
  CSAT_EXPIRES_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  SURVEYS_DIR: z.string().min(1).default('./surveys'),
  COE_TIME_ZONE: z
    .string()
    .refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/London' })
    .default('Europe/London'),
  DASHBOARD_TOKEN: bearerToken.optional(),
  DIGEST_CRON: z
    .string()
    .superRefine((v, ctx) => {
      const problem = digestCronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default(defaultDigestCron),
  DIGEST_PLACES: list(place).default([]),
  METRICS_TOKEN: bearerToken.optional(),
  PULSE_MIN_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  PULSE_AFTER_CSAT_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(1000).default(5),
  STALE_AFTER_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 90)
    .default(24),
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(30),
  SLA_SWEEP_CRON: cron.default('* * * * *'),
  CALIBRATION_CRON: cron.default('0 4 * * 1'),
  ADMINS: list(
    z.string().refine((a) => parsePerson(a) !== undefined, {
      error:
        'must be identities such as local:alice, slack:T0123:U0456 or teams:<tenant id>:<user id>, comma-separated',
    }),
  ).default([]),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OPENAI_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  OPENAI_EMBEDDING_MODEL: z
    .string()
    .regex(/^[\w.:/-]{1,200}$/, 'must be an embedding model name, e.g. text-embedding-3-small')
    .optional(),
} as const;

const openaiOptional = ['OPENAI_BASE_URL', 'OPENAI_MODEL', 'OPENAI_TIMEOUT_MS', 'OPENAI_EMBEDDING_MODEL'] as const;

export interface CoreConfig {
  port: number;
  host: string;
  /** How people reach the desk (behind a proxy, say), without a trailing slash: answers link article pages. */
  publicUrl?: string;
  databaseUrl?: string;
  dataDir: string;
  knowledgeDir: string;
  /** Where `kb draft` writes, outside the live articles: `DRAFTS_DIR`, or `drafts` in `DATA_DIR`. */
  draftsDir: string;
  knowledgeWatch: boolean;
  /** Rank by meaning too, with the bundled model, unless an OpenAI embedding model is set instead. */
  localEmbeddings: boolean;
  thresholds: { answer: number; clarify: number };
  /** The wrong-answer target a calibration chooses the answer threshold for, unless one was set. */
  decision: DecisionSettings;
  queues: Queues;
  timers: { autoCloseDays: number; staleAfterHours: number };
  surveys: {
    csatExpiresDays: number;
    followUpQueue?: string;
    fatigue: { pulseMinDays: number; pulseAfterCsatDays: number };
    surveysDir: string;
    minGroupSize: number;
  };
  /** COE_TIME_ZONE: the CoE's own clock, which pulse schedules and the metrics' days are read in. */
  coeTimeZone: string;
  /** DASHBOARD_TOKEN: the bearer token leads and admins use for the metrics API; unset, it refuses everyone. */
  dashboardToken?: string;
  /** The weekly digest: when (cron in COE_TIME_ZONE) and where (`platform:address` places) it is posted. */
  digest: { cron: string; places: string[] };
  /** METRICS_TOKEN: the bearer token a Prometheus scrape of /metrics must send; unset, /metrics is open. */
  metricsToken?: string;
  /** Scheduled work (SLA sweep): on by default; a replica can leave it to others. */
  jobs: { enabled: boolean; slaSweepCron: string; calibrationCron: string };
  /** Messages and commands one person may send a minute, per process; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** A YAML file of SLA targets and the business calendar; unset, the built-in defaults apply. */
  slaPoliciesFile?: string;
  /** People who are admins from the start (more are added with `staff add`). */
  admins: PersonRef[];
  logLevel: LogLevel;
  openai?: OpenAiConfig;
}

/** The desk's settings, and each configured platform's under its name (`slack`, `teams`). */
export interface Config extends CoreConfig {
  readonly [platform: string]: unknown;
}

/** All keys read: the desk's and every platform's. */
export const keysOf = (platforms: readonly Pick<Platform, 'settings'>[]) =>
  Object.assign({}, coreKeys, ...platforms.map((p) => p.settings?.keys ?? {})) as Record<string, z.ZodType>;

type Core = z.infer<z.ZodObject<typeof coreKeys>>;

/** Pure: reads only the given env. Throws ConfigError naming every missing or invalid key at once. */
export function composeConfig(env: Env, platforms: readonly Pick<Platform, 'name' | 'settings'>[]): Config {
  const keys = keysOf(platforms);
  const input = Object.fromEntries(Object.keys(keys).map((k) => [k, nonEmpty(env[k])]));
  const parsed = z.object(keys).safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  }
  const values = parsed.success ? parsed.data : undefined;
  const settings = platforms.map((p) => [p.name, p.settings?.read(values, env, problems)] as const);
  if (nonEmpty(env.OPENAI_API_KEY) === undefined) {
    needs(env, openaiOptional, 'OpenAI is not configured (set OPENAI_API_KEY)', problems);
  }
  if (!values || problems.length > 0) throw new ConfigError(problems);
  const c = values as Core;
  if (c.CLARIFY_MIN_CONFIDENCE > (c.ANSWER_MIN_CONFIDENCE ?? defaultThresholds.answer)) {
    throw new ConfigError(['CLARIFY_MIN_CONFIDENCE must not be greater than ANSWER_MIN_CONFIDENCE']);
  }
  return {
    ...coreConfig(c),
    ...Object.fromEntries(settings.filter(([, s]) => s !== undefined)),
  };
}

function coreConfig(c: Core): CoreConfig {
  return {
    port: c.PORT,
    host: c.HOST,
    ...(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {}),
    ...(c.DATABASE_URL ? { databaseUrl: c.DATABASE_URL } : {}),
    dataDir: c.DATA_DIR,
    knowledgeDir: c.KNOWLEDGE_DIR,
    draftsDir: c.DRAFTS_DIR ?? join(c.DATA_DIR, 'drafts'),
    knowledgeWatch: c.KNOWLEDGE_WATCH === 'true',
    localEmbeddings: c.LOCAL_EMBEDDINGS === 'true',
    thresholds: { answer: c.ANSWER_MIN_CONFIDENCE ?? defaultThresholds.answer, clarify: c.CLARIFY_MIN_CONFIDENCE },
    decision: {
      maxWrongRate: c.ANSWER_MAX_WRONG_RATE,
      answerThreshold: c.ANSWER_MIN_CONFIDENCE ?? defaultThresholds.answer,
      thresholdFixed: c.ANSWER_MIN_CONFIDENCE !== undefined,
    },
    queues: {
      tier1: c.QUEUE_TIER1,
      ...Object.fromEntries(
        (
          [
            ['tier2', c.QUEUE_TIER2],
            ['tier3', c.QUEUE_TIER3],
            ['vendor', c.QUEUE_VENDOR],
          ] as const
        ).filter(([, where]) => where !== 'none'),
      ),
    },
    admins: c.ADMINS.map((a) => parsePerson(a) as PersonRef),
    ...(c.SLA_POLICIES_FILE ? { slaPoliciesFile: c.SLA_POLICIES_FILE } : {}),
    timers: { autoCloseDays: c.AUTO_CLOSE_DAYS, staleAfterHours: c.STALE_AFTER_HOURS },
    surveys: {
      csatExpiresDays: c.CSAT_EXPIRES_DAYS,
      fatigue: { pulseMinDays: c.PULSE_MIN_DAYS, pulseAfterCsatDays: c.PULSE_AFTER_CSAT_DAYS },
      surveysDir: c.SURVEYS_DIR,
      minGroupSize: c.MIN_GROUP_SIZE,
      ...(c.QUEUE_FEEDBACK ? { followUpQueue: c.QUEUE_FEEDBACK } : {}),
    },
    coeTimeZone: c.COE_TIME_ZONE,
    ...(c.DASHBOARD_TOKEN ? { dashboardToken: c.DASHBOARD_TOKEN } : {}),
    digest: { cron: c.DIGEST_CRON, places: c.DIGEST_PLACES },
    ...(c.METRICS_TOKEN ? { metricsToken: c.METRICS_TOKEN } : {}),
    jobs: { enabled: c.JOBS_ENABLED === 'true', slaSweepCron: c.SLA_SWEEP_CRON, calibrationCron: c.CALIBRATION_CRON },
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    logLevel: c.LOG_LEVEL,
    ...(c.OPENAI_API_KEY
      ? {
          openai: {
            apiKey: c.OPENAI_API_KEY,
            ...(c.OPENAI_BASE_URL ? { baseUrl: c.OPENAI_BASE_URL } : {}),
            model: c.OPENAI_MODEL,
            timeoutMs: c.OPENAI_TIMEOUT_MS,
            ...(c.OPENAI_EMBEDDING_MODEL ? { embeddingModel: c.OPENAI_EMBEDDING_MODEL } : {}),
          },
        }
      : {}),
  };
}
