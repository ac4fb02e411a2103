import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

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

/** One attempt per call, bounded by `timeoutMs`: a slow model must never hold up a reply. */
export function createOpenAiClient(config: OpenAiConfig, timeoutMs = config.timeoutMs): OpenAI {
  // Every option the SDK would otherwise read from the environment is given here: only main.ts reads it.
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? 'https://api.openai.com/v1',
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    logLevel: 'off',
    timeout: timeoutMs,
    maxRetries: 0,
  });
}

/** A failed call as a short reason for the log, plus what helps to tell such failures apart. */
export function describeOpenAiFailure(err: unknown): [string, Record<string, unknown>?] {
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) return ['timeout'];
  if (err instanceof APIConnectionError) return ['network', { error: err.message }];
  if (err instanceof APIError) return ['http_error', { status: err.status }];
  return ['unexpected', { error: err instanceof Error ? err.message : String(err) }];
}
