import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { describeOpenAiFailure } from '../knowledge/openai-client.ts';
import { type Classified, feedbackClasses } from './feedback-class.ts';

const instructions = [
  'You classify feedback that employees give their IT help desk. Reply with one class and a sentiment.',
  'class: appreciation (happy with the service), undertone (a first, small sign of dissatisfaction),',
  'concern (worry about the service), complaint (expectations not met) or escalation (the highest',
  'dissatisfaction: anger, repeated failures, asking for a manager or a formal complaint).',
  'Mind negation ("not happy" is not appreciation, "not bad" is not a complaint) and mixed feedback',
  '("thanks, but it took a week" is an undertone). The feedback may be in any language.',
  'sentiment: a number from -1 (very unhappy) to 1 (delighted), 0 for neutral.',
].join(' ');

/** What the model is asked for (a strict JSON schema); its answer is checked again, range included. */
const output = z.strictObject({ class: z.enum(feedbackClasses), sentiment: z.number() });
const checked = output.extend({ sentiment: z.number().min(-1).max(1) });
const responseFormat = zodResponseFormat(output, 'feedback_class');

/** Long comments are cut: the opening says what matters, and the request stays small and fast. */
const maxCommentChars = 4000;

export type OpenAiClassification =
  | { ok: true; classified: Classified }
  | { ok: false; reason: string; fields?: Record<string, unknown> };

/** One attempt, bounded by `timeoutMs`. Only the comment's text is sent: no names, ids or ratings. */
export async function classifyByOpenAi(
  client: OpenAI,
  model: string,
  comment: string,
  timeoutMs: number,
): Promise<OpenAiClassification> {
  try {
    const completion = await client.chat.completions.create(
      {
        model,
        messages: [
          { role: 'system', content: instructions },
          { role: 'user', content: comment.slice(0, maxCommentChars) },
        ],
        response_format: responseFormat,
        max_completion_tokens: 50,
      },
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    const choice = completion.choices[0];
    if (choice?.message.refusal) return { ok: false, reason: 'refused' };
    let json: unknown;
    try {
      json = JSON.parse(choice?.message.content ?? '');
    } catch {
      return { ok: false, reason: 'not_json' };
    }
    const parsed = checked.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'wrong_shape' };
    const sentiment = Math.round(parsed.data.sentiment * 100) / 100;
    return { ok: true, classified: { class: parsed.data.class, sentiment, by: 'openai' } };
  } catch (err) {
    const [reason, fields] = describeOpenAiFailure(err);
    return { ok: false, reason, ...(fields ? { fields } : {}) };
  }
}
