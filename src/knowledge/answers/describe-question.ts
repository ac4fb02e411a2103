import type { DeskContext } from '../../desk-context.ts';
import type { Interaction } from '../../store/interactions.ts';

/** What the help desk needs to pick the question up without asking again. */
export function describeForHelpDesk(ctx: DeskContext, interaction: Interaction, earlier: Interaction[]): string {
  const suggested = interaction.candidates
    .map((c) => ctx.kb.get(c.articleId)?.title ?? c.articleId)
    .map((title) => `- ${title}`);
  const verdict =
    interaction.helpful === false
      ? 'The person said the suggested answer did not help.'
      : 'The person asked for a human.';
  const title = (id: string | null) => (id ? (ctx.kb.get(id)?.title ?? id) : 'no article');
  const feedback = (i: Interaction) =>
    i.helpful === true ? 'helpful' : i.helpful === false ? 'not helpful' : 'no feedback';
  const conversation = earlier.map((i) => `- "${i.question}" → ${title(i.articleId)} (${feedback(i)})`);
  return [
    interaction.question,
    '',
    verdict,
    ...(suggested.length ? ['Articles the desk suggested:', ...suggested] : ['The desk found no matching article.']),
    ...(conversation.length ? ['', 'Earlier in this conversation:', ...conversation] : []),
  ].join('\n');
}
