import { z } from 'zod';
import type { EmbedOutcome } from './embed-text.ts';

/** The part of an embeddings response the desk reads (platform.openai.com/docs/api-reference/embeddings). */
const embeddingsResponse = z.object({
  data: z.array(
    z.object({
      index: z.number().int().min(0),
      embedding: z.array(z.number()).min(1),
    }),
  ),
});

/**
 * A server's answer is outside input: it must give exactly one vector per text sent, each index once, all
 * of one length. Anything else is refused whole, since a vector paired with the wrong article would rank
 * it for questions it does not answer.
 */
export function parseEmbeddings(body: unknown, sent: number): EmbedOutcome {
  const parsed = embeddingsResponse.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'wrong_shape' };
  const { data } = parsed.data;
  if (data.length !== sent) return { ok: false, reason: 'wrong_count' };
  const vectors: number[][] = [];
  for (const item of data) {
    if (item.index >= sent || vectors[item.index] !== undefined) return { ok: false, reason: 'wrong_index' };
    vectors[item.index] = item.embedding;
  }
  const length = vectors[0]?.length;
  if (vectors.some((v) => v.length !== length)) return { ok: false, reason: 'mixed_dimensions' };
  return { ok: true, vectors };
}
