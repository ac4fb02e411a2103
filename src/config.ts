import { z } from 'zod';
import { parsePerson } from './commands/parse-person.ts';
import { ConfigError } from './errors.ts';
import type { PersonRef } from './inbound.ts';
import { defaultThresholds } from './knowledge/knowledge-base.ts';
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
  LOCAL_EMBEDDINGS: z.enum(['true', 'false']).default('true'),
  ANSWER_MIN_CONFIDENCE: confidence.default(defaultThresholds.answer),
  CLARIFY_MIN_CONFIDENCE: confidence.default(defaultThresholds.clarify),
  QUEUE_TIER1: place.default('local:#it-tier1'),
  QUEUE_TIER2: place.optional(),
  QUEUE_TIER3: place.optional(),
  QUEUE_VENDOR: place.optional(),
  SLA_POLICIES_FILE: z.string().min(1).optional(),
  AUTO_CLOSE_DAYS: z.coerce.number().min(0).max(365).default(3),
  STALE_AFTER_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 90)
    .default(24),
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  SLA_SWEEP_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'must be a 5-field cron expression, e.g. "* * * * *"')
    .default('* * * * *'),
  ADMINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().refine((a) => parsePerson(a) !== undefined, {
          error:
            'must be identities such as local:alice, slack:T0123:U0456 or teams:<tenant id>:<user id>, comma-separated',
        }),
      ),
    )
    .default([]),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token (xoxb-…)')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token (xapp-…)')
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`))
    .optional(),
  SLACK_SUPPORT_CHANNELS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[CG][A-Z0-9]+$/, 'must be channel ids such as C0123ABCD, comma-separated')))
    .optional(),
  MICROSOFT_APP_ID: z.uuid("must be the bot's app id (a GUID)").optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).default('false'),
  TEAMS_OPENID_METADATA_URL: z.url({ error: 'must be a URL' }).optional(),
  TEAMS_LOGIN_URL: z.url({ error: 'must be a URL' }).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OPENAI_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  OPENAI_EMBEDDING_MODEL: z
    .string()
    .regex(/^[\w.:/-]{1,200}$/, 'must be an embedding model name, e.g. text-embedding-3-small')
    .optional(),
} as const;

const teamsRequired = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const;

/** Keys that only mean something when their platform's required keys are set. */
const slackRequired = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
const slackOptional = ['SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_SUPPORT_CHANNELS'] as const;
const openaiOptional = ['OPENAI_BASE_URL', 'OPENAI_MODEL', 'OPENAI_TIMEOUT_MS', 'OPENAI_EMBEDDING_MODEL'] as const;

export type ConfigKey = keyof typeof configKeys;

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  knowledgeDir: string;
  knowledgeWatch: boolean;
  /** Rank by meaning too, with the bundled model, unless an OpenAI embedding model is set instead. */
  localEmbeddings: boolean;
  thresholds: { answer: number; clarify: number };
  queues: Queues;
  timers: { autoCloseDays: number; staleAfterHours: number };
  /** Scheduled work (SLA sweep): on by default; a replica can leave it to others. */
  jobs: { enabled: boolean; slaSweepCron: string };
  /** A YAML file of SLA targets and the business calendar; unset, the built-in defaults apply. */
  slaPoliciesFile?: string;
  /** People who are admins from the start (more are added with `staff add`). */
  admins: PersonRef[];
  logLevel: LogLevel;
  slack?: SlackConfig;
  teams?: TeamsConfig;
  openai?: OpenAiConfig;
}

/** Answers composed by a model from the top articles; absent, answers are the articles themselves. */
export interface OpenAiConfig {
  apiKey: string;
  /** Unset: OpenAI's own API. */
  baseUrl?: string;
  model: string;
  /** The whole call, retries included: past it the plain article answer goes out. */
  timeoutMs: number;
  /** Set: articles and questions are also embedded with this model and ranked by meaning. */
  embeddingModel?: string;
}

export interface TeamsConfig {
  /** Absent only with TEAMS_ALLOW_UNAUTHENTICATED: then no token is checked or sent (local testing). */
  credentials?: {
    appId: string;
    password: string;
    tenantId: string;
    appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  };
  /** Where Bot Framework's token signing keys are published (a local server in tests). */
  openIdMetadataUrl?: string;
  /** Where the bot gets its own tokens for replies (a local server in tests). */
  loginUrl?: string;
}

/** Where each tier's queue cards are posted, as `platform:address`; tier 1 always has one. */
export type Queues = { tier1: string } & Partial<Record<'tier2' | 'tier3' | 'vendor', string>>;

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Set: connect over Socket Mode instead of receiving HTTP requests on /slack/events. */
  appToken?: string;
  /** The Web API base URL, ending in `/`. */
  apiUrl: string;
  /** Channels where every top-level message is treated as a question. */
  supportChannels: string[];
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
  const slackKeys = group(env, slackRequired, problems);
  if (!slackKeys) {
    for (const k of slackOptional) {
      if (nonEmpty(env[k]) !== undefined)
        problems.push(`${k} is set but Slack is not configured (set ${slackRequired.join(' and ')})`);
    }
  }
  const teamsKeys = group(env, teamsRequired, problems);
  if (nonEmpty(env.OPENAI_API_KEY) === undefined) {
    for (const k of openaiOptional) {
      if (nonEmpty(env[k]) !== undefined)
        problems.push(`${k} is set but OpenAI is not configured (set OPENAI_API_KEY)`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  if (c.CLARIFY_MIN_CONFIDENCE > c.ANSWER_MIN_CONFIDENCE) {
    throw new ConfigError(['CLARIFY_MIN_CONFIDENCE must not be greater than ANSWER_MIN_CONFIDENCE']);
  }
  const slack: SlackConfig | undefined =
    slackKeys && c.SLACK_BOT_TOKEN && c.SLACK_SIGNING_SECRET
      ? {
          botToken: c.SLACK_BOT_TOKEN,
          signingSecret: c.SLACK_SIGNING_SECRET,
          ...(c.SLACK_APP_TOKEN ? { appToken: c.SLACK_APP_TOKEN } : {}),
          apiUrl: c.SLACK_API_URL ?? 'https://slack.com/api/',
          supportChannels: c.SLACK_SUPPORT_CHANNELS ?? [],
        }
      : undefined;
  const unauthenticated = c.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  if (teamsKeys && unauthenticated) {
    throw new ConfigError(['TEAMS_ALLOW_UNAUTHENTICATED=true cannot be combined with Microsoft app credentials']);
  }
  const teams: TeamsConfig | undefined =
    teamsKeys || unauthenticated
      ? {
          ...(teamsKeys
            ? {
                credentials: {
                  appId: teamsKeys.MICROSOFT_APP_ID,
                  password: teamsKeys.MICROSOFT_APP_PASSWORD,
                  tenantId: teamsKeys.MICROSOFT_APP_TENANT_ID,
                  appType: c.MICROSOFT_APP_TYPE,
                },
              }
            : {}),
          ...(c.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: c.TEAMS_OPENID_METADATA_URL } : {}),
          ...(c.TEAMS_LOGIN_URL ? { loginUrl: c.TEAMS_LOGIN_URL } : {}),
        }
      : undefined;
  return {
    port: c.PORT,
    host: c.HOST,
    ...(c.DATABASE_URL ? { databaseUrl: c.DATABASE_URL } : {}),
    dataDir: c.DATA_DIR,
    knowledgeDir: c.KNOWLEDGE_DIR,
    knowledgeWatch: c.KNOWLEDGE_WATCH === 'true',
    localEmbeddings: c.LOCAL_EMBEDDINGS === 'true',
    thresholds: { answer: c.ANSWER_MIN_CONFIDENCE, clarify: c.CLARIFY_MIN_CONFIDENCE },
    queues: {
      tier1: c.QUEUE_TIER1,
      ...(c.QUEUE_TIER2 ? { tier2: c.QUEUE_TIER2 } : {}),
      ...(c.QUEUE_TIER3 ? { tier3: c.QUEUE_TIER3 } : {}),
      ...(c.QUEUE_VENDOR ? { vendor: c.QUEUE_VENDOR } : {}),
    },
    admins: c.ADMINS.map((a) => parsePerson(a) as PersonRef),
    ...(c.SLA_POLICIES_FILE ? { slaPoliciesFile: c.SLA_POLICIES_FILE } : {}),
    timers: { autoCloseDays: c.AUTO_CLOSE_DAYS, staleAfterHours: c.STALE_AFTER_HOURS },
    jobs: { enabled: c.JOBS_ENABLED === 'true', slaSweepCron: c.SLA_SWEEP_CRON },
    logLevel: c.LOG_LEVEL,
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
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
