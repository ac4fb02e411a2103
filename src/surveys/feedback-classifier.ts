import type { OpenAiConfig } from '../knowledge/openai-client.ts';
import { createOpenAiClient } from '../knowledge/openai-client.ts';
import type { Logger } from '../log.ts';
import { classifyByOpenAi } from './classify-by-openai.ts';
import { classifyByRules } from './classify-by-rules.ts';
import { atLeast, type Classified, ratingFloor } from './feedback-class.ts';
import type { FeedbackWords } from './feedback-words.ts';
import { indexFeedbackWords } from './find-feedback-words.ts';

export interface FeedbackClassifier {
  /** Never throws: without OpenAI, or when it fails, the word lists decide. */
  classify(comment: string, rating?: number): Promise<Classified>;
}

export interface FeedbackClassifierOptions {
  /** Set: comments are classed by this model, with the word lists as the fallback. */
  openai?: OpenAiConfig;
  words: FeedbackWords;
  log: Logger;
  /** The whole OpenAI call; unset, the answer-synthesis limit (`OPENAI_TIMEOUT_MS`). */
  timeoutMs?: number;
}

/**
 * Classes feedback by OpenAI when configured, else by the rules (classify-by-rules.ts). A failed OpenAI call
 * (timeout, error, malformed answer) is logged once, as one warning without the comment, and the rules
 * answer instead. A rating's floor holds either way: a 1 is at least a complaint.
 */
export function createFeedbackClassifier({
  openai,
  words,
  log,
  timeoutMs,
}: FeedbackClassifierOptions): FeedbackClassifier {
  const index = indexFeedbackWords(words);
  const limit = timeoutMs ?? openai?.timeoutMs ?? 0;
  const client = openai ? createOpenAiClient(openai, limit) : undefined;
  return {
    async classify(comment, rating) {
      const byRules = () => classifyByRules(comment, index, rating);
      if (!openai || !client || comment.trim() === '') return byRules();
      const started = Date.now();
      const result = await classifyByOpenAi(client, openai.model, comment, limit);
      if (result.ok) {
        const { classified } = result;
        return { ...classified, class: atLeast(classified.class, ratingFloor(rating)) };
      }
      log.warn('feedback classification failed, classing by the word lists', {
        reason: result.reason,
        ...result.fields,
        model: openai.model,
        ms: Date.now() - started,
      });
      return byRules();
    },
  };
}
