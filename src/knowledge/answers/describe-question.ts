import type { DeskContext } from '../../desk-context.ts';
import { copy } from '../../messages/copy.ts';
import { ticketCopy } from '../../messages/ticket-copy.ts';
import type { Interaction } from '../../store/interactions.ts';

const c = ticketCopy.fromQuestion;

/** What the help desk needs to pick the question up without asking again. */
export function describeForHelpDesk(ctx: DeskContext, interaction: Interaction, earlier: Interaction[]): string {
  const suggested = interaction.candidates
    .map((c) => ctx.kb.get(c.articleId)?.title ?? c.articleId)
    .map((title) => `- ${title}`);
  const verdict = interaction.helpful === false ? c.notHelped : c.asked;
  const title = (id: string | null) => (id ? (ctx.kb.get(id)?.title ?? id) : c.noArticle);
  const feedback = (i: Interaction) =>
    i.helpful === true ? c.feedback.helpful : i.helpful === false ? c.feedback.notHelpful : c.feedback.none;
  const conversation = earlier.map((i) => `- "${i.question}" → ${title(i.articleId)} (${feedback(i)})`);
  return [
    interaction.question,
    ...(interaction.attachments?.length ? [copy.attached(interaction.attachments)] : []),
    '',
    verdict,
    ...(suggested.length ? [c.suggested, ...suggested] : [c.noneFound]),
    ...(conversation.length ? ['', c.earlier, ...conversation] : []),
  ].join('\n');
}
