import type { App } from '@slack/bolt';
import { ConfigError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';

/**
 * Bolt's start-up, made explicit: the App is built with `deferInitialization` and `init()` (auth.test, which
 * learns the bot's own user id) runs here. Slack refusing the token stops start-up with a ConfigError naming
 * the key; Slack being unreachable does not: the other front doors serve while this keeps trying in the
 * background with back-off, and `problem()` says what /healthz should report meanwhile.
 */
export interface SlackConnection {
  /** The first attempt; resolves unless Slack refused a token. */
  start(): Promise<void>;
  /** Whether Bolt is initialised and may be handed requests. */
  ready(): boolean;
  /** Undefined when connected; otherwise what is wrong, for /healthz ("starting: …", "stopped: …"). */
  problem(): string | undefined;
  stop(): void;
}

export interface ConnectionTiming {
  /** How long start-up waits for the first attempt before going on without Slack. */
  firstAttemptMs: number;
  /** The first wait between attempts; it doubles up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
}

export const defaultConnectionTiming: ConnectionTiming = { firstAttemptMs: 8000, retryMs: 2000, maxRetryMs: 60_000 };

/** Slack's answers that mean the token itself is wrong: retrying cannot help, a person must fix the setting. */
const refusals = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

type Outcome = { ok: true } | { ok: false; refused: boolean; detail: string };

/** What went wrong, in words an operator can act on, from the Web API client's coded errors. */
function describe(err: unknown): { refused: boolean; detail: string } {
  const e = err as {
    code?: string;
    data?: { error?: string };
    statusCode?: number;
    original?: { code?: string; message?: string };
    message?: string;
  };
  if (e.code === 'slack_webapi_platform_error') {
    const error = e.data?.error ?? 'unknown_error';
    return { refused: refusals.has(error), detail: `Slack answered ${error}` };
  }
  if (e.code === 'slack_webapi_http_error') return { refused: false, detail: `Slack answered HTTP ${e.statusCode}` };
  if (e.code === 'slack_webapi_rate_limited_error') return { refused: false, detail: 'Slack is rate limiting the app' };
  if (e.code === 'slack_webapi_request_error') {
    return {
      refused: false,
      detail: `cannot reach Slack (${e.original?.code ?? e.original?.message ?? 'network error'})`,
    };
  }
  return { refused: false, detail: e.message ?? String(err) };
}

const jittered = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

export function createSlackConnection(
  app: App,
  options: { socketMode: boolean; log: Logger; timing?: ConnectionTiming },
): SlackConnection {
  const { socketMode, log } = options;
  const timing = options.timing ?? defaultConnectionTiming;
  let state: { kind: 'starting' | 'stopped'; detail: string } | { kind: 'ready' } = {
    kind: 'starting',
    detail: 'connecting to Slack',
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Which token a refusal is about: the bot token (auth.test) or, in Socket Mode, the app-level token.
  let step: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' = 'SLACK_BOT_TOKEN';

  const attempt = async (): Promise<Outcome> => {
    try {
      step = 'SLACK_BOT_TOKEN';
      await app.init();
      if (socketMode && !stopped) {
        step = 'SLACK_APP_TOKEN';
        await app.start();
      }
      return { ok: true };
    } catch (err) {
      return { ok: false, ...describe(err) };
    }
  };

  const refusal = (detail: string) =>
    `${step} was refused by Slack (${detail.replace(/^Slack answered /, '')}): set it to the app's ${
      step === 'SLACK_BOT_TOKEN' ? 'Bot User OAuth Token (xoxb-…, Install App page)' : 'app-level token (xapp-…)'
    }, and check the app is still installed in the workspace`;

  const connected = () => {
    state = { kind: 'ready' };
    log.info('slack connected');
  };

  /** After a failed first attempt (or one still under way), keep trying until connected, refused or stopped. */
  const keepTrying = async (pending: Promise<Outcome>) => {
    let outcome = await pending;
    let wait = timing.retryMs;
    while (!outcome.ok && !outcome.refused && !stopped) {
      state = { kind: 'starting', detail: `${outcome.detail}; retrying` };
      log.warn('slack not connected yet, retrying', { problem: outcome.detail, retryInMs: wait });
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, jittered(wait));
        timer.unref();
      });
      wait = Math.min(wait * 2, timing.maxRetryMs);
      if (stopped) return;
      outcome = await attempt();
    }
    if (stopped) return;
    if (outcome.ok) return connected();
    state = { kind: 'stopped', detail: refusal(outcome.detail) };
    log.error('slack stopped: the token was refused', { problem: state.detail });
  };

  return {
    async start() {
      const first = attempt();
      const waited = await Promise.race([
        first,
        new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), timing.firstAttemptMs).unref()),
      ]);
      if (waited !== 'pending' && waited.ok) return connected();
      if (waited !== 'pending' && waited.refused) throw new ConfigError([refusal(waited.detail)]);
      const detail = waited === 'pending' ? 'Slack has not answered yet' : waited.detail;
      state = { kind: 'starting', detail: `${detail}; retrying` };
      void keepTrying(first);
    },
    ready: () => state.kind === 'ready',
    problem: () => (state.kind === 'ready' ? undefined : `${state.kind}: ${state.detail}`),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
