import type { Logger } from '../../log.ts';
import type { OpenAiConfig } from '../openai-client.ts';
import { createOpenAiClient, describeOpenAiFailure } from '../openai-client.ts';
import { type Embedder, type EmbedOutcome, embeddingText, maxQuestionMs } from './embed-text.ts';
import { parseEmbeddings } from './parse-embeddings.ts';

/**
 * Embeddings from an OpenAI model (or a compatible server). One attempt per request: a batch of articles
 * within OPENAI_TIMEOUT_MS, a question within that or 2 s, whichever is shorter.
 */
export function createOpenAiEmbedder(config: OpenAiConfig, model: string, log: Logger): Embedder {
  const client = createOpenAiClient(config);
  const questionMs = Math.min(config.timeoutMs, maxQuestionMs);
  const embed = async (input: string[], timeoutMs: number, signal?: AbortSignal): Promise<EmbedOutcome> => {
    const limit = AbortSignal.timeout(timeoutMs);
    try {
      const response = await client.embeddings.create(
        // Floats as JSON, not the SDK's default base64: every compatible server speaks it, and it is checked
        // like any other outside input.
        { model, input, encoding_format: 'float' },
        { timeout: timeoutMs, signal: signal ? AbortSignal.any([limit, signal]) : limit },
      );
      return parseEmbeddings(response, input.length);
    } catch (err) {
      const [reason, fields] = describeOpenAiFailure(err);
      return { ok: false, reason: fields?.status ? `${reason} ${fields.status}` : reason };
    }
  };
  return {
    kind: 'openai',
    model,
    embedArticles: (articles, signal) => embed(articles.map(embeddingText), config.timeoutMs, signal),
    async embedQuestion(question) {
      const started = Date.now();
      const outcome = await embed([question], questionMs);
      if (outcome.ok) return outcome.vectors[0];
      log.warn('question embedding failed, ranking by words alone', {
        reason: outcome.reason,
        model,
        ms: Date.now() - started,
      });
      return undefined;
    },
  };
}
