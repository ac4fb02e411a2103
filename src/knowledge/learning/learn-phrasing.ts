import type { DeskContext } from '../../desk-context.ts';
import type { Interaction } from '../../store/interactions.ts';
import { rememberPhrasing } from '../../store/learned-phrasings.ts';

/** A person confirmed that `articleId` answers their question: ask it that way again and it is found. */
export async function learnPhrasing(ctx: DeskContext, interaction: Interaction, articleId: string): Promise<void> {
  const fresh = await rememberPhrasing(ctx.db, articleId, interaction.question, interaction.id, ctx.clock.now());
  if (fresh && ctx.kb.learn(articleId, interaction.question)) {
    ctx.log.info('phrasing learned', { article: articleId, interaction: interaction.id });
  }
}
