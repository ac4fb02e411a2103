import type { DeskContext } from '../desk-context.ts';
import type { OpenAiConfig } from '../knowledge/openai-client.ts';
import type { Classified } from './feedback-class.ts';
import { createFeedbackClassifier, type FeedbackClassifier } from './feedback-classifier.ts';
import { defaultFeedbackWords } from './read-feedback-words.ts';

/** Classes a comment (with the score given with it, if any); never throws. */
export type ClassifyFeedback = (ctx: DeskContext, comment: string, rating?: number) => Promise<Classified>;

/** How one desk handles what people say: how it classes it, and where follow-ups are announced. */
export interface FeedbackHandling {
  classify: ClassifyFeedback;
  /** QUEUE_FEEDBACK; unset, the queue of the tier the follow-up opens at. */
  followUpQueue?: string;
}

/**
 * One desk's classing of comments: by OpenAI when `openai` is set, by the word lists otherwise or when it
 * fails. The classifier is made on first use, with the desk's log, and kept for the desk's lifetime.
 */
export function feedbackClassing(openai: OpenAiConfig | undefined): ClassifyFeedback {
  let classifier: FeedbackClassifier | undefined;
  return (ctx, comment, rating) => {
    classifier ??= createFeedbackClassifier({
      ...(openai ? { openai } : {}),
      words: defaultFeedbackWords(),
      log: ctx.log,
    });
    return classifier.classify(comment, rating);
  };
}
