import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { group } from '../../src/config-groups.ts';
import { ConfigError } from '../../src/errors.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { configKeys, loadConfig } from '../../src/main.ts';
import { parseSlaPolicies } from '../../src/sla/sla-policy-file.ts';

describe('loadConfig', () => {
  it('runs with no configuration at all, on defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      knowledgeDir: './knowledge',
      // Outside the live articles, next to the database, and ignored by git (data/ is).
      draftsDir: 'data/drafts',
      knowledgeWatch: true,
      localEmbeddings: true,
      thresholds: { answer: 0.85, clarify: 0.55 },
      // No threshold set: the desk may choose its own from its outcomes, for at most 10 % wrong answers.
      decision: { maxWrongRate: 0.1, answerThreshold: 0.85, thresholdFixed: false },
      queues: {
        tier1: 'local:#it-tier1',
        tier2: 'local:#it-tier2',
        tier3: 'local:#it-tier3',
        vendor: 'local:#it-vendor',
      },
      admins: [],
      timers: { autoCloseDays: 3, staleAfterHours: 24 },
      surveys: {
        csatExpiresDays: 14,
        fatigue: { pulseMinDays: 30, pulseAfterCsatDays: 7 },
        surveysDir: './surveys',
        minGroupSize: 5,
      },
      coeTimeZone: 'Europe/London',
      digest: { cron: '0 9 * * 1', places: [] },
      jobs: { enabled: true, slaSweepCron: '* * * * *', calibrationCron: '0 4 * * 1' },
      rateLimitPerMinute: 30,
      logLevel: 'info',
    });
  });

  it('reads every key it documents', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://desk@db:5432/tierdesk',
      DATA_DIR: '/var/lib/tierdesk',
      KNOWLEDGE_DIR: '/srv/kb',
      KNOWLEDGE_WATCH: 'false',
      LOCAL_EMBEDDINGS: 'false',
      ANSWER_MIN_CONFIDENCE: '0.7',
      CLARIFY_MIN_CONFIDENCE: '0.4',
      QUEUE_TIER1: 'slack:C0123',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      draftsDir: '/var/lib/tierdesk/drafts',
      databaseUrl: 'postgres://desk@db:5432/tierdesk',
      knowledgeWatch: false,
      localEmbeddings: false,
      thresholds: { answer: 0.7, clarify: 0.4 },
      // Set explicitly, the threshold wins over one a calibration would choose.
      decision: { answerThreshold: 0.7, thresholdFixed: true },
      queues: { tier1: 'slack:C0123' },
      logLevel: 'debug',
    });
  });

  it('reads the wrong-answer target as a share, and refuses one that is not', () => {
    expect(loadConfig({ ANSWER_MAX_WRONG_RATE: '0.05' }).decision.maxWrongRate).toBe(0.05);
    expect(() => loadConfig({ ANSWER_MAX_WRONG_RATE: '10' })).toThrow(/ANSWER_MAX_WRONG_RATE/);
  });

  it('writes drafts to DRAFTS_DIR when it is set', () => {
    expect(loadConfig({ DRAFTS_DIR: '/srv/kb-drafts' }).draftsDir).toBe('/srv/kb-drafts');
  });

  it('gives every tier a local queue unless it is set to none', () => {
    const config = loadConfig({ QUEUE_TIER3: 'none', QUEUE_VENDOR: 'teams:19:vendor@thread.tacv2' });
    expect(config.queues).toEqual({
      tier1: 'local:#it-tier1',
      tier2: 'local:#it-tier2',
      vendor: 'teams:19:vendor@thread.tacv2',
    });
    expect(() => loadConfig({ QUEUE_TIER1: 'none' })).toThrow(ConfigError);
  });

  it('names every invalid key at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        QUEUE_TIER1: 'tier1',
        ANSWER_MIN_CONFIDENCE: '2',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'QUEUE_TIER1', 'ANSWER_MIN_CONFIDENCE']) {
        expect(problems).toContain(key);
      }
    }
  });

  it('reads the ticket timers, scheduled work and admins', () => {
    expect(
      loadConfig({
        AUTO_CLOSE_DAYS: '7',
        STALE_AFTER_HOURS: '48',
        JOBS_ENABLED: 'false',
        SLA_SWEEP_CRON: '*/5 * * * *',
        CALIBRATION_CRON: '0 5 * * 1',
        ADMINS: 'local:ann, slack:T1:U2',
      }),
    ).toMatchObject({
      timers: { autoCloseDays: 7, staleAfterHours: 48 },
      jobs: { enabled: false, slaSweepCron: '*/5 * * * *', calibrationCron: '0 5 * * 1' },
      admins: [
        { platform: 'local', workspace: 'local', userId: 'ann' },
        { platform: 'slack', workspace: 'T1', userId: 'U2' },
      ],
    });
    expect(() => loadConfig({ ADMINS: 'ann' })).toThrow(/ADMINS/);
    expect(() => loadConfig({ SLA_SWEEP_CRON: 'every minute' })).toThrow(/SLA_SWEEP_CRON/);
  });

  it('refuses a clarify threshold above the answer threshold', () => {
    expect(() => loadConfig({ ANSWER_MIN_CONFIDENCE: '0.3', CLARIFY_MIN_CONFIDENCE: '0.5' })).toThrow(
      /CLARIFY_MIN_CONFIDENCE/,
    );
  });

  it('reads the public address answers link article pages at, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://desk.example.com/' }).publicUrl).toBe('https://desk.example.com');
    expect(loadConfig({ PUBLIC_URL: 'https://example.com/it-desk' }).publicUrl).toBe('https://example.com/it-desk');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'desk.example.com' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://desk.example.com/?x=1' })).toThrow(/PUBLIC_URL/);
  });

  it('reads the CoE time zone and the dashboard token, refusing a short or spaced token and keeping it out of logs', () => {
    const token = 'lead-token-0123456789abcdef';
    const config = loadConfig({ COE_TIME_ZONE: 'America/New_York', DASHBOARD_TOKEN: token });
    expect(config).toMatchObject({ coeTimeZone: 'America/New_York', dashboardToken: token });
    expect(loadConfig({}).dashboardToken).toBeUndefined();
    expect(() => loadConfig({ DASHBOARD_TOKEN: 'short-token' })).toThrow(/DASHBOARD_TOKEN: must be at least 24/);
    expect(() => loadConfig({ DASHBOARD_TOKEN: `${token} more` })).toThrow(/DASHBOARD_TOKEN/);
    expect(() => loadConfig({ COE_TIME_ZONE: 'Mars/Olympus' })).toThrow(/COE_TIME_ZONE/);
    const log = createMemoryLogger();
    log.info('config', { config });
    expect(JSON.stringify(log.lines)).not.toContain(token);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '  ', DATABASE_URL: '' }).port).toBe(3000);
  });
});

describe('Slack settings', () => {
  const complete = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abcdef0123456789' };

  it("turns Slack on with a bot token and signing secret, with Slack's API by default", () => {
    expect(loadConfig(complete).slack).toEqual({
      botToken: 'xoxb-1-2',
      signingSecret: 'abcdef0123456789',
      apiUrl: 'https://slack.com/api/',
      supportChannels: [],
    });
    expect(loadConfig({}).slack).toBeUndefined();
  });

  it('reads the optional keys', () => {
    const slack = loadConfig({
      ...complete,
      SLACK_APP_TOKEN: 'xapp-1-2',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_SUPPORT_CHANNELS: 'C0HELP, G0PRIVATE',
    }).slack;
    expect(slack).toMatchObject({
      appToken: 'xapp-1-2',
      apiUrl: 'http://127.0.0.1:9999/api/',
      supportChannels: ['C0HELP', 'G0PRIVATE'],
    });
  });

  it('refuses a half-set group, naming what is missing', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET is missing/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 'abcdef0123456789' })).toThrow(/SLACK_BOT_TOKEN is missing/);
    expect(() => loadConfig({ SLACK_SUPPORT_CHANNELS: 'C1' })).toThrow(
      /SLACK_SUPPORT_CHANNELS is set but Slack is not configured/,
    );
  });

  it('refuses tokens of the wrong kind and malformed channel ids', () => {
    expect(() => loadConfig({ ...complete, SLACK_BOT_TOKEN: 'xoxp-user-token' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ ...complete, SLACK_APP_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN/);
    expect(() => loadConfig({ ...complete, SLACK_SUPPORT_CHANNELS: '#help' })).toThrow(/SLACK_SUPPORT_CHANNELS/);
  });
});

describe('Teams settings', () => {
  const credentials = {
    MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
    MICROSOFT_APP_PASSWORD: 'secret',
    MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com',
  };

  it('turns Teams on with credentials (single tenant by default), or unauthenticated only when asked', () => {
    expect(loadConfig(credentials).teams).toEqual({
      credentials: {
        appId: credentials.MICROSOFT_APP_ID,
        password: 'secret',
        tenantId: 'contoso.onmicrosoft.com',
        appType: 'SingleTenant',
      },
    });
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams).toEqual({});
    expect(loadConfig({}).teams).toBeUndefined();
  });

  it('refuses half-set credentials, a malformed app id, and credentials with unauthenticated mode', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: credentials.MICROSOFT_APP_ID })).toThrow(
      /MICROSOFT_APP_PASSWORD is missing/,
    );
    expect(() => loadConfig({ ...credentials, MICROSOFT_APP_ID: 'my-bot' })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => loadConfig({ ...credentials, TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toThrow(/cannot be combined/);
    expect(() => loadConfig({ ...credentials, MICROSOFT_APP_TYPE: 'Anyone' })).toThrow(/MICROSOFT_APP_TYPE/);
  });
});

describe('OpenAI settings', () => {
  it('turns composed answers on with an API key, on OpenAI itself, gpt-4o-mini and an 8 s limit by default', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-abc' }).openai).toEqual({
      apiKey: 'sk-abc',
      model: 'gpt-4o-mini',
      timeoutMs: 8000,
    });
    expect(loadConfig({}).openai).toBeUndefined();
  });

  it('reads the optional keys', () => {
    expect(
      loadConfig({
        OPENAI_API_KEY: 'sk-abc',
        OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
        OPENAI_MODEL: 'gpt-4.1-mini',
        OPENAI_TIMEOUT_MS: '300',
      }).openai,
    ).toEqual({ apiKey: 'sk-abc', baseUrl: 'http://127.0.0.1:9999/v1', model: 'gpt-4.1-mini', timeoutMs: 300 });
  });

  it('refuses settings without a key, a malformed URL and an unusable time limit', () => {
    expect(() => loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1' })).toThrow(
      /OPENAI_BASE_URL is set but OpenAI is not configured \(set OPENAI_API_KEY\)/,
    );
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-abc', OPENAI_BASE_URL: 'ftp://x' })).toThrow(/OPENAI_BASE_URL/);
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-abc', OPENAI_TIMEOUT_MS: 'soon' })).toThrow(/OPENAI_TIMEOUT_MS/);
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-abc', OPENAI_TIMEOUT_MS: '0' })).toThrow(/OPENAI_TIMEOUT_MS/);
  });

  it('turns embeddings on only with a key and an embedding model', () => {
    expect(
      loadConfig({ OPENAI_API_KEY: 'sk-abc', OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small' }).openai,
    ).toMatchObject({ embeddingModel: 'text-embedding-3-small' });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-abc' }).openai).not.toHaveProperty('embeddingModel');
    expect(() => loadConfig({ OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small' })).toThrow(
      /OPENAI_EMBEDDING_MODEL is set but OpenAI is not configured/,
    );
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-abc', OPENAI_EMBEDDING_MODEL: 'two words' })).toThrow(
      /OPENAI_EMBEDDING_MODEL/,
    );
  });

  it('keeps the key out of log lines', () => {
    const log = createMemoryLogger();
    log.info('config', { config: loadConfig({ OPENAI_API_KEY: 'sk-secret-key' }) });
    expect(JSON.stringify(log.lines)).not.toContain('sk-secret-key');
  });
});

describe('group', () => {
  const keys = ['A_TOKEN', 'A_SECRET', 'A_ID'] as const;

  it('is absent when none of its keys is set, and complete when all are', () => {
    const problems: string[] = [];
    expect(group({}, keys, problems)).toBeUndefined();
    expect(group({ A_TOKEN: 't', A_SECRET: 's', A_ID: 'i' }, keys, problems)).toEqual({
      A_TOKEN: 't',
      A_SECRET: 's',
      A_ID: 'i',
    });
    expect(problems).toEqual([]);
  });

  it('names each missing key of a half-filled group', () => {
    const problems: string[] = [];
    expect(group({ A_TOKEN: 't' }, keys, problems)).toBeUndefined();
    expect(problems).toEqual([
      'A_SECRET is missing (needed together with A_TOKEN)',
      'A_ID is missing (needed together with A_TOKEN)',
    ]);
  });
});

describe('README SLA example', () => {
  it('is a policy file the desk accepts', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const yaml = /SLA_POLICIES_FILE`:\s*\n\s*```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const policies = parseSlaPolicies(yaml ?? '');
    expect(policies.calendar.holidays).toEqual(['2026-12-25', '2026-12-28']);
    expect(policies.targets.P2.calendar).toBe('business');
  });
});

describe('README configuration table', () => {
  it('lists exactly the keys the schema reads', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
    const documented = [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(configKeys).sort());
  });
});
