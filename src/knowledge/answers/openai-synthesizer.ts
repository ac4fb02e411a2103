import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from '../../log.ts';
import type { OpenAiConfig } from '../openai-client.ts';
import { createOpenAiClient, describeOpenAiFailure } from '../openai-client.ts';
import { parseSynthesis, synthesisOutput } from './parse-synthesis.ts';
import type { SynthesisRequest, Synthesizer } from './synthesize-answer.ts';

const instructions = [
  'You answer IT support questions for employees, using only the knowledge base articles provided.',
  'Write a short, direct answer (at most about 150 words; numbered steps where steps help).',
  'Use only **bold**, _italic_, `code` and "- " or "1. " lists; no headings, tables or HTML.',
  'cited_article_ids: the ids of the articles your answer relies on, most relevant first.',
  'Never state anything the articles do not support, and never invent links, phone numbers or names.',
  'Set escalate to true when the articles do not answer the question, or it needs a person to act',
  '(an outage, a broken device, access only staff can grant); then keep the answer to one sentence.',
  'Reply in the language of the question.',
].join(' ');

/** Long articles are cut: the opening paragraphs carry the answer, and the request stays small and fast. */
const maxBodyChars = 6000;
const responseFormat = zodResponseFormat(synthesisOutput, 'support_answer');

/**
 * Answers composed by an OpenAI model (or a compatible server at `baseUrl`). One attempt, bounded by the
 * configured time limit end to end; any failure is logged once and answered with the article instead.
 */
export function createOpenAiSynthesizer(config: OpenAiConfig, log: Logger): Synthesizer {
  const client = createOpenAiClient(config);
  return {
    kind: 'openai',
    async compose(request: SynthesisRequest) {
      const started = Date.now();
      const fallBack = (reason: string, fields: Record<string, unknown> = {}) => {
        log.warn('answer synthesis failed, answering with the article', {
          reason,
          ...fields,
          model: config.model,
          ms: Date.now() - started,
        });
        return undefined;
      };
      const articles = request.articles.map((a) => ({ id: a.id, title: a.title, body: a.body.slice(0, maxBodyChars) }));
      try {
        const completion = await client.chat.completions.create(
          {
            model: config.model,
            messages: [
              { role: 'system', content: instructions },
              { role: 'user', content: JSON.stringify({ question: request.question, articles }) },
            ],
            response_format: responseFormat,
            max_completion_tokens: 800,
          },
          { signal: AbortSignal.timeout(config.timeoutMs) },
        );
        const choice = completion.choices[0];
        if (choice?.message.refusal) return fallBack('refused');
        if (choice?.finish_reason === 'length') return fallBack('truncated');
        const parsed = parseSynthesis(
          choice?.message.content,
          articles.map((a) => a.id),
        );
        if (!parsed.ok) return fallBack(parsed.problem);
        // Model-written ids: a few, shortened, so a runaway reply cannot flood the log.
        if (parsed.dropped.length > 0)
          log.info('answer synthesis cited unknown articles', {
            dropped: parsed.dropped.slice(0, 5).map((id) => id.slice(0, 80)),
          });
        return parsed.synthesis;
      } catch (err) {
        return fallBack(...describeOpenAiFailure(err));
      }
    },
  };
}
